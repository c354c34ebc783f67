"""Validation of uploaded PDF files: the minutes PDF and attachments."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from pypdf import PdfReader

from .pdf import ACTIVE_CONTENT, active_content, opens_without_password

# The PDF standard puts "%%EOF" at the very end; readers look for it in the last 1024 bytes.
# Its absence is the surest sign of a file cut short in transfer.
_EOF_WINDOW = 1024


def max_upload_bytes():
    """The upload limit in bytes, read from settings each time so that it can be changed."""
    return int(settings.MINUTES_MAX_UPLOAD_MB * 1024 * 1024)


def validate_pdf(value):
    """
    Accept only a complete, readable PDF within the size limit.

    The content decides, not the file name or the browser's content type: the file must start with
    the PDF header, end with the end-of-file marker, open in pypdf with at least one page, and
    open without a password (citizens must be able to read what is published), and carry no
    active content (JavaScript, launch actions, embedded files, automatic actions). A file that was
    stored earlier is not checked again: a lower limit must not lock clerks out of old meetings.
    """
    if not value or getattr(value, "_committed", False):
        return

    limit = max_upload_bytes()
    if value.size > limit:
        raise ValidationError(
            "Filen er for stor (højst %(limit)s MB).",
            code="too_large",
            params={"limit": number_format(settings.MINUTES_MAX_UPLOAD_MB)},
        )

    not_pdf = ValidationError("Filen er ikke en PDF-fil.", code="not_pdf")
    unreadable = ValidationError(
        "Filen kan ikke læses som PDF. Den er måske ødelagt eller ikke helt uploadet. "
        "Gem den som PDF igen, og prøv en gang til.",
        code="broken_pdf",
    )
    try:
        value.seek(0)
        if value.read(5) != b"%PDF-":
            raise not_pdf
        value.seek(max(0, value.size - _EOF_WINDOW))
        if b"%%EOF" not in value.read():
            raise unreadable

        value.seek(0)
        try:
            reader = PdfReader(value)
            # Encrypted files that open without a password (only editing is restricted) are
            # readable by everyone; those that need one are not.
            if reader.is_encrypted and not opens_without_password(reader):
                raise ValidationError(
                    "Filen er krypteret eller beskyttet med en adgangskode. Gem den som PDF "
                    "uden beskyttelse, og prøv igen.",
                    code="encrypted_pdf",
                )
            if len(reader.pages) == 0:
                raise unreadable
            # Reaching the first page makes pypdf walk the page tree, which proves it is sound.
            _ = reader.pages[0]
            found = active_content(reader)
        except ValidationError:
            raise
        except Exception as error:
            # pypdf raises many kinds of errors on damaged files; all mean the same to a clerk.
            raise unreadable from error
    finally:
        value.seek(0)
    if found:
        # Minutes are read, never run: a PDF that acts by itself could do so as this site.
        raise ValidationError(
            "Filen indeholder %(what)s. Af sikkerhedshensyn offentliggør vi ikke PDF-filer med "
            "aktivt indhold. Gem dokumentet som PDF igen uden det (fx med Udskriv → Gem som "
            "PDF), og prøv igen.",
            code="active_pdf",
            params={"what": ACTIVE_CONTENT[found]},
        )
