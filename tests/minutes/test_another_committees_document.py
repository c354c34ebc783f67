"""A document of another committee is not filed silently under ours: the report says so, the
meeting stays a draft (also with `--publish`), and it never turns a published agenda into the
minutes."""

import io

import pytest
from django.core.management import call_command
from docx import Document

from minutes.importing import parse_text
from minutes.imports import ImportRefused, import_document
from minutes.models import Meeting
from tests.markup import attribute, element, elements, text

from .documents_for_tests import minutes_text
from .test_clerk_admin import messages_on

pytestmark = pytest.mark.django_db

OTHERS = minutes_text().replace("Almenboligudvalg Hvidovre", "Økonomiudvalget")
NOTE = (
    "Dokumentet er fra Økonomiudvalget, ikke fra Almenboligudvalg Hvidovre. Tjek, at det er det "
    "rigtige dokument."
)


def test_the_admin_import_makes_a_draft_whose_report_says_whose_document_it_is(
    django_app, clerk, media_root
):
    form = django_app.get("/admin/minutes/meeting/indlaes/", user=clerk).forms[
        "meeting_import_form"
    ]
    form["text"] = OTHERS

    page = form.submit("_import").follow()

    meeting = Meeting.objects.get()
    assert not meeting.is_published
    assert meeting.committee.name == "Almenboligudvalg Hvidovre"
    assert "1 ting at tjekke" in messages_on(page)[0]
    report = element(page, "details", class_="import-report")
    (link,) = elements(report, "a")
    assert (text(link), attribute(link, "href")) == ("Udvalg", "#id_committee")
    lines = [text(line).replace(" : ", ": ") for line in elements(report, "li")]
    assert f"Udvalg: {NOTE}" in lines


def test_the_command_leaves_it_a_draft_even_with_publish(tmp_path, media_root):
    # The command reads PDF and Word files: the text as the clerk's Word document.
    document = Document()
    for line in OTHERS.splitlines():
        document.add_paragraph(line)
    path = tmp_path / "oekonomiudvalget-2018-05-29.docx"
    document.save(path)
    out = io.StringIO()

    call_command("import_minutes", str(path), "--publish", stdout=out, stderr=io.StringIO())

    meeting = Meeting.objects.get()
    assert not meeting.is_published
    assert NOTE in meeting.report.lines()
    assert "oprettet som kladde" in out.getvalue()


def test_our_own_document_gets_no_such_note(committee):
    meeting = import_document(parse_text(minutes_text()), committee=committee).meeting

    assert not any(note.field == "committee" for note in meeting.report.notes)


def test_it_never_turns_a_published_agenda_into_the_minutes(committee):
    agenda = import_document(
        parse_text(minutes_text(kind="Dagsorden", decisions=False)), committee=committee
    ).meeting
    agenda.publish()
    agenda.save()

    with pytest.raises(ImportRefused, match="Dokumentet er fra Økonomiudvalget") as refusal:
        import_document(parse_text(OTHERS), committee=committee)

    assert refusal.value.meeting == agenda
    agenda.refresh_from_db()
    assert agenda.kind == Meeting.Kind.AGENDA
