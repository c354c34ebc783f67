"""What reading a clerk's minutes document gives: plain dataclasses, no models, no database.

The string values are those of the models' choices (`Meeting.Kind`, `Participant.Status`) and the
section keys are the field names of `AgendaItem.SECTIONS`, so that the admin can store a
`ParsedDocument` as it is. This package imports nothing from Django on purpose: it is a pure
reading layer, testable and usable without a database.
"""

import datetime
from dataclasses import dataclass, field

AGENDA = "dagsorden"
MINUTES = "referat"

PRESENT = "til_stede"
ABSENT = "afbud"

# The field names of AgendaItem.SECTIONS, in the order the minutes show them.
SECTION_FIELDS = (
    "decision_theme",
    "recommendation",
    "decision",
    "case_presentation",
    "economic_consequences",
)
SECTION_HEADINGS = {
    "decision_theme": "Beslutningstema",
    "recommendation": "Indstilling",
    "decision": "Beslutning",
    "case_presentation": "Sagsfremstilling",
    "economic_consequences": "Økonomiske konsekvenser",
}

OUTCOMES = ("godkendt", "anbefalet", "taget_til_efterretning", "udsat", "afvist", "droeftet")
POSITIONS = ("for", "imod", "undlod", "afventer")


class DocumentError(ValueError):
    """The file or text cannot be read as a meeting at all. The message is Danish, for the clerk."""


@dataclass
class Note:
    """Something the clerk should look at: what was recognised doubtfully, or put elsewhere.

    A note that only says what was done as expected (page headers removed) does not need
    checking: a document with only such notes was read cleanly.

    `field` names what the note is about, so that the admin can point at it: with an
    `item_number`, one of the item's fields ("title", a key of SECTION_FIELDS, "attachments",
    "outcome", "votes"); without, one of the meeting's ("kind", "committee", "date",
    "start_time", "place", "participants", "remarks", "pdf"). Empty for the document as a whole.
    """

    message: str
    item_number: int | None = None
    needs_check: bool = True
    field: str = ""


@dataclass
class ParsedVote:
    party: str
    position: str  # one of POSITIONS


@dataclass
class ParsedParticipant:
    name: str
    party: str = ""
    status: str = PRESENT  # "til_stede" or "afbud"


@dataclass
class ParsedItem:
    number: int
    title: str
    is_closed: bool = False
    # Only filled sections are present; keys are SECTION_FIELDS.
    sections: dict[str, str] = field(default_factory=dict)
    attachments: list[str] = field(default_factory=list)
    outcome: str = ""  # one of OUTCOMES, or "" when absent or ambiguous
    votes: list[ParsedVote] = field(default_factory=list)


@dataclass
class ParsedDocument:
    kind: str = MINUTES  # "dagsorden" or "referat"
    committee_name: str = ""
    date: datetime.date | None = None
    start_time: datetime.time | None = None
    place: str = ""
    participants: list[ParsedParticipant] = field(default_factory=list)
    remarks: str = ""
    items: list[ParsedItem] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    pages: int | None = None  # None for pasted text and Word documents
    text_length: int = 0  # characters of text read, before structure was recognised

    def notes_for(self, item_number):
        """The notes about one item, in order."""
        return [note for note in self.notes if note.item_number == item_number]
