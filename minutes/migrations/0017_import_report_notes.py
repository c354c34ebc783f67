"""The import report is stored as notes that know their item and field (`minutes.reports`).

Reports made before were lines of text: the first says what was read, then what was done as
expected, then what to check. They are kept as notes: a line that starts with "Punkt 3" is about
item 3 (its field is not known), and the lines the reading only ever wrote for information are
notes that need no check.
"""

import re

from django.db import migrations, models

ALL_RECOGNISED = "Alt i dokumentet blev genkendt."
# The only notes the reading made that needed no check (page headers, Word's footnotes).
INFORMATION = ("Sidehoveder, sidefødder og sidetal er fjernet", "Fodnoternes tekst står")


def report_from_lines(text):
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    if not lines:
        return {}
    head = lines.pop(0) if lines[0].startswith("Indlæst") else ""
    notes = []
    for line in lines:
        if line == ALL_RECOGNISED:
            continue
        item = re.match(r"Punkt (\d+)\b", line)
        notes.append(
            {
                "message": line,
                "item": int(item.group(1)) if item else None,
                "field": "",
                "check": not line.startswith(INFORMATION),
            }
        )
    return {"head": head, "notes": notes}


def lines_from_report(report):
    if not report:
        return ""
    notes = report.get("notes", [])
    lines = [report["head"]] if report.get("head") else []
    lines += [note["message"] for note in notes if not note["check"]]
    lines += [note["message"] for note in notes if note["check"]] or [ALL_RECOGNISED]
    return "\n".join(lines)


def forwards(apps, schema_editor):
    Meeting = apps.get_model("minutes", "Meeting")
    for meeting in Meeting.objects.exclude(import_report="").only("id", "import_report"):
        Meeting.objects.filter(pk=meeting.pk).update(
            import_report_notes=report_from_lines(meeting.import_report)
        )


def backwards(apps, schema_editor):
    Meeting = apps.get_model("minutes", "Meeting")
    for meeting in Meeting.objects.exclude(import_report_notes={}).only(
        "id", "import_report_notes"
    ):
        Meeting.objects.filter(pk=meeting.pk).update(
            import_report=lines_from_report(meeting.import_report_notes)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("minutes", "0016_vote_awaiting"),
    ]

    operations = [
        migrations.AddField(
            model_name="meeting",
            name="import_report_notes",
            field=models.JSONField(blank=True, default=dict, editable=False),
        ),
        migrations.RunPython(forwards, backwards, elidable=False),
        migrations.RemoveField(model_name="meeting", name="import_report"),
        migrations.RenameField(
            model_name="meeting", old_name="import_report_notes", new_name="import_report"
        ),
        migrations.AlterField(
            model_name="meeting",
            name="import_report",
            field=models.JSONField(
                blank=True,
                default=dict,
                editable=False,
                help_text="Hvad siden genkendte i det indlæste dokument, og hvor den lagde resten.",
                verbose_name="rapport fra indlæsningen",
            ),
        ),
    ]
