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

import dataclasses
import datetime
import itertools
import re
from dataclasses import dataclass, field

from . import dates
from .decisions import analyse_decision
from .lines import (
    LABEL_START,
    LINE,
    PARAGRAPH,
    WRAP,
    Line,
    clean,
    is_list_line,
    join_wrapped,
    list_marker,
    reflow,
)
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
    "fraværende uden afbud": "absent",
    "afbud": "absent",
    "afbud fra": "absent",
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
    "starttidspunkt": "time",
    "mødetid": "time",
    "tid": "time",
    "klokkeslæt": "time",
    "mødested": "place",
    "mødelokale": "place",
    "sted": "place",
    "lokale": "place",
}
# Labels specific enough to be read with only a space after them (a table row read from a PDF:
# "Dato Tirsdag den 29. maj 2018"). Not "Mødelokale": "Mødelokale A, Ullasvej" is a place.
_SPACE_LABELS = ("dato", "mødedato", "mødetidspunkt", "mødested")
# Labels that older layouts run on in one paragraph ("Mødetidspunkt: 18:00 Særlige forhold: …
# Mødelokale: KB-Salen Medlemmer: A, B, C Fravær med afbud: X"), where each starts a field.
_RUN_ON_LABELS = sorted(
    {*FACT_LABELS, *(key for key, zone in FRONT_HEADINGS.items() if zone != "toc")},
    key=len,
    reverse=True,
)
_RUN_ON_LABEL = re.compile(
    r"(?<=\s)(?P<label>" + "|".join(re.escape(label) for label in _RUN_ON_LABELS) + r")\s*:",
    re.IGNORECASE,
)
# The names minutes give the document itself.
_KINDS = r"referat|dagsorden|beslutningsprotokol|beslutningsreferat|mødereferat"
# What a committee's name has in it ("Almenboligudvalget", "Kommunalbestyrelsen").
_COMMITTEE_WORD = re.compile(r"udvalg|bestyrelse|byråd|råd(?:et)?\b|nævn", re.IGNORECASE)
# Buttons and links of a web page that come along when a clerk copies or prints it.
WEB_CHROME = {
    "udskriv",
    "print",
    "til toppen",
    "tilbage til toppen",
    "gå til toppen",
    "udskriv dagsorden",
    "udskriv referat",
    "tilbage til oversigten",
}

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
CLOSED = re.compile(r"\(?\s*lukket\s+(?:punkt|sag)\s*\)?\.?", re.IGNORECASE)
# "Åbent punkt": said of every item by some systems; nothing to keep.
OPEN = re.compile(r"\(?\s*åb(?:en|ent)\s+(?:punkt|sag)\s*\)?\.?", re.IGNORECASE)
_CLOSED_PREFIX = re.compile(r"lukket\s+(?:punkt|sag)\s*[:.\-–—]\s*(?P<title>.+)", re.IGNORECASE)
_OPEN_PREFIX = re.compile(r"åb(?:en|ent)\s+(?:punkt|sag)\s*[:.\-–—]\s*(?P<title>.+)", re.IGNORECASE)
_CLOSED_SUFFIX = re.compile(
    r"(?P<title>.+?)\s*(?:[-–—:,]\s*)?[(\[]?\s*lukket\s+(?:punkt|sag)\s*[)\]]?\.?",
    re.IGNORECASE,
)

# "Referat – X den 29. maj 2018", "Referat af møde i X den …", "Referat til mødet i X".
_TITLE = re.compile(
    rf"(?P<kind>{_KINDS})\b\s*(?:[-–—:·|]\s*)?(?:(?:af|fra|for|til)\s+)?"
    r"(?:(?:det\s+)?møde(?:t)?\s+(?:i|for)\s+)?(?P<rest>.*)",
    re.IGNORECASE,
)
# "X - Referat", "X · Dagsorden · 05-02-2020".
_TITLE_AFTER = re.compile(
    rf"(?P<committee>[^-–—:·|]+?)\s*[-–—:·|]\s*(?P<kind>{_KINDS})\b\s*(?:[-–—:·|]\s*)?(?P<rest>.*)",
    re.IGNORECASE,
)
# A running header that repeats the title has the date in figures: "X - Referat - 24-09-2019".
_TITLE_HEADER = re.compile(r"\d{1,2}[-./]\d{1,2}[-./]\d{4}\s*$")
# "kl. 16.30" (and an end time) at the start of what follows the date in a title.
_TITLE_TIME = re.compile(
    r"[,\s]*(?:kl\.?\s*)(?P<hour>\d{1,2})[.:](?P<minute>\d{2})(?:\s*[-–]\s*\d{1,2}[.:]\d{2})?",
    re.IGNORECASE,
)
# A marker some systems put before the number: "Åbent punkt 131. Title", "Lukket punkt: 4. …".
_ITEM_MARKER = r"(?:(?P<marker>åbent|åben|lukket)\s+(?:punkt|sag)\s*[:.\-–—]?\s*)?"
# "3. Title", "3) Title", "Punkt 3: Title", "Pkt. 3 Title", "Sag nr. 12: Title"; not "3.1 Sub".
_ITEM = re.compile(
    _ITEM_MARKER + r"(?:(?:punkt|pkt\.?|sag(?:\s+nr\.?)?)\s+)?(?P<number>\d{1,3})\s*[.):]\s+"
    r"(?P<title>\S.*)",
    re.IGNORECASE,
)
# "Punkt 3 Title", "Punkt 3 – Title", "Sag nr. 12 Title", "Pkt. 42 Title".
_ITEM_WORD = re.compile(
    _ITEM_MARKER + r"(?:punkt|pkt\.?|sag(?:\s+nr\.?)?)\s+(?P<number>\d{1,3})\b\s*"
    r"(?:[-–—]\s)?\s*(?P<title>\S.*)",
    re.IGNORECASE,
)
# The end of a line that a title cannot end on: it goes on on the next line.
_OPEN_END = re.compile(
    r"(?:\s(?:i|af|og|for|til|på|med|om|ved|fra|samt|eller|vedr\.)|[,–-])$", re.IGNORECASE
)
_TITLE_START = re.compile(r"[A-ZÆØÅÉÜÖÄ0-9\"“„«§(]")
_STARTS_WITH_MONTH = re.compile(r"(?:" + "|".join(dates.MONTHS) + r")\b", re.IGNORECASE)
_LEADERS = re.compile(r"\s*(?:[.…·_]\s*){2,}\s*(?:\d{1,3})?\s*$|\t+\s*\d{1,3}\s*$")
_TRAILING_PAGE = re.compile(r"\s+\d{1,3}$")
# A decision on a line of its own, never an item's title.
_DECISION_WORDS = {
    "godkendt", "godkendt.", "taget til efterretning", "anbefales", "anbefalet", "udsat",
    "afvist", "drøftet", "intet", "ingen", "tiltrådt",
}  # fmt: skip
_TOC_HEADINGS = {key for key, zone in FRONT_HEADINGS.items() if zone == "toc"}
_TOC_NOISE = {"side", "punkt", "sag", "nr.", "nr", "sidetal", "sag nr."}
_ATTACHMENT_PREFIX = re.compile(r"bilag\s+\d{1,3}\s*[:.\-–—]\s*", re.IGNORECASE)
_NAME_WORD = re.compile(r"(?:[A-ZÆØÅÉÜÖÄ][\w'’.\-]*|[a-zæøå]{1,3}|[A-ZÆØÅ]\.)$")
# Words that start with a capital in such lists but are no part of a name: a heading, a button,
# a decision that a layout put where the names are.
_NOT_NAMES = {
    "godkendt", "indstilling", "udskriv", "beslutning", "dagsorden", "referat", "punkt",
    "punkter", "sag", "bilag", "side", "ingen", "mødet", "udvalget", "formand", "næstformand",
    "taget", "drøftet", "anbefales", "udsat", "afvist", "print", "tilbage", "indhold",
}  # fmt: skip
# Lowercase words a line of names may hold: "Suppleant for X", "Karin de Prøve", "A og B", and
# the roles written after a name ("Anne Eksempel (A), formand").
_NAME_PARTICLES = {"for", "og", "af", "de", "da", "van", "von", "der", "den", "la", "le", "el"}
_ROLES = {"formand", "næstformand", "suppleant", "stedfortræder", "medlem", "mødeleder"}
# "Helle M. Eksempel (A)", "Navn ()", "Navn ((O))", "Navn, (A)", also "Anne Eksempel (A,
# formand)": the role goes to the remarks.
_PARTICIPANT = re.compile(
    r"(?P<name>.+?)\s*,?\s*\(\s*\(?\s*(?P<party>[A-ZÆØÅ]{1,3})?\s*\)?\s*"
    r"(?:[,;]\s*(?P<role>[^)]*))?\)\s*(?P<rest>.*)"
)
# The end of one entry of a list of names: its party, or the items someone was absent for.
_ENDS_ENTRY = re.compile(r"\)\s*$|(?:sag|punkt|pkt\.?)\s+[\d\s,–og-]*\d\s*$", re.IGNORECASE)
# Absent for some items only: "Britt Eksempel (A), sag 129-138", "…, under punkt 3 og 4".
_SOME_ITEMS = re.compile(
    r"[,\s]*(?:under\s+|fra\s+)?(?:sag(?:erne)?|punkt(?:erne)?|pkt\.?)\s+\d{1,3}"
    r"(?:\s*(?:[-–]|,|og|til)\s*\d{1,3})*\.?",
    re.IGNORECASE,
)
# A date on a line of its own may have its weekday before it: "Tirsdag den 24. september 2019".
_WEEKDAY_DEN = re.compile(r"(?:(?:" + "|".join(dates.WEEKDAYS) + r")\s*,?\s*)?(?:den\s*)?", re.I)
_LONE_TIME = re.compile(
    r"(?:kl\.?\s*)?\d{1,2}[:.]\d{2}(?:\s*[-–]\s*\d{1,2}[:.]\d{2})?\.?", re.IGNORECASE
)
_SPACED_FACT = re.compile(r"(?P<label>Tid|Sted)\s+(?P<value>\S.*)")
# A room named on a line of its own: "Mødelokale A, Ullasvej", "Udvalgsværelse 2".
_ROOM = re.compile(r"(?:Mødelokale|Mødesal|Udvalgsværelse|Lokale)\b\s*[^:]+")
# "på Rådhuset, mødelokale 2" after the time in a title.
_TITLE_PLACE = re.compile(r"(?:i|på)\s+(?P<place>[A-ZÆØÅ].*)")
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
        or bool(OPEN.fullmatch(key))
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
        self.lines = _split_run_on(_merge_wrapped_headings(lines))
        self.skip = 0  # lines the current step consumed beyond its own (a wrapped title)
        self.pending_facts = []  # facts' labels on lines of their own, waiting for values
        self.has_layout = any(line.emphasised for line in self.lines) and any(
            not line.emphasised for line in self.lines
        )
        self.doc = ParsedDocument()
        self.notes = []
        self.title_key = None
        self.title_date = None
        self.title_lines = set()  # indexes of the lines the title takes
        self.title_time = None  # "… den 10. marts 2015 kl. 16.30"
        self.title_place = ""  # "… kl. 16.30 på Rådhuset"
        self.facts = {"date": [], "time": [], "place": []}
        self.members = []  # (status, heading as written, line), in document order
        self.zone_heading = ""  # the heading of the members' or absentees' zone, as written
        self.remarks = []  # (lines, note or None) in document order
        self.toc = []  # [number, title]
        self.toc_done = False
        self.toc_strip_numbers = False
        self.items = []
        self.item_style = None  # (size, bold, heading level) of the first item heading
        self.numbered = False  # an item had a number: no unnumbered ones then
        self.marker = None  # "closed" or "open": said on the line before the next item heading
        self.running = []  # the title repeated among the items: a running header, removed
        self.section_styles = {
            _style(line) for line in self.lines if line.emphasised and section_of(line.text)
        }

    # --- the pass over the lines ---------------------------------------------------------------

    def run(self):
        self.find_title()
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
        if index in self.title_lines:
            return zone
        text = line.text
        key = _key(text)
        if zone == "toc" and not self.toc_done:
            if self.toc_line(index, line):
                return "toc"
            self.end_toc()
            zone = None
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
            self.zone_heading = clean(text).rstrip(":").strip()
            return FRONT_HEADINGS[key]
        head, _, rest = text.partition(":")
        if rest.strip() and _key(head) in FRONT_HEADINGS and FRONT_HEADINGS[_key(head)] != "toc":
            zone = FRONT_HEADINGS[_key(head)]
            self.zone_heading = clean(head)
            self.zone_line(zone, Line(rest.strip(), PARAGRAPH))
            return zone
        if self.fact(text):
            return "facts" if zone in (None, "facts") else zone
        if self.marker_line(index, text):
            return None
        if self.item_heading(index, line) or self.unnumbered_heading(index, line):
            return None
        # Numbered lines before the first item that are not items: a table of contents without
        # its heading.
        if _ITEM.fullmatch(text) and not self.toc_done and self.toc_line(index, line):
            return "toc"
        if self.title_key is not None and self.repeats_title(text):
            return zone  # the title again, as a running header on a one-page document
        if zone in (None, "facts") and self.lone_fact(text):
            return zone
        if section_of(text) or key in EXTRA_HEADINGS:
            # A section before the first item whose heading was not recognised: never a name.
            self.add_remark(
                line,
                "Overskriften {text} står før første punkt og er lagt under Bemærkninger.",
            )
            return None
        self.zone_line(zone, line)
        return zone

    def zone_line(self, zone, line):
        if zone in ("members", "absent"):
            status = PRESENT if zone == "members" else ABSENT
            self.members.append((status, self.zone_heading, line))
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

    def lone_fact(self, text):
        """A date, a time or a meeting room on a line of its own, as a protocol's head gives
        them ("24-09-2019", "kl. 16.30", "Mødelokale A, Ullasvej")."""
        date, span = dates.find_date(text)
        if date is not None and not self.facts["date"]:
            before, after = text[: span[0]], text[span[1] :]
            if _WEEKDAY_DEN.fullmatch(before.strip()) and not after.strip(" ."):
                self.facts["date"].append(("dato", text))
                return True
        if _LONE_TIME.fullmatch(text) and not self.facts["time"]:
            self.facts["time"].append(("mødetidspunkt", text))
            return True
        if _ROOM.fullmatch(text) and not self.facts["place"]:
            self.facts["place"].append(("mødested", text))
            return True
        # "Tid kl. 16.00", "Sted Beboerhuset i Friheden": a table's columns, copied as text.
        if match := _SPACED_FACT.fullmatch(text):
            label, value = match.group("label").lower(), match.group("value")
            if label == "tid" and _PLAIN_TIME.fullmatch(value) and not self.facts["time"]:
                self.facts["time"].append((label, value))
                return True
            if label == "sted" and value[0].isupper() and not self.facts["place"]:
                self.facts["place"].append((label, value))
                return True
        return False

    def repeats_title(self, text):
        match = _TITLE.fullmatch(text) or _TITLE_AFTER.fullmatch(text)
        return bool(match) and dates.parse_date(match.group("rest")) == self.title_date

    def is_ours(self, heading):
        """Whether "Beslutning i X den …" is this committee's decision (or says no committee)."""
        match = _DECISION_HEADING.fullmatch(_key(heading))
        if not match or not self.doc.committee_name:
            return True
        theirs, ours = _comparable(match.group("body")), _comparable(self.doc.committee_name)
        return theirs.startswith(ours[:8]) or ours.startswith(theirs[:8])

    # --- the title ----------------------------------------------------------------------------

    def find_title(self):
        """The title among the first lines, before any heading or fact: "Referat – X den 29. maj
        2018" (wrapped over up to four lines), "Referat til mødet i X", "X - Referat", or the
        kind and the committee on lines of their own ("Beslutningsprotokol" / "X" / the date).
        """
        head = []
        for index, line in enumerate(self.lines[:15]):
            text = line.text
            if index and (
                is_structural(text)
                or self.fact_label(text)
                or _ITEM.fullmatch(text)
                or _ITEM_WORD.fullmatch(text)
            ):
                break
            head.append(index)
        for position, start in enumerate(head):
            text = ""
            for end in head[position : position + 4]:
                text = f"{text} {self.lines[end].text}".strip()
                if not _read_title(text, dated=True):
                    continue
                # What the layout wrapped after the date ("… kl. 16.30 på" / "Rådhuset").
                while (
                    end + 1 in head
                    and (
                        self.lines[end + 1].brk == WRAP
                        or _TITLE_TIME.match(self.lines[end + 1].text)
                    )
                    and not _read_title(self.lines[end + 1].text, dated=True)
                ):
                    end += 1
                    text = f"{text} {self.lines[end].text}"
                self.set_title(*_read_title(text, dated=True), text)
                self.title_lines = set(range(start, end + 1))
                return
        for index in head:
            if title := _read_title(self.lines[index].text, dated=False):
                self.set_title(*title, self.lines[index].text)
                self.title_lines = {index}
                return
        for position, index in enumerate(head):
            kind = self.lines[index].text.strip(" .:")
            if not re.fullmatch(_KINDS, kind, re.IGNORECASE):
                continue
            self.title_lines = {index}
            neighbours = [head[position - 1]] if position else []
            neighbours += head[position + 1 : position + 2]
            committee = ""
            for other in neighbours:
                if _is_committee(self.lines[other].text):
                    committee = self.lines[other].text
                    self.title_lines.add(other)
                    break
            self.set_title(kind, committee, None, "", kind)
            return

    def set_title(self, kind, committee, date, after, text):
        committee = re.sub(r"\s+(?:den|d\.)\s*$", "", committee.strip(" –—-,:·|")).strip()
        committee = re.sub(
            r"\s*[-–—,]?\s*(?:" + "|".join(dates.WEEKDAYS) + r")\s*$",
            "",
            committee,
            flags=re.IGNORECASE,
        ).strip(" –—-,:·|")
        self.doc.kind = AGENDA if kind.lower() == "dagsorden" else MINUTES
        self.doc.committee_name = committee
        self.title_date = date
        self.title_key = _key(text)
        if date is not None:
            self.title_after(after)

    def title_after(self, after):
        """What follows the date in the title: a time and place ("kl. 16.30 på Rådhuset"), kept
        as the meeting's when Mødefakta has none; anything else goes to the remarks."""
        after = after.strip(" .,")
        if match := _TITLE_TIME.match(after):
            try:
                self.title_time = datetime.time(int(match["hour"]), int(match["minute"]))
            except ValueError:
                pass
            else:
                after = after[match.end() :].strip(" .,")
        if place := _TITLE_PLACE.fullmatch(after):
            self.title_place = place.group("place").strip()
            after = ""
        if after:
            # "… den 29. maj 2018 (ekstraordinært møde)": kept, not dropped with the title.
            self.add_remark(
                Line(after, PARAGRAPH),
                "Teksten {text} efter datoen i titlen er lagt under Bemærkninger.",
            )

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
        key = _key(text)
        if key in _TOC_NOISE or (self.toc and key.isdigit()):
            return True  # the contents' column headings, and its page numbers on their own
        if not self.toc and (key in _TOC_HEADINGS or key.removesuffix(" side") in _TOC_HEADINGS):
            # "Indholdsfortegnelse" over "Punkter til dagsorden … Side": one heading.
            self.toc_strip_numbers = self.toc_strip_numbers or key.endswith(" side")
            return True
        match = _ITEM.fullmatch(text) or _ITEM_WORD.fullmatch(text)
        if match and _TITLE_START.match(match.group("title")):
            number = int(match.group("number"))
            if self.toc and number <= self.toc[-1][0]:
                return False  # numbering starts again: the items themselves
            if self.structure_follows(index):
                # The contents' heading followed by the items themselves (the web and PDF
                # export of some meeting systems): this "entry" has its sections under it, and
                # the "entries" before it, numbered on to it, were items with nothing under
                # them ("1. Godkendelse af dagsorden" in an agenda).
                if self.toc and number == self.toc[-1][0] + 1 and not self.toc_has_pages():
                    entries, self.toc = self.toc, []
                    for entry_number, title in entries:
                        self.start_item(entry_number, title)
                    self.numbered = True
                return False
            self.toc.append([number, match.group("title")])
            return True
        if self.toc and not is_structural(text) and not self.fact(text) and line.brk != PARAGRAPH:
            self.toc[-1][1] += " " + text  # an entry wrapped over two lines
            return True
        return False

    def toc_has_pages(self):
        return self.toc_strip_numbers or any(_LEADERS.search(title) for _, title in self.toc)

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
        # Sections right under it: an item, however it is numbered ("131.", "Sag nr. 12").
        follows = (
            not layout
            and (toc_title is None or in_toc)
            and self.structure_follows(index)
            and not self.in_list(index, number)
        )
        if in_toc or layout or follows:
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
        self.start_item(number, title, closed=(match.group("marker") or "").lower() == "lukket")
        self.numbered = True
        if self.has_layout and self.item_style is None:
            self.item_style = _style(line)
        return True

    def start_item(self, number, title, *, closed=False):
        item = _Item(number, title)
        item.title, item.is_closed = _closed_title(item.title)
        item.is_closed = item.is_closed or closed or self.marker == "closed"
        self.marker = None
        self.end_toc()
        self.items.append(item)

    def structure_follows(self, index):
        """Whether an item's content begins right after this line (or after the rest of its
        wrapped title): a section heading, a decision heading, "Lukket punkt", "Åbent punkt"."""
        for following in self.lines[index + 1 : index + 3]:
            text = following.text
            if (
                section_of(text)
                or CLOSED.fullmatch(text)
                or OPEN.fullmatch(text)
                or _DECISION_HEADING.fullmatch(_key(text))
            ):
                return True
            if following.brk != WRAP:
                return False
        return False

    def unnumbered_heading(self, index, line):
        """Start a new item if this line is the heading of an item without a number: in a
        document whose items have none, a title right above a section heading (in bold, where
        the document has fonts)."""
        if self.numbered or index + 1 >= len(self.lines):
            return False
        # With fonts, a heading starts a paragraph; pasted text may have no blank lines at all,
        # and a short text's line lengths say little: only a line that cannot end ("… og")
        # goes on on the next.
        if self.has_layout and line.brk != PARAGRAPH:
            return False
        if line.brk == WRAP and _OPEN_END.search(self.lines[index - 1].text):
            return False
        text = clean(line.text)
        if self.has_layout and not line.emphasised:
            return False
        if self.has_layout and self.item_style is not None and _style(line) != self.item_style:
            return False
        if not self.title_like(text):
            return False
        following = self.lines[index + 1].text
        section = section_of(following)
        if section:
            key = section[0]
        elif _DECISION_HEADING.fullmatch(_key(following)):
            key = "decision"
        else:
            return False
        if self.items and not self.has_layout:
            # Without fonts, only where the sections begin again: a new item's first section,
            # or one the item before already has.
            keys = {piece.key for piece in self.items[-1].pieces}
            if key not in keys and key != "decision_theme":
                return False
        self.start_item((self.items[-1].number if self.items else 0) + 1, text)
        if self.has_layout and self.item_style is None:
            self.item_style = _style(line)
        return True

    def title_like(self, text):
        """Whether a line could be an item's title: short, no sentence, no label, no heading."""
        return (
            bool(_TITLE_START.match(text))
            and len(text) <= 150
            and text[-1] not in ".,;:!?"
            and not is_list_line(text)
            and not is_structural(text)
            and not section_of(text)
            and not self.fact_label(text)
            and _key(text) not in FACT_LABELS
            and not LABEL_START.match(text + " ")
            and _key(text) not in _DECISION_WORDS
        )

    def marker_line(self, index, text):
        """ "Lukket punkt" or "Åbent punkt" on a line of its own: said of the item whose heading
        it follows, or, before an item heading, of the item that comes."""
        closed, opened = CLOSED.fullmatch(text.strip()), OPEN.fullmatch(text.strip())
        if not (closed or opened):
            return False
        current = self.items[-1] if self.items else None
        following = self.lines[index + 1] if index + 1 < len(self.lines) else None
        heading_next = following is not None and bool(
            _ITEM.fullmatch(following.text) or _ITEM_WORD.fullmatch(following.text)
        )
        if current is not None and (not current.has_content() or not heading_next):
            current.is_closed = current.is_closed or bool(closed)
        else:
            self.marker = "closed" if closed else "open"
        return True

    def in_list(self, index, number):
        """Whether "N. …" at this line is the next entry of a numbered list, not an item."""
        before = self.lines[index - 1] if index else None
        after = self.lines[index + 1] if index + 1 < len(self.lines) else None
        if self.items and not self.items[-1].has_content() and self.items[-1].number == number - 1:
            before = None  # the line before is the heading of an item with nothing under it
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
            # "… 24 familieboliger i" / "Avedøre Stationsby": a title never ends on a word
            # like "i", "og" or a comma; without fonts, the next line goes on with it.
            open_end = not self.has_layout and line.brk != PARAGRAPH and _OPEN_END.search(title)
            if not (completes or wraps or open_end):
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
        if self.marker_line(index, text):
            return
        if self.title_date is not None and self.repeats_title(text) and _TITLE_HEADER.search(text):
            # The title again, as a PDF viewer's copy puts a one-page document's header.
            self.running.append(text)
            return
        if self.item_heading(index, line) or self.unnumbered_heading(index, line):
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
                ". Tjek typen.",
                field="kind",
            )
        if not doc.items:
            self.note("Der blev ikke fundet nogen punkter i dokumentet.")
        if self.running:
            examples = ", ".join(f"“{text}”" for text in dict.fromkeys(self.running))
            self.note(f"Sidehoveder er fjernet: {examples}.", needs_check=False)
        doc.notes = self.notes
        return doc

    def note(self, message, item_number=None, *, field="", needs_check=True):
        self.notes.append(Note(message, item_number, needs_check=needs_check, field=field))

    def finish_facts(self):
        doc = self.doc
        fact_dates = [dates.parse_date(value) for _, value in self.facts["date"]]
        fact_date = next((date for date in fact_dates if date), None)
        for _label, value in self.facts["date"]:
            date = dates.parse_date(value)
            weekday = dates.stated_weekday(value)
            if date is None:
                self.note(f"Datoen {_quote(value)} kunne ikke læses.", field="date")
            elif weekday is not None and weekday != date.weekday():
                self.note(
                    f"{_quote(value)}: {dates.danish_date(date)} er ikke en "
                    f"{dates.WEEKDAYS[weekday]}. Tjek datoen.",
                    field="date",
                )
        if self.title_date and fact_date and self.title_date != fact_date:
            self.note(
                f"Datoen i titlen ({dates.danish_date(self.title_date)}) og under Mødefakta "
                f"({dates.danish_date(fact_date)}) er forskellige; datoen fra titlen er brugt. "
                "Tjek den.",
                field="date",
            )
        doc.date = self.title_date or fact_date
        if doc.date is None:
            self.note("Der blev ikke fundet en mødedato.", field="date")
        for _, value in self.facts["time"]:
            start = dates.parse_time(value)
            doc.start_time = doc.start_time or start
            if start is None:
                self.note(f"Mødetidspunktet {_quote(value)} kunne ikke læses.", field="start_time")
            elif not _PLAIN_TIME.fullmatch(value.strip()):
                # "Kl. 16.30–18.00": the site keeps when a meeting starts; nothing to check.
                self.note(
                    f"Mødetidspunktet er {_quote(value)}; kun starttidspunktet "
                    f"{start:%H:%M} er gemt.",
                    field="start_time",
                    needs_check=False,
                )
        if doc.start_time is None:
            doc.start_time = self.title_time
        if doc.start_time is None and not self.facts["time"]:
            self.note("Der blev ikke fundet et mødetidspunkt.", field="start_time")
        places = list(dict.fromkeys(value for _, value in self.facts["place"]))
        if self.title_place and not places:
            places = [self.title_place]
        elif self.title_place and self.title_place not in places:
            self.add_remark(
                Line(self.title_place, PARAGRAPH),
                "Mødestedet i titlen, {text}, er et andet end under Mødefakta og er lagt under "
                "Bemærkninger.",
            )
        doc.place = ", ".join(places)
        if not places:
            self.note("Der blev ikke fundet et mødested.", field="place")

    def finish_members(self):
        groups = []  # [status, heading, lines]: a run of lines under one heading
        for status, heading, line in self.members:
            if groups and groups[-1][:2] == [status, heading]:
                groups[-1][2].append(line)
            else:
                groups.append([status, heading, [line]])
        for status, heading, lines in groups:
            heading = heading or ("Medlemmer" if status == PRESENT else "Fraværende med afbud")
            for before, line in itertools.pairwise(lines):
                # "Anne Eksempel (A)" / "Bent Prøvesen (V)": a name ended with its party, not
                # wrapped, however long the line looked.
                if line.brk == WRAP and _ENDS_ENTRY.search(before.text):
                    line.brk = LINE
            for text in reflow(lines).split("\n"):
                text = list_marker(text.strip())[1].strip()
                if not text:
                    continue
                if _is_prose(text):
                    # A sentence is kept whole, never split into "names".
                    self.add_remark(
                        Line(text, PARAGRAPH),
                        f"{{text}} under {heading} er ikke en liste af navne og er lagt under "
                        "Bemærkninger.",
                    )
                else:
                    self.read_participants(text, status, heading)
        if not any(p.status == PRESENT for p in self.doc.participants):
            self.note(
                "Der blev ikke fundet nogen medlemmer under “Medlemmer”.", field="participants"
            )

    def read_participants(self, text, status, heading):
        for piece in _split_names(text):
            piece = piece.strip(" .")
            if not piece or piece.casefold() in ("ingen", "-", "–"):
                continue
            match = _PARTICIPANT.fullmatch(piece)
            name, party, rest = (
                (match.group("name"), match.group("party") or "", match.group("rest"))
                if match
                else (piece, "", "")
            )
            name = clean(name).rstrip(",").strip()
            if match and match.group("role"):
                rest = f"({match.group('role').strip()}) {rest}".strip()
            if not _is_name(name, party):
                self.add_remark(
                    Line(piece, PARAGRAPH),
                    f"{{text}} under {heading} kunne ikke læses som et navn og er lagt under "
                    "Bemærkninger.",
                )
                continue
            if status == ABSENT and rest and _SOME_ITEMS.fullmatch(rest):
                # Absent for some items only: at the meeting, and the remarks say when not.
                if not any(p.name == name for p in self.doc.participants):
                    self.doc.participants.append(ParsedParticipant(name, party, PRESENT))
                self.add_remark(Line(f"{heading}: {piece}", PARAGRAPH), None)
                continue
            self.doc.participants.append(ParsedParticipant(name, party, status))
            if rest.strip(" ,."):
                self.add_remark(
                    Line(rest.strip(" ,"), PARAGRAPH),
                    f"{{text}} efter {name} under {heading} er ikke et navn og er "
                    "lagt under Bemærkninger.",
                )

    def finish_remarks(self):
        texts = []
        for lines, note in self.remarks:
            text = reflow(lines)
            if note:
                self.note(note.format(text=_quote(text)), field="remarks")
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
                    field="title",
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
                        field="title",
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
                        field="case_presentation",
                    )
                continue
            text = reflow(piece.lines)
            if piece.key == "pre":
                case.append(text)
                self.note(
                    f"Punkt {number}: teksten {_quote(text)} står før første afsnit og er lagt "
                    "ind under Sagsfremstilling.",
                    number,
                    field="case_presentation",
                )
            elif piece.key == "other":
                case.append(f"{piece.heading}\n{text}" if text else piece.heading)
                self.note(
                    f"Punkt {number}: afsnittet “{piece.heading}” er ikke et kendt afsnit og er "
                    "lagt ind under Sagsfremstilling.",
                    number,
                    field="case_presentation",
                )
            else:
                canonical = SECTION_HEADINGS[piece.key]
                if _key(piece.heading) != _key(canonical) and piece.key != "decision":
                    # Another system's name for one of the sections ("Resumé"): said, and
                    # nothing to check.
                    self.note(
                        f"Punkt {number}: afsnittet “{piece.heading}” er lagt ind under "
                        f"{canonical}.",
                        number,
                        field=piece.key,
                        needs_check=False,
                    )
                if piece.key == "case_presentation":
                    case.append(text)
                elif text:
                    if piece.key in texts:
                        self.note(
                            f"Punkt {number}: afsnittet {canonical} står to gange; teksterne er "
                            "sat efter hinanden.",
                            number,
                            field=piece.key,
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
                for field_name, problem in reading.problems:
                    self.note(f"Punkt {number}: {problem}", number, field=field_name)
            elif self.title_key is not None and not item.is_closed:
                # A closed item's decision is not public: minutes often leave it out.
                self.note(f"Punkt {number} har ingen beslutning.", number, field="decision")


def _style(line):
    return (line.size, line.bold, line.heading)


def _same_start(title, toc_title):
    a, b = _comparable(_closed_title(title)[0]), _comparable(_closed_title(toc_title)[0])
    length = min(len(a), len(b), 25)
    return length > 0 and a[:length] == b[:length]


def _closed_title(title):
    """(title, is closed) from a title that may say "Lukket punkt" before or after it."""
    title = clean(title)
    if match := _OPEN_PREFIX.fullmatch(title):
        title = match.group("title").strip()
    if CLOSED.fullmatch(title):
        return "Lukket punkt", True
    if match := _CLOSED_PREFIX.fullmatch(title):
        return match.group("title").strip(), True
    if match := _CLOSED_SUFFIX.fullmatch(title):
        return match.group("title").strip(" -–—:,"), True
    return title, False


def _read_title(text, *, dated):
    """(kind, committee, date, what follows the date) if `text` is a title; with `dated`, only
    if it has the meeting's date. None if it is not one."""
    committee = None
    if match := _TITLE.fullmatch(text):
        rest = match.group("rest")
    elif (match := _TITLE_AFTER.fullmatch(text)) and _is_committee(match.group("committee")):
        rest, committee = match.group("rest"), match.group("committee")
    else:
        return None
    date, span = dates.find_date(rest)
    if date is None:
        if dated:
            return None
        if committee is None:
            committee, rest = rest, ""
        if rest.strip() or not _is_committee(committee):
            return None
        return match.group("kind"), committee, None, ""
    if committee is None:
        committee = rest[: span[0]]
    return match.group("kind"), committee, date, rest[span[1] :]


def _is_committee(text):
    """Whether a line names a committee ("Almenboligudvalget", "Økonomiudvalget")."""
    text = clean(text)
    return (
        bool(_COMMITTEE_WORD.search(text))
        and len(text.split()) <= 8
        and not re.search(r"\d|:", text)
    )


def _split_run_on(lines):
    """Lines with the facts, members and absentees run on in one paragraph ("Dato: … Mødetidspunkt:
    18:00 Særlige forhold: … Mødelokale: KB-Salen Medlemmer: A, B, C Fravær med afbud: X"), as
    older layouts print them, split into a line per label, as newer layouts have them. Only
    before the first item or table of contents; the lines the layout wrapped are joined first.
    """
    result = []
    index = 0
    while index < len(lines):
        line = lines[index]
        text = line.text
        if _ITEM.fullmatch(text) or _ITEM_WORD.fullmatch(text) or _key(text) in _TOC_HEADINGS:
            result.extend(lines[index:])
            break
        end = index + 1
        while (
            end < len(lines)
            and (
                lines[end].brk == WRAP
                or (lines[end].brk == LINE and _RUN_ON_LABEL.search(" " + lines[end].text))
            )
            # A line with a section heading under it is a heading itself, however it wrapped.
            and not (end + 1 < len(lines) and section_of(lines[end + 1].text))
        ):
            text = join_wrapped(text, lines[end].text)
            end += 1
        starts = [
            match.start("label") - 1
            for match in _RUN_ON_LABEL.finditer(" " + text)
            if match.group("label")[0].isupper()
        ]
        before = text[: starts[0]].strip() if starts else ""
        if starts and ((not before and len(starts) >= 2) or (before and _is_kind(before))):
            pieces = [before] if before else []
            pieces += [text[a:b].strip() for a, b in zip(starts, [*starts[1:], None], strict=True)]
            for number, piece in enumerate(pieces):
                result.append(
                    Line(
                        piece,
                        line.brk if number == 0 else PARAGRAPH,
                        page=line.page,
                        size=line.size,
                        bold=line.bold and number == 0,
                        emphasised=line.emphasised and number == 0,
                    )
                )
            index = end
            continue
        result.append(line)
        index += 1
    return result


# A heading glued to the text after it, as some PDF-to-text and web copies give it
# ("SagsfremstillingBoligselskabet …", "Indholdsfortegnelse1. Fraværende").
_GLUED_HEADING = re.compile(
    "(?P<heading>" + "|".join(heading for heading in SECTION_HEADINGS.values()) + "|Bilag)"
    r"(?P<text>[A-ZÆØÅ][a-zæøå].*)"
    r"|(?P<contents>Indholdsfortegnelse)(?P<entry>\d{1,3}\.\s.*)"
)


def _unglue_headings(lines):
    result = []
    for line in lines:
        if match := _GLUED_HEADING.fullmatch(line.text):
            first, rest = (
                match.group("heading", "text")
                if match["heading"]
                else match.group("contents", "entry")
            )
            heading = dataclasses.replace(line, text=first)
            text = dataclasses.replace(line, text=rest, brk=PARAGRAPH)
            text.bold = text.emphasised = False
            result += [heading, text]
        else:
            result.append(line)
    return result


def _is_kind(text):
    return bool(re.fullmatch(_KINDS, text.strip(" .:"), re.IGNORECASE))


def _is_name(text, party=""):
    """Whether a piece of a members' list is a person: one to six words that look like a
    name, none a word such lists are known to catch ("Godkendt", "Udskriv"); a single word only
    with a party letter after it."""
    words = clean(text).split()
    return (
        1 <= len(words) <= 6
        and words[0][0].isupper()
        and all(_NAME_WORD.match(word) for word in words)
        and not any(word.casefold().strip(".,") in _NOT_NAMES for word in words)
        and (len(words) >= 2 or bool(party))
    )


def _is_prose(text):
    """Whether a line under Medlemmer or Fraværende is a sentence, not names: it has words in
    lower case besides the small words names and lists have ("for", "og", "de"). What is in
    parentheses and "sag 129-138" do not count."""
    text = re.sub(r"\([^)]*\)", " ", text)
    text = _SOME_ITEMS.sub(" ", text)
    words = re.findall(r"[^\W\d_][\w'’.\-]*", text)
    return any(
        word[0].islower() and word not in _NAME_PARTICLES and word not in _ROLES for word in words
    )


def _split_names(text):
    """ "A (A), B (V) og C (F)" into its names; a comma inside parentheses ("(A, formand)")
    does not split."""
    pieces, depth, start = [], 0, 0
    separator = re.compile(r"\s*[,;]\s*|\s+og\s+|\s+&\s+")
    # "…, sag 129-138" says when someone was absent; its commas and "og" split nothing.
    protected = [match.span() for match in _SOME_ITEMS.finditer(text)]
    position = 0
    while position < len(text):
        char = text[position]
        depth += (char == "(") - (char == ")")
        inside = any(a <= position < b for a, b in protected)
        match = separator.match(text, position) if depth == 0 and not inside else None
        if match and match.end() > position:
            pieces.append(text[start:position])
            start = position = match.end()
            continue
        position += 1
    pieces.append(text[start:])
    # "Navn, (A)": the party after a comma belongs to the name before it.
    joined = []
    for piece in pieces:
        if joined and piece.strip().startswith("("):
            joined[-1] = f"{joined[-1]} {piece.strip()}"
        else:
            joined.append(piece)
    return joined


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
    lines = _unglue_headings(lines)
    # The buttons of a web page that came along when the clerk copied or printed it.
    chrome = [line.text for line in lines if _key(line.text) in WEB_CHROME]
    lines = [line for line in lines if _key(line.text) not in WEB_CHROME]
    document = _Parser(lines).run()
    if chrome:
        examples = ", ".join(f"“{text}”" for text in dict.fromkeys(chrome))
        document.notes.insert(
            0, Note(f"Knapper fra hjemmesiden er fjernet: {examples}.", needs_check=False)
        )
    document.text_length = sum(len(line.text) + 1 for line in lines)
    return document
