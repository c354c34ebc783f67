"""The moment a meeting is published, as an agenda or as the minutes: queue its alerts.

The queueing waits for the transaction to commit: a clerk's admin save publishes the meeting
before its items are saved, and a search subscription must be matched against the whole meeting
as the search index has it. A failure there is logged and never undoes the clerk's save.
"""

import functools

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from minutes.models import Meeting

from .queueing import announce


@receiver(post_save, sender=Meeting, dispatch_uid="alerts_meeting_saved")
def meeting_saved(sender, instance, raw=False, **kwargs):
    if raw or {"is_published", "kind"} & instance.get_deferred_fields():
        return
    if instance.is_published:
        transaction.on_commit(functools.partial(announce, instance.pk, instance.kind), robust=True)
