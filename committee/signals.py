"""Forget the cached committee whenever one is saved or deleted, so every page names it rightly."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Committee


@receiver(post_save, sender=Committee, dispatch_uid="committee_saved")
@receiver(post_delete, sender=Committee, dispatch_uid="committee_deleted")
def forget_current_committee(sender, **kwargs):
    Committee.objects.forget_current()
