"""
`manage.py reindex_search`: rebuild the search table from the meetings as they are now.

Saves through admin keep the table current by themselves (minutes.signals). This is for what
bypasses them: a bulk import, an `update()` in a shell, a restored backup of only some tables.
"""

from django.core.management.base import BaseCommand
from django.db import connections

from minutes.models import Meeting, SearchEntry
from minutes.search import forget_searches, index_meeting


def tidy():
    """On PostgreSQL, outside a transaction: VACUUM the table and build its text index anew.

    The rebuild replaced every row, leaving the old ones behind as dead rows that searches read
    past until a VACUUM, and the GIN index, grown row by row, is about three times the size of
    one built at once (at 10,000 meetings 96 MB instead of 30). Both compete with the table for
    the database's memory, which is what a common word's search costs. `CONCURRENTLY`: searches
    go on while the index is built. Inside a transaction (a test's) neither can run.
    """
    connection = connections[SearchEntry.objects.db]
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return False
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM (ANALYZE) {quote(SearchEntry._meta.db_table)}")
        cursor.execute(f"REINDEX INDEX CONCURRENTLY {quote('searchentry_document')}")
    return True


class Command(BaseCommand):
    help = "Genopbyg søgeindekset for alle møder (kun offentliggjorte møder og åbne punkter)."

    def handle(self, *args, **options):
        meetings = Meeting.objects.order_by("date")
        for meeting in meetings.iterator(chunk_size=200):
            index_meeting(meeting)
        # The meetings are as they were, so the archive's version is too: searches kept under it
        # may hold what the rebuilt table no longer finds.
        forget_searches()
        tidied = tidy()
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
                + (" Tabellen er ryddet op og dens tekstindeks bygget på ny." if tidied else "")
            )
        )
