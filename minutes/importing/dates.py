"""Danish dates and times as minutes write them."""

import datetime
import re

from .lines import MONTHS

WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")
# Month abbreviations ("jan.", "sept.") occur in older documents.
_MONTH_WORDS = {name: number for number, name in enumerate(MONTHS, start=1)}
_MONTH_WORDS.update({name[:3]: number for name, number in list(_MONTH_WORDS.items())})
_MONTH_WORDS["sept"] = 9

_WORD_DATE = re.compile(
    r"\b(\d{1,2})\.?\s+(" + "|".join(sorted(_MONTH_WORDS, key=len, reverse=True)) + r")\.?\s+"
    r"(\d{4})\b",
    re.IGNORECASE,
)
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[-./](\d{1,2})[-./](\d{4})\b")
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
# "Kl. 17:00", "17:00", "kl. 17.00", "Kl. 17.00–19.00" (the start), "kl. 17" (whole hours).
_TIME = re.compile(r"(?:\bkl\.?\s*)?\b(\d{1,2})[:.](\d{2})\b|\bkl\.?\s*(\d{1,2})\b", re.IGNORECASE)


def find_date(text):
    """(date, span) of the first date in the text, or (None, None)."""
    found = []
    for pattern, order in ((_WORD_DATE, "dmy"), (_ISO_DATE, "ymd"), (_NUMERIC_DATE, "dmy")):
        for match in pattern.finditer(text):
            found.append((match.start(), match, pattern, order))
    for _start, match, pattern, order in sorted(found, key=lambda f: f[0]):
        a, b, c = match.groups()
        if order == "ymd":
            year, month, day = int(a), int(b), int(c)
        else:
            day, year = int(a), int(c)
            month = _MONTH_WORDS[b.lower()] if pattern is _WORD_DATE else int(b)
        try:
            return datetime.date(year, month, day), match.span()
        except ValueError:
            continue
    return None, None


def parse_date(text):
    """The first date in the text: "Tirsdag den 29. maj 2018", "29-05-2018", "2018-05-29" …"""
    return find_date(text)[0]


def stated_weekday(text):
    """The weekday a text names ("Tirsdag den …"), as 0 for Monday, or None."""
    match = _WEEKDAY.search(text)
    return WEEKDAYS.index(match.group(1).lower()) if match else None


def parse_time(text):
    """The first time of day in the text ("Kl. 17.00–19.00" gives 17:00), or None."""
    for match in _TIME.finditer(text):
        hour, minute, whole_hour = match.groups()
        try:
            if whole_hour is not None:
                return datetime.time(int(whole_hour), 0)
            return datetime.time(int(hour), int(minute))
        except ValueError:
            continue
    return None


def danish_date(date):
    """`29. maj 2018`, for notes to the clerk."""
    return f"{date.day}. {MONTHS[date.month - 1]} {date.year}"
