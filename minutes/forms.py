"""The clerks' form for making a meeting from their document."""

from django import forms
from django.conf import settings
from django.utils.formats import number_format

from committee.models import Committee

from .importing import DocumentError, parse_text, read_document
from .validators import max_upload_bytes, validate_pdf

DOCUMENT_TYPES = (
    ".pdf,.docx,application/pdf,"
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
)


def is_pdf(upload):
    upload.seek(0)
    try:
        return upload.read(5) == b"%PDF-"
    finally:
        upload.seek(0)


class DocumentImportForm(forms.Form):
    """A document (PDF or Word) or its pasted text, read into `cleaned_data["parsed"]`."""

    document = forms.FileField(
        label="Dokument",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": DOCUMENT_TYPES}),
    )
    text = forms.CharField(
        label="Eller indsæt hele teksten",
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 10, "cols": 80}),
        help_text="Kopiér hele dagsordenen eller referatet ind, fra titlen til sidste punkt.",
    )
    committee = forms.ModelChoiceField(
        Committee.objects.order_by("pk"), label="Udvalg", empty_label=None
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document"].help_text = (
            "Dagsordenen eller referatet som PDF eller Word-dokument (.docx), højst "
            f"{number_format(settings.MINUTES_MAX_UPLOAD_MB)} MB. En PDF bliver mødets PDF."
        )
        committees = self.fields["committee"].queryset
        if committees.count() == 1:
            # One committee, as there is: nothing to choose.
            self.fields["committee"].initial = committees.first()
            self.fields["committee"].widget = forms.HiddenInput()

    def clean(self):
        cleaned = super().clean()
        document, text = cleaned.get("document"), cleaned.get("text", "")
        if document and text.strip():
            raise forms.ValidationError(
                "Vælg enten et dokument eller indsat tekst – ikke begge dele.", code="both"
            )
        if not document and not text.strip():
            raise forms.ValidationError(
                "Vælg et dokument, eller indsæt teksten fra dokumentet.", code="nothing"
            )
        try:
            if document:
                cleaned["parsed"] = self._read(document)
            else:
                cleaned["parsed"] = parse_text(text)
        except DocumentError as error:
            self.add_error("document" if document else "text", str(error))
        except forms.ValidationError as error:
            self.add_error("document", error)
        return cleaned

    def _read(self, document):
        if document.size > max_upload_bytes():
            raise forms.ValidationError(
                "Filen er for stor (højst %(limit)s MB).",
                code="too_large",
                params={"limit": number_format(settings.MINUTES_MAX_UPLOAD_MB)},
            )
        if is_pdf(document):
            # It becomes the meeting's PDF: the same checks as any other minutes PDF.
            validate_pdf(document)
        return read_document(document, document.name)

    @property
    def pdf(self):
        """The uploaded document if it is a PDF, to become the meeting's PDF; else None."""
        document = self.cleaned_data.get("document")
        return document if document and is_pdf(document) else None

    @property
    def source_name(self):
        document = self.cleaned_data.get("document")
        return document.name if document else "indsat tekst"
