"""`manage.py audit_files` finds orphans and missing files; it deletes only never-public orphans."""

import datetime
import io
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from minutes import changesets
from minutes.demo import make_pdf
from minutes.models import Attachment

pytestmark = pytest.mark.django_db


def audit(*args):
    out = io.StringIO()
    call_command("audit_files", *args, stdout=out)
    return out.getvalue()


def history_kept_since(days):
    MigrationRecorder.Migration.objects.filter(app="minutes", name="0007_history").update(
        applied=timezone.now() - datetime.timedelta(days=days)
    )


def age(path, days):
    when = (timezone.now() - datetime.timedelta(days=days)).timestamp()
    os.utime(path, (when, when))


@pytest.fixture
def site_with_files(make_meeting, media_root):
    """A published meeting whose attachment was replaced: both files are on record."""
    pdf = SimpleUploadedFile("r.pdf", make_pdf("Referat", ["Referatet."]), "application/pdf")
    meeting = make_meeting("2018-05-29", minutes_pdf=pdf, items=[{"title": "Helhedsplan"}])
    with changesets.change_set():
        attachment = Attachment.objects.create(
            item=meeting.items.get(),
            title="Oversigt",
            file=SimpleUploadedFile("b.pdf", make_pdf("Bilag", ["Før."]), "application/pdf"),
        )
    replaced = attachment.file.name
    attachment.file = SimpleUploadedFile("b.pdf", make_pdf("Bilag", ["Efter."]), "application/pdf")
    attachment.save()
    return meeting, attachment, replaced


def test_a_clean_site_has_no_orphans_and_nothing_missing(site_with_files):
    assert audit() == "Filer uden henvisning: 0\nFiler, der mangler: 0\n"


def test_an_orphan_and_a_missing_file_made_on_purpose_are_found(site_with_files, media_root):
    meeting, _attachment, replaced = site_with_files
    orphan = media_root / "bilag" / "2024" / "05" / "glemt.pdf"
    orphan.parent.mkdir(parents=True)
    orphan.write_bytes(b"%PDF-1.4 glemt")
    (media_root / meeting.minutes_pdf.name).unlink()

    with pytest.raises(CommandError, match="1 filer, som siden henviser til, mangler"):
        call_command("audit_files", stdout=(out := io.StringIO()))

    report = out.getvalue()
    assert "Filer uden henvisning: 1\n  bilag/2024/05/glemt.pdf (14\xa0bytes, gemt " in report
    assert "aldrig offentlig, for ny til at slette" in report
    assert (
        f"Filer, der mangler: 1\n  {meeting.minutes_pdf.name}: nævnt af møde {meeting.pk}" in report
    )
    assert (media_root / replaced).exists()  # replaced, but named by the history
    assert replaced not in report


def test_delete_orphans_removes_only_old_never_public_files(site_with_files, media_root):
    _meeting, attachment, replaced = site_with_files
    old_orphan = media_root / "bilag" / "gammel.pdf"
    new_orphan = media_root / "bilag" / "ny.pdf"
    for path in (old_orphan, new_orphan):
        path.write_bytes(b"%PDF-1.4")
    age(old_orphan, 40)
    age(new_orphan, 5)
    age(media_root / replaced, 40)  # old, replaced, but named by the history
    history_kept_since(100)

    report = audit("--delete-orphans", "--older-than", "30")

    assert not old_orphan.exists()
    assert new_orphan.exists()
    assert (media_root / replaced).exists()
    assert (media_root / attachment.file.name).exists()
    assert "Slettet: bilag/gammel.pdf\n1 filer uden henvisning er slettet." in report


def test_an_orphan_from_before_the_history_is_kept(site_with_files, media_root):
    orphan = media_root / "bilag" / "fra-foer.pdf"
    orphan.write_bytes(b"%PDF-1.4")
    age(orphan, 400)
    history_kept_since(100)

    report = audit("--delete-orphans", "--older-than", "30")

    assert orphan.exists()
    assert "bevares: gemt før historikken, kan have været offentlig" in report
    assert "0 filer uden henvisning er slettet." in report


@pytest.mark.parametrize("days", ["0", "-3", "tredive"])
def test_a_bad_number_of_days_is_refused_in_danish(site_with_files, days):
    with pytest.raises(CommandError, match="mindst 1"):
        audit("--delete-orphans", "--older-than", days)
