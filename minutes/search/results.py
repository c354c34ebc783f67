"""Search results as the page shows them: where each hit is, with its title and a snippet."""

import hashlib
import re
import time
from array import array
from dataclasses import dataclass, field
from functools import cached_property

from django.conf import settings
from django.core.cache import caches
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from minutes.models import SearchEntry, Vote
from minutes.presentation import long_date, weekday_date

from . import backends
from .backends import MARK_END, MARK_START
from .query import term_pattern

# The shared cache (Redis in production) that also keeps rendered pages.
CACHE_ALIAS = "fragments"
# Part of the key of every kept search and search page. Saves change the archive's version,
# which is in the key too; `reindex_search` rebuilds the table around the models and moves this.
GENERATION_KEY = "minutes:search-generation"


def generation():
    # Lost or never set: a value never used before, so no search kept under an older one can come
    # back.
    return caches[CACHE_ALIAS].get_or_set(GENERATION_KEY, time.time_ns, None)


def forget_searches():
    """Searches kept so far are not to be used again (the search table was rebuilt)."""
    caches[CACHE_ALIAS].set(GENERATION_KEY, time.time_ns(), None)


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


# The best hits of a meeting are shown with a snippet; the others by their titles only.
HITS_WITH_SNIPPET = 3


@dataclass
class Hit:
    """One search result as the page shows it: what it is, where it leads, and its context."""

    url: str
    title_html: str
    snippet_html: str = ""
    # Where in the meeting it is, for an attachment ("Bilag til punkt 3: …").
    context_url: str = ""
    context_label: str = ""
    # An item's outcome and votes ("Godkendt", "For: A, V. Imod: O").
    outcome: str = ""
    votes: str = ""
    # What the hit is, stable across reindexing (for a feed's guid).
    key: str = ""


@dataclass
class MeetingHits:
    """A meeting with its hits, the best first."""

    meeting: object
    url: str
    date: str
    kind: str
    count: int = 0
    hits: list = field(default_factory=list)
    more: list = field(default_factory=list)


def _votes(item, votes):
    positions = {}
    for vote in votes.get(item.pk, ()):
        positions.setdefault(vote.get_position_display(), []).append(vote.party)
    return ". ".join(f"{position}: {', '.join(parties)}" for position, parties in positions.items())


def _hit(entry, marked, query, votes, with_snippet):
    hit = _shown(entry, marked, query, votes, with_snippet)
    hit.key = f"{entry.kind}-{entry.meeting_id}-{entry.item_id or 0}-{entry.attachment_id or 0}"
    return hit


def _shown(entry, marked, query, votes, with_snippet):
    meeting = entry.meeting
    meeting_url = meeting.get_absolute_url()
    if marked is not None:
        title_html, snippet_html = _marked(marked[0]), _marked(marked[1])
    else:
        title_html = highlight(entry.title, query.terms, width=400)
        snippet_html = highlight(entry.body, query.terms) if with_snippet else ""
    Kind = SearchEntry.Kind
    if entry.kind == Kind.MINUTES_PDF:
        title = f"{meeting.get_kind_display()} {long_date(meeting.date)} (PDF)"
        return Hit(url=meeting.get_pdf_url(), title_html=escape(title), snippet_html=snippet_html)
    if entry.kind == Kind.MEETING:
        return Hit(
            url=meeting_url,
            title_html=format_html("Mødet den {}", title_html),
            snippet_html=snippet_html,
        )
    item = entry.item
    item_url = f"{meeting_url}#{item.anchor}"
    if entry.kind == Kind.ATTACHMENT:
        attachment = entry.attachment
        has_file = bool(attachment and attachment.file)
        return Hit(
            url=(
                reverse("minutes:attachment", kwargs={"date": meeting.date, "pk": attachment.pk})
                if has_file
                else item_url
            ),
            title_html=format_html("Bilag: {}{}", title_html, " (PDF)" if has_file else ""),
            snippet_html=snippet_html,
            context_url=item_url,
            context_label=f"Bilag til punkt {item.number}: {item.public_title}",
        )
    return Hit(
        url=item_url,
        title_html=format_html("Punkt {}: {}", item.number, title_html),
        snippet_html=snippet_html,
        outcome=item.public_outcome,
        votes=_votes(item, votes),
    )


def group(ids, entries, marked, query, votes):
    """The meetings `ids` in that order, each with its entries as `Hit`s, the best first.

    `marked` holds ts_headline's title and snippet of the entries that get one (PostgreSQL);
    the rest are highlighted here.
    """
    groups = {}
    for entry in entries:
        meeting = entry.meeting
        if meeting.pk not in groups:
            groups[meeting.pk] = MeetingHits(
                meeting=meeting,
                url=meeting.get_absolute_url(),
                date=weekday_date(meeting.date),
                kind=meeting.get_kind_display(),
            )
        found = groups[meeting.pk]
        found.count += 1
        with_snippet = len(found.hits) < HITS_WITH_SNIPPET
        hit = _hit(entry, marked.get(entry.pk), query, votes, with_snippet)
        (found.hits if with_snippet else found.more).append(hit)
    return [groups[pk] for pk in ids if pk in groups]


def best_of_each_meeting(entries):
    """The entries that are shown with a snippet: the first few of each meeting."""
    shown, per_meeting = [], {}
    for entry in entries:
        seen = per_meeting.get(entry.meeting_id, 0)
        if seen < HITS_WITH_SNIPPET:
            shown.append(entry)
        per_meeting[entry.meeting_id] = seen + 1
    return shown


class Results:
    """The meetings that match a search, in order, as a Paginator pages them.

    One grouped query finds every meeting with a hit in the results' order, with the number of
    hits in each (`backends.ordered_meetings`); counting is counting that list, and a page is a
    slice of it. With a `version` (the archive's, which changes whenever any meeting does) that
    list is kept in the shared cache for `SEARCH_RESULTS_SECONDS`, so the same search asked again,
    or its next page, costs no search at all. A page then costs three more queries whatever it
    holds: its meetings' hits, the snippets of the hits shown (PostgreSQL) and the items' votes.
    """

    def __init__(self, query, filters, version=None):
        self.query, self.filters, self.version = query, filters, version
        self.entries = backends.matching(query, filters)

    def _cache_key(self):
        parts = (
            generation(),
            self.version,
            self.query.text,
            sorted(self.filters.as_params().items()),
        )
        digest = hashlib.sha256(repr(parts).encode()).hexdigest()
        return f"minutes:search:{digest}"

    @cached_property
    def _ordered(self):
        """(meeting ids in order, number of hits), from the cache or from one query."""
        if not (self.version and settings.SEARCH_RESULTS_SECONDS):
            return self._search()
        return caches[CACHE_ALIAS].get_or_set(
            self._cache_key(), self._search, settings.SEARCH_RESULTS_SECONDS
        )

    def _search(self):
        ids, hits = backends.ordered_meetings(self.entries, self.filters)
        # An array of ids is a fifth of a list's size in the cache.
        return array("q", ids), hits

    @property
    def hits(self):
        return self._ordered[1]

    @property
    def meetings(self):
        return len(self._ordered[0])

    def count(self):
        return self.meetings

    def __len__(self):
        return self.meetings

    def __getitem__(self, page):
        ids = list(self._ordered[0][page.start : page.stop])
        if not ids:
            return []
        entries = list(backends.page_entries(self.entries, ids))
        # The best of each meeting first: they are the ones with snippets.
        position = {pk: index for index, pk in enumerate(ids)}
        entries.sort(key=lambda entry: position[entry.meeting_id])
        marked = backends.headlines(best_of_each_meeting(entries), self.query)
        items = {entry.item_id for entry in entries if entry.kind == SearchEntry.Kind.ITEM}
        votes = {}
        if items:
            for vote in Vote.objects.filter(item_id__in=items, item__is_closed=False):
                votes.setdefault(vote.item_id, []).append(vote)
        return group(ids, entries, marked, self.query, votes)
