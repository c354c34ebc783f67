"""Keeping the search table (`SearchEntry`) in step with the public text of published meetings.

An entry is made from the models' public accessors only, so a closed item or an unpublished
meeting never has one and nothing secret can be found by searching. `minutes.signals` calls these
whenever a meeting, item or attachment is saved; `manage.py reindex_search` for what bypasses them.
"""

import re

from django.db import transaction

from minutes.models import AgendaItem, Attachment, Meeting, SearchEntry
from minutes.presentation import long_date

from .backends import MARK_END, MARK_START

# A body longer than this (a book-length PDF) is cut: PostgreSQL's tsvector holds at most 1 MB,
# and an entry that cannot be indexed must never stop a clerk from saving a meeting.
MAX_BODY_LENGTH = 200_000
# NUL cannot be stored by PostgreSQL; the marks would be taken for highlighting.
NOT_STORABLE = re.compile(f"[\x00{MARK_START}{MARK_END}]")


def _storable(text, limit=MAX_BODY_LENGTH):
    return NOT_STORABLE.sub("", text or "")[:limit]


def _item_entries(meeting, item, attachments):
    if item.is_closed:
        return []
    body = "\n\n".join(section.text for section in item.public_sections())
    entries = [
        SearchEntry(
            meeting=meeting,
            meeting_date=meeting.date,
            item=item,
            kind=SearchEntry.Kind.ITEM,
            title=_storable(item.public_title, 400),
            body=_storable(body),
        )
    ]
    entries += [
        SearchEntry(
            meeting=meeting,
            meeting_date=meeting.date,
            item=item,
            attachment=attachment,
            kind=SearchEntry.Kind.ATTACHMENT,
            title=_storable(attachment.title, 400),
            body=_storable(attachment.text),
        )
        for attachment in attachments
    ]
    return entries


@transaction.atomic
def index_meeting(meeting):
    """Rebuild every entry of one meeting: none at all unless it is published."""
    SearchEntry.objects.filter(meeting_id=meeting.pk).delete()
    if not meeting.is_published:
        return
    entries = [
        SearchEntry(
            meeting=meeting,
            meeting_date=meeting.date,
            kind=SearchEntry.Kind.MEETING,
            # The date in words, so "29. maj 2018" finds it; not the committee's name or the
            # kind, which would make every meeting a hit for "Hvidovre" or "referat".
            title=long_date(meeting.date),
            body=_storable(meeting.remarks),
        )
    ]
    if meeting.minutes_pdf_text.strip():
        entries.append(
            SearchEntry(
                meeting=meeting,
                meeting_date=meeting.date,
                kind=SearchEntry.Kind.MINUTES_PDF,
                body=_storable(meeting.minutes_pdf_text),
            )
        )
    items = AgendaItem.objects.filter(meeting_id=meeting.pk).prefetch_related("attachments")
    for item in items:
        entries += _item_entries(meeting, item, item.attachments.all())
    SearchEntry.objects.bulk_create(entries)


@transaction.atomic
def index_item(item):
    """Rebuild the entries of one agenda item and its attachments."""
    SearchEntry.objects.filter(item_id=item.pk).delete()
    meeting = Meeting.objects.only("id", "date", "is_published").get(pk=item.meeting_id)
    if meeting.is_published:
        attachments = Attachment.objects.filter(item_id=item.pk)
        SearchEntry.objects.bulk_create(_item_entries(meeting, item, attachments))


def index_attachment(attachment):
    """Rebuild the entries of the item the attachment belongs to."""
    item = AgendaItem.objects.filter(pk=attachment.item_id).first()
    if item is not None:
        index_item(item)
