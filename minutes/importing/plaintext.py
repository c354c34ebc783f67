"""Lines out of text a clerk pasted: no fonts, no positions, only line breaks and blank lines.

Text copied from a PDF viewer has its wrapped lines, and may have running headers and page
numbers in the middle of a paragraph; text from `pdftotext` also has form feeds between pages.
Those are removed the same way as in a PDF: by repetition, digits aside.
"""

import itertools
import re
from collections import Counter

from .lines import (
    HYPHENATED_END,
    LINE,
    PARAGRAPH,
    WRAP,
    Line,
    clean,
    full_length,
    mark_line_breaks,
)
from .pdf_layout import PAGE_NUMBER

# A4 in a 10–11 pt font holds about 100 characters a line, a landscape page some 140.
UNWRAPPED = 150
_DATE_OR_PAGE = re.compile(r"\d{1,2}[-./]\d{1,2}[-./]\d{4}|\bside\s+\d", re.IGNORECASE)


def _digits_aside(text):
    return re.sub(r"\d+", "#", text.casefold())


def read_text(text, *, is_structural):
    """(lines, notes-worthy removed lines) of pasted text."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    pages = text.split("\f")
    raw = [[clean(line) for line in page.split("\n")] for page in pages]

    # Running lines: among a page's first or last lines, the same (digits aside) at the same
    # end of at least half of the pages (when the text has page breaks), or anywhere at least
    # three times if they carry a date or "Side 3". Not the last line of one page and the first
    # of the next: a list whose entries differ only in their numbers may run across the break.
    counts = Counter()
    for page in raw:
        filled = [line for line in page if line]
        counts.update({(_digits_aside(line), "top") for line in filled[:2]})
        counts.update({(_digits_aside(line), "bottom") for line in filled[-2:]})
    everywhere = Counter(_digits_aside(line) for page in raw for line in page if line)
    needed = max(2, (len(raw) + 1) // 2)

    def running(line, sides, removed_here):
        if not line or is_structural(line):
            return False
        key = _digits_aside(line)
        # "Side 3 af 12" is a page number anywhere; a bare "3" only at the top or bottom of a
        # page (elsewhere it may be the end of a wrapped title: "…, afdeling" / "7").
        if PAGE_NUMBER.fullmatch(line) and (sides or not line.isdigit()):
            return True
        # A running line is there once a page: the same text again on the page (the
        # committee's name as a header and as the first page's title) is the page's own.
        repeated = any(counts[(key, side)] >= needed for side in sides)
        if len(raw) > 1 and repeated and key not in removed_here:
            return True
        return everywhere[key] >= 3 and bool(_DATE_OR_PAGE.search(line))

    lines, removed = [], []
    blank_before, after_running = True, False
    for page in raw:
        # A page break is no paragraph break: the blank lines around a removed footer and
        # header say nothing, and the lengths of the lines decide as within a page.
        if lines:
            blank_before = False
        page = _bullets_to_their_lines(page)
        filled = [number for number, line in enumerate(page) if line]
        top, bottom = (set(filled[:2]), set(filled[-2:])) if len(raw) > 1 else (set(), set())
        last_filled = filled[-1] if filled and len(raw) > 1 else len(page)
        removed_here = set()
        for number, line in enumerate(page):
            if not line:
                blank_before = blank_before or (number < last_filled and not after_running)
                continue
            sides = [side for side, edge in (("top", top), ("bottom", bottom)) if number in edge]
            if running(line, sides, removed_here):
                removed_here.add(_digits_aside(line))
                removed.append(line)
                # The blank lines around a header or footer are the page's margin.
                blank_before, after_running = False, True
                continue
            lines.append(Line(line, PARAGRAPH if blank_before else LINE))
            blank_before = after_running = False
    lengths = [len(line.text) for line in lines]
    longer = [length for length in lengths if length > 60]
    unwrapped = [length for length in longer if length > UNWRAPPED]
    if len(unwrapped) >= 3 and len(unwrapped) >= len(longer) / 4:
        # Many lines far longer than any page is wide: copied from Word or an editor, one
        # paragraph a line. Each line stays a line; only a hyphen at a line's end joins.
        for before, line in itertools.pairwise(lines):
            if line.brk != PARAGRAPH:
                hyphenated = HYPHENATED_END.search(before.text) and line.text[:1].islower()
                line.brk = WRAP if hyphenated else LINE
        return lines, removed
    full = full_length(lengths)
    return mark_line_breaks(lines, lambda line: full), removed


_LONE_BULLET = re.compile(r"[•●▪■◦○‣∙·\uf0b7\uf0a7\uf076\uf0d8\uf0fc*–-]|\d{1,2}[.)]")


def _bullets_to_their_lines(page):
    """Put bullets and list numbers that a PDF-to-text tool wrote on lines of their own ("•",
    "•", then the two texts) back before their lines, as the page shows them."""
    result, pending = [], []
    for line in page:
        if _LONE_BULLET.fullmatch(line):
            pending.append(line)
        elif pending and line:
            result.append(f"{pending.pop(0)} {line}")
        else:
            result.append(line)
    result.extend(pending)
    return result
