import datetime
from collections import Counter

from django.db import connections, models
from django.db.models import Count, Sum

from . import meetings


class PageViewQuerySet(models.QuerySet):
    def between(self, start, end):
        """Counts for the days from start to end, both included."""
        return self.filter(day__range=(start, end))

    def per_path(self):
        """Page views per path, most viewed first."""
        return self.values("path").annotate(total=Sum("views")).order_by("-total", "path")

    def top_pages(self, limit=20):
        return self.per_path()[:limit]

    def top_meetings(self, limit=20):
        """
        Page views per meeting, most read first, then the latest meeting: every page that belongs
        to a meeting (see visits.meetings) counts for it.

        One query for the views per path; each path viewed in the period is resolved here.
        """
        url_names = meetings.meeting_url_names()
        totals = Counter()
        for row in self.values("path").annotate(total=Sum("views")).order_by():
            date = meetings.meeting_date(row["path"], url_names)
            if date is not None:
                totals[date] += row["total"]
        ranked = sorted(totals.items(), key=lambda item: (item[1], item[0]), reverse=True)
        return [
            {"date": date, "meeting_path": meetings.meeting_url(date, url_names), "total": total}
            for date, total in ranked[:limit]
        ]

    def per_day(self):
        """{day: page views} for the days that have any."""
        rows = self.values("day").annotate(total=Sum("views")).order_by()
        return {row["day"]: row["total"] for row in rows}


class PageViewManager(models.Manager.from_queryset(PageViewQuerySet)):
    # Rows per statement: three parameters each, well inside SQLite's oldest limit of 999.
    UPSERT_BATCH_SIZE = 300

    def record(self, day, path, views=1):
        """Count `views` views of path on day."""
        self.record_counts([((day, path), views)])

    def record_counts(self, counts):
        """
        Add each count of [((day, path), views), ...] to its page's row, whether or not it exists.

        The ORM cannot increment on conflict, so this is the upsert that SQLite (3.24+) and
        PostgreSQL both understand, one statement for many rows: no read, no race between
        processes. Each (day, path) must appear once (PostgreSQL refuses to update a row twice
        in one statement): sum the views first.
        """
        connection = connections[self.db]
        quote = connection.ops.quote_name
        opts = self.model._meta
        table = quote(opts.db_table)
        day_column, path_column, views_column = (
            quote(opts.get_field(name).column) for name in ("day", "path", "views")
        )
        counts = list(counts)
        with connection.cursor() as cursor:
            for start in range(0, len(counts), self.UPSERT_BATCH_SIZE):
                batch = counts[start : start + self.UPSERT_BATCH_SIZE]
                rows = ", ".join(["(%s, %s, %s)"] * len(batch))
                sql = (
                    f"INSERT INTO {table} ({day_column}, {path_column}, {views_column}) "
                    f"VALUES {rows} "
                    f"ON CONFLICT ({day_column}, {path_column}) "
                    f"DO UPDATE SET {views_column} = {table}.{views_column} + "
                    f"excluded.{views_column}"
                )
                params = [
                    value
                    for (day, path), views in batch
                    for value in (connection.ops.adapt_datefield_value(day), path, views)
                ]
                cursor.execute(sql, params)

    def prune(self, today, retention_days):
        """Delete the counts of days more than `retention_days` before today; the number of
        counts deleted, and the first day kept."""
        first_kept = today - datetime.timedelta(days=retention_days)
        deleted, _ = self.filter(day__lt=first_kept).delete()
        return deleted, first_kept


class PageView(models.Model):
    """How many times a public page was viewed on one day, by visitors whose consent holds."""

    PATH_MAX_LENGTH = 500

    day = models.DateField("dag")
    path = models.CharField("side", max_length=PATH_MAX_LENGTH)
    views = models.PositiveIntegerField("visninger", default=0)

    objects = PageViewManager()

    class Meta:
        verbose_name = "sidevisning"
        verbose_name_plural = "sidevisninger"
        ordering = ["-day", "-views"]
        constraints = [
            models.UniqueConstraint(fields=["day", "path"], name="visits_pageview_day_path"),
        ]

    def __str__(self):
        return f"{self.path} den {self.day:%d-%m-%Y}: {self.views}"


class DailyVisitorQuerySet(models.QuerySet):
    def between(self, start, end):
        return self.filter(day__range=(start, end))

    def per_day(self):
        """{day: distinct visitors} for the days that have any."""
        rows = self.values("day").annotate(total=Count("id")).order_by()
        return {row["day"]: row["total"] for row in rows}


class DailyVisitorManager(models.Manager.from_queryset(DailyVisitorQuerySet)):
    def record(self, day, visitor_hash):
        """Note that the visitor came on day; a repeat is silently ignored by the database."""
        self.record_all([(day, visitor_hash)])

    def record_all(self, visits):
        """Note each (day, visitor_hash) of visits, ignoring those already noted."""
        self.bulk_create(
            [self.model(day=day, visitor_hash=visitor_hash) for day, visitor_hash in visits],
            ignore_conflicts=True,
        )

    def prune(self, today, retention_days):
        """
        Delete the visitor keys of days more than `retention_days` before today; the number
        deleted, and the first day kept.

        The keys only tell visitors apart within a day; once a day's count has been read, keeping
        them serves nothing. Page counts (PageView) hold nothing about a visitor and are kept
        longer (PageViewManager.prune).
        """
        first_kept = today - datetime.timedelta(days=retention_days)
        deleted, _ = self.filter(day__lt=first_kept).delete()
        return deleted, first_kept


class DailyVisitor(models.Model):
    """One distinct visitor on one day, known only by a hash that changes from day to day."""

    day = models.DateField("dag")
    visitor_hash = models.CharField("besøgsnøgle", max_length=64)

    objects = DailyVisitorManager()

    class Meta:
        verbose_name = "besøgende"
        verbose_name_plural = "besøgende"
        constraints = [
            models.UniqueConstraint(
                fields=["day", "visitor_hash"], name="visits_dailyvisitor_day_hash"
            ),
        ]

    def __str__(self):
        return f"Besøgende den {self.day:%d-%m-%Y}"
