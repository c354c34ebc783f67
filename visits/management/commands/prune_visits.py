"""`manage.py prune_visits`: the retention of visitor keys and page counts, run daily
(deploy/systemd)."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from visits.models import DailyVisitor, PageView


class Command(BaseCommand):
    help = (
        "Sletter besøgsnøglerne (forskellige besøgende pr. dag) for dage, der ligger mere end "
        "VISITS_VISITOR_RETENTION_DAYS dage tilbage, og sidevisningerne pr. side og dag for dage "
        "mere end VISITS_PAGE_RETENTION_DAYS dage tilbage."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="hvor mange dage nøglerne gemmes (standard: VISITS_VISITOR_RETENTION_DAYS)",
        )
        parser.add_argument(
            "--page-days",
            type=int,
            default=None,
            help="hvor mange dage sidevisningerne gemmes (standard: VISITS_PAGE_RETENTION_DAYS)",
        )

    def handle(self, *args, days, page_days, **options):
        days = settings.VISITS_VISITOR_RETENTION_DAYS if days is None else days
        page_days = settings.VISITS_PAGE_RETENTION_DAYS if page_days is None else page_days
        today = timezone.localdate()
        deleted, first_kept = DailyVisitor.objects.prune(today, days)
        pages_deleted, first_page_kept = PageView.objects.prune(today, page_days)
        self.stdout.write(
            f"Slettede {deleted} besøgsnøgler fra før {first_kept:%d-%m-%Y} ({days} dage) og "
            f"{pages_deleted} sidevisningstal fra før {first_page_kept:%d-%m-%Y} "
            f"({page_days} dage)."
        )
