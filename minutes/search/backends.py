"""Finding the public entries that match a query: PostgreSQL's own text search, or a fallback.

On PostgreSQL: the stored Danish text search vector of each entry (`SearchEntry.document`, a
generated column with a GIN index, see `minutes.fulltext`), `websearch_to_tsquery` for what people
type, `ts_rank` over the title's own stored vector for the order, and `ts_headline` for the
snippets of only the hits a page shows. Every query runs under a statement timeout
(`time_limit`). Elsewhere (SQLite, for development) every word must begin a word,
case-insensitively, in the title or body; `minutes.search.results` then cuts the snippet out in
Python.
"""

import contextlib

from django.conf import settings
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import OperationalError, connections, transaction
from django.db.models import Case, Count, F, FloatField, Max, Q, Value, When

from minutes.fulltext import SEARCH_CONFIG
from minutes.models import SearchEntry

from .query import Filters, term_pattern

# ts_headline marks matches with these private-use characters, which are removed from every
# entry when it is indexed; the snippet is escaped and only then are they turned into <mark>.
MARK_START, MARK_END = "\ue000", "\ue001"
# What each type filter keeps (the meeting's own entry, its date and remarks, is in none).
KIND_FILTERS = {
    "punkt": SearchEntry.Kind.ITEM,
    "bilag": SearchEntry.Kind.ATTACHMENT,
    "pdf": SearchEntry.Kind.MINUTES_PDF,
}


class SearchTimeout(Exception):
    """The database gave up on a search that took longer than `SEARCH_TIMEOUT_MS`."""


def _connection():
    return connections[SearchEntry.objects.db]


def _uses_postgres():
    return _connection().vendor == "postgresql"


@contextlib.contextmanager
def time_limit():
    """Inside, every query of the search is cancelled after `settings.SEARCH_TIMEOUT_MS`.

    A search that would hold a worker for seconds raises `SearchTimeout` instead. The limit is
    PostgreSQL's `statement_timeout`, set for this transaction only (`set_config(…, true)` is
    `SET LOCAL`), so nothing else the worker does is limited by it.

    The search's statements also go through the GIN index, never a sequential scan: for a word
    in one entry in ten the planner reckons reading the whole table cheaper, not counting that
    this means reading every stored vector again (at 10,000 meetings 170 ms instead of 8).
    """
    connection = _connection()
    try:
        with transaction.atomic(using=connection.alias):
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute(
                        "SELECT set_config('statement_timeout', %s, true), "
                        "set_config('enable_seqscan', 'off', true)",
                        [f"{int(settings.SEARCH_TIMEOUT_MS)}ms"],
                    )
            yield
    except OperationalError as error:
        if type(error.__cause__).__name__ == "QueryCanceled":
            raise SearchTimeout from error
        raise


def _entries(filters):
    entries = SearchEntry.objects.all()
    if filters.year:
        entries = entries.filter(meeting_date__year=filters.year)
    if filters.kind:
        entries = entries.filter(kind=KIND_FILTERS[filters.kind])
    return entries


def _ts_query(query):
    return SearchQuery(query.text, search_type="websearch", config=SEARCH_CONFIG)


def _contains(term, *fields):
    pattern = term_pattern(term)
    return Q(*[Q(**{f"{field}__iregex": pattern}) for field in fields], _connector=Q.OR)


def matching(query, filters):
    """Entries that match, with `rank` (higher is better), not yet ordered or fetched.

    Finding, counting and ordering read the search table alone: it holds only public text (see
    `minutes.search.indexing`) and each entry's meeting date. The rank is how well the entry's
    title matches (`SearchEntry.title_document`, a few words): a hit in a title comes first, and
    among hits in the text alone the newest meeting does. Ranking by the whole document's vector
    read every match's long vector again, and for a common word at 10,000 meetings that was most
    of the search's time.
    """
    entries = _entries(filters)
    if _uses_postgres():
        ts_query = _ts_query(query)
        # Ranked only where the title matches: ts_rank over every match's title, even a few
        # words, took half of a common phrase's search (13,000 matches, 35 ms of 62).
        return entries.filter(document=ts_query).annotate(
            rank=Case(
                When(title_document=ts_query, then=SearchRank(F("title_document"), ts_query)),
                default=Value(0.0),
                output_field=FloatField(),
            )
        )
    for term in query.words + query.phrases:
        entries = entries.filter(_contains(term, "title", "body"))
    for term in query.excluded:
        entries = entries.exclude(_contains(term, "title", "body"))
    title_hits = sum(
        (
            Case(When(_contains(term, "title"), then=Value(1.0)), default=Value(0.0))
            for term in query.words + query.phrases
        ),
        Value(0.0),
    )
    return entries.annotate(rank=title_hits * Value(1.0, output_field=FloatField()))


def finds_meeting(query, meeting_id):
    """Whether the query has a public hit in this meeting (an alert's search, say)."""
    return _public(matching(query, Filters())).filter(meeting_id=meeting_id).exists()


def ordered_meetings(entries, filters):
    """(ids of every meeting with a hit, in the results' order; the number of hits in all).

    One grouped query over the search table: by relevance a meeting is as good as its best hit
    (then the newest first), by date the newest comes first. Counting the results is then
    counting the ids, and every page of the results is a slice of them. On PostgreSQL the
    database also gathers the ids into one array and adds up the hits: a common word matches
    5,000-7,000 meetings at 10,000, and taking them as that many rows through the ORM cost
    3-5 ms more than the array.
    """
    groups = entries.order_by().values("meeting_id", "meeting_date").annotate(hits=Count("id"))
    if filters.by_date:
        order = ["-meeting_date", "-meeting_id"]
    else:
        groups = groups.annotate(best=Max("rank"))
        order = ["-best", "-meeting_date", "-meeting_id"]
    if not _uses_postgres():
        found = list(groups.order_by(*order).values_list("meeting_id", "hits"))
        return [pk for pk, _ in found], sum(hits for _, hits in found)
    connection = _connection()
    sql, params = groups.query.get_compiler(connection=connection).as_sql()
    by = ", ".join(f"{connection.ops.quote_name(field[1:])} DESC" for field in order)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT array_agg(meeting_id ORDER BY {by}), sum(hits)::bigint FROM ({sql}) AS found",
            params,
        )
        ids, hits = cursor.fetchone()
    return ids or [], hits or 0


def _public(entries):
    # The table holds only public text; these conditions guard the hits a page shows against
    # rows that a bulk update (which sends no signals) might have left behind.
    return entries.filter(meeting__is_published=True).filter(
        Q(item__isnull=True) | Q(item__is_closed=False)
    )


def page_entries(entries, ids):
    """Every hit of the given meetings, best first within each, with what the page shows."""
    return (
        _public(entries.filter(meeting_id__in=ids))
        .select_related("meeting__committee", "item", "attachment")
        .only(
            "id",
            "kind",
            "title",
            "body",
            "attachment__id",
            "attachment__file",
            "meeting__id",
            "meeting__date",
            "meeting__kind",
            "meeting__minutes_pdf",
            "meeting__first_published_at",
            "meeting__committee__name",
            "item__id",
            "item__number",
            "item__title",
            "item__is_closed",
            "item__outcome",
        )
        # The meeting's own entry and its PDF before its items, where the rank is the same.
        .order_by("-rank", F("item__number").asc(nulls_first=True), "id")
    )


def headlines(entries, query):
    """{entry id: (title, snippet)} with matches between MARK_START and MARK_END (PostgreSQL).

    ts_headline reads the whole text again, so it runs only for the hits a page shows.
    """
    if not entries or not _uses_postgres():
        return {}
    ts_query = _ts_query(query)
    options = {"start_sel": MARK_START, "stop_sel": MARK_END, "config": SEARCH_CONFIG}
    marked = SearchEntry.objects.filter(pk__in=[entry.pk for entry in entries]).annotate(
        title_marked=SearchHeadline("title", ts_query, highlight_all=True, **options),
        body_marked=SearchHeadline(
            "body",
            ts_query,
            max_words=35,
            min_words=15,
            max_fragments=2,
            fragment_delimiter=" … ",
            **options,
        ),
    )
    return {
        pk: (title, body)
        for pk, title, body in marked.values_list("pk", "title_marked", "body_marked")
    }
