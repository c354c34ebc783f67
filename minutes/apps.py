from django.apps import AppConfig
from django.db.models.signals import post_migrate


class MinutesConfig(AppConfig):
    name = "minutes"
    verbose_name = "Referater"
    # The pages that belong to one meeting, its permalink first; each takes the meeting's `date`
    # (the statistics count them for their meeting: visits.meetings).
    meeting_url_names = ["minutes:meeting", "minutes:item", "minutes:meeting_corrections"]

    def ready(self):
        from . import error_pages, signals  # noqa: F401 - connect the receivers, the check
        from .clerks import define_clerk_group

        post_migrate.connect(define_clerk_group, sender=self, dispatch_uid="minutes_clerk_group")
