"""Lines of text with what the source knew about their layout, and how they become paragraphs.

Every reader (PDF, Word, pasted text) turns its source into a list of `Line`s; the structure is
then recognised from those, whatever the source was. `brk` says how a line relates to the one
before it, which is all that reflowing needs:

- PARAGRAPH: a new paragraph (a gap in a PDF, a new Word paragraph, a blank line in text);
- LINE: a new line in the same paragraph (the line before ended short, or this one starts a list
  item or a label such as "Imod:");
- WRAP: the same line, wrapped by the PDF or the text editor: joined with a space, or without the
  hyphen when a word was hyphenated across the break.
"""

import re
import statistics
import unicodedata
from dataclasses import dataclass

WRAP, LINE, PARAGRAPH = 0, 1, 2


@dataclass
class Line:
    text: str
    brk: int = LINE
    page: int | None = None
    x: float | None = None
    y: float | None = None  # PDF user space: larger is higher up the page
    size: float | None = None
    bold: bool = False
    heading: int = 0  # a Word heading style's level (1 for "Heading 1"), 0 if none
    emphasised: bool = False  # set from the layout: bold, larger than body text, or a heading


MONTHS = [
    "januar", "februar", "marts", "april", "maj", "juni",
    "juli", "august", "september", "oktober", "november", "december",
]  # fmt: skip

# Bullets as meeting systems write them: "•", "" (Symbol font in Word), "▪", "-" and "–".
BULLET = re.compile(r"(?:[•●▪■◦○‣∙·\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8*]\s*|[-–—]\s+)(?=\S)")
# "1. at …" or "1) at …", but not a date such as "29. maj 2018 besluttede udvalget".
NUMBERED = re.compile(r"(\d{1,2})[.)]\s+(?!(?:" + "|".join(MONTHS) + r")\b)(?=\S)", re.IGNORECASE)
# "For: …", "Imod: …", "Undlod at stemme: …", "Ad 1. …": short labels that start a line.
LABEL_START = re.compile(r"(?:Ad\s+\d{1,2}[.:)]|[A-ZÆØÅ][\wæøå]*(?:\s+[\wæøå]+){0,3}\s*:)\s")
# "Sag nr. 12 …", "Punkt 3 …", "Pkt. 42 …": an item's heading, never the end of a wrapped line.
ITEM_START = re.compile(r"(?:Sag(?:\s+nr\.?)?|Punkt|Pkt\.?)\s+\d{1,3}\b")

HYPHENATED_END = re.compile(r"[a-zæøå]-$")

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b\u200e\u200f\ufeff]")
SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
LIGATURES = re.compile("[\ufb00-\ufb06]")


def clean(text):
    """One line's text: no soft hyphens, control characters, ligatures or runs of spaces."""
    text = text.replace("\u00ad", "")
    text = CONTROL.sub("", text)
    text = LIGATURES.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    return SPACES.sub(" ", text).strip()


def list_marker(text):
    """("1. ", rest) for a numbered line, ("- ", rest) for a bullet, ("", text) otherwise."""
    if match := NUMBERED.match(text):
        return f"{int(match.group(1))}. ", text[match.end() :]
    if match := BULLET.match(text):
        return "- ", text[match.end() :]
    return "", text


def is_list_line(text):
    return bool(list_marker(text)[0])


def join_wrapped(before, after):
    """Two pieces of one line that the layout wrapped, joined as the writer meant them.

    "bolig-" + "organisationen" is one word. "A-" + "ansøgning" keeps its hyphen (a capital or a
    digit before it marks a real compound), and "bolig-" + "og erhvervslejemål" is an
    abbreviated compound that keeps hyphen and space.
    """
    if before.endswith("-") and len(before) > 1 and after[:1].islower():
        first = after.split(" ", 1)[0]
        if first in ("og", "eller", "samt", "til"):
            return f"{before} {after}"
        if before[-2].isalpha() and before[-2].islower():
            return before[:-1] + after
        if before[-2].isupper() or before[-2].isdigit():
            return before + after
    return f"{before} {after}"


def reflow(lines):
    """The text of a run of lines: paragraphs separated by a blank line, list items one a line
    ("1. at …", "- …"), wrapped lines joined. The form that `minutes_text` renders.
    """
    paragraphs = []
    for line in lines:
        text = clean(line.text)
        if not text:
            continue
        marker, rest = list_marker(text)
        if marker:
            text = marker + rest
        if not paragraphs:
            paragraphs.append([text])
            continue
        paragraph = paragraphs[-1]
        follows_list = is_list_line(paragraph[-1])
        if line.brk >= PARAGRAPH and not (marker and follows_list):
            paragraphs.append([text])
        elif marker or line.brk >= LINE:
            paragraph.append(text)
        else:
            paragraph[-1] = join_wrapped(paragraph[-1], text)
    return "\n\n".join("\n".join(paragraph) for paragraph in paragraphs)


def full_length(lengths):
    """How many characters a full line holds: a line much shorter ended its paragraph."""
    lengths = sorted(lengths)
    if not lengths:
        return 0
    if len(lengths) < 5:
        return lengths[-1]
    return lengths[int(len(lengths) * 0.9)]


def mark_line_breaks(lines, full):
    """Set LINE on lines that follow a short line or start a list item or a label; WRAP on the
    others that are not already a new paragraph. `full(line)` is the full length for that line.
    """
    previous = None
    for line in lines:
        if previous is not None and line.brk < PARAGRAPH:
            ended_short = len(previous.text) < 0.7 * full(previous)
            # "reno-" / "vere": a word hyphenated across the break, however short the line.
            hyphenated = HYPHENATED_END.search(previous.text) and line.text[:1].islower()
            if hyphenated:
                line.brk = WRAP
            elif (
                ended_short
                or is_list_line(line.text)
                or LABEL_START.match(line.text)
                or ITEM_START.match(line.text)
            ):
                line.brk = LINE
            else:
                line.brk = WRAP
        previous = line
    return lines


def typical(values, default):
    """The median of some measurements, or a default when there are none."""
    values = [value for value in values if value is not None]
    return statistics.median(values) if values else default
