"""Lines with their layout (position, font size, bold) out of a PDF's text layer, with pypdf.

pypdf's `extract_text(visitor_text=…)` hands over each piece of text with its text matrix and
font; the pieces put together are exactly pypdf's own text, so the words come out as pypdf reads
them (its spacing between pieces included) and each line gets the position and font of its first
piece. Running headers and footers are found by repetition across pages, and removed.
"""

import io
import itertools
import math
import re
import time
from collections import Counter
from dataclasses import dataclass, field

from pypdf import PdfReader
from pypdf.errors import DependencyError

from .lines import (
    PARAGRAPH,
    WRAP,
    Line,
    clean,
    full_length,
    is_list_line,
    mark_line_breaks,
    typical,
)
from .result import DocumentError, Note

DAMAGED = (
    "Dokumentet kan ikke læses. Filen er måske beskadiget eller ikke helt uploadet; "
    "gem den igen fra mødesystemet og prøv en gang til."
)
ENCRYPTED = (
    "Dokumentet er beskyttet med en adgangskode og kan ikke læses. "
    "Gem det uden adgangskode og prøv igen."
)
SCANNED = (
    "Dokumentet indeholder ingen tekst, der kan læses. Det er måske skannet som billeder. "
    "Hent referatet som PDF med tekst eller som Word-dokument fra mødesystemet, "
    "eller indsæt teksten."
)

PAGE_NUMBER = re.compile(
    r"(?:side\s*:?\s*)?[-–]?\s*\d{1,3}\s*[-–]?(?:\s*(?:af|/|of)\s*\d{1,3})?\.?", re.IGNORECASE
)
_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi|,b\b", re.IGNORECASE)


@dataclass
class _Row:
    text: str = ""
    x: float | None = None
    y: float | None = None
    sizes: Counter = field(default_factory=Counter)
    bold_chars: int = 0
    chars: int = 0
    column: int | None = None  # where a second column starts in `text`, if one does
    _end: tuple | None = None  # (x, length, size) of the last piece with text

    def add(self, text, x, y, size, bold):
        if self.x is None and text.strip():
            self.x, self.y = x, y
        elif text.strip() and self.column is None and self._far_right_of_text(x, size):
            self.column = len(self.text)
        if text.strip():
            self._end = (x, len(text), size)
        self.text += text
        count = len(text.strip())
        self.chars += count
        self.sizes[round(size * 2) / 2] += count
        if bold:
            self.bold_chars += count

    def _far_right_of_text(self, x, size):
        """Whether a piece starts well to the right of where the text before it can end: a
        table's second column ("Mødeleder      Anne Eksempel (A)"). Characters are taken as
        wide as they get, so running text never looks like two columns."""
        if self._end is None:
            return False
        start, length, before_size = self._end
        return x > start + length * before_size * 0.62 + 1.5 * size

    @property
    def size(self):
        """The type size most of the row's characters have, or None for a row without text."""
        return self.sizes.most_common(1)[0][0] if self.sizes else None

    def line_text(self):
        """The row's text; a label in a first column gets its colon, as in running text."""
        text = clean(self.text)
        if self.column is not None:
            label, value = clean(self.text[: self.column]), clean(self.text[self.column :])
            if _COLUMN_LABEL.fullmatch(label) and value and not _NOT_A_VALUE.fullmatch(value):
                return f"{label}: {value}"
        return text


_COLUMN_LABEL = re.compile(r"[A-ZÆØÅ][a-zæøå]+(?: [a-zæøå]+)?")
_NOT_A_VALUE = re.compile(r"\d+|side", re.IGNORECASE)


def _page_rows(page):
    """The rows of text on one page, in pypdf's reading order."""
    rows, row = [], _Row()

    def visit(text, cm, tm, font, size):
        nonlocal row
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = math.sqrt(abs(tm[0] * tm[3] - tm[1] * tm[2]) * abs(cm[0] * cm[3] - cm[1] * cm[2]))
        name = str((font or {}).get("/BaseFont", ""))
        parts = text.split("\n")
        for index, part in enumerate(parts):
            if index:
                rows.append(row)
                row = _Row()
            if part:
                row.add(part, x, y, (size or 0) * (scale or 1), bool(_BOLD_FONT.search(name)))

    page.extract_text(visitor_text=visit)
    rows.append(row)
    return [r for r in rows if clean(r.text) and r.y is not None]


def _running_key(row):
    text = re.sub(r"\d+", "#", clean(row.text).casefold())
    return text, round(row.y / 4)


def _edge_rows(rows):
    """The two top-most and two bottom-most rows of a page, where running lines are."""
    by_height = sorted(rows, key=lambda r: -r.y)
    return by_height[:2] + by_height[2:][-2:]


def strip_running_lines(pages, is_structural, heights=None):
    """Remove headers, footers and page numbers: rows at the top or bottom of a page that repeat
    (digits aside, at the same height) on at least half of the pages, and bare page numbers. On
    a document of one page, where nothing can repeat, rows in the page's top or bottom margin
    in a smaller type than the text, set apart from it (`heights` are the pages' heights).

    Returns the removed texts, so that the clerk can be told what went.
    """
    with_text = [rows for rows in pages if rows]
    counts = Counter()
    for rows in with_text:
        counts.update({_running_key(row) for row in _edge_rows(rows)})
    needed = max(2, math.ceil(len(with_text) / 2))
    running = {key for key, count in counts.items() if count >= needed}
    removed = []
    for number, rows in enumerate(pages):
        lone = len(with_text) == 1 and heights is not None and bool(rows)
        body_size = _body_size(rows) if lone else None
        for row in _edge_rows(rows):
            text = clean(row.text)
            if is_structural(text):
                continue
            if (
                _running_key(row) in running
                or PAGE_NUMBER.fullmatch(text)
                or (lone and _in_margin(row, rows, heights[number], body_size))
            ):
                rows.remove(row)
                removed.append(text)
    return removed


def _body_size(rows):
    """The type size of most of a page's characters: its text's."""
    body = Counter()
    for row in rows:
        body[row.size or 0] += row.chars
    return body.most_common(1)[0][0]


def _in_margin(row, rows, height, body_size):
    """Whether a row on a page of its own is a running header or footer: in the top or bottom
    tenth of the page, smaller than the page's text, and further from the next row than two
    lines of text are from each other."""
    if not (row.y > height * 0.9 or row.y < height * 0.1) or (row.size or 0) >= body_size - 0.5:
        return False
    others = [other.y for other in rows if other is not row]
    return bool(others) and min(abs(row.y - y) for y in others) > body_size * 2


def read_pdf(data, *, max_pages, deadline, is_structural):
    """(lines, page count, notes) of a PDF given as bytes; DocumentError if it cannot be read."""
    # A PDF ends with %%EOF; one cut short in the upload or on disk does not, and pypdf would
    # read some of it without a word: better no meeting than half a meeting.
    if b"%%EOF" not in data[-2048:]:
        raise DocumentError(DAMAGED)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except DependencyError:
                opened = False
            if not opened:
                raise DocumentError(ENCRYPTED)
        page_count = len(reader.pages)
    except DocumentError:
        raise
    except Exception as error:
        raise DocumentError(DAMAGED) from error

    notes = []
    pages, heights = [], []
    for index in range(min(page_count, max_pages)):
        if time.monotonic() > deadline:
            notes.append(
                Note(
                    f"Læsningen blev stoppet efter {index} af {page_count} sider, fordi den tog "
                    "for lang tid. Resten af dokumentet er ikke med; tjek punkterne."
                )
            )
            break
        try:
            pages.append(_page_rows(reader.pages[index]))
            heights.append(float(reader.pages[index].mediabox.height))
        except Exception as error:
            raise DocumentError(DAMAGED) from error
    if page_count > max_pages:
        notes.append(
            Note(
                f"Dokumentet har {page_count} sider; kun de første {max_pages} er læst. "
                "Resten er ikke med."
            )
        )
    if sum(row.chars for rows in pages for row in rows) < 20:
        raise DocumentError(SCANNED)
    blank = [str(number) for number, rows in enumerate(pages, start=1) if not rows]
    if blank:
        notes.append(
            Note(
                f"Side {', '.join(blank)} indeholder ingen tekst, der kan læses (måske et skannet "
                "billede eller en tom side). Tjek at intet mangler."
            )
        )
    removed = strip_running_lines(pages, is_structural, heights)
    if removed:
        examples = list(dict.fromkeys(removed))[:3]
        notes.append(
            Note(
                "Sidehoveder, sidefødder og sidetal er fjernet, fx "
                + ", ".join(f"“{text}”" for text in examples)
                + ".",
                needs_check=False,
            )
        )
    return _lines(pages), page_count, notes


def _lines(pages):
    """Rows as Lines, with paragraph breaks decided from line gaps, fonts and line lengths."""
    lines = []
    for number, rows in enumerate(pages, start=1):
        for row in rows:
            bold = row.bold_chars >= 0.6 * max(row.chars, 1)
            lines.append(
                Line(row.line_text(), WRAP, page=number, x=row.x, y=row.y, size=row.size, bold=bold)
            )
    if not lines:
        return lines
    body_size = Counter(line.size for line in lines for _ in range(len(line.text))).most_common(1)
    body_size = body_size[0][0]
    for line in lines:
        line.emphasised = line.bold or (line.size or 0) >= body_size + 1

    # The usual distance between two lines of the same size on a page: more means a new paragraph.
    pitches = {}
    for before, after in itertools.pairwise(lines):
        if before.page == after.page and before.size == after.size and before.y > after.y:
            pitches.setdefault(after.size, []).append(before.y - after.y)
    pitch = {size: _line_pitch(gaps, size) for size, gaps in pitches.items()}
    full = {}
    for line in lines:
        full.setdefault(line.size, []).append(len(line.text))
    full = {size: full_length(lengths) for size, lengths in full.items()}

    # The left margin: where most lines of text begin.
    margin = Counter(round(line.x) for line in lines if line.x is not None).most_common(1)[0][0]

    lines[0].brk = PARAGRAPH
    in_list = False
    for before, after in itertools.pairwise(lines):
        in_list = is_list_line(before.text) or (in_list and before.brk == WRAP)
        style_changed = (before.size, before.emphasised) != (after.size, after.emphasised)
        if style_changed:
            after.brk = PARAGRAPH
        elif before.page == after.page:
            gap = before.y - after.y
            usual = pitch.get(after.size) or (after.size or 10) * 1.2
            if gap > usual * 1.15 + 0.5 or gap < -1:
                after.brk = PARAGRAPH
        # A first line indented from the margin starts a paragraph, where paragraphs have no
        # gap between them; after a list item, an indented line is the item's next line.
        indented = after.x is not None and after.x > margin + (after.size or 10)
        if indented and not in_list and not is_list_line(after.text):
            after.brk = PARAGRAPH
    return mark_line_breaks(lines, lambda line: full.get(line.size, 0))


def _line_pitch(gaps, size):
    """The distance between two lines of one paragraph: the smallest distance that recurs.

    Not the median: where most paragraphs are one line long (members, decisions, bilag), most
    distances are paragraph gaps.
    """
    rounded = Counter(round(gap * 2) / 2 for gap in gaps if gap > size * 0.8)
    recurring = [gap for gap, count in rounded.items() if count >= 3]
    if recurring:
        return min(recurring)
    return typical(gaps, size * 1.2)
