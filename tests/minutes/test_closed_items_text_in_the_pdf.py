"""A PDF that holds the text of a closed item never becomes the meeting's public PDF by an import:
it is withheld for the clerks, and the report says which items' text it holds."""

import io
import re

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command

from minutes.corrections import corrections_for
from minutes.importing import parse_text
from minutes.imports import TURNED_INTO_MINUTES, import_document
from minutes.models import Meeting

from .documents_as_pdf import minutes_pdf, public_version
from .documents_for_tests import minutes_text

pytestmark = pytest.mark.django_db

WITHHELD_NOTE = (
    "PDF'en indeholder teksten til de lukkede punkter (punkt 3), så den er ikke gjort til mødets "
    "offentlige PDF"
)


def import_pdf(text, committee, **options):
    """`text` imported as the clerk's PDF of it."""
    return import_document(
        parse_text(text),
        committee=committee,
        pdf=ContentFile(minutes_pdf(text)),
        source_name="referat.pdf",
        **options,
    )


def stored_files(media_root):
    return sorted(path for path in media_root.rglob("*") if path.is_file())


def test_a_pdf_with_a_closed_items_text_is_withheld_and_the_report_says_which_items(
    committee, media_root
):
    result = import_pdf(minutes_text(), committee)

    meeting = result.meeting
    assert not meeting.minutes_pdf
    assert meeting.withheld_pdf
    assert meeting.minutes_pdf_text == ""
    (note,) = [note for note in meeting.report.checks if note.field == "pdf"]
    assert note.message.startswith(WITHHELD_NOTE)
    assert result.summary().endswith(
        "oprettet som kladde · PDF'en tilbageholdt (lukkede punkters tekst) · 1 ting at tjekke"
    )


def test_the_report_names_every_closed_item_with_text(committee, media_root):
    text = minutes_text() + (
        "\n4. Personalesag\nLukket punkt\nSagsfremstilling\nOplysninger om en medarbejder.\n"
    )

    meeting = import_pdf(text, committee).meeting

    assert "(punkt 3 og 4)" in " ".join(meeting.report.lines())


def test_the_public_version_becomes_the_meetings_pdf(committee, media_root):
    meeting = import_pdf(public_version(minutes_text()), committee).meeting

    assert meeting.minutes_pdf and not meeting.withheld_pdf
    assert "Helhedsplanen omfatter" in meeting.minutes_pdf_text
    assert not any(note.field == "pdf" for note in meeting.report.notes)


def test_a_pdf_that_prints_only_a_closed_items_title_is_withheld_too(committee, media_root):
    # "3. Salg af grund" / "Lukket punkt" and nothing under it: the title alone is not public.
    text = re.sub(
        r"^(3\. [^\n]*\nLukket punkt\n).*?(?=^\d+\. |\Z)",
        r"\1\n",
        minutes_text(),
        flags=re.MULTILINE | re.DOTALL,
    )
    meeting = import_pdf(text, committee).meeting

    assert parse_text(text).items[2].sections == {}
    assert meeting.withheld_pdf and not meeting.minutes_pdf
    assert "(punkt 3)" in " ".join(meeting.report.lines())


def test_pasted_text_with_a_closed_items_text_has_no_pdf_to_withhold(committee):
    meeting = import_document(parse_text(minutes_text()), committee=committee).meeting

    assert not meeting.minutes_pdf and not meeting.withheld_pdf
    assert meeting.report.checks == []


def test_importing_the_same_document_again_stores_nothing_twice(committee, media_root):
    first = import_pdf(minutes_text(), committee).meeting
    files = stored_files(media_root)

    again = import_pdf(minutes_text(), committee).meeting

    assert again.pk == first.pk
    assert again.withheld_pdf.name == first.withheld_pdf.name
    assert not again.minutes_pdf
    assert stored_files(media_root) == files
    assert Meeting.objects.count() == 1


def test_a_pdf_made_public_before_is_withheld_again_by_a_new_import_of_it(committee, media_root):
    meeting = import_pdf(minutes_text(), committee).meeting
    meeting.minutes_pdf, meeting.withheld_pdf = meeting.withheld_pdf.name, ""
    meeting.save()
    files = stored_files(media_root)

    again = import_pdf(minutes_text(), committee).meeting

    assert not again.minutes_pdf
    assert again.withheld_pdf.name == meeting.minutes_pdf.name
    assert stored_files(media_root) == files


def test_the_public_version_imported_after_replaces_the_withheld_pdf(committee, media_root):
    withheld = import_pdf(minutes_text(), committee).meeting.withheld_pdf.name

    meeting = import_pdf(public_version(minutes_text()), committee).meeting

    assert meeting.minutes_pdf and not meeting.withheld_pdf
    # Nothing a row once named is deleted: the history keeps the withheld file on record.
    assert withheld in meeting.history.values_list("withheld_pdf", flat=True)
    assert (media_root / withheld).exists()


def test_publish_leaves_a_document_with_a_withheld_pdf_a_draft(committee, media_root):
    result = import_pdf(minutes_text(), committee, publish=True)

    assert not result.published
    assert not result.meeting.is_published


def test_a_dry_run_says_the_pdf_would_be_withheld(committee, media_root):
    result = import_pdf(minutes_text(), committee, dry_run=True)

    assert [note.field for note in result.notes] == ["pdf"]
    assert "PDF'en tilbageholdt" in result.summary()
    assert not Meeting.objects.exists()
    assert stored_files(media_root) == []


def test_the_minutes_turning_a_published_agenda_into_minutes_follow_the_same_rule(
    committee, media_root, client
):
    agenda_text = public_version(minutes_text(kind="Dagsorden", decisions=False))
    agenda = import_pdf(agenda_text, committee).meeting
    agenda.publish()
    agenda.save()
    agenda_pdf = agenda.minutes_pdf.name
    assert client.get("/referater/2018-05-29/referat.pdf").status_code == 200

    result = import_pdf(minutes_text(), committee)

    meeting = result.meeting
    assert result.base_action == TURNED_INTO_MINUTES
    assert meeting.pk == agenda.pk and meeting.is_published
    assert meeting.kind == Meeting.Kind.MINUTES
    # The minutes' PDF is withheld; the agenda's is no longer the meeting's PDF, but on record.
    assert not meeting.minutes_pdf and meeting.withheld_pdf
    assert agenda_pdf in meeting.history.values_list("minutes_pdf", flat=True)
    assert client.get("/referater/2018-05-29/referat.pdf").status_code == 404
    assert "Fortrolige oplysninger" not in client.get("/referater/2018-05-29/").text
    # Still not a correction: the minutes took the agenda's place.
    meeting.refresh_from_db()
    assert meeting.corrected_at is None
    assert corrections_for([meeting]) == []


def test_the_command_withholds_it_too_and_audit_files_finds_it_on_record(
    committee, tmp_path, media_root
):
    path = tmp_path / "referat-2018-05-29.pdf"
    path.write_bytes(minutes_pdf(minutes_text()))
    out = io.StringIO()

    call_command("import_minutes", str(path), stdout=out, stderr=io.StringIO())

    meeting = Meeting.objects.get()
    assert meeting.withheld_pdf and not meeting.minutes_pdf
    assert "1 ting at tjekke" in out.getvalue()
    audit = io.StringIO()
    call_command("audit_files", stdout=audit)
    assert audit.getvalue() == "Filer uden henvisning: 0\nFiler, der mangler: 0\n"
