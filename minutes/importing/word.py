"""Lines out of a Word document (.docx) with python-docx: paragraphs in order, with their
heading style, bold text, Word's automatic numbering rebuilt as "1. " or "- ", and tables row by
row ("Dato | Tirsdag den …" becomes "Dato: Tirsdag den …").

Headers and footers live in their own parts of a .docx and are simply not read.

A .docx is a zip file, and a zip member of a kilobyte can unpack to a gigabyte. Every member is
unpacked here first, a piece at a time and within a limit, whatever its header declares; python-docx
then reads only those checked bytes.
"""

import copy
import io
import re
import sys
import time
import zipfile

import docx
from docx.oxml import parse_xml

from .lines import LINE, PARAGRAPH, Line, clean
from .result import DocumentError, Note

DAMAGED = (
    "Word-dokumentet kan ikke læses. Filen er måske beskadiget eller ikke helt uploadet; "
    "gem den igen og prøv en gang til."
)
TOO_BIG_UNPACKED = (
    "Word-dokumentet fylder for meget, når det pakkes ud, til at være et referat. Gem det igen "
    "uden indlejrede filer, eller upload det som PDF."
)
# Unpacked, a real document.xml is a few megabytes and the whole document at most what the
# upload limit allows for its pictures; far more is a zip bomb, not minutes.
MAX_MEMBER_BYTES = 60 * 1024 * 1024
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
# How much of a member is unpacked at a time, so that no single step can take more memory.
READ_CHUNK = 64 * 1024
# Word stores its parts deflated (or not compressed). zipfile unpacks only these in bounded
# steps: a bzip2 or LZMA member of a kilobyte may unpack to a gigabyte in one call.
WORD_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_NAME = re.compile(r"(?:heading|overskrift)\s*(\d)", re.IGNORECASE)


def _val(element, default=None):
    if element is None:
        return default
    return element.get(f"{W}val", default)


def _on(element):
    """A Word on/off property: present and not switched off."""
    return element is not None and _val(element, "true") not in ("0", "false", "off")


class _Styles:
    """What matters of each paragraph style, with inheritance (basedOn) followed."""

    def __init__(self, document):
        self.styles = {}
        for style in document.styles.element.iterchildren(f"{W}style"):
            ppr = style.find(f"{W}pPr")
            rpr = style.find(f"{W}rPr")
            num = ppr.find(f"{W}numPr") if ppr is not None else None
            self.styles[style.get(f"{W}styleId")] = {
                "name": _val(style.find(f"{W}name"), ""),
                "based_on": _val(style.find(f"{W}basedOn")),
                "num": _num_pr(num),
                "outline": _val(ppr.find(f"{W}outlineLvl")) if ppr is not None else None,
                "bold": _on(rpr.find(f"{W}b")) if rpr is not None else None,
                "size": _val(rpr.find(f"{W}sz")) if rpr is not None else None,
            }

    def get(self, style_id, key):
        seen = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            style = self.styles.get(style_id)
            if style is None:
                return None
            if style[key] is not None:
                return style[key]
            style_id = style["based_on"]
        return None

    def heading_level(self, style_id):
        seen = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            style = self.styles.get(style_id) or {}
            name = style.get("name", "")
            if match := _HEADING_NAME.fullmatch(name.strip()):
                return int(match.group(1))
            if name.lower() == "title":
                return 1
            if style.get("outline") is not None:
                return int(style["outline"]) + 1
            style_id = style.get("based_on")
        return 0


def _num_pr(num):
    if num is None:
        return None
    num_id = _val(num.find(f"{W}numId"))
    if num_id is None:
        return None
    return num_id, int(_val(num.find(f"{W}ilvl"), "0"))


class _Numbering:
    """Word's automatic numbering, counted as Word shows it: per list (numId) and level."""

    def __init__(self, document):
        self.formats = {}  # (numId, level) -> (format, start)
        self.counters = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return
        abstract = {}
        for definition in root.iterchildren(f"{W}abstractNum"):
            levels = {}
            for level in definition.iterchildren(f"{W}lvl"):
                levels[int(level.get(f"{W}ilvl", "0"))] = (
                    _val(level.find(f"{W}numFmt"), "decimal"),
                    int(_val(level.find(f"{W}start"), "1")),
                )
            abstract[definition.get(f"{W}abstractNumId")] = levels
        for num in root.iterchildren(f"{W}num"):
            levels = dict(abstract.get(_val(num.find(f"{W}abstractNumId")), {}))
            for override in num.iterchildren(f"{W}lvlOverride"):
                level = int(override.get(f"{W}ilvl", "0"))
                start = override.find(f"{W}startOverride")
                if start is not None and level in levels:
                    levels[level] = (levels[level][0], int(_val(start, "1")))
            for level, spec in levels.items():
                self.formats[(num.get(f"{W}numId"), level)] = spec

    def label(self, num):
        """The marker Word shows before a numbered paragraph: "3. ", "- " or ""."""
        if num is None or num[0] == "0":
            return ""
        num_id, level = num
        spec = self.formats.get((num_id, level))
        if spec is None:
            return ""
        fmt, start = spec
        if fmt == "bullet":
            return "- "
        if fmt == "none":
            return ""
        count = self.counters.get((num_id, level), start - 1) + 1
        self.counters[(num_id, level)] = count
        # A new item at this level restarts the levels below it.
        for key in [k for k in self.counters if k[0] == num_id and k[1] > level]:
            del self.counters[key]
        if fmt in ("lowerLetter", "upperLetter"):
            letter = chr(ord("a" if fmt == "lowerLetter" else "A") + (count - 1) % 26)
            return f"{letter}) "
        return f"{count}. "


def _text_of(element):
    """The visible text of a paragraph (text boxes inside it included): tabs and breaks kept."""
    parts = []
    for node in element.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr", f"{W}noBreakHyphen"):
        tag = node.tag[len(W) :]
        if tag == "t":
            parts.append(node.text or "")
        elif tag == "tab":
            parts.append("\t")
        elif tag == "noBreakHyphen":
            parts.append("-")
        elif node.get(f"{W}type") != "page":
            parts.append("\n")
    return "".join(parts)


def _notes(parts, name, kind):
    """{id: text} of the footnotes or endnotes of a .docx (the separators Word keeps there
    aside)."""
    if name not in parts:
        return {}
    root = parse_xml(parts[name])
    notes = {}
    for note in root.iterchildren(f"{W}{kind}"):
        if note.get(f"{W}type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        text = " ".join(clean(_text_of(p)) for p in note.iter(f"{W}p"))
        if clean(text):
            notes[note.get(f"{W}id")] = clean(text)
    return notes


class _Reader:
    def __init__(self, document, deadline, footnotes=None, endnotes=None):
        self.styles = _Styles(document)
        self.numbering = _Numbering(document)
        self.deadline = deadline
        self.lines = []
        self.cut = False
        self.footnotes = footnotes or {}
        self.endnotes = endnotes or {}
        self.note_count = 0

    def paragraph_lines(self, paragraph):
        """A paragraph as lines: its numbering marker, its text, a Line per soft line break."""
        ppr = paragraph.find(f"{W}pPr")
        style_id = _val(ppr.find(f"{W}pStyle")) if ppr is not None else None
        num = _num_pr(ppr.find(f"{W}numPr")) if ppr is not None else None
        num = num or self.styles.get(style_id, "num")
        text = _text_of(paragraph)
        if not clean(text):
            return []
        label = self.numbering.label(num)
        level = self.styles.heading_level(style_id)
        runs = [run for run in paragraph.iter(f"{W}r") if clean(_text_of(run))]
        style_bold = bool(self.styles.get(style_id, "bold"))
        bold = bool(runs) and all(
            _on(run.find(f"{W}rPr/{W}b")) or (style_bold and run.find(f"{W}rPr/{W}b") is None)
            for run in runs
        )
        size = None
        for run in runs:
            if (value := _val(run.find(f"{W}rPr/{W}sz"))) is not None:
                size = int(value) / 2
                break
        if size is None and (value := self.styles.get(style_id, "size")) is not None:
            size = int(value) / 2
        lines = []
        for piece in text.split("\n"):
            piece = clean(piece)
            if not piece:
                continue
            if not lines:
                piece = label + piece
            lines.append(
                Line(piece, PARAGRAPH if not lines else LINE, size=size, bold=bold, heading=level)
            )
        # Footnotes live in a part of their own: their text follows the paragraph that refers
        # to them, numbered as Word shows them, so that nothing of the document is lost.
        for reference in paragraph.iter(f"{W}footnoteReference", f"{W}endnoteReference"):
            kind = self.footnotes if reference.tag.endswith("footnoteReference") else self.endnotes
            text = kind.get(reference.get(f"{W}id"))
            if text and lines:
                self.note_count += 1
                lines.append(Line(f"Fodnote {self.note_count}: {text}", LINE, size=size))
        return lines

    def table_lines(self, table):
        lines = []
        for row in table.iter(f"{W}tr"):
            cells = []
            for cell in row.iterchildren(f"{W}tc"):
                cell_lines = []
                for paragraph in cell.iter(f"{W}p"):
                    cell_lines.extend(self.paragraph_lines(paragraph))
                cells.append(cell_lines)
            filled = [cell for cell in cells if cell]
            if len(filled) == 2 and len(filled[0]) == 1 and len(filled[0][0].text.split()) <= 4:
                label, values = filled[0][0], filled[1]
                # "Dato | Tirsdag den 29. maj 2018": a label and its value, as the text would say.
                first = Line(f"{label.text.rstrip(':')}: {values[0].text}", PARAGRAPH)
                first.bold = label.bold and values[0].bold
                lines.append(first)
                lines.extend(values[1:])
            else:
                for cell in filled:
                    lines.extend(cell)
        return lines

    def walk(self, container):
        for child in container.iterchildren():
            if time.monotonic() > self.deadline:
                self.cut = True
                return
            if child.tag == f"{W}p":
                self.lines.extend(self.paragraph_lines(child))
            elif child.tag == f"{W}tbl":
                self.lines.extend(self.table_lines(child))
            elif child.tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml"):
                self.walk(child)


def _read_member(archive, info, room):
    """A member's bytes, unpacked a piece at a time up to `room` bytes, whatever its header says.

    The header's size is only checked afterwards: a member that unpacks to more than the room
    left is refused at that point, and one that unpacks to another size than it declares is
    damaged. zipfile checks the CRC once the member's data ends.
    """
    if info.compress_type not in WORD_METHODS or info.flag_bits & 0x1:  # or encrypted
        raise DocumentError(DAMAGED)
    limit = min(MAX_MEMBER_BYTES, room)
    unbounded = copy.copy(info)
    # zipfile stops at the size the header declares: read on, until the data ends (and zipfile
    # checks its CRC) or passes the limit.
    unbounded.file_size = sys.maxsize
    data = bytearray()
    with archive.open(unbounded) as stream:
        while chunk := stream.read(READ_CHUNK):
            data += chunk
            if len(data) > limit:
                raise DocumentError(TOO_BIG_UNPACKED)
    if len(data) != info.file_size:
        raise DocumentError(DAMAGED)
    return bytes(data)


def _unpack(data):
    """{name: bytes} of every member of the .docx, each read within the bounds above.

    Every member is read, not only those python-docx or this reader use: which parts python-docx
    loads depends on relationships the document itself declares.
    """
    parts = {}
    room = MAX_UNPACKED_BYTES
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            if info.filename in parts:
                raise DocumentError(DAMAGED)
            parts[info.filename] = _read_member(archive, info, room)
            room -= len(parts[info.filename])
    return parts


def _package(parts):
    """The checked parts as a zip for python-docx, stored as they are: what it reads of them is
    exactly what was checked, never the upload's own headers."""
    package = io.BytesIO()
    with zipfile.ZipFile(package, "w", zipfile.ZIP_STORED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    package.seek(0)
    return package


def read_docx(data, *, deadline):
    """(lines, notes) of a .docx given as bytes; DocumentError if it cannot be read."""
    try:
        parts = _unpack(data)
        footnotes = _notes(parts, "word/footnotes.xml", "footnote")
        endnotes = _notes(parts, "word/endnotes.xml", "endnote")
        package = _package(parts)
        del parts
        document = docx.Document(package)
        reader = _Reader(document, deadline, footnotes, endnotes)
        reader.walk(document.element.body)
    except DocumentError:
        raise
    except Exception as error:
        raise DocumentError(DAMAGED) from error
    notes = []
    if reader.note_count:
        notes.append(
            Note(
                "Fodnoternes tekst står lige efter det afsnit, der henviser til dem "
                "(“Fodnote 1: …”).",
                needs_check=False,
            )
        )
    if reader.cut:
        notes.append(
            Note(
                "Læsningen blev stoppet, fordi den tog for lang tid. Resten af dokumentet er "
                "ikke med; tjek punkterne."
            )
        )
    lines = reader.lines
    sizes = [line.size for line in lines if line.size]
    body = max(set(sizes), key=sizes.count) if sizes else None
    for line in lines:
        bigger = body is not None and line.size is not None and line.size >= body + 1
        line.emphasised = bool(line.heading) or line.bold or bigger
    return lines, notes
