"""How a meeting is named and dated in Danish, wherever it is shown: pages, feed, calendar, search.

Pages render inside a Danish request; the feed, the calendar and the search index may be built
outside one (a signal, a management command), so the language is pinned here.
"""

import datetime
import json
import zoneinfo

from django.conf import settings
from django.utils import dateformat, formats, timezone, translation
from django.utils.safestring import mark_safe
from django.utils.text import capfirst

# What could end or confuse a <script> element, written as JSON \u escapes instead.
SCRIPT_SAFE_JSON = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def long_date(value):
    """`29. maj 2018`."""
    with translation.override(settings.LANGUAGE_CODE):
        return dateformat.format(value, "j. F Y")


def long_date_time(value):
    """`3. juni 2024 kl. 14:10`, in the committee's time zone."""
    local = timezone.localtime(value)
    return f"{long_date(local)} kl. {local:%H:%M}"


def weekday_date(value):
    """`Tirsdag den 29. maj 2018`."""
    with translation.override(settings.LANGUAGE_CODE):
        return capfirst(dateformat.format(value, r"l \d\e\n j. F Y"))


def meeting_title(meeting):
    """`Referat – Almenboligudvalg Hvidovre den 29. maj 2018` (or `Dagsorden – …`)."""
    return f"{meeting.get_kind_display()} – {meeting.committee.name} den {long_date(meeting.date)}"


def danish_number(value, decimals=0):
    """`1.234` or `1,2`: Danish separators, whatever the request's language."""
    with translation.override(settings.LANGUAGE_CODE):
        return formats.number_format(value, decimal_pos=decimals, force_grouping=True)


# Between a number and its unit: "1,2 MB" and "14 sider" never break over two lines.
NO_BREAK_SPACE = "\u00a0"


def file_size(size):
    """A file's size as Danish file managers show it: `340 kB`, `1,2 MB` (1 kB = 1024 bytes)."""
    kilobytes = round(size / 1024)
    if kilobytes < 1000:
        return f"{danish_number(max(1, kilobytes))}{NO_BREAK_SPACE}kB"
    # Rounded here: Django's number_format cuts decimals off, and 1,19999 MB is 1,2 MB.
    return f"{danish_number(round(size / (1024 * 1024), 1), 1)}{NO_BREAK_SPACE}MB"


def pdf_facts(pages, size):
    """What a link to a PDF says about it: `PDF, 1,2 MB, 14 sider`, with what is known."""
    parts = ["PDF"]
    if size is not None:
        parts.append(file_size(size))
    if pages:
        parts.append(f"{danish_number(pages)}{NO_BREAK_SPACE}{'side' if pages == 1 else 'sider'}")
    return ", ".join(parts)


def meeting_start(meeting):
    """The start as an aware datetime in the committee's time zone, or None without a time."""
    if meeting.start_time is None:
        return None
    naive = datetime.datetime.combine(meeting.date, meeting.start_time)
    return timezone.make_aware(naive, zoneinfo.ZoneInfo(settings.TIME_ZONE))


def item_heading(item):
    """`3. Helhedsplan for Friheden (Anbefalet)`: a closed item only as `3. Lukket punkt`."""
    heading = f"{item.number}. {item.public_title}"
    return f"{heading} ({item.public_outcome})" if item.public_outcome else heading


def meeting_summary(meeting):
    """One sentence for link previews: what was on the agenda and decided first, then when and
    where (a preview is cut after a line or two, and the items are what a reader looks for)."""
    when = weekday_date(meeting.date)
    if meeting.start_time:
        when += f" kl. {meeting.start_time:%H:%M}"
    headings = [item_heading(item) for item in meeting.items.all()]
    parts = ["; ".join(headings)] if headings else []
    occasion = f"{meeting.get_kind_display()} fra mødet {when[0].lower()}{when[1:]}"
    if meeting.place:
        occasion += f", {meeting.place}"
    parts.append(occasion)
    return ". ".join(parts) + "."


def votes_by_position(votes):
    """[(position in words, [parties])] of an item's votes, in the order of the positions'
    choices (For, Imod, Undlod at stemme, Afventer), each position's parties as they came."""
    if not votes:
        return []
    order = [value for value, _ in votes[0]._meta.get_field("position").choices]
    by_position = {}
    for vote in sorted(votes, key=lambda vote: order.index(vote.position)):
        by_position.setdefault(vote.get_position_display(), []).append(vote.party)
    return list(by_position.items())


def vote_summary(votes):
    """`For: A, F, O · Imod: Ø · Undlod at stemme: V` from an item's public votes."""
    return " · ".join(
        f"{position}: {', '.join(parties)}" for position, parties in votes_by_position(votes)
    )


def item_summary(item, meeting):
    """The description of an item's own page: its outcome and votes, then the start of what was
    decided, then the meeting. A closed item's says only what its public decision says."""
    parts = []
    if item.public_outcome:
        parts.append(item.public_outcome)
    if votes := vote_summary(getattr(item, "public_votes", [])):
        parts.append(votes)
    sections = {section.field: section.text for section in item.public_sections()}
    text = sections.get("decision") or sections.get("decision_theme") or ""
    text = " ".join(text.split())
    if len(text) > 160:
        text = text[:160].rsplit(" ", 1)[0] + " …"
    if text and text.rstrip(".").lower() != item.public_outcome.lower():
        parts.append(text.rstrip("."))
    document = "dagsordenen" if meeting.kind == "dagsorden" else "referatet"
    parts.append(
        f"Punkt {item.number} i {document} fra mødet i {meeting.committee.name} "
        f"den {long_date(meeting.date)}"
    )
    return ". ".join(parts) + "."


def citation(meeting, url, item=None):
    """A ready citation, as a journalist or a student would write it, one fact per part.

    `Almenboligudvalg Hvidovre: Referat, møde 29. maj 2018, punkt 3: Helhedsplan for Friheden.
    https://…/referater/2018-05-29/punkt-3/ (offentliggjort 30. maj 2018, senest rettet …)`.
    """
    parts = [
        f"{meeting.committee.name}: {meeting.get_kind_display()}, møde {long_date(meeting.date)}"
    ]
    if item is not None:
        parts[0] += f", punkt {item.number}: {item.public_title}"
    dates = []
    if meeting.first_published_at:
        dates.append(f"offentliggjort {long_date(timezone.localtime(meeting.first_published_at))}")
    if meeting.corrected_at:
        dates.append(f"senest rettet {long_date(timezone.localtime(meeting.corrected_at))}")
    text = f"{parts[0]}. {url}"
    if dates:
        text += f" ({', '.join(dates)})"
    return text


def event_data(meeting, request):
    """schema.org Event for a meeting, as a dict ready for `json_ld`."""
    start = meeting_start(meeting)
    committee_url = request.build_absolute_uri(meeting.committee.get_absolute_url())
    return {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": meeting_title(meeting),
        "description": meeting_summary(meeting),
        "startDate": start.isoformat() if start else meeting.date.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": {
            "@type": "Place",
            "name": meeting.place or "Hvidovre Kommune",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": "Hvidovre",
                "addressCountry": "DK",
            },
        },
        "organizer": {
            "@type": "Organization",
            "name": meeting.committee.name,
            "url": committee_url,
        },
        "url": request.build_absolute_uri(meeting.get_absolute_url()),
        "inLanguage": "da",
    }


def json_ld(data):
    """JSON safe inside a <script> element: `<`, `>` and `&` are written as \\u escapes."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return mark_safe(text.translate(SCRIPT_SAFE_JSON))
