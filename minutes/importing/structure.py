"""Recognising the structure of Danish minutes in lines of text, whatever their source.

The documents come out of the municipalities' meeting systems with a fixed shape: a title line
("Referat – Almenboligudvalg Hvidovre den 29. maj 2018"), Mødefakta, Medlemmer, Fraværende med
afbud, Bemærkninger, Indholdsfortegnelse, then numbered items ("3. Title") with the sections
Beslutningstema, Indstilling, Beslutning, Sagsfremstilling, Økonomiske konsekvenser and Bilag.

Nothing is dropped: a line is a structural label (a heading, "Dato:"), or it is kept in a field.
Text that fits no known place is put where the clerk will see it (an item's Sagsfremstilling, or
the meeting's remarks) and a note says so. Only running headers and footers, page numbers and the
table of contents' leaders and page numbers go, and the notes say that too.
"""

import re
from dataclasses import dataclass, field

from . import dates
from .decisions import analyse_decision
from .lines import LABEL_START, PARAGRAPH, WRAP, Line, clean, is_list_line, list_marker, reflow
from .result import (
    ABSENT,
    AGENDA,
    MINUTES,
    PRESENT,
    SECTION_HEADINGS,
    Note,
    ParsedDocument,
    ParsedItem,
    ParsedParticipant,
)


def _key(text):
    """A heading or label as compared: no colon, case or extra spaces."""
    return re.sub(r"\s+", " ", clean(text).rstrip(":").strip()).casefold()


FRONT_HEADINGS = {
    "mødefakta": "facts",
    "medlemmer": "members",
    "deltagere": "members",
    "mødedeltagere": "members",
    "til stede": "members",
    "fremmødte": "members",
    "fraværende med afbud": "absent",
    "fravær med afbud": "absent",
    "afbud": "absent",
    "fraværende": "absent",
    "fravær": "absent",
    "bemærkninger": "remarks",
    "bemærkning": "remarks",
    "særlige forhold": "remarks",
    "indholdsfortegnelse": "toc",
    "punkter til dagsorden": "toc",
    "dagsordenspunkter": "toc",
    "indhold": "toc",
}
FACT_LABELS = {
    "dato": "date",
    "mødedato": "date",
    "mødetidspunkt": "time",
    "tidspunkt": "time",
    "mødetid": "time",
    "tid": "time",
    "klokkeslæt": "time",
    "mødested": "place",
    "mødelokale": "place",
    "sted": "place",
    "lokale": "place",
}
# Labels specific enough to be read with only a space after them (a table row read from a PDF:
# "Dato Tirsdag den 29. maj 2018").
_SPACE_LABELS = ("dato", "mødedato", "mødetidspunkt", "mødested", "mødelokale")

# Section headings: the canonical ones, and other names some meeting systems use for them.
SECTIONS = {
    "beslutningstema": "decision_theme",
    "resumé": "decision_theme",
    "resume": "decision_theme",
    "sagsresumé": "decision_theme",
    "indstilling": "recommendation",
    "indstillinger": "recommendation",
    "forvaltningens indstilling": "recommendation",
    "administrationens indstilling": "recommendation",
    "direktionens indstilling": "recommendation",
    "beslutning": "decision",
    "udvalgets beslutning": "decision",
    "sagsfremstilling": "case_presentation",
    "sagsbeskrivelse": "case_presentation",
    "sagens fremstilling": "case_presentation",
    "økonomiske konsekvenser": "economic_consequences",
    "økonomi": "economic_consequences",
    "økonomiske forhold": "economic_consequences",
    "bilag": "attachments",
}
_DECISION_HEADING = re.compile(
    r"beslutning\s+(?:i|fra)\s+(?P<body>.+?)(?:\s+(?:den|d\.)\s+(?P<date>.+?))?\s*:?", re.IGNORECASE
)
# Headings that are not sections of our own but are common in Danish minutes: recognised as
# headings even in pasted text, where no font tells a heading from a line of text.
EXTRA_HEADINGS = {
    "lovgrundlag",
    "retsgrundlag",
    "lovgivning",
    "kommunikation",
    "høring",
    "høringssvar",
    "tidsplan",
    "videre proces",
    "sagens tidligere behandling",
    "tidligere beslutninger",
    "baggrund",
    "administrationens vurdering",
    "forvaltningens vurdering",
    "supplerende sagsfremstilling",
    "personalemæssige konsekvenser",
    "miljømæssige konsekvenser",
    "klimamæssige konsekvenser",
    "bevillingsmæssige konsekvenser",
    "borgerinddragelse",
    "risikovurdering",
    "alternativer",
}
CLOSED = re.compile(r"\(?\s*lukket\s+punkt\s*\)?\.?", re.IGNORECASE)
_CLOSED_PREFIX = re.compile(r"lukket\s+punkt\s*[:.\-–—]\s*(?P<title>.+)", re.IGNORECASE)
_CLOSED_SUFFIX = re.compile(
    r"(?P<title>.+?)\s*(?:[-–—:,]\s*)?[(\[]?\s*lukket\s+punkt\s*[)\]]?\.?", re.IGNORECASE
)

_TITLE = re.compile(
    r"(?P<kind>referat|dagsorden|beslutningsprotokol|beslutningsreferat)\b\s*"
    r"(?:[-–—:]|\bfra\b|\bfor\b)?\s*(?:mødet\s+i\s+)?(?P<rest>.*)",
    re.IGNORECASE,
)
# "3. Title", "3) Title", "Punkt 3: Title", "Pkt. 3 Title"; not "3.1 Subheading".
_ITEM = re.compile(
    r"(?:(?:punkt|pkt\.?)\s+)?(?P<number>\d{1,3})\s*[.):]\s+(?P<title>\S.*)", re.IGNORECASE
)
# "Punkt 3 Title", "Punkt 3 – Title".
_ITEM_WORD = re.compile(
    r"(?:punkt|pkt\.?)\s+(?P<number>\d{1,3})\s*(?:[-–—]\s)?\s*(?P<title>\S.*)", re.IGNORECASE
)
_TITLE_START = re.compile(r"[A-ZÆØÅÉÜÖÄ0-9\"“„«§(]")
_STARTS_WITH_MONTH = re.compile(r"(?:" + "|".join(dates.MONTHS) + r")\b", re.IGNORECASE)
_LEADERS = re.compile(r"\s*(?:[.…·_]\s*){2,}\s*(?:\d{1,3})?\s*$|\t+\s*\d{1,3}\s*$")
_TRAILING_PAGE = re.compile(r"\s+\d{1,3}$")
_TOC_NOISE = {"side", "punkt", "sag", "nr.", "nr", "sidetal", "sag nr."}
_ATTACHMENT_PREFIX = re.compile(r"bilag\s+\d{1,3}\s*[:.\-–—]\s*", re.IGNORECASE)
_NAME_WORD = re.compile(r"(?:[A-ZÆØÅÉÜÖÄ][\w'’.\-]*|[a-zæøå]{1,3}|[A-ZÆØÅ]\.)$")
# "Helle M. Eksempel (A)", also "Anne Eksempel (A, formand)": the role goes to the remarks.
_PARTICIPANT = re.compile(
    r"(?P<name>.+?)\s*\(\s*(?P<party>[A-ZÆØÅ]{1,3})\s*(?:[,;]\s*(?P<role>[^)]*))?\)\s*(?P<rest>.*)"
)
_PLAIN_TIME = re.compile(r"(?:kl\.?\s*)?\d{1,2}[:.]\d{2}\.?", re.IGNORECASE)
_FACT_LIKE = re.compile(r"(?P<label>[A-ZÆØÅ][\wæøå]*(?:\s+[\wæøå]+){0,2})\s*:\s*(?P<value>.+)")


def _quote(text, limit=80):
    text = clean(text.replace("\n", " "))
    return f"“{text if len(text) <= limit else text[: limit - 1] + '…'}”"


def _comparable(text):
    return re.sub(r"[^\wæøå]+", " ", text.casefold()).strip()


def section_of(text):
    """(field or "attachments", heading as written, text after a colon) if the line is a known
    section heading, else None. A decision heading of another committee is not ours: None.
    """
    stripped = clean(text)
    key = _key(stripped)
    if key in SECTIONS:
        return SECTIONS[key], stripped.rstrip(":").strip(), ""
    if _DECISION_HEADING.fullmatch(key):
        return "decision", stripped.rstrip(":").strip(), ""
    if ":" in stripped:
        head, rest = stripped.split(":", 1)
        if _key(head) in SECTIONS and rest.strip():
            return SECTIONS[_key(head)], head.strip(), rest.strip()
    return None


def is_structural(text):
    """Whether a line is one of the labels that give minutes their structure."""
    key = _key(text)
    return (
        key in SECTIONS
        or key in FRONT_HEADINGS
        or key in EXTRA_HEADINGS
        or bool(_DECISION_HEADING.fullmatch(key))
        or bool(CLOSED.fullmatch(key))
    )


@dataclass
class _Piece:
    key: str  # a section field, "attachments", "other" (unknown heading) or "pre" (no heading)
    heading: str = ""
    lines: list[Line] = field(default_factory=list)


@dataclass
class _Item:
    number: int
    title: str
    is_closed: bool = False
    pieces: list[_Piece] = field(default_factory=list)

    def has_content(self):
        return any(piece.lines for piece in self.pieces)


class _Parser:
    def __init__(self, lines):
        self.lines = _merge_wrapped_headings(lines)
        self.skip = 0  # lines the current step consumed beyond its own (a wrapped title)
        self.pending_facts = []  # facts' labels on lines of their own, waiting for values
        self.has_layout = any(line.emphasised for line in self.lines) and any(
            not line.emphasised for line in self.lines
        )
        self.doc = ParsedDocument()
        self.notes = []
        self.title_key = None
        self.title_date = None
        self.facts = {"date": [], "time": [], "place": []}
        self.members = {PRESENT: [], ABSENT: []}
        self.remarks = []  # (lines, note or None) in document order
        self.toc = []  # [number, title]
        self.toc_done = False
        self.toc_strip_numbers = False
        self.items = []
        self.item_style = None  # (size, bold, heading level) of the first item heading
        self.section_styles = {
            _style(line) for line in self.lines if line.emphasised and section_of(line.text)
        }

    # --- the pass over the lines ---------------------------------------------------------------

    def run(self):
        zone = None
        index = 0
        while index < len(self.lines):
            line = self.lines[index]
            if not self.items:
                zone = self.front_line(index, line, zone)
            else:
                self.item_line(index, line)
            index += 1 + self.skip
            self.skip = 0
        return self.finish()

    def front_line(self, index, line, zone):
        """One line before the first item. Returns the zone the next line is read in."""
        text = line.text
        key = _key(text)
        if zone == "toc" and not self.toc_done:
            if self.toc_line(index, line):
                return "toc"
            self.end_toc()
            zone = None
        if self.title_key is None and index < 15 and self.title(index, line):
            return zone
        if key in FACT_LABELS:
            self.pending_facts.append(key)
            return "facts" if zone in (None, "facts") else zone
        if self.pending_facts and not is_structural(text) and not self.fact_label(text):
            # "Dato" on one line, "Tirsdag den 29. maj 2018" on a later one: the two columns
            # of a table, as text copied from a PDF gives them (labels first, then values).
            label = self.pending_facts.pop(0)
            self.facts[FACT_LABELS[label]].append((label, text))
            return zone
        self.pending_facts = []
        if key.endswith(" side") and FRONT_HEADINGS.get(key[: -len(" side")]) == "toc":
            key = key[: -len(" side")]
            self.toc_strip_numbers = True
        if key in FRONT_HEADINGS:
            return FRONT_HEADINGS[key]
        head, _, rest = text.partition(":")
        if rest.strip() and _key(head) in FRONT_HEADINGS and FRONT_HEADINGS[_key(head)] != "toc":
            zone = FRONT_HEADINGS[_key(head)]
            self.zone_line(zone, Line(rest.strip(), PARAGRAPH))
            return zone
        if self.fact(text):
            return "facts" if zone in (None, "facts") else zone
        if self.item_heading(index, line):
            return None
        # Numbered lines before the first item that are not items: a table of contents without
        # its heading.
        if _ITEM.fullmatch(text) and not self.toc_done and self.toc_line(index, line):
            return "toc"
        if self.title_key is not None and self.repeats_title(text):
            return zone  # the title again, as a running header on a one-page document
        self.zone_line(zone, line)
        return zone

    def zone_line(self, zone, line):
        if zone == "members":
            self.members[PRESENT].append(line)
        elif zone == "absent":
            self.members[ABSENT].append(line)
        elif zone == "remarks":
            self.add_remark(line, None)
        elif zone == "facts" and (match := _FACT_LIKE.fullmatch(line.text)):
            self.add_remark(
                line,
                "{text} under Mødefakta er ikke et kendt mødefaktum "
                f"(“{match.group('label')}”) og er lagt under Bemærkninger.",
            )
        elif zone == "toc" and _key(line.text) in _TOC_NOISE:
            pass
        else:
            self.add_remark(
                line,
                "Teksten {text} før første punkt hører ikke til et kendt afsnit og er lagt "
                "under Bemærkninger.",
            )

    def add_remark(self, line, note):
        """Keep a line in the remarks; `note` (with "{text}" for the text) says why, if it is
        not under Bemærkninger. A paragraph wrapped over lines is one remark with one note."""
        if self.remarks and self.remarks[-1][1] == note and (note is None or line.brk != PARAGRAPH):
            self.remarks[-1][0].append(line)
        else:
            self.remarks.append(([line], note))

    def repeats_title(self, text):
        match = _TITLE.fullmatch(text)
        return bool(match) and dates.parse_date(match.group("rest")) == self.title_date

    def is_ours(self, heading):
        """Whether "Beslutning i X den …" is this committee's decision (or says no committee)."""
        match = _DECISION_HEADING.fullmatch(_key(heading))
        if not match or not self.doc.committee_name:
            return True
        theirs, ours = _comparable(match.group("body")), _comparable(self.doc.committee_name)
        return theirs.startswith(ours[:8]) or ours.startswith(theirs[:8])

    def title(self, index, line):
        """The title line ("Referat – Almenboligudvalg Hvidovre den 29. maj 2018"), which may be
        wrapped over up to three lines."""
        candidates = [line.text]
        for following in self.lines[index + 1 : index + 3]:
            if is_structural(following.text) or self.fact_label(following.text):
                break
            candidates.append(f"{candidates[-1]} {following.text}")
        for consumed, text in enumerate(candidates):
            match = _TITLE.fullmatch(text)
            if not match:
                continue
            rest = match.group("rest")
            date, span = dates.find_date(rest)
            if date is None:
                continue  # the date may be on the next line
            committee = rest[: span[0]]
            committee = re.sub(r"\s+(?:den|d\.)\s*$", "", committee.strip(" –—-,:")).strip()
            committee = re.sub(
                r"\s*[-–—,]?\s*(?:" + "|".join(dates.WEEKDAYS) + r")\s*$",
                "",
                committee,
                flags=re.IGNORECASE,
            ).strip(" –—-,:")
            self.doc.kind = MINUTES if match.group("kind").lower() != "dagsorden" else AGENDA
            self.doc.committee_name = committee
            self.title_date = date
            self.title_key = _key(text)
            self.skip = consumed
            after = rest[span[1] :].strip(" .,")
            if after:
                # "… den 29. maj 2018 (ekstraordinært møde)": kept, not dropped with the title.
                self.add_remark(
                    Line(after, PARAGRAPH),
                    "Teksten {text} efter datoen i titlen er lagt under Bemærkninger.",
                )
            return True
        return False

    def fact_label(self, text):
        key = _key(text)
        return next((label for label in FACT_LABELS if key.startswith(label + ":")), None)

    def fact(self, text):
        key = _key(text)
        for label, fact in FACT_LABELS.items():
            if key.startswith(label):
                rest = clean(text)[len(label) :]
                if rest.startswith(":") or rest[:1] == "\t":
                    value = rest[1:].strip()
                elif label in _SPACE_LABELS and rest[:1] == " ":
                    value = rest.strip()
                else:
                    continue
                if value:
                    self.facts[fact].append((label, value))
                    return True
        return False

    def toc_line(self, index, line):
        """Read a line as part of the table of contents; False when the contents have ended."""
        text = line.text
        if _key(text) in _TOC_NOISE:
            return True
        match = _ITEM.fullmatch(text) or _ITEM_WORD.fullmatch(text)
        if match and _TITLE_START.match(match.group("title")):
            number = int(match.group("number"))
            if self.toc and number <= self.toc[-1][0]:
                return False  # numbering starts again: the items themselves
            self.toc.append([number, match.group("title")])
            return True
        if self.toc and not is_structural(text) and not self.fact(text) and line.brk != PARAGRAPH:
            self.toc[-1][1] += " " + text  # an entry wrapped over two lines
            return True
        return False

    def end_toc(self):
        if self.toc_done:
            return
        self.toc_done = True
        numbered = [title for _, title in self.toc]
        if len(numbered) >= 2 and all(_TRAILING_PAGE.search(_LEADERS.sub("", t)) for t in numbered):
            self.toc_strip_numbers = True
        for entry in self.toc:
            title = _LEADERS.sub("", entry[1]).strip()
            if self.toc_strip_numbers:
                title = _TRAILING_PAGE.sub("", title)
            entry[1] = clean(title)

    def toc_title(self, number):
        for entry_number, title in self.toc:
            if entry_number == number:
                return title
        return None

    def item_heading(self, index, line):
        """Start a new item if this line is an item heading ("3. Title")."""
        text = line.text
        match = _ITEM.fullmatch(text) or _ITEM_WORD.fullmatch(text)
        if not match:
            return False
        number, title = int(match.group("number")), match.group("title").strip()
        if not _TITLE_START.match(title) or _STARTS_WITH_MONTH.match(title):
            return False
        last = self.items[-1].number if self.items else 0
        self.end_toc()
        toc_title = self.toc_title(number)
        in_toc = toc_title is not None and _same_start(title, toc_title)
        layout = self.has_layout and line.emphasised and line.brk == PARAGRAPH
        if toc_title is not None and not in_toc:
            layout = False  # a numbered sub-heading: the contents give item N another title
        if self.item_style is not None and _style(line) != self.item_style:
            layout = False  # a numbered sub-heading in another font than the items have
        if in_toc or layout:
            acceptable = (last < number <= last + 5) if self.items else True
        elif self.has_layout:
            acceptable = False  # in a document with fonts, a plain numbered line is a list
        else:
            restart = number == 1 and self.items and not any(i.has_content() for i in self.items)
            if restart:
                # What looked like items were a table of contents without a heading.
                self.toc = [[item.number, item.title] for item in self.items]
                self.items = []
                last = 0
            acceptable = number == last + 1 and not self.in_list(index, number)
        if not acceptable:
            return False
        title = self.complete_title(index, title, toc_title)
        item = _Item(number, title)
        item.title, item.is_closed = _closed_title(item.title)
        self.items.append(item)
        if self.has_layout and self.item_style is None:
            self.item_style = _style(line)
        return True

    def in_list(self, index, number):
        """Whether "N. …" at this line is the next entry of a numbered list, not an item."""
        before = self.lines[index - 1] if index else None
        after = self.lines[index + 1] if index + 1 < len(self.lines) else None
        if before is not None and self.lines[index].brk != PARAGRAPH:
            marker, _ = list_marker(before.text)
            if marker == f"{number - 1}. ":
                return True
        if after is not None and after.brk != PARAGRAPH:
            marker, _ = list_marker(after.text)
            if marker == f"{number + 1}. " and not self.toc:
                return True
        return False

    def complete_title(self, index, title, toc_title):
        """A title wrapped over more lines: the table of contents or the wrapping says so."""
        following = index + 1
        while following < len(self.lines):
            line = self.lines[following]
            if self.is_heading_line(line) or is_list_line(line.text):
                break
            candidate = f"{title} {line.text}"
            wanted = toc_title and len(toc_title) > len(title)
            completes = wanted and _comparable(toc_title).startswith(_comparable(candidate))
            wraps = line.brk == WRAP and not toc_title and not self.has_layout
            if not (completes or wraps):
                break
            title = candidate
            following += 1
        self.skip = following - index - 1
        return title

    def is_heading_line(self, line):
        return (
            bool(section_of(line.text)) or is_structural(line.text) or bool(_ITEM.match(line.text))
        )

    def item_line(self, index, line):
        item = self.items[-1]
        text = line.text
        if self.item_heading(index, line):
            return
        if CLOSED.fullmatch(text.strip()):
            item.is_closed = True
            return
        section = section_of(text)
        if section and section[0] == "decision" and not self.is_ours(section[1]):
            section = None  # another committee's decision, quoted in the case
        if section:
            key, heading, rest = section
            item.pieces.append(_Piece(key, heading))
            if rest:
                item.pieces[-1].lines.append(Line(rest, PARAGRAPH))
            return
        decision_match = _DECISION_HEADING.fullmatch(_key(text))
        extra = _key(text) in EXTRA_HEADINGS and self.content_follows(index)
        if extra or decision_match or self.looks_like_heading(index, line):
            item.pieces.append(_Piece("other", clean(text).rstrip(":").strip()))
            return
        if not item.pieces:
            item.pieces.append(_Piece("pre"))
        item.pieces[-1].lines.append(line)

    def content_follows(self, index):
        """Whether the line after this one is text, not another heading or the end: a heading
        has something under it ("Tidsplan" alone at the end of a Bilag list is a title)."""
        if index + 1 >= len(self.lines):
            return False
        following = self.lines[index + 1].text
        return not (section_of(following) or is_structural(following) or _ITEM.fullmatch(following))

    def looks_like_heading(self, index, line):
        """A heading we do not know, recognised by looking like the section headings."""
        if not (self.has_layout and line.emphasised and line.brk == PARAGRAPH):
            return False
        if _style(line) not in self.section_styles:
            return False
        text = clean(line.text)
        if len(text) > 60 or len(text.split()) > 6 or text[-1] in ".,;!?" or is_list_line(text):
            return False
        if not text[0].isupper() or LABEL_START.match(text + " "):
            return False
        reading = analyse_decision(text)
        if reading.outcome or reading.votes:
            return False
        return self.content_follows(index)

    # --- after the pass: fields and notes -----------------------------------------------------

    def finish(self):
        self.end_toc()
        doc = self.doc
        if self.title_key is None:
            has_decisions = any(p.key == "decision" for i in self.items for p in i.pieces)
            doc.kind = MINUTES if has_decisions else AGENDA
        self.finish_facts()
        self.finish_members()
        self.finish_items()
        doc.remarks = "\n\n".join(text for text in self.finish_remarks() if text)
        if self.title_key is None:
            self.note(
                "Titellinjen (fx “Referat – Almenboligudvalg Hvidovre den 29. maj 2018”) blev "
                f"ikke fundet; dokumentet er læst som {'referat' if has_decisions else 'dagsorden'}"
                ". Tjek typen."
            )
        if not doc.items:
            self.note("Der blev ikke fundet nogen punkter i dokumentet.")
        doc.notes = self.notes
        return doc

    def note(self, message, item_number=None):
        self.notes.append(Note(message, item_number))

    def finish_facts(self):
        doc = self.doc
        fact_dates = [dates.parse_date(value) for _, value in self.facts["date"]]
        fact_date = next((date for date in fact_dates if date), None)
        for _label, value in self.facts["date"]:
            date = dates.parse_date(value)
            weekday = dates.stated_weekday(value)
            if date is None:
                self.note(f"Datoen {_quote(value)} kunne ikke læses.")
            elif weekday is not None and weekday != date.weekday():
                self.note(
                    f"{_quote(value)}: {dates.danish_date(date)} er ikke en "
                    f"{dates.WEEKDAYS[weekday]}. Tjek datoen."
                )
        if self.title_date and fact_date and self.title_date != fact_date:
            self.note(
                f"Datoen i titlen ({dates.danish_date(self.title_date)}) og under Mødefakta "
                f"({dates.danish_date(fact_date)}) er forskellige; datoen fra titlen er brugt. "
                "Tjek den."
            )
        doc.date = self.title_date or fact_date
        if doc.date is None:
            self.note("Der blev ikke fundet en mødedato.")
        for _, value in self.facts["time"]:
            start = dates.parse_time(value)
            doc.start_time = doc.start_time or start
            if start is None:
                self.note(f"Mødetidspunktet {_quote(value)} kunne ikke læses.")
            elif not _PLAIN_TIME.fullmatch(value.strip()):
                self.note(
                    f"Mødetidspunktet er {_quote(value)}; kun starttidspunktet "
                    f"{start:%H:%M} er gemt."
                )
        if doc.start_time is None and not self.facts["time"]:
            self.note("Der blev ikke fundet et mødetidspunkt.")
        places = list(dict.fromkeys(value for _, value in self.facts["place"]))
        doc.place = ", ".join(places)
        if not places:
            self.note("Der blev ikke fundet et mødested.")

    def finish_members(self):
        for status, lines in self.members.items():
            for text in reflow(lines).split("\n"):
                text = list_marker(text.strip())[1].strip()
                if text:
                    self.read_participants(text, status)
        if not any(p.status == PRESENT for p in self.doc.participants):
            self.note("Der blev ikke fundet nogen medlemmer under “Medlemmer”.")

    def read_participants(self, text, status):
        heading = "Medlemmer" if status == PRESENT else "Fraværende med afbud"
        for piece in _split_names(text):
            piece = piece.strip(" .")
            if not piece or piece.casefold() in ("ingen", "-", "–"):
                continue
            match = _PARTICIPANT.fullmatch(piece)
            name, party, rest = (
                (match.group("name"), match.group("party"), match.group("rest"))
                if match
                else (piece, "", "")
            )
            if match and match.group("role"):
                rest = f"({match.group('role').strip()}) {rest}".strip()
            if _is_name(name):
                self.doc.participants.append(ParsedParticipant(clean(name), party, status))
                if rest.strip(" ,."):
                    self.add_remark(
                        Line(rest.strip(" ,"), PARAGRAPH),
                        f"{{text}} efter {clean(name)} under {heading} er ikke et navn og er "
                        "lagt under Bemærkninger.",
                    )
            else:
                self.add_remark(
                    Line(piece, PARAGRAPH),
                    f"{{text}} under {heading} kunne ikke læses som et navn og er lagt under "
                    "Bemærkninger.",
                )

    def finish_remarks(self):
        texts = []
        for lines, note in self.remarks:
            text = reflow(lines)
            if note:
                self.note(note.format(text=_quote(text)))
            texts.append(text)
        return texts

    def finish_items(self):
        doc = self.doc
        previous = None
        for raw in self.items:
            item = ParsedItem(raw.number, clean(raw.title), raw.is_closed)
            self.finish_item(raw, item)
            if previous is not None and raw.number != previous + 1:
                self.note(
                    f"Punkterne springer fra {previous} til {raw.number}; "
                    "tjek om et punkt mangler.",
                    raw.number,
                )
            previous = raw.number
            doc.items.append(item)
        numbers = {item.number for item in doc.items}
        missing = [(number, title) for number, title in self.toc if number not in numbers]
        if len(missing) > 3:
            listed = ", ".join(str(number) for number, _ in missing[:20])
            more = " …" if len(missing) > 20 else ""
            self.note(
                f"{len(missing)} punkter står i indholdsfortegnelsen, men blev ikke fundet i "
                f"teksten: {listed}{more}."
            )
            missing = []
        for number, title in missing:
            self.note(
                f"Punkt {number} ({_quote(title)}) står i indholdsfortegnelsen, men blev ikke "
                "fundet i teksten."
            )
        for number, title in self.toc:
            if number in numbers:
                item = next(i for i in doc.items if i.number == number)
                if _comparable(_closed_title(title)[0]) != _comparable(item.title):
                    self.note(
                        f"Punkt {number}: titlen i indholdsfortegnelsen er {_quote(title, 120)}.",
                        number,
                    )

    def finish_item(self, raw, item):
        number = raw.number
        texts = {}
        case = []  # what ends in case_presentation, in document order
        for piece in raw.pieces:
            if piece.key == "attachments":
                titles, stray = _attachments(piece.lines)
                item.attachments.extend(titles)
                if stray:
                    text = reflow(stray)
                    case.append(text)
                    self.note(
                        f"Punkt {number}: teksten {_quote(text)} efter bilagslisten er ikke et "
                        "bilag og er lagt ind under Sagsfremstilling.",
                        number,
                    )
                continue
            text = reflow(piece.lines)
            if piece.key == "pre":
                case.append(text)
                self.note(
                    f"Punkt {number}: teksten {_quote(text)} står før første afsnit og er lagt "
                    "ind under Sagsfremstilling.",
                    number,
                )
            elif piece.key == "other":
                case.append(f"{piece.heading}\n{text}" if text else piece.heading)
                self.note(
                    f"Punkt {number}: afsnittet “{piece.heading}” er ikke et kendt afsnit og er "
                    "lagt ind under Sagsfremstilling.",
                    number,
                )
            else:
                canonical = SECTION_HEADINGS[piece.key]
                if _key(piece.heading) != _key(canonical) and piece.key != "decision":
                    self.note(
                        f"Punkt {number}: afsnittet “{piece.heading}” er lagt ind under "
                        f"{canonical}.",
                        number,
                    )
                if piece.key == "case_presentation":
                    case.append(text)
                elif text:
                    if piece.key in texts:
                        self.note(
                            f"Punkt {number}: afsnittet {canonical} står to gange; teksterne er "
                            "sat efter hinanden.",
                            number,
                        )
                    texts.setdefault(piece.key, []).append(text)
        if any(case):
            texts["case_presentation"] = [text for text in case if text]
        for key in SECTION_HEADINGS:
            if texts.get(key):
                item.sections[key] = "\n\n".join(texts[key])
        if self.doc.kind == MINUTES:
            decision = item.sections.get("decision", "")
            if decision:
                reading = analyse_decision(decision)
                item.outcome, item.votes = reading.outcome, reading.votes
                for problem in reading.problems:
                    self.note(f"Punkt {number}: {problem}", number)
            elif self.title_key is not None:
                self.note(f"Punkt {number} har ingen beslutning.", number)


def _style(line):
    return (line.size, line.bold, line.heading)


def _same_start(title, toc_title):
    a, b = _comparable(_closed_title(title)[0]), _comparable(_closed_title(toc_title)[0])
    length = min(len(a), len(b), 25)
    return length > 0 and a[:length] == b[:length]


def _closed_title(title):
    """(title, is closed) from a title that may say "Lukket punkt" before or after it."""
    title = clean(title)
    if CLOSED.fullmatch(title):
        return "Lukket punkt", True
    if match := _CLOSED_PREFIX.fullmatch(title):
        return match.group("title").strip(), True
    if match := _CLOSED_SUFFIX.fullmatch(title):
        return match.group("title").strip(" -–—:,"), True
    return title, False


def _is_name(text):
    words = clean(text).split()
    return (
        1 <= len(words) <= 6
        and words[0][0].isupper()
        and all(_NAME_WORD.match(word) for word in words)
    )


def _split_names(text):
    """ "A (A), B (V) og C (F)" into its names; a comma inside parentheses ("(A, formand)")
    does not split."""
    pieces, depth, start = [], 0, 0
    separator = re.compile(r"\s*[,;]\s*|\s+og\s+|\s+&\s+")
    position = 0
    while position < len(text):
        char = text[position]
        depth += (char == "(") - (char == ")")
        match = separator.match(text, position) if depth == 0 else None
        if match and match.end() > position:
            pieces.append(text[start:position])
            start = position = match.end()
            continue
        position += 1
    pieces.append(text[start:])
    return pieces


def _attachments(lines):
    """(titles, lines that are not attachments) of a Bilag section."""
    marked = any(list_marker(clean(line.text))[0] for line in lines)
    titles, stray = [], []
    for line in lines:
        text = clean(line.text)
        marker, rest = list_marker(text)
        if _key(text).rstrip(".") in ("ingen", "ingen bilag", "-", "–"):
            continue
        if marker or (not marked and line.brk != WRAP) or (not titles and not marked):
            titles.append(_ATTACHMENT_PREFIX.sub("", rest if marker else text, count=1))
        elif line.brk == WRAP and titles and not stray:
            titles[-1] = f"{titles[-1]} {text}"
        else:
            stray.append(line)
    return [clean(title) for title in titles if clean(title)], stray


def _merge_wrapped_headings(lines):
    """Join a heading wrapped over two lines of a PDF (same font, no gap) into one line."""
    merged = []
    for line in lines:
        before = merged[-1] if merged else None
        if (
            before is not None
            and line.brk != PARAGRAPH
            and before.emphasised
            and line.emphasised
            and _style(before) == _style(line)
            and before.page == line.page
            and not before.text.endswith((".", ":"))
            and not is_structural(before.text)
            and not section_of(before.text)
            and not is_structural(line.text)
            and not section_of(line.text)
            and not _ITEM.fullmatch(line.text)
            and not LABEL_START.match(line.text)
            and not is_list_line(line.text)
        ):
            merged[-1] = Line(
                f"{before.text} {line.text}",
                before.brk,
                page=before.page,
                x=before.x,
                y=before.y,
                size=before.size,
                bold=before.bold,
                heading=before.heading,
                emphasised=True,
            )
            continue
        merged.append(line)
    return merged


def parse_lines(lines):
    """A ParsedDocument from the lines any reader made."""
    lines = [line for line in lines if clean(line.text)]
    for line in lines:
        line.text = clean(line.text)
    document = _Parser(lines).run()
    document.text_length = sum(len(line.text) + 1 for line in lines)
    return document
