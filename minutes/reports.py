"""
The report of an import (`Meeting.import_report`): what was read, and the notes for the clerk.

Each note knows the item and the field it is about, as the reading said (`importing.Note`), so
that the meeting's form can point at the field and mark the items to look at. The report is
stored as JSON on the meeting: `{"head": "Indlæst …", "notes": [{"message", "item", "field",
"check"}]}`; an empty one (`{}`) means the meeting was not made by an import.
"""

import dataclasses
import re


@dataclasses.dataclass(frozen=True)
class ReportNote:
    """One note: its Danish message; the item's number and field it concerns, if any; and whether
    the clerk should check it (`check`), or it only says what was done as expected."""

    message: str
    item: int | None = None
    field: str = ""
    check: bool = True

    @classmethod
    def from_note(cls, note):
        """From a note of the reading (`minutes.importing.Note`)."""
        return cls(note.message, note.item_number, note.field, note.needs_check)

    @property
    def text(self):
        """The message as a line on its own, naming its item if it does not already."""
        if self.item is None or re.match(rf"punkt {self.item}\b", self.message, re.IGNORECASE):
            return self.message
        return f"Punkt {self.item}: {self.message}"

    @property
    def detail(self):
        """The message without a leading "Punkt 2: ", for showing after a link that names it."""
        if self.item is None:
            return self.message
        detail = re.sub(rf"^punkt {self.item}:\s*", "", self.message, flags=re.IGNORECASE)
        return detail[:1].upper() + detail[1:]

    def as_json(self):
        return {
            "message": self.message,
            "item": self.item,
            "field": self.field,
            "check": self.check,
        }


@dataclasses.dataclass
class ImportReport:
    head: str = ""
    notes: list = dataclasses.field(default_factory=list)

    @classmethod
    def from_json(cls, data):
        data = data or {}
        notes = [
            ReportNote(
                message=note.get("message", ""),
                item=note.get("item"),
                field=note.get("field") or "",
                check=bool(note.get("check", True)),
            )
            for note in data.get("notes", [])
        ]
        return cls(head=data.get("head", ""), notes=notes)

    def as_json(self):
        return {"head": self.head, "notes": [note.as_json() for note in self.notes]}

    def __bool__(self):
        return bool(self.head or self.notes)

    @property
    def checks(self):
        """The notes the clerk should check, in order."""
        return [note for note in self.notes if note.check]

    @property
    def info(self):
        """The notes that only say what was done as expected."""
        return [note for note in self.notes if not note.check]

    def checks_for(self, item_number):
        return [note for note in self.checks if note.item == item_number]

    def lines(self):
        """The report as lines of text: the head, what was done, then what to check."""
        lines = [self.head] if self.head else []
        lines += [note.text for note in self.info]
        lines += [note.text for note in self.checks] or ["Alt i dokumentet blev genkendt."]
        return lines
