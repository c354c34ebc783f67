"""
Corrections: what changed in the public text of a meeting after it was first published.

They are worked out from the history (django-simple-history keeps every save and delete of a
meeting, its items, participants, attachments and votes), never stored on their own, so that one
rule decides everything the public sees of them:

- The page as first published is the baseline: every change made before, or in the same save as,
  the first publication is no correction ("typo fixes made before publication").
- A change set (one clerk's save, see `minutes.changesets`) after it is a correction when it
  changed what the meeting page shows: the facts, the participants, the remarks, the PDF, an
  item's number, title, sections, outcome, votes or attachments. Its reason is the clerk's.
- A published agenda turned into the minutes is no correction, but the minutes are the new
  baseline.
- An item that has been closed at any time shows nothing but its number, "Lukket punkt" and its
  public decision text, in every version: closing an item must also close what it once said.

Everything is read in a fixed number of queries, however many meetings and records there are.
"""

import bisect
import dataclasses
import datetime
import difflib
import re
from collections import defaultdict

from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe

from .caching import forget_archive_freshness
from .models import AgendaItem, Attachment, Meeting, Participant, RecordKind, Vote
from .presentation import weekday_date

MINUTES_PDF = "referat"
ATTACHMENT = "bilag"

MEETING_GROUP = "meeting"
CLOSED_TITLE = "Lukket punkt"
VOTE_ORDER = list(Vote.Position)


@dataclasses.dataclass(frozen=True)
class Shown:
    """What the public saw in one place of a meeting page: a text, a file, or both."""

    label: str
    text: str = ""
    file_kind: str = ""
    file_record: int = 0  # the history_id of the record that holds the file
    file_name: str = ""

    def __post_init__(self):
        # A browser sends a textarea's line breaks as CRLF: saving a form unchanged is no
        # correction, and the page shows the same text either way.
        text = (self.text or "").replace("\r\n", "\n").replace("\r", "\n").strip()
        object.__setattr__(self, "text", text)

    def same_as(self, other):
        return other is not None and (self.text, self.file_name) == (other.text, other.file_name)


@dataclasses.dataclass
class PartChange:
    """One place whose text (or file) changed, with the public text before and after."""

    label: str
    before: Shown | None
    after: Shown | None

    @property
    def before_html(self):
        return _marked(self.before, self.after, "del")

    @property
    def after_html(self):
        return _marked(self.after, self.before, "ins")


@dataclasses.dataclass
class GroupChange:
    """The changes to one part of the page: the meeting's own facts, or one agenda item."""

    label: str
    anchor: str
    status: str  # "", "tilføjet" or "fjernet"
    parts: list
    order: tuple


@dataclasses.dataclass
class Correction:
    """One correction of a published meeting: when, why, and what changed in its public text."""

    meeting: Meeting
    when: datetime.datetime
    reason: str
    groups: list
    unrecorded: bool = False

    @property
    def anchor(self):
        return f"rettelse-{self.when.astimezone(datetime.UTC):%Y%m%dT%H%M%S%f}"

    @property
    def summary(self):
        """Which parts changed, in a line: "Punkt 3. Budget 2019; Mødet"."""
        return "; ".join(group.label for group in self.groups)

    def files(self):
        """{(kind, history_id): file name} of every file this correction links to."""
        return {
            (shown.file_kind, shown.file_record): shown.file_name
            for group in self.groups
            for part in group.parts
            for shown in (part.before, part.after)
            if shown is not None and shown.file_name
        }


# Reading the history ---------------------------------------------------------------------------


class Timeline:
    """The records of one object, oldest first; its state at any time in one bisect."""

    def __init__(self):
        self.records = []
        self._keys = None

    def add(self, record):
        self.records.append(record)

    def at(self, when):
        """The object as it was at `when`, or None if it did not exist (yet, or any more)."""
        if self._keys is None:
            self.records.sort(key=lambda r: (r.history_date, r.history_id))
            self._keys = [r.history_date for r in self.records]
        index = bisect.bisect_right(self._keys, when) - 1
        if index < 0 or self.records[index].history_type == "-":
            return None
        return self.records[index]


def _timelines(records):
    found = defaultdict(Timeline)
    for record in records:
        found[record.id].add(record)
    return found


@dataclasses.dataclass
class MeetingHistory:
    meeting: Meeting
    meeting_records: list = dataclasses.field(default_factory=list)
    items: list = dataclasses.field(default_factory=list)
    participants: list = dataclasses.field(default_factory=list)
    attachments: list = dataclasses.field(default_factory=list)
    votes: list = dataclasses.field(default_factory=list)


def _histories(meetings):
    """The whole history of each meeting, in five queries for any number of meetings."""
    by_id = {meeting.pk: MeetingHistory(meeting) for meeting in meetings}
    if not by_id:
        return []
    ids = list(by_id)
    item_ids = AgendaItem.history.filter(meeting_id__in=ids).values("id")
    for record in Meeting.history.filter(id__in=ids).order_by():
        by_id[record.id].meeting_records.append(record)
    meeting_of_item = {}
    for record in AgendaItem.history.filter(meeting_id__in=ids).order_by():
        by_id[record.meeting_id].items.append(record)
        meeting_of_item[record.id] = record.meeting_id
    participants = Participant.history.filter(meeting_id__in=ids).select_related("member")
    for record in participants.order_by():
        by_id[record.meeting_id].participants.append(record)
    for record in Attachment.history.filter(item_id__in=item_ids).order_by():
        by_id[meeting_of_item[record.item_id]].attachments.append(record)
    for record in Vote.history.filter(item_id__in=item_ids).order_by():
        by_id[meeting_of_item[record.item_id]].votes.append(record)
    return list(by_id.values())


def corrections_for(meetings):
    """Every correction of the given meetings, newest first (five queries)."""
    found = []
    for history in _histories(meetings):
        found += _corrections(history)
    found.sort(key=lambda correction: correction.when, reverse=True)
    return found


def published_corrections():
    """Every correction of the published meetings, newest first (six queries).

    Only meetings with a correction are read: `corrected_at` says which.
    """
    meetings = (
        Meeting.objects.published()
        .filter(corrected_at__isnull=False)
        .select_related("committee")
        .defer("minutes_pdf_text", "import_report")
    )
    return corrections_for(meetings)


def refresh_corrected_at(meeting_id):
    """Set the meeting's `corrected_at` to its newest correction, as the history has it.

    Called when a change set ends; the page changes with it, so `updated_at` moves on too.
    """
    meeting = Meeting.objects.filter(pk=meeting_id).only("id", "corrected_at").first()
    if meeting is None:
        return
    newest = next((c.when for c in corrections_for([meeting])), None)
    if meeting.corrected_at != newest:
        Meeting.objects.filter(pk=meeting_id).update(corrected_at=newest, updated_at=timezone.now())
        forget_archive_freshness()


# The public page at a moment -------------------------------------------------------------------


def _participant_name(record):
    member = record.member if record.member_id else None
    name = record.name or (member.name if member else "")
    party = record.party or (member.party if member else "")
    return f"{name} ({party})" if party else name


def _snapshot(when, timelines, ever_closed):
    """What the meeting page showed at `when`: {(group, place): Shown}, in page order."""
    shown = {}
    meeting = timelines["meeting"].at(when)
    if meeting is None:
        return shown
    group = MEETING_GROUP
    shown[(group, "kind")] = Shown("Type", meeting.get_kind_display())
    shown[(group, "date")] = Shown("Dato", weekday_date(meeting.date))
    start = f"Kl. {meeting.start_time:%H:%M}" if meeting.start_time else ""
    shown[(group, "start_time")] = Shown("Mødetidspunkt", start)
    shown[(group, "place")] = Shown("Mødested", meeting.place)
    people = sorted(
        filter(None, (timeline.at(when) for timeline in timelines["participants"].values())),
        key=lambda record: (record.position, record.id),
    )
    for status, label in Participant.Status.choices:
        names = [_participant_name(p) for p in people if p.status == status]
        label = "Medlemmer" if status == Participant.Status.PRESENT else label
        shown[(group, f"participants-{status}")] = Shown(label, "\n".join(names))
    shown[(group, "remarks")] = Shown("Bemærkninger", meeting.remarks)
    if meeting.minutes_pdf:
        shown[(group, "pdf")] = Shown(
            "Referat som PDF" if meeting.kind == Meeting.Kind.MINUTES else "Dagsorden som PDF",
            file_kind=MINUTES_PDF,
            file_record=meeting.history_id,
            file_name=meeting.minutes_pdf,
        )

    items = filter(None, (timeline.at(when) for timeline in timelines["items"].values()))
    votes = defaultdict(list)
    for timeline in timelines["votes"].values():
        if (vote := timeline.at(when)) is not None:
            votes[vote.item_id].append(vote)
    attachments = defaultdict(list)
    for timeline in timelines["attachments"].values():
        if (attachment := timeline.at(when)) is not None:
            attachments[attachment.item_id].append(attachment)

    for item in sorted(items, key=lambda record: (record.number, record.id)):
        group = ("item", item.id)
        if item.id in ever_closed:
            shown[(group, "title")] = Shown("Titel", f"{item.number}. {CLOSED_TITLE}")
            # That an item was closed (or opened) is public; what it said while open is not.
            status = CLOSED_TITLE if item.is_closed else "Åbent punkt"
            shown[(group, "status")] = Shown("Status", status)
            shown[(group, "decision")] = Shown("Beslutning", item.public_decision)
            continue
        shown[(group, "title")] = Shown("Titel", f"{item.number}. {item.title}")
        for field, heading in AgendaItem.SECTIONS:
            shown[(group, field)] = Shown(heading, getattr(item, field))
        outcome = item.get_outcome_display() if item.outcome else ""
        shown[(group, "outcome")] = Shown("Udfald", outcome)
        shown[(group, "votes")] = Shown("Afstemning", _votes_text(votes[item.id]))
        for attachment in sorted(attachments[item.id], key=lambda r: (r.position, r.id)):
            shown[(group, f"attachment-{attachment.id}")] = Shown(
                "Bilag",
                text=attachment.title,
                file_kind=ATTACHMENT if attachment.file else "",
                file_record=attachment.history_id,
                file_name=attachment.file or "",
            )
    return shown


def _votes_text(votes):
    lines = []
    for position in VOTE_ORDER:
        parties = sorted(vote.party for vote in votes if vote.position == position)
        if parties:
            lines.append(f"{position.label}: {', '.join(parties)}")
    return "\n".join(lines)


def _is_empty(shown):
    return shown is None or (not shown.text and not shown.file_name)


def _diff(before, after):
    """The groups of places whose public text differs between two snapshots, in page order."""
    groups = {}
    for key in [*after, *(key for key in before if key not in after)]:
        old, new = before.get(key), after.get(key)
        if (old is not None and old.same_as(new)) or (_is_empty(old) and _is_empty(new)):
            continue
        group, _place = key
        groups.setdefault(group, []).append(
            PartChange(
                label=(new or old).label,
                before=None if _is_empty(old) else old,
                after=None if _is_empty(new) else new,
            )
        )
    found = []
    for group, parts in groups.items():
        if group == MEETING_GROUP:
            found.append(GroupChange("Mødet", "moedefakta", "", parts, (0, 0)))
            continue
        title_before = before.get((group, "title"))
        title_after = after.get((group, "title"))
        title = title_after or title_before
        number = int(title.text.split(".", 1)[0])
        status = "tilføjet" if title_before is None else "fjernet" if title_after is None else ""
        anchor = "" if title_after is None else f"punkt-{number}"
        found.append(GroupChange(f"Punkt {title.text}", anchor, status, parts, (1, number)))
    found.sort(key=lambda group: group.order)
    return found


def _corrections(history):
    timelines = {
        "meeting": Timeline(),
        "items": _timelines(history.items),
        "participants": _timelines(history.participants),
        "attachments": _timelines(history.attachments),
        "votes": _timelines(history.votes),
    }
    for record in history.meeting_records:
        timelines["meeting"].add(record)
    publications = [r.history_date for r in history.meeting_records if r.first_published_at]
    if not publications:
        return []
    published = min(publications)
    ever_closed = {record.id for record in history.items if record.is_closed}

    change_sets = defaultdict(list)
    for records in (
        history.meeting_records,
        history.items,
        history.participants,
        history.attachments,
        history.votes,
    ):
        for record in records:
            if record.history_date > published:
                change_sets[record.history_date].append(record)

    found = []
    before = _snapshot(published, timelines, ever_closed)
    for when in sorted(change_sets):
        records = change_sets[when]
        after = _snapshot(when, timelines, ever_closed)
        kinds = {record.record_kind for record in records}
        if RecordKind.AGENDA_TO_MINUTES in kinds:
            before = after
            continue
        groups = _diff(before, after)
        unrecorded = RecordKind.UNRECORDED in kinds
        if groups or unrecorded:
            reason = next((r.history_change_reason for r in records if r.history_change_reason), "")
            found.append(Correction(history.meeting, when, reason, groups, unrecorded))
        before = after
    return found


# Before and after, readable ---------------------------------------------------------------------

TOKENS = re.compile(r"\s+|[^\s]+")


def _marked(shown, other, tag):
    """The text of `shown` as HTML, the words not in `other` marked with <del> or <ins>."""
    if shown is None:
        return ""
    text = shown.text
    if other is None or not other.text or not text:
        return escape(text)
    words, other_words = TOKENS.findall(text), TOKENS.findall(other.text)
    if tag == "del":
        matcher = difflib.SequenceMatcher(None, words, other_words, autojunk=False)
        spans = [(op, i1, i2) for op, i1, i2, _j1, _j2 in matcher.get_opcodes()]
    else:
        matcher = difflib.SequenceMatcher(None, other_words, words, autojunk=False)
        spans = [(op, j1, j2) for op, _i1, _i2, j1, j2 in matcher.get_opcodes()]
    pieces = []
    for op, start, end in spans:
        chunk = "".join(words[start:end])
        if op == "equal" or not chunk.strip():
            pieces.append(escape(chunk))
        else:
            # The spaces around a changed run stay unmarked: only words are marked.
            core = chunk.strip()
            lead, trail = chunk[: chunk.index(core)], chunk[chunk.index(core) + len(core) :]
            pieces.append(f"{escape(lead)}<{tag}>{escape(core)}</{tag}>{escape(trail)}")
    return mark_safe("".join(pieces))
