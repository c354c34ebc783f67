"""
The picture a link to a meeting or an item shows when shared (OpenGraph's og:image).

A PNG of 1200×630 pixels, the size link previews are drawn at, in the site's colours (the header's
blue, the accent's yellow, see static/css/site.css): the municipality, the committee, "Referat"
or "Dagsorden" with the date, and for an item its number and public title. A closed item's
picture says "Lukket punkt", like its page.

The fonts are DejaVu Sans, bundled in `minutes/fonts/` with their licence, so every server draws
the same picture whatever fonts it has. Pictures are drawn once per version of the meeting and
kept in the "fragments" cache under its `updated_at` and the release.
"""

import io
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from PIL import Image, ImageDraw, ImageFont

from .presentation import long_date

WIDTH, HEIGHT = 1200, 630
# The site's colours (site.css): --brand, --accent, and white text on the brand blue (9:1).
BRAND = "#00507a"
ACCENT = "#ffd24a"
TEXT = "#ffffff"
MARGIN = 80
FONTS = Path(__file__).resolve().parent / "fonts"
CACHE_SECONDS = 60 * 60 * 24 * 30


def _font(bold, size):
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(FONTS / name), size)


def _wrap(text, font, width, max_lines):
    """The text in lines no wider than `width`; what does not fit in `max_lines` ends in "…"."""
    lines = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if font.getlength(candidate) <= width or not line:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and font.getlength(last + " …") > width:
            last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
        lines[-1] = last + " …"
    return lines


def draw(committee_name, kind, date, item=None, municipality="Hvidovre Kommune"):
    """The picture as PNG bytes. `item` is (number, public title) or None for the meeting."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BRAND)
    canvas = ImageDraw.Draw(image)
    text_width = WIDTH - 2 * MARGIN
    canvas.rectangle([0, 0, WIDTH, 16], fill=ACCENT)
    canvas.rectangle([0, HEIGHT - 16, WIDTH, HEIGHT], fill=ACCENT)

    y = 64
    canvas.text((MARGIN, y), municipality, font=_font(False, 34), fill=TEXT)
    y += 56
    name_font = _font(True, 56)
    for line in _wrap(committee_name, name_font, text_width, 2):
        canvas.text((MARGIN, y), line, font=name_font, fill=TEXT)
        y += 68
    y += 12
    canvas.text((MARGIN, y), f"{kind} · {long_date(date)}", font=_font(True, 44), fill=ACCENT)
    y += 80

    if item is not None:
        number, title = item
        canvas.text((MARGIN, y), f"Punkt {number}", font=_font(False, 38), fill=TEXT)
        y += 56
        title_font = _font(True, 48)
        lines_left = max(1, (HEIGHT - 40 - y) // 60)
        for line in _wrap(title, title_font, text_width, min(3, lines_left)):
            canvas.text((MARGIN, y), line, font=title_font, fill=TEXT)
            y += 60

    output = io.BytesIO()
    image.save(output, format="PNG", optimize=True)
    return output.getvalue()


def picture(meeting, item=None):
    """The meeting's (or one of its items') picture, from the cache when this version has one."""
    number = item.number if item is not None else 0
    key = f"preview:{meeting.pk}:{number}:{meeting.updated_at.timestamp()}:{settings.RELEASE}"
    cache = caches["fragments"]
    png = cache.get(key)
    if png is None:
        about = (item.number, item.public_title) if item is not None else None
        municipality = settings.MUNICIPALITY.get("name") or "Hvidovre Kommune"
        png = draw(
            meeting.committee.name, meeting.get_kind_display(), meeting.date, about, municipality
        )
        cache.set(key, png, CACHE_SECONDS)
    return png
