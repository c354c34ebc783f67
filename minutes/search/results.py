"""Search results as the page shows them: where each hit is, with its title and a snippet."""

import re
from dataclasses import dataclass

from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe

from minutes.models import SearchEntry
from minutes.presentation import meeting_title

from .backends import MARK_END, MARK_START
from .query import term_pattern


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
