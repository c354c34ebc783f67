"""
Forget the cached committee whenever one is saved or deleted, so every page names it rightly;
mark the committee as changed whenever one of its tasks or members is, so that its page (kept
in the page cache under the committee's `updated_at`, minutes.caching) and the sitemap follow.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from .models import Committee, Member, Task


@receiver(post_save, sender=Committee, dispatch_uid="committee_saved")
@receiver(post_delete, sender=Committee, dispatch_uid="committee_deleted")
def forget_current_committee(sender, **kwargs):
    Committee.objects.forget_current()
    Committee.objects.forget_freshness()


@receiver(post_save, sender=Task, dispatch_uid="committee_task_saved")
@receiver(post_delete, sender=Task, dispatch_uid="committee_task_deleted")
@receiver(post_save, sender=Member, dispatch_uid="committee_member_saved")
@receiver(post_delete, sender=Member, dispatch_uid="committee_member_deleted")
def mark_committee_changed(sender, instance, raw=False, **kwargs):
    if raw:
        # Loading a fixture: the committee's own row says when it last changed.
        return
    Committee.objects.filter(pk=instance.committee_id).update(updated_at=timezone.now())
    Committee.objects.forget_freshness()
