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


def meeting_summary(meeting):
    """One sentence for link previews: when and where, and what was on the agenda."""
    when = weekday_date(meeting.date)
    if meeting.start_time:
        when += f" kl. {meeting.start_time:%H:%M}"
    parts = [f"{meeting.get_kind_display()} fra mødet {when[0].lower()}{when[1:]}"]
    if meeting.place:
        parts[0] += f", {meeting.place}"
    titles = [f"{item.number}. {item.public_title}" for item in meeting.items.all()]
    if titles:
        parts.append("Punkter: " + "; ".join(titles))
    return ". ".join(parts) + "."


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
