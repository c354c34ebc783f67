"""Finding the public entries that match a query: PostgreSQL's own text search, or a fallback.

On PostgreSQL: a Danish text search vector over title (weight A) and body (weight B), served by the
GIN index that migration 0003 creates over exactly the same expression (`document_vector()`),
`websearch_to_tsquery` for what people type, `ts_rank` for the order and `ts_headline` for the
snippets. Elsewhere (SQLite, for development) every word must begin a word, case-insensitively,
in the title or body; `minutes.search.results` then cuts the snippet out in Python.
"""

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
)
from django.db import connections
from django.db.models import Case, Q, Value, When

from minutes.models import SearchEntry

from .query import term_pattern

SEARCH_CONFIG = "danish"
# ts_headline marks matches with these private-use characters, which are removed from every
# entry when it is indexed; the snippet is escaped and only then are they turned into <mark>.
MARK_START, MARK_END = "\ue000", "\ue001"


def document_vector():
    """The searchable document; migration 0003 indexes exactly this expression."""
    return SearchVector("title", weight="A", config=SEARCH_CONFIG) + SearchVector(
        "body", weight="B", config=SEARCH_CONFIG
    )


def _uses_postgres():
    return connections[SearchEntry.objects.db].vendor == "postgresql"


def _public_entries():
    # The table holds only public text; these conditions guard against rows a bulk update
    # (which sends no signals) might have left behind.
    return (
        SearchEntry.objects.filter(meeting__is_published=True)
        .filter(Q(item__isnull=True) | Q(item__is_closed=False))
        .select_related("meeting__committee", "item")
        .only(
            "id",
            "kind",
            "title",
            "body",
            "attachment_id",
            "meeting__id",
            "meeting__date",
            "meeting__kind",
            "meeting__committee__name",
            "item__id",
            "item__number",
            "item__is_closed",
        )
    )


def search(query):
    """Published, public entries matching the query, best first."""
    if _uses_postgres():
        return _search_postgres(query)
    return _search_fallback(query)


def _search_postgres(query):
    ts_query = SearchQuery(query.text, search_type="websearch", config=SEARCH_CONFIG)
    headline = {"start_sel": MARK_START, "stop_sel": MARK_END, "config": SEARCH_CONFIG}
    return (
        _public_entries()
        .annotate(document=document_vector())
        .filter(document=ts_query)
        .annotate(
            rank=SearchRank(document_vector(), ts_query),
            title_marked=SearchHeadline("title", ts_query, highlight_all=True, **headline),
            body_marked=SearchHeadline(
                "body",
                ts_query,
                max_words=35,
                min_words=15,
                max_fragments=2,
                fragment_delimiter=" … ",
                **headline,
            ),
        )
        .order_by("-rank", "-meeting__date", "item__number", "id")
    )


def _contains(term, *fields):
    pattern = term_pattern(term)
    return Q(*[Q(**{f"{field}__iregex": pattern}) for field in fields], _connector=Q.OR)


def _search_fallback(query):
    entries = _public_entries()
    for term in query.words + query.phrases:
        entries = entries.filter(_contains(term, "title", "body"))
    for term in query.excluded:
        entries = entries.exclude(_contains(term, "title", "body"))
    title_hits = sum(
        (
            Case(When(_contains(term, "title"), then=Value(1)), default=Value(0))
            for term in query.words + query.phrases
        ),
        Value(0),
    )
    return entries.annotate(rank=title_hits).order_by(
        "-rank", "-meeting__date", "item__number", "id"
    )
