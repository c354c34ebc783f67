"""`manage.py prune_visits`: the retention of visitor keys, run daily (deploy/systemd)."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from visits.models import DailyVisitor


class Command(BaseCommand):
    help = (
        "Sletter besøgsnøglerne (forskellige besøgende pr. dag) for dage, der ligger mere end "
        "VISITS_VISITOR_RETENTION_DAYS dage tilbage. Sidevisningerne pr. side og dag bevares."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="hvor mange dage nøglerne gemmes (standard: VISITS_VISITOR_RETENTION_DAYS)",
        )

    def handle(self, *args, days, **options):
        days = settings.VISITS_VISITOR_RETENTION_DAYS if days is None else days
        deleted, first_kept = DailyVisitor.objects.prune(timezone.localdate(), days)
        self.stdout.write(
            f"Slettede {deleted} besøgsnøgler fra før {first_kept:%d-%m-%Y} ({days} dage). "
            "Sidevisningerne pr. side og dag er bevaret."
        )
