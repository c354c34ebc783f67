"""
A clerk's document, once read (`minutes.importing`), made into a meeting: the same for the admin's
"Opret møde fra dokument" and for `manage.py import_minutes`.

The rules, so that importing is safe to repeat and never destroys what was public:
- A new date gives a new draft meeting.
- A draft that an import made is updated from the document (so running the import again creates
  nothing twice). A draft a clerk made by hand is left alone.
- A meeting that has been published is never overwritten, with one exception: the minutes of a
  meeting whose agenda was published turn that meeting into the minutes, at the same permalink,
  with the same item numbers and anchors. The agenda stays in the history, but this is not a
  correction: the change set is marked as the agenda turned into the minutes.
- Every note of the reading goes into the meeting's import report, for the clerk to check.
- A document that names another committee is still made into a draft, with a note that says so;
  it never turns a published agenda into the minutes.
- A PDF that holds the text of a closed item never becomes the meeting's public PDF by an import:
  it is kept for the clerks (`Meeting.withheld_pdf`) until a clerk confirms that it is the public
  version, and the report says so.
"""

import hashlib
from dataclasses import dataclass, field

from django.core.files.base import File
from django.db import transaction
from django.utils import timezone

from committee.models import Member

from . import changesets
from .caching import forget_archive_freshness
from .models import (
    CLOSED_ITEM_TITLE,
    AgendaItem,
    Attachment,
    Meeting,
    Participant,
    RecordKind,
    Vote,
)
from .presentation import long_date
from .reports import ImportReport, ReportNote

CREATED = "oprettet som kladde"
UPDATED = "kladden er opdateret"
TURNED_INTO_MINUTES = "dagsordenen er gjort til referat"
UNCHANGED = "uændret"

TITLE_MAX = AgendaItem._meta.get_field("title").max_length
PARTY_MAX = Participant._meta.get_field("party").max_length
NAME_MAX = Participant._meta.get_field("name").max_length
PLACE_MAX = Meeting._meta.get_field("place").max_length


class ImportRefused(Exception):
    """The document cannot become a meeting here; the message is Danish, for the clerk."""

    def __init__(self, message, meeting=None):
        super().__init__(message)
        self.meeting = meeting


@dataclass
class ImportResult:
    """What an import did to which meeting, and what the clerk should check."""

    meeting: Meeting
    base_action: str  # CREATED, UPDATED or TURNED_INTO_MINUTES
    items: int
    notes: list = field(default_factory=list)
    published: bool = False
    dry_run: bool = False
    # The PDF holds closed items' text and was kept from the public (`Meeting.withheld_pdf`).
    withheld_pdf: bool = False

    @property
    def action(self):
        return f"{self.base_action} (prøvekørsel)" if self.dry_run else self.base_action

    def summary(self):
        """One line: date, kind, items, what was done, what to check."""
        parts = [
            self.meeting.date.isoformat(),
            self.meeting.get_kind_display().lower(),
            "1 punkt" if self.items == 1 else f"{self.items} punkter",
            self.action,
        ]
        if self.withheld_pdf:
            parts.append("PDF'en tilbageholdt (lukkede punkters tekst)")
        if self.published:
            parts.append("offentliggjort")
        if not self.notes:
            parts.append("alt genkendt")
        else:
            parts.append(
                "1 ting at tjekke" if len(self.notes) == 1 else f"{len(self.notes)} ting at tjekke"
            )
        return " · ".join(parts)


def _normalised_name(name):
    return " ".join(name.split()).casefold()


def _digest(fileobj):
    fileobj.seek(0)
    digest = hashlib.sha256()
    for chunk in iter(lambda: fileobj.read(1 << 16), b""):
        digest.update(chunk)
    fileobj.seek(0)
    return digest.hexdigest()


def _same_file(field_file, upload):
    if not field_file:
        return False
    try:
        with field_file.storage.open(field_file.name, "rb") as stored:
            return _digest(stored) == _digest(upload)
    except OSError:
        return False


def _notes(parsed):
    """(what the clerk should check, what was only done as expected), as report notes."""
    notes = [ReportNote.from_note(note) for note in parsed.notes]
    return [note for note in notes if note.check], [note for note in notes if not note.check]


def _refuse_if_not_to_be_touched(existing, parsed):
    if existing is None:
        return
    when = long_date(existing.date)
    if existing.has_been_published:
        turning_agenda_into_minutes = (
            existing.kind == Meeting.Kind.AGENDA and parsed.kind == Meeting.Kind.MINUTES
        )
        if not turning_agenda_into_minutes:
            raise ImportRefused(
                f"Mødet den {when} er offentliggjort og bliver ikke overskrevet. "
                "Ret det i administrationen i stedet.",
                meeting=existing,
            )
        return
    if not existing.import_report:
        raise ImportRefused(
            f"Der er allerede en kladde til mødet den {when}, som er skrevet i hånden. "
            "Den bliver ikke overskrevet; ret den, eller slet den og indlæs dokumentet igen.",
            meeting=existing,
        )
    if existing.kind == Meeting.Kind.MINUTES and parsed.kind == Meeting.Kind.AGENDA:
        raise ImportRefused(
            f"Mødet den {when} har allerede et referat (kladde); dagsordenen indlæses ikke "
            "oven i det.",
            meeting=existing,
        )


def import_document(parsed, *, committee, pdf=None, source_name="", publish=False, dry_run=False):
    """
    Make the read document `parsed` into a meeting of `committee`, following the module's rules.

    `pdf` is the uploaded PDF (a file object) that becomes the meeting's PDF, or is withheld when
    the document holds a closed item's text; `source_name` is the document's name for the
    report. With `publish`, a document read without any note is
    published at once. With `dry_run`, nothing is saved. Raises ImportRefused.
    """
    if parsed.date is None:
        raise ImportRefused(
            "Mødets dato står ikke i dokumentet, så det kan ikke blive til et møde. Skriv "
            "datoen ind i teksten (fx “Dato: Tirsdag den 29. maj 2018”), og prøv igen."
        )
    existing = Meeting.objects.filter(committee=committee, date=parsed.date).first()
    _refuse_if_not_to_be_touched(existing, parsed)
    other_committee = not committee.is_named_by(parsed.committee_name)
    if other_committee and existing is not None and existing.has_been_published:
        # Turning the agenda into the minutes is public at once: not from another's document.
        raise ImportRefused(
            f"Dokumentet er fra {parsed.committee_name}, ikke fra {committee}. Den "
            f"offentliggjorte dagsorden for mødet den {long_date(existing.date)} bliver ikke "
            "gjort til referat ud fra det. Tjek, at det er det rigtige dokument.",
            meeting=existing,
        )

    notes, info = _notes(parsed)
    closed = closed_items_with_text(parsed)
    withheld = pdf is not None and bool(closed)
    if withheld:
        notes.insert(0, _withheld_note(closed))
    if other_committee:
        notes.insert(
            0,
            ReportNote(
                f"Dokumentet er fra {parsed.committee_name}, ikke fra {committee}. Tjek, at det "
                "er det rigtige dokument.",
                field="committee",
            ),
        )
    if existing is None:
        action = CREATED
        meeting = Meeting(committee=committee, date=parsed.date)
    elif existing.has_been_published:
        action = TURNED_INTO_MINUTES
        meeting = existing
    else:
        action = UPDATED
        meeting = existing

    result = ImportResult(
        meeting=meeting,
        base_action=action,
        items=len(parsed.items),
        notes=notes,
        dry_run=dry_run,
        withheld_pdf=withheld,
    )
    if dry_run:
        meeting.kind = parsed.kind
        return result

    # The minutes taking the agenda's place is what a published agenda is for, not a correction.
    kind = RecordKind.AGENDA_TO_MINUTES if action == TURNED_INTO_MINUTES else None
    with changesets.change_set(kind=kind), transaction.atomic():
        _save(meeting, parsed, notes, info, pdf=pdf, source_name=source_name, action=action)
        if publish and not notes and not meeting.is_published:
            meeting.publish()
            meeting.save(update_fields=["is_published", "first_published_at", "updated_at"])
            result.published = True
    return result


def _save(meeting, parsed, notes, info, *, pdf, source_name, action):
    converting = action == TURNED_INTO_MINUTES
    meeting.kind = parsed.kind
    if parsed.start_time is not None:
        meeting.start_time = parsed.start_time
    remarks = parsed.remarks
    if parsed.place:
        if len(parsed.place) > PLACE_MAX:
            notes.append(
                ReportNote(
                    "Mødestedet var for langt og er afkortet; hele teksten står i bemærkningerne.",
                    field="place",
                )
            )
            remarks = "\n\n".join(filter(None, [f"Mødested: {parsed.place}", remarks]))
        meeting.place = parsed.place[:PLACE_MAX]
    meeting.remarks = remarks
    if pdf is not None and closed_items_with_text(parsed):
        _withhold(meeting, pdf, source_name)
    elif pdf is not None:
        if not _same_file(meeting.minutes_pdf, pdf):
            meeting.minutes_pdf = File(pdf, name=source_name or "dokument.pdf")
        # A PDF withheld by an earlier import of the meeting is replaced by this one.
        meeting.withheld_pdf = ""
    elif source_name.lower().endswith(".docx"):
        # Said, but nothing to check: the meeting is whole without a PDF to download.
        info.append(
            ReportNote(
                "Word-dokumentet er ikke gemt som mødets PDF. Tilføj dagsordenen eller referatet "
                "som PDF, hvis det skal kunne hentes fra siden.",
                field="pdf",
                check=False,
            )
        )
    meeting.save()

    _save_participants(meeting, parsed)
    _save_items(meeting, parsed, notes, keep_others=converting)
    # Written last, with what saving the items had to say too.
    meeting.import_report = _report(parsed, notes, info, source_name)
    Meeting.objects.filter(pk=meeting.pk).update(import_report=meeting.import_report)
    meeting.refresh_from_db(fields=["updated_at"])


def closed_items_with_text(parsed):
    """The numbers of the document's closed items that have text of their own: a section, or a
    title other than "Lukket punkt" (a closed item's title never leaves the admin either)."""
    return [
        item.number
        for item in parsed.items
        if item.is_closed and (any(item.sections.values()) or item.title != CLOSED_ITEM_TITLE)
    ]


def _numbers(numbers):
    """The numbers in words: "punkt 5", "punkt 4 og 5", "punkt 3, 4 og 5"."""
    listed = [str(number) for number in numbers]
    if len(listed) == 1:
        return f"punkt {listed[0]}"
    return f"punkt {', '.join(listed[:-1])} og {listed[-1]}"


def _withheld_note(closed):
    return ReportNote(
        f"PDF'en indeholder teksten til de lukkede punkter ({_numbers(closed)}), så den er ikke "
        "gjort til mødets offentlige PDF: den ligger kun i administrationen og kan ikke findes "
        "ved søgning. Bekræft under Referat, at den er den offentlige udgave, eller upload den "
        "offentlige udgave som mødets PDF; ellers offentliggøres mødet uden PDF.",
        field="pdf",
    )


def _withhold(meeting, pdf, source_name):
    """Keep the uploaded PDF, which holds closed items' text, for the clerks only.

    The meeting's public PDF is taken away (a draft's, or the agenda's of a meeting turned into
    the minutes: the history keeps it); the clerk makes this PDF public only by confirming it.
    Importing the same document again stores nothing twice.
    """
    if _same_file(meeting.withheld_pdf, pdf):
        pass
    elif _same_file(meeting.minutes_pdf, pdf):
        meeting.withheld_pdf = meeting.minutes_pdf.name
    else:
        meeting.withheld_pdf = File(pdf, name=source_name or "dokument.pdf")
    meeting.minutes_pdf = ""


def _report(parsed, notes, info, source_name):
    when = timezone.localtime()
    head = f"Indlæst {when:%d-%m-%Y kl. %H:%M}" + (f" fra “{source_name}”" if source_name else "")
    found = [
        f"{len(parsed.items)} punkter" if len(parsed.items) != 1 else "1 punkt",
        f"{len(parsed.participants)} deltagere" if len(parsed.participants) != 1 else "1 deltager",
    ]
    return ImportReport(head=f"{head}: {', '.join(found)}.", notes=[*info, *notes]).as_json()


def _save_participants(meeting, parsed):
    members = {
        _normalised_name(member.name): member
        for member in Member.objects.filter(committee=meeting.committee_id)
    }
    meeting.participants.all().delete()
    changesets.bulk_create(
        Participant,
        [
            Participant(
                meeting=meeting,
                member=(member := members.get(_normalised_name(person.name))),
                # A member's own name and party are shown from the member; the document's are kept
                # only where they differ, so nothing the document said is lost.
                name="" if member and member.name == person.name else person.name[:NAME_MAX],
                party="" if member and member.party == person.party else person.party[:PARTY_MAX],
                status=person.status,
                position=position,
            )
            for position, person in enumerate(parsed.participants, start=1)
        ],
        meeting_id=meeting.pk,
    )
    # bulk_create sends no signals: the page's freshness is moved on here.
    Meeting.objects.filter(pk=meeting.pk).update(updated_at=timezone.now())
    forget_archive_freshness()


def _save_items(meeting, parsed, notes, *, keep_others):
    existing = {item.number: item for item in meeting.items.all()}
    seen = set()
    for parsed_item in parsed.items:
        item = existing.get(parsed_item.number) or AgendaItem(
            meeting=meeting, number=parsed_item.number
        )
        title = parsed_item.title
        sections = dict(parsed_item.sections)
        if len(title) > TITLE_MAX:
            notes.append(
                ReportNote(
                    f"Punkt {parsed_item.number}: titlen var for lang og er afkortet; hele titlen "
                    "står først i sagsfremstillingen.",
                    item=parsed_item.number,
                    field="title",
                )
            )
            sections["case_presentation"] = "\n\n".join(
                filter(None, [title, sections.get("case_presentation", "")])
            )
            title = title[: TITLE_MAX - 1].rstrip() + "…"
        item.title = title
        item.is_closed = parsed_item.is_closed
        for field_name, _heading in AgendaItem.SECTIONS:
            setattr(item, field_name, sections.get(field_name, ""))
        item.outcome = parsed_item.outcome
        item.save()
        seen.add(item.number)

        item.votes.all().delete()
        # A party named twice with the same position is one vote (the unique constraint).
        votes = dict.fromkeys((vote.party[:PARTY_MAX], vote.position) for vote in parsed_item.votes)
        changesets.bulk_create(
            Vote,
            [Vote(item=item, party=party, position=position) for party, position in votes],
            meeting_id=meeting.pk,
        )
        known = {title.casefold() for title in item.attachments.values_list("title", flat=True)}
        for position, attachment_title in enumerate(parsed_item.attachments, start=1):
            if attachment_title.casefold() not in known:
                Attachment.objects.create(
                    item=item, title=attachment_title[:TITLE_MAX], position=position
                )
                known.add(attachment_title.casefold())

    left = [item for number, item in existing.items() if number not in seen]
    if keep_others:
        for item in left:
            notes.append(
                ReportNote(
                    f"Punkt {item.number} stod på dagsordenen, men ikke i referatet. Det er "
                    "bevaret; slet det, hvis det ikke skal stå på siden.",
                    item=item.number,
                )
            )
    else:
        for item in left:
            item.delete()
