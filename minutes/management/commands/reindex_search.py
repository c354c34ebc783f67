"""
`manage.py reindex_search`: rebuild the search table from the meetings as they are now.

Saves through admin keep the table current by themselves (minutes.signals). This is for what
bypasses them: a bulk import, an `update()` in a shell, a restored backup of only some tables.
"""

from django.core.management.base import BaseCommand

from minutes.models import Meeting, SearchEntry
from minutes.search import forget_searches, index_meeting


class Command(BaseCommand):
    help = "Genopbyg søgeindekset for alle møder (kun offentliggjorte møder og åbne punkter)."

    def handle(self, *args, **options):
        meetings = Meeting.objects.order_by("date")
        for meeting in meetings.iterator(chunk_size=200):
            index_meeting(meeting)
        # The meetings are as they were, so the archive's version is too: searches kept under it
        # may hold what the rebuilt table no longer finds.
        forget_searches()
        # Entries of meetings that no longer exist go with their meetings (CASCADE); nothing else
        # can be left behind.
        published = meetings.filter(is_published=True).count()
        meetings_text = (
            "1 offentliggjort møde" if published == 1 else f"{published} offentliggjorte møder"
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Søgeindekset er genopbygget: {meetings_text}, "
                f"{SearchEntry.objects.count()} søgbare dele."
            )
        )
