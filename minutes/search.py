"""Full-text search over the public text of published meetings.

What can be found lives in one denormalised table, `SearchEntry`, rebuilt from the models'
public accessors whenever a meeting, item or attachment is saved (see `minutes.signals`). A
closed item or an unpublished meeting never has an entry, so nothing secret can be searched.

On PostgreSQL the search is PostgreSQL's own: a Danish text search vector over title (weight A)
and body (weight B), served by the GIN index that migration 0003 creates over exactly the same
expression (`document_vector()`), `websearch_to_tsquery` for what people type, `ts_rank` for
the order and `ts_headline` for the snippets. Elsewhere (SQLite, for development) every word
must begin a word, case-insensitively, in the title or body, and the snippet is cut out in
Python.
"""

import re
from dataclasses import dataclass, field

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
)
from django.db import connections, transaction
from django.db.models import Case, Q, Value, When
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe

from .models import AgendaItem, Attachment, Meeting, SearchEntry
from .presentation import long_date, meeting_title

SEARCH_CONFIG = "danish"
MAX_QUERY_LENGTH = 200
# A body longer than this (a book-length PDF) is cut: PostgreSQL's tsvector holds at most 1 MB,
# and an entry that cannot be indexed must never stop a clerk from saving a meeting.
MAX_BODY_LENGTH = 200_000
# ts_headline marks matches with these private-use characters, which are removed from every
# entry when it is indexed; the snippet is escaped and only then are they turned into <mark>.
MARK_START, MARK_END = "\ue000", "\ue001"
NOT_STORABLE = re.compile(f"[\x00{MARK_START}{MARK_END}]")
# Phrases in quotes, words with an optional minus in front: what `websearch` understands too.
TERM = re.compile(r'(-?)"([^"]*)"|(-?)([\w]+(?:[-.,/][\w]+)*)')


def document_vector():
    """The searchable document; migration 0003 indexes exactly this expression."""
    return SearchVector("title", weight="A", config=SEARCH_CONFIG) + SearchVector(
        "body", weight="B", config=SEARCH_CONFIG
    )


# Indexing --------------------------------------------------------------------------------------


def _storable(text, limit=MAX_BODY_LENGTH):
    return NOT_STORABLE.sub("", text or "")[:limit]


def _item_entries(meeting, item, attachments):
    if item.is_closed:
        return []
    body = "\n\n".join(text for _heading, text in item.public_sections())
    entries = [
        SearchEntry(
            meeting=meeting,
            item=item,
            kind=SearchEntry.Kind.ITEM,
            title=_storable(item.public_title, 400),
            body=_storable(body),
        )
    ]
    entries += [
        SearchEntry(
            meeting=meeting,
            item=item,
            attachment=attachment,
            kind=SearchEntry.Kind.ATTACHMENT,
            title=_storable(attachment.title, 400),
            body=_storable(attachment.text),
        )
        for attachment in attachments
    ]
    return entries


@transaction.atomic
def index_meeting(meeting):
    """Rebuild every entry of one meeting: none at all unless it is published."""
    SearchEntry.objects.filter(meeting_id=meeting.pk).delete()
    if not meeting.is_published:
        return
    entries = [
        SearchEntry(
            meeting=meeting,
            kind=SearchEntry.Kind.MEETING,
            # The date in words, so "29. maj 2018" finds it; not the committee's name or the
            # kind, which would make every meeting a hit for "Hvidovre" or "referat".
            title=long_date(meeting.date),
            body=_storable(meeting.remarks),
        )
    ]
    if meeting.minutes_pdf_text.strip():
        entries.append(
            SearchEntry(
                meeting=meeting,
                kind=SearchEntry.Kind.MINUTES_PDF,
                body=_storable(meeting.minutes_pdf_text),
            )
        )
    items = AgendaItem.objects.filter(meeting_id=meeting.pk).prefetch_related("attachments")
    for item in items:
        entries += _item_entries(meeting, item, item.attachments.all())
    SearchEntry.objects.bulk_create(entries)


@transaction.atomic
def index_item(item):
    """Rebuild the entries of one agenda item and its attachments."""
    SearchEntry.objects.filter(item_id=item.pk).delete()
    meeting = Meeting.objects.only("id", "is_published").get(pk=item.meeting_id)
    if meeting.is_published:
        attachments = Attachment.objects.filter(item_id=item.pk)
        SearchEntry.objects.bulk_create(_item_entries(meeting, item, attachments))


def index_attachment(attachment):
    """Rebuild the entries of the item the attachment belongs to."""
    item = AgendaItem.objects.filter(pk=attachment.item_id).first()
    if item is not None:
        index_item(item)


# Queries ---------------------------------------------------------------------------------------


@dataclass
class Query:
    """What a visitor typed, cleaned, with a Danish explanation if it cannot be searched."""

    raw: str
    text: str = ""
    problem: str = ""
    words: list = field(default_factory=list)
    phrases: list = field(default_factory=list)
    excluded: list = field(default_factory=list)

    @classmethod
    def parse(cls, raw):
        raw = raw or ""
        # NUL and other control characters are no part of a search; PostgreSQL refuses NUL.
        text = " ".join(re.sub(r"[\x00-\x1f\x7f]", " ", raw).split())
        query = cls(raw=raw, text=text)
        if len(text) > MAX_QUERY_LENGTH:
            query.problem = (
                f"Din søgning er for lang ({len(text)} tegn). Skriv højst {MAX_QUERY_LENGTH} "
                "tegn – et par ord er nok, fx “Hvidovrevej” eller “almene boliger”."
            )
            return query
        for minus, phrase, minus_word, word in TERM.findall(text):
            term = " ".join(re.findall(r"\w+", phrase)) if phrase else word
            if not term:
                continue
            if minus or minus_word:
                query.excluded.append(term)
            elif phrase and " " in term:
                query.phrases.append(term)
            else:
                query.words.append(term)
        if text and not (query.words or query.phrases):
            query.problem = (
                "Skriv mindst ét ord eller tal, du vil finde. Tegn som anførselstegn og "
                "bindestreger alene kan vi ikke søge efter."
            )
        return query

    @property
    def is_searchable(self):
        return bool(self.text) and not self.problem

    @property
    def terms(self):
        """Words and phrases that must occur, longest first (for highlighting)."""
        return sorted(self.words + self.phrases, key=len, reverse=True)


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


def term_pattern(term):
    """A regular expression for a word or phrase at the start of a word, any whitespace between.

    Python's `re` does the matching on SQLite (Django registers it as REGEXP), so the case of
    æ, ø and å is folded too, and "bolig" finds "boliger" but not "Almenboligudvalg".
    """
    return r"\b" + r"\s+".join(re.escape(word) for word in term.split())


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


# Results ---------------------------------------------------------------------------------------


def _marked(text):
    """ts_headline output as safe HTML: escaped, then the markers made into <mark>."""
    html = escape(" ".join(text.split()))
    html = html.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    return mark_safe(html)


def highlight(text, terms, width=240):
    """An escaped excerpt of `text` around the first term found, with every term in <mark>."""
    text = " ".join((text or "").split())
    if not terms:
        return escape(text[:width])
    pattern = re.compile("|".join(term_pattern(t) for t in terms), re.IGNORECASE)
    first = pattern.search(text)
    start = 0
    if first and first.start() > width // 3:
        start = text.rfind(" ", 0, first.start() - width // 3) + 1
    end = len(text) if start + width >= len(text) else text.rfind(" ", start, start + width)
    if end <= start:
        end = min(len(text), start + width)
    excerpt = text[start:end]
    parts, position = [], 0
    for match in pattern.finditer(excerpt):
        parts.append(escape(excerpt[position : match.start()]))
        parts.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    parts.append(escape(excerpt[position:]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(parts) + suffix)


@dataclass
class Hit:
    """One search result as the page shows it: where it is, and the meeting it belongs to."""

    url: str
    label: str
    title_html: str
    snippet_html: str
    meeting_url: str
    meeting_title: str
    file_url: str = ""
    file_label: str = ""


def hits(entries, query):
    """The page's entries (already fetched) as `Hit`s with highlighted title and snippet."""
    results = []
    for entry in entries:
        meeting = entry.meeting
        meeting_url = meeting.get_absolute_url()
        if hasattr(entry, "body_marked"):
            title_html, snippet_html = _marked(entry.title_marked), _marked(entry.body_marked)
        else:
            title_html = highlight(entry.title, query.terms, width=400)
            snippet_html = highlight(entry.body, query.terms)
        if entry.kind == SearchEntry.Kind.MEETING:
            title_html = highlight(meeting_title(meeting), query.terms, width=400)
        hit = Hit(
            url=meeting_url,
            label="",
            title_html=title_html,
            snippet_html=snippet_html,
            meeting_url=meeting_url,
            meeting_title=meeting_title(meeting),
        )
        if entry.kind == SearchEntry.Kind.MINUTES_PDF:
            hit.label = entry.get_kind_display()
            hit.file_url, hit.file_label = meeting.get_pdf_url(), "Åbn referatet som PDF"
        elif entry.item_id:
            hit.url = f"{meeting_url}#{entry.item.anchor}"
            hit.label = f"Punkt {entry.item.number}"
            if entry.kind == SearchEntry.Kind.ATTACHMENT:
                hit.label = f"Bilag til punkt {entry.item.number}"
                hit.file_url = reverse(
                    "minutes:attachment", kwargs={"date": meeting.date, "pk": entry.attachment_id}
                )
                hit.file_label = "Åbn bilaget som PDF"
        results.append(hit)
    return results
