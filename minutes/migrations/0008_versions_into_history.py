"""
The record the site kept before it had a history, carried into the history (django-simple-history).

Every meeting, item, participant, attachment and vote gets the record the library's
`populate_history` would give it, dated when the meeting was first published (the baseline the
public corrections are measured against), or now for a draft. What the old tables kept is then
written as the changes it was:

- A replaced minutes PDF (`MinutesPdfVersion`): the meeting had that file until it was replaced.
  A replacement after the meeting's last correction (or with none) was a published agenda turned
  into the minutes (the import kept the agenda's PDF but did not mark a correction), and is
  marked as such, not as a correction.
- A replaced or removed attachment file (`AttachmentVersion`): the attachment of the same title
  on the item had that file until it was replaced; with no such attachment left, it was removed.
  An attachment known only by its kept file gets the negative of its old row's id, which no real
  attachment can have.
- A correction whose date is known (`Meeting.corrected_at`) but that no kept file explains is
  written as a correction whose content was not recorded.

No file is touched: the history names the same files the old rows did. The old tables are
removed by 0009.
"""

from collections import defaultdict

from django.db import migrations
from django.utils import timezone

CHANGE = "aendring"
AGENDA_TO_MINUTES = "referat"
UNRECORDED = "uregistreret"


def _tracked(history_model):
    return [
        field.attname
        for field in history_model._meta.fields
        if not field.name.startswith("history_") and field.name != "record_kind"
    ]


def _record(history_model, obj, when, history_type="+", kind=CHANGE, **changes):
    values = {name: getattr(obj, name) for name in _tracked(history_model)}
    values.update(changes)
    for name, value in values.items():
        if hasattr(value, "storage"):  # a FieldFile: the history keeps its name
            values[name] = value.name or ""
    return history_model(history_date=when, history_type=history_type, record_kind=kind, **values)


def carry_over(apps, schema_editor):
    Meeting = apps.get_model("minutes", "Meeting")
    AgendaItem = apps.get_model("minutes", "AgendaItem")
    Participant = apps.get_model("minutes", "Participant")
    Attachment = apps.get_model("minutes", "Attachment")
    Vote = apps.get_model("minutes", "Vote")
    MinutesPdfVersion = apps.get_model("minutes", "MinutesPdfVersion")
    AttachmentVersion = apps.get_model("minutes", "AttachmentVersion")
    history = {
        model: apps.get_model("minutes", f"Historical{model.__name__}")
        for model in (Meeting, AgendaItem, Participant, Attachment, Vote)
    }
    now = timezone.now()

    baseline = {}
    records = []
    pdf_versions = defaultdict(list)
    for version in MinutesPdfVersion.objects.order_by("replaced_at", "pk"):
        pdf_versions[version.meeting_id].append(version)

    for meeting in Meeting.objects.order_by("pk"):
        start = meeting.first_published_at or now
        baseline[meeting.pk] = start
        versions = pdf_versions.get(meeting.pk, [])
        # (time, file, kind) of every state of the meeting's PDF the old tables knew.
        files = [versions[0].file if versions else meeting.minutes_pdf]
        states = [(start, files[0], CHANGE)]
        for index, version in enumerate(versions):
            following = (
                versions[index + 1].file if index + 1 < len(versions) else meeting.minutes_pdf
            )
            was_correction = (
                meeting.corrected_at is not None and version.replaced_at <= meeting.corrected_at
            )
            states.append(
                (
                    max(version.replaced_at, start),
                    following,
                    CHANGE if was_correction else AGENDA_TO_MINUTES,
                )
            )
        corrected = meeting.corrected_at
        if (
            corrected
            and corrected > start
            and not any(when == corrected and kind == CHANGE for when, _file, kind in states[1:])
        ):
            in_use = [file for when, file, _kind in states if when <= corrected][-1]
            states.append((corrected, in_use, UNRECORDED))
            states.sort(key=lambda state: state[0])
        for index, (when, file, kind) in enumerate(states):
            records.append(
                _record(
                    history[Meeting],
                    meeting,
                    when,
                    "+" if index == 0 else "~",
                    kind,
                    minutes_pdf=file,
                )
            )
    history[Meeting].objects.bulk_create(records, batch_size=500)

    meeting_of_item = dict(AgendaItem.objects.values_list("pk", "meeting_id"))
    for model, meeting_of in (
        (AgendaItem, lambda obj: obj.meeting_id),
        (Participant, lambda obj: obj.meeting_id),
        (Vote, lambda obj: meeting_of_item[obj.item_id]),
    ):
        history[model].objects.bulk_create(
            (
                _record(history[model], obj, baseline[meeting_of(obj)])
                for obj in model.objects.all()
            ),
            batch_size=500,
        )

    # Attachments, with the files the old table kept for their items.
    kept = defaultdict(list)
    for version in AttachmentVersion.objects.order_by("replaced_at", "pk"):
        kept[(version.item_id, version.title.casefold())].append(version)
    records = []
    for attachment in Attachment.objects.order_by("pk"):
        start = baseline[meeting_of_item[attachment.item_id]]
        versions = kept.pop((attachment.item_id, attachment.title.casefold()), [])
        files = [version.file for version in versions] + [attachment.file]
        records.append(_record(history[Attachment], attachment, start, file=files[0]))
        for index, version in enumerate(versions):
            records.append(
                _record(
                    history[Attachment],
                    attachment,
                    max(version.replaced_at, start),
                    "~",
                    file=files[index + 1],
                )
            )
    for (item_id, _title), versions in kept.items():
        start = baseline[meeting_of_item[item_id]]
        gone = Attachment(
            id=-versions[0].pk,
            item_id=item_id,
            title=versions[0].title,
            file=versions[0].file,
            position=0,
            uploaded_at=start,
        )
        records.append(_record(history[Attachment], gone, start))
        for index, version in enumerate(versions):
            last = index + 1 == len(versions)
            records.append(
                _record(
                    history[Attachment],
                    gone,
                    max(version.replaced_at, start),
                    "-" if last else "~",
                    title=version.title,
                    file=version.file if last else versions[index + 1].file,
                )
            )
    history[Attachment].objects.bulk_create(records, batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("minutes", "0007_history"),
    ]

    operations = [
        # Going back leaves the history as it is; the old tables come back empty.
        migrations.RunPython(carry_over, migrations.RunPython.noop),
    ]
