"""The meetings as an iCalendar file (RFC 5545), written by hand: it is a small format.

Times are written in UTC, so the file needs no VTIMEZONE. Lines end in CRLF and are folded at
75 octets without splitting a UTF-8 character; text values escape backslash, semicolon, comma
and newline.
"""

import datetime

from .presentation import meeting_start, meeting_title

PRODID = "-//Hvidovre Kommune//Almenboligudvalg Hvidovre//DA"
UID_DOMAIN = "almenbolig-hvidovre"
MEETING_DURATION = "PT2H"


def escape_text(value):
    return (
        str(value)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line, limit=75):
    """Split a content line into lines of at most `limit` octets, continuations indented."""
    encoded = line.encode()
    if len(encoded) <= limit:
        return line
    lines, start, width = [], 0, limit
    while start < len(encoded):
        end = min(start + width, len(encoded))
        # Back up to the start of a UTF-8 character: continuation bytes are 0b10xxxxxx.
        while end < len(encoded) and encoded[end] & 0xC0 == 0x80:
            end -= 1
        lines.append(encoded[start:end].decode())
        start, width = end, limit - 1  # the leading space counts towards the limit
    return "\r\n ".join(lines)


def utc(value):
    return value.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def meeting_event(meeting, site_url):
    start = meeting_start(meeting)
    url = site_url + meeting.get_absolute_url()
    lines = [
        "BEGIN:VEVENT",
        f"UID:meeting-{meeting.pk}@{UID_DOMAIN}",
        f"DTSTAMP:{utc(meeting.updated_at)}",
        f"LAST-MODIFIED:{utc(meeting.updated_at)}",
    ]
    if start:
        lines += [f"DTSTART:{utc(start)}", f"DURATION:{MEETING_DURATION}"]
    else:
        lines += [f"DTSTART;VALUE=DATE:{meeting.date:%Y%m%d}", "DURATION:P1D"]
    lines += [
        f"SUMMARY:{escape_text('Møde i ' + meeting.committee.name)}",
        f"DESCRIPTION:{escape_text(meeting_title(meeting) + chr(10) + url)}",
    ]
    if meeting.place:
        lines.append(f"LOCATION:{escape_text(meeting.place)}")
    lines += [f"URL:{url}", "STATUS:CONFIRMED", "TRANSP:OPAQUE", "END:VEVENT"]
    return lines


def meetings_calendar(meetings, site_url):
    """The VCALENDAR text for `meetings`; `site_url` is the scheme and host, without a slash."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text('Møder i Almenboligudvalg Hvidovre')}",
        "X-WR-TIMEZONE:Europe/Copenhagen",
        "X-PUBLISHED-TTL:PT12H",
    ]
    for meeting in meetings:
        lines += meeting_event(meeting, site_url)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
