"""Keep the search index and the pages' Last-Modified in step with what clerks save.

A meeting's page shows its items, attachments and participants, which are saved on their own
(admin inlines, the shell): a change to any of them marks the meeting as changed, so that a
browser's conditional request gets the new page and not a 304. Deleting needs no reindexing:
the search entries of a deleted meeting, item or attachment go with it (on_delete=CASCADE).
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from . import search
from .models import AgendaItem, Attachment, Meeting, Participant


def _touch(meeting_id):
    Meeting.objects.filter(pk=meeting_id).update(updated_at=timezone.now())


# What a meeting's own search entries are made of; a save of other fields alone (such as
# admin's `save(update_fields=["corrected_at", "updated_at"])`) leaves them as they are.
INDEXED_MEETING_FIELDS = {
    "is_published",
    "date",
    "kind",
    "committee",
    "remarks",
    "minutes_pdf_text",
}


@receiver(post_save, sender=Meeting, dispatch_uid="minutes_index_meeting")
def index_meeting(sender, instance, update_fields=None, **kwargs):
    if update_fields is None or INDEXED_MEETING_FIELDS & set(update_fields):
        search.index_meeting(instance)


@receiver(post_save, sender=AgendaItem, dispatch_uid="minutes_index_item")
def index_item(sender, instance, **kwargs):
    _touch(instance.meeting_id)
    search.index_item(instance)


@receiver(post_save, sender=Attachment, dispatch_uid="minutes_index_attachment")
def index_attachment(sender, instance, **kwargs):
    _touch(AgendaItem.objects.filter(pk=instance.item_id).values("meeting_id")[:1])
    search.index_attachment(instance)


@receiver(post_save, sender=Participant, dispatch_uid="minutes_participant_saved")
@receiver(post_delete, sender=Participant, dispatch_uid="minutes_participant_deleted")
@receiver(post_delete, sender=AgendaItem, dispatch_uid="minutes_item_deleted")
def touch_meeting(sender, instance, **kwargs):
    _touch(instance.meeting_id)


@receiver(post_delete, sender=Attachment, dispatch_uid="minutes_attachment_deleted")
def touch_meeting_of_attachment(sender, instance, **kwargs):
    _touch(AgendaItem.objects.filter(pk=instance.item_id).values("meeting_id")[:1])
