"""PDFs that act by themselves (JavaScript, launch actions, embedded files, automatic actions)
are refused on upload with a Danish reason; ordinary PDFs, the clerks' real exports included, are
not."""

import io
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from minutes.demo import make_pdf
from minutes.validators import validate_pdf

DOCUMENTS = Path(__file__).parent / "documents"


def action(kind, **entries):
    return DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Action"),
            NameObject("/S"): NameObject(kind),
            **{NameObject(f"/{key}"): value for key, value in entries.items()},
        }
    )


def javascript(code="app.alert('hej')"):
    return action("/JavaScript", JS=TextStringObject(code))


def build(change):
    """A real minutes PDF, changed by `change(writer)`, as an upload."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf("Referat", ["Godkendt."]))))
    change(writer)
    out = io.BytesIO()
    writer.write(out)
    return SimpleUploadedFile("referat.pdf", out.getvalue(), "application/pdf")


def open_action(value):
    def change(writer):
        writer._root_object[NameObject("/OpenAction")] = value

    return change


def page_entry(name, value):
    def change(writer):
        writer.pages[0][NameObject(name)] = value

    return change


def link_annotation(link_action):
    def change(writer):
        annotation = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Annot"),
                NameObject("/Subtype"): NameObject("/Link"),
                NameObject("/Rect"): ArrayObject([NumberObject(n) for n in (10, 10, 100, 30)]),
                NameObject("/A"): link_action,
            }
        )
        writer.pages[0][NameObject("/Annots")] = ArrayObject([writer._add_object(annotation)])

    return change


def document_javascript(writer):
    """A script in the document's /Names /JavaScript tree, which readers run on opening."""
    names = DictionaryObject(
        {
            NameObject("/Names"): ArrayObject(
                [TextStringObject("hej"), writer._add_object(javascript())]
            )
        }
    )
    writer._root_object[NameObject("/Names")] = DictionaryObject(
        {NameObject("/JavaScript"): writer._add_object(names)}
    )


def refusal(upload):
    with pytest.raises(ValidationError) as raised:
        validate_pdf(upload)
    assert raised.value.code == "active_pdf"
    return raised.value.messages[0]


REFUSED = {
    "openaction-javascript": (open_action(javascript()), "JavaScript"),
    "document-javascript": (document_javascript, "JavaScript"),
    "link-javascript": (link_annotation(javascript()), "JavaScript"),
    "launch": (
        open_action(action("/Launch", F=TextStringObject("C:\\Windows\\calc.exe"))),
        "starter et andet program",
    ),
    "embedded-file": (
        lambda writer: writer.add_attachment("bilag.exe", b"MZ\x90\x00"),
        "en indlejret fil",
    ),
    "page-open-action": (
        page_entry("/AA", DictionaryObject({NameObject("/O"): javascript()})),
        "udføres af sig selv, fx når filen eller en side åbnes",
    ),
    "document-close-action": (
        lambda writer: writer._root_object.__setitem__(
            NameObject("/AA"),
            DictionaryObject({NameObject("/WC"): action("/Named", N=NameObject("/NextPage"))}),
        ),
        "udføres af sig selv",
    ),
}


@pytest.mark.parametrize("kind", REFUSED)
def test_a_pdf_with_active_content_is_refused_saying_why(kind):
    change, reason = REFUSED[kind]

    message = refusal(build(change))

    assert reason in message
    assert message.startswith("Filen indeholder ")
    assert "Af sikkerhedshensyn offentliggør vi ikke PDF-filer med aktivt indhold" in message


def test_an_open_action_that_only_shows_the_first_page_is_allowed():
    def fit_first_page(writer):
        writer._root_object[NameObject("/OpenAction")] = ArrayObject(
            [writer.pages[0].indirect_reference, NameObject("/Fit")]
        )

    validate_pdf(build(fit_first_page))


def test_a_link_to_a_web_page_is_allowed():
    validate_pdf(
        build(link_annotation(action("/URI", URI=TextStringObject("https://hvidovre.dk/"))))
    )


@pytest.mark.parametrize("path", sorted(DOCUMENTS.glob("*.pdf")), ids=lambda path: path.name)
def test_the_clerks_real_exports_are_not_taken_for_active_content(path):
    if path.name == "beskadiget.pdf":
        pytest.skip("damaged on purpose: refused as unreadable")
    upload = SimpleUploadedFile(path.name, path.read_bytes(), "application/pdf")

    validate_pdf(upload)


def test_the_clerk_sees_the_reason_in_the_admin_form(client, clerk, media_root):
    client.force_login(clerk)
    upload = build(open_action(javascript()))

    response = client.post(
        "/admin/minutes/meeting/add/",
        {"date": "2018-05-29", "minutes_pdf": upload},
    )

    assert response.status_code == 200
    assert "Filen indeholder JavaScript" in response.content.decode()
