"""Keep the search index, the pages' Last-Modified and the history in step with what clerks save.

A meeting's page shows its items, attachments, votes and participants, which are saved on their
own (admin inlines, the shell): a change to any of them marks the meeting as changed, so that a
browser's conditional request gets the new page and not a 304. Deleting needs no reindexing:
the search entries of a deleted meeting, item or attachment go with it (on_delete=CASCADE).

Every historical record (django-simple-history) is stamped with the change set it belongs to
(`minutes.changesets`): its time, user, public reason and kind.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone
from simple_history.signals import post_create_historical_record, pre_create_historical_record

from . import changesets, search
from .caching import forget_archive_freshness
from .models import AgendaItem, Attachment, Meeting, Participant, Vote


def _touch(meeting_id):
    Meeting.objects.filter(pk=meeting_id).update(updated_at=timezone.now())
    forget_archive_freshness()


@receiver(post_save, sender=Meeting, dispatch_uid="minutes_meeting_saved")
@receiver(post_delete, sender=Meeting, dispatch_uid="minutes_meeting_deleted")
def meeting_changed(sender, **kwargs):
    forget_archive_freshness()


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
@receiver(post_save, sender=Vote, dispatch_uid="minutes_vote_saved")
@receiver(post_delete, sender=Vote, dispatch_uid="minutes_vote_deleted")
def touch_meeting_of_item_part(sender, instance, **kwargs):
    _touch(AgendaItem.objects.filter(pk=instance.item_id).values("meeting_id")[:1])


# The history ------------------------------------------------------------------------------------

HISTORICAL_MODELS = {
    model.history.model for model in (Meeting, AgendaItem, Participant, Attachment, Vote)
}


@receiver(pre_create_historical_record, dispatch_uid="minutes_stamp_record")
def stamp_record(sender, history_instance, **kwargs):
    changes = changesets.current()
    if sender not in HISTORICAL_MODELS or changes is None:
        return
    history_instance.history_date = changes.when
    if changes.reason:
        history_instance.history_change_reason = changes.reason
    if changes.user is not None:
        history_instance.history_user = changes.user
    if changes.kind:
        history_instance.record_kind = changes.kind


@receiver(post_create_historical_record, dispatch_uid="minutes_note_record")
def note_record(sender, history_instance, **kwargs):
    if sender in HISTORICAL_MODELS:
        changesets.recorded(meeting_of(history_instance))


def meeting_of(record):
    """The id of the meeting a historical record belongs to, also after it has been deleted."""
    if isinstance(record, Meeting.history.model):
        return record.id
    if hasattr(record, "meeting_id"):
        return record.meeting_id
    return AgendaItem.history.filter(id=record.item_id).values_list("meeting_id", flat=True).first()
