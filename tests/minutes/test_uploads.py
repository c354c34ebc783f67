"""Only whole, readable PDFs within the size limit are accepted, and stored under new names."""

import datetime
import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile
from fpdf import FPDF
from fpdf.enums import EncryptionMethod
from pypdf import PdfReader

from minutes.demo import make_pdf
from minutes.models import AgendaItem, Attachment, Meeting
from minutes.validators import validate_pdf


def upload(content, name="referat.pdf"):
    return SimpleUploadedFile(name, content, "application/pdf")


def encrypted_pdf(*, user_password=""):
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica")
    pdf.cell(text="Beskyttet referat")
    pdf.set_encryption(
        owner_password="ejer", user_password=user_password, encryption_method=EncryptionMethod.RC4
    )
    return bytes(pdf.output())


def refusal(file):
    with pytest.raises(ValidationError) as raised:
        validate_pdf(file)
    return raised.value


def test_a_real_pdf_is_accepted_and_left_ready_to_be_stored():
    file = upload(make_pdf("Referat", ["Godkendt."]))

    validate_pdf(file)

    assert file.tell() == 0


@pytest.mark.parametrize(
    "content",
    [
        b"Dette er bare tekst, selv om filen hedder .pdf\n",
        b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>",
        b"PK\x03\x04 a zip archive, as a .docx is",
        b"",
    ],
    ids=["text", "html", "zip", "empty"],
)
def test_a_file_that_is_not_a_pdf_is_refused_whatever_its_name(content):
    error = refusal(upload(content))

    assert error.code == "not_pdf"
    assert error.messages == ["Filen er ikke en PDF-fil."]


def test_a_truncated_pdf_is_refused():
    whole = make_pdf("Referat", ["Godkendt."] * 20)

    error = refusal(upload(whole[: len(whole) * 2 // 3]))

    assert error.code == "broken_pdf"
    assert "kan ikke læses som PDF" in error.messages[0]


def test_a_pdf_header_on_garbage_is_refused():
    error = refusal(upload(b"%PDF-1.7\n" + b"\x00garbage" * 200 + b"\n%%EOF\n"))

    assert error.code == "broken_pdf"


def test_a_pdf_that_needs_a_password_is_refused():
    error = refusal(upload(encrypted_pdf(user_password="hemmelig")))

    assert error.code == "encrypted_pdf"
    assert "adgangskode" in error.messages[0]


def test_a_pdf_only_protected_against_editing_is_accepted(make_meeting):
    # It opens for every reader without a password; municipal systems often produce these.
    content = encrypted_pdf(user_password="")
    assert PdfReader(io.BytesIO(content)).is_encrypted
    file = upload(content)

    validate_pdf(file)

    assert file.tell() == 0
    meeting = make_meeting(minutes_pdf=file)
    assert meeting.minutes_pdf.read() == content
    assert "Beskyttet referat" in meeting.minutes_pdf_text


def test_a_file_over_the_limit_is_refused_with_the_limit_in_danish(settings):
    settings.MINUTES_MAX_UPLOAD_MB = 0.001  # 1,048 bytes, read when validating

    error = refusal(upload(make_pdf("Referat", ["Godkendt."] * 10)))

    assert error.code == "too_large"
    assert error.messages == ["Filen er for stor (højst 0,001 MB)."]


def test_the_default_limit_is_25_mb(settings):
    assert settings.MINUTES_MAX_UPLOAD_MB == 25
    big = make_pdf("Referat", ["Godkendt."])
    padded = big[:-6] + b" " * (25 * 1024 * 1024 - len(big) + 1) + b"%%EOF\n"

    error = refusal(upload(padded))

    assert error.messages == ["Filen er for stor (højst 25 MB)."]


def test_model_validation_names_the_field_with_the_refused_file(db, committee):
    meeting = Meeting(committee=committee, date=datetime.date(2018, 5, 29))
    meeting.minutes_pdf = upload(b"<html></html>")

    with pytest.raises(ValidationError) as raised:
        meeting.full_clean()

    assert raised.value.message_dict == {"minutes_pdf": ["Filen er ikke en PDF-fil."]}


def test_attachment_validation_refuses_a_non_pdf(db, make_meeting):
    item = AgendaItem.objects.create(meeting=make_meeting(), number=1, title="Budget")
    attachment = Attachment(item=item, title="Bilag", file=upload(b"GIF89a", name="bilag.pdf"))

    with pytest.raises(ValidationError) as raised:
        attachment.full_clean()

    assert raised.value.message_dict == {"file": ["Filen er ikke en PDF-fil."]}


def test_a_stored_file_is_not_checked_again_when_the_limit_is_lowered(
    make_meeting, pdf_file, settings
):
    meeting = make_meeting(minutes_pdf=pdf_file("Godkendt."))
    settings.MINUTES_MAX_UPLOAD_MB = 0.001
    stored = Meeting.objects.get(pk=meeting.pk)
    assert stored.minutes_pdf.size > 0.001 * 1024 * 1024

    stored.remarks = "Rettet efter at grænsen blev sænket."
    stored.full_clean()
    stored.save()

    assert Meeting.objects.get(pk=meeting.pk).remarks == "Rettet efter at grænsen blev sænket."
    # The same file uploaded anew is refused: the limit is lowered, the stored file is exempt.
    stored.minutes_pdf = pdf_file("Godkendt.")
    with pytest.raises(ValidationError) as raised:
        stored.full_clean()
    assert raised.value.message_dict == {"minutes_pdf": ["Filen er for stor (højst 0,001 MB)."]}


def test_uploads_are_stored_under_generated_names_never_the_clerks(make_meeting, media_root):
    first = make_meeting("2018-05-29", minutes_pdf=upload(make_pdf("A"), name="../../etc/x.pdf"))
    second = make_meeting("2019-03-12", minutes_pdf=upload(make_pdf("B"), name="x.pdf"))
    item = AgendaItem.objects.create(meeting=first, number=1, title="Budget")
    attachment = Attachment.objects.create(
        item=item, title="Bilag", file=upload(make_pdf("C"), name="bilag 1 (endelig).pdf")
    )

    names = [first.minutes_pdf.name, second.minutes_pdf.name, attachment.file.name]

    assert re.fullmatch(r"referater/\d{4}/\d{2}/[0-9a-f]{32}\.pdf", names[0])
    assert re.fullmatch(r"referater/\d{4}/\d{2}/[0-9a-f]{32}\.pdf", names[1])
    assert re.fullmatch(r"bilag/\d{4}/\d{2}/[0-9a-f]{32}\.pdf", names[2])
    assert all((media_root / name).is_file() for name in names)


def test_a_large_upload_spooled_to_disk_is_checked_stored_and_read(make_meeting, media_root):
    # Uploads over FILE_UPLOAD_MAX_MEMORY_SIZE arrive as temporary files, not in memory.
    content = make_pdf("Referat", ["Protokollen er underskrevet."])
    spooled = TemporaryUploadedFile("referat.pdf", "application/pdf", len(content), None)
    spooled.write(content)
    spooled.seek(0)

    validate_pdf(spooled)
    meeting = make_meeting(minutes_pdf=spooled)
    spooled.close()  # as the request does when it ends; the file has been moved into storage

    assert (media_root / meeting.minutes_pdf.name).read_bytes() == content
    assert "Protokollen er underskrevet." in meeting.minutes_pdf_text
