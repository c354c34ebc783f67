"""`manage.py import_minutes` over a folder of the clerks' documents."""

import datetime
import io
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from minutes.models import Meeting

from .documents_as_pdf import minutes_pdf
from .documents_for_tests import minutes_text

pytestmark = pytest.mark.django_db


CORPUS = Path(__file__).parent / "documents"


@pytest.fixture
def archive(tmp_path, media_root):
    """A clerk's archive folder: minutes as PDF and as Word, an agenda in a subfolder, a damaged
    and a scanned PDF, and a file that is no document."""
    folder = tmp_path / "arkiv"
    (folder / "2018").mkdir(parents=True)
    for name, place in [
        ("referat-2018-05-29.pdf", "2018"),
        ("referat-2019-11-19.docx", ""),
        ("dagsorden-2022-02-22.pdf", ""),
        ("beskadiget.pdf", "2018"),
        ("scannet.pdf", ""),
    ]:
        shutil.copy(CORPUS / name, folder / place / name)
    (folder / "noter.txt").write_text("Husk kaffe.")
    return folder


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_minutes", *map(str, args), stdout=out, stderr=err)
        failure = None
    except CommandError as error:
        failure = str(error)
    return out.getvalue(), err.getvalue(), failure


def test_a_folder_is_imported_one_line_per_document_and_bad_files_are_skipped(archive):
    out, err, failure = run(archive)

    assert Meeting.objects.count() == 3
    assert not Meeting.objects.filter(is_published=True).exists()
    lines = dict(
        line.split(": ", 1)
        for line in (out + err).splitlines()
        if ".pdf:" in line or ".docx:" in line
    )
    # The PDF holds a closed item's text: that is a thing to check (it is withheld).
    assert lines[str(archive / "2018" / "referat-2018-05-29.pdf")] == (
        "2018-05-29 · referat · 6 punkter · oprettet som kladde · PDF'en tilbageholdt "
        "(lukkede punkters tekst) · 1 ting at tjekke"
    )
    assert lines[str(archive / "dagsorden-2022-02-22.pdf")].startswith(
        "2022-02-22 · dagsorden · 4 punkter · oprettet som kladde"
    )
    assert lines[str(archive / "referat-2019-11-19.docx")].startswith(
        "2019-11-19 · referat · 4 punkter · oprettet som kladde ·"
    )
    assert "ting at tjekke" in lines[str(archive / "referat-2019-11-19.docx")]
    assert lines[str(archive / "2018" / "beskadiget.pdf")].startswith(
        "kan ikke læses: Filen kan ikke læses som PDF"
    )
    assert lines[str(archive / "scannet.pdf")].startswith(
        "kan ikke læses: Dokumentet indeholder ingen tekst"
    )
    assert "noter.txt" not in out + err
    assert "5 dokumenter: 2 ikke læst, 3 oprettet" in out
    assert failure == "2 af dokumenterne kunne ikke læses; resten er indlæst."


def test_running_it_again_creates_nothing_twice(archive):
    run(archive)
    first = {m.date: (m.pk, m.items.count(), m.participants.count()) for m in Meeting.objects.all()}

    out, _err, _failure = run(archive)

    assert {
        m.date: (m.pk, m.items.count(), m.participants.count()) for m in Meeting.objects.all()
    } == first
    assert "3 opdateret" in out


def test_a_published_meeting_is_left_alone_and_said_so(archive):
    run(archive)
    published = Meeting.objects.get(date="2018-05-29")
    published.publish()
    published.save()
    published.items.filter(number=2).update(title="Rettet af referenten")

    out, _err, _failure = run(archive / "2018")

    assert (
        f"{archive / '2018' / 'referat-2018-05-29.pdf'}: springes over: Mødet den 29. maj 2018 "
        "er offentliggjort og bliver ikke overskrevet."
    ) in out
    assert published.items.get(number=2).title == "Rettet af referenten"


def test_publish_publishes_only_what_was_read_cleanly(archive):
    # The public version of a meeting's minutes, read without a single thing to check.
    clean = minutes_text(date="Tirsdag den 12. juni 2018", short_date="12-06-2018")
    (archive / "referat-2018-06-12.pdf").write_bytes(minutes_pdf(clean.split("3. Salg")[0]))

    out, _err, _failure = run(archive, "--publish")

    published = set(Meeting.objects.filter(is_published=True).values_list("date", flat=True))
    assert published == {datetime.date(2018, 6, 12)}
    # The Word document had things to check, and both PDFs hold a closed item's text: drafts.
    drafts = set(Meeting.objects.filter(is_published=False).values_list("date", flat=True))
    assert drafts == {
        datetime.date(2018, 5, 29),
        datetime.date(2019, 11, 19),
        datetime.date(2022, 2, 22),
    }
    closing = out.splitlines()[-3:]
    assert closing[0] == "6 dokumenter: 2 ikke læst, 1 offentliggjort, 3 oprettet"
    assert closing[1] == (
        "--publish: 1 offentliggjort, 3 efterladt som kladde, fordi de ikke blev læst rent."
    )
    assert closing[2].startswith("Ikke læst rent betyder mindst én ting at tjekke i rapporten")
    assert "lukkede punkters tekst i PDF'en" in closing[2]


def test_publish_publishes_a_cleanly_read_word_document_without_a_pdf(tmp_path, media_root):
    # A protocol read without a thing to check: that it brings no PDF is said, not a doubt.
    folder = tmp_path / "arkiv"
    folder.mkdir()
    shutil.copy(CORPUS / "referat-2021-11-17.docx", folder)

    out, _err, _failure = run(folder, "--publish")

    meeting = Meeting.objects.get()
    assert meeting.is_published and not meeting.minutes_pdf
    assert "offentliggjort · alt genkendt" in out
    assert any(
        "Word-dokumentet er ikke gemt som mødets PDF" in note.message and not note.check
        for note in meeting.report.notes
    )


def test_a_dry_run_with_publish_says_what_it_would_publish(archive):
    out, _err, _failure = run(archive, "--publish", "--dry-run")

    assert not Meeting.objects.exists()
    assert (
        "--publish: 0 ville blive offentliggjort, 3 ville blive efterladt som kladde, fordi de "
        "ikke blev læst rent."
    ) in out


def test_without_publish_the_closing_line_says_nothing_of_publishing(archive):
    out, _err, _failure = run(archive)

    assert "--publish" not in out
    assert "Ikke læst rent" not in out


def test_a_dry_run_reads_everything_and_saves_nothing(archive):
    out, _err, _failure = run(archive, "--dry-run")

    assert not Meeting.objects.exists()
    assert "oprettet som kladde (prøvekørsel)" in out
    assert "intet er gemt" in out


def test_a_path_that_does_not_exist_is_an_error(tmp_path):
    _out, _err, failure = run(tmp_path / "findes-ikke")

    assert failure.startswith("Findes ikke:")
