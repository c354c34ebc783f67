"""A clerk makes a meeting from the minutes document in admin ("Opret møde fra dokument")."""

from pathlib import Path

import pytest
from webtest import Upload

from minutes.models import Meeting
from tests.markup import element, elements, text

from .documents_as_pdf import minutes_pdf, public_version
from .documents_for_tests import minutes_text
from .test_clerk_admin import errors_in, messages_on

pytestmark = pytest.mark.django_db

CORPUS = Path(__file__).parent / "documents"
IMPORT_URL = "/admin/minutes/meeting/indlaes/"


def upload(name):
    return Upload(name, (CORPUS / name).read_bytes())


@pytest.fixture
def import_form(django_app, clerk, media_root):
    meetings = django_app.get("/admin/minutes/meeting/", user=clerk)
    return meetings.click("Opret møde fra dokument").forms["meeting_import_form"]


def report_on(page):
    return [text(line) for line in elements(element(page, "details", class_="import-report"), "li")]


def test_the_uploaded_minutes_become_a_draft_and_the_clerk_lands_on_it_with_a_report(
    import_form,
):
    import_form["document"] = upload("referat-2018-05-29.pdf")

    page = import_form.submit("_import").follow()

    meeting = Meeting.objects.get()
    assert page.request.path == f"/admin/minutes/meeting/{meeting.pk}/change/"
    assert not meeting.is_published
    # The PDF holds the text of the closed item 5: it is kept for the clerk, not made public.
    assert meeting.withheld_pdf and not meeting.minutes_pdf
    assert messages_on(page)[0].startswith(
        "Indlæst: 2018-05-29 · referat · 6 punkter · oprettet som kladde · PDF'en tilbageholdt "
        "(lukkede punkters tekst) · 1 ting at tjekke."
    )
    report = report_on(page)
    assert report[0].endswith("fra “referat-2018-05-29.pdf”: 6 punkter, 7 deltagere.")
    assert any(
        "PDF'en indeholder teksten til de lukkede punkter (punkt 5)" in line for line in report
    )
    summaries = [text(s) for s in elements(page, "summary") if text(s)[:1].isdigit()]
    assert len(summaries) == 6
    assert "Status: Kladde – ikke offentliggjort" in text(
        element(page, "div", class_="meeting-status")
    )


def test_a_word_document_is_read_and_the_report_says_it_is_not_the_meetings_pdf(import_form):
    import_form["document"] = upload("referat-2019-11-19.docx")

    page = import_form.submit("_import").follow()

    meeting = Meeting.objects.get()
    assert not meeting.minutes_pdf
    report = " ".join(report_on(page))
    assert "Word-dokumentet er ikke gemt som mødets PDF" in report
    assert "Lovgrundlag" in report


def test_pasted_text_is_read_like_a_document(import_form):
    import_form["text"] = minutes_text()

    import_form.submit("_import").follow()

    meeting = Meeting.objects.get()
    assert meeting.items.count() == 3
    assert "fra “indsat tekst”" in meeting.report.head


@pytest.mark.parametrize(
    ("fill", "message"),
    [
        ({}, "Vælg et dokument, eller indsæt teksten fra dokumentet."),
        (
            {"document": "referat-2018-05-29.pdf", "text": "Referat"},
            "Vælg enten et dokument eller indsat tekst – ikke begge dele.",
        ),
        ({"document": "scannet.pdf"}, "Dokumentet indeholder ingen tekst, der kan læses."),
        ({"document": "beskadiget.pdf"}, "Filen kan ikke læses som PDF."),
        ({"document": "referat-2023-09-26.txt"}, "Filen er hverken en PDF eller et Word-dokument"),
        ({"text": "Kaffe og kage"}, ""),
    ],
)
def test_a_document_that_cannot_be_read_is_refused_in_danish(import_form, fill, message):
    if "document" in fill:
        import_form["document"] = upload(fill["document"])
    if "text" in fill:
        import_form["text"] = fill["text"]

    page = import_form.submit("_import")

    assert page.status_code == 200
    errors = errors_in(page)
    assert errors, "the form must say what is wrong"
    assert any(message in error for error in errors), errors
    assert not Meeting.objects.exists()
    # What the clerk pasted is still there to correct.
    assert page.forms["meeting_import_form"]["text"].value == fill.get("text", "")


def test_a_published_meeting_is_not_overwritten_and_the_clerk_is_sent_to_it(
    import_form, make_meeting
):
    meeting = make_meeting("2018-05-29", items=[{"title": "Skrevet i hånden"}])
    import_form["document"] = upload("referat-2018-05-29.pdf")

    page = import_form.submit("_import")

    (error,) = errors_in(page)
    assert error.startswith(
        "Mødet den 29. maj 2018 er offentliggjort og bliver ikke overskrevet. Ret det i "
        "administrationen i stedet. Gå til mødet"
    )
    assert page.click("Gå til mødet").request.path == f"/admin/minutes/meeting/{meeting.pk}/change/"
    assert list(meeting.items.values_list("title", flat=True)) == ["Skrevet i hånden"]


def test_the_agenda_then_the_minutes_at_the_same_permalink(django_app, clerk, media_root):
    def import_document(name, text):
        # The public versions: their closed item is "Lukket punkt" and nothing else.
        form = django_app.get(IMPORT_URL, user=clerk).forms["meeting_import_form"]
        form["document"] = Upload(name, minutes_pdf(public_version(text)), "application/pdf")
        return form.submit("_import").follow()

    page = import_document(
        "dagsorden-2018-05-29.pdf", minutes_text(kind="Dagsorden", decisions=False)
    )
    page = page.forms["meeting_form"].submit("_publish").follow()
    agenda = Meeting.objects.get()
    assert agenda.is_published and agenda.kind == "dagsorden"

    page = import_document("referat-2018-05-29.pdf", minutes_text())

    meeting = Meeting.objects.get()
    assert meeting.pk == agenda.pk
    assert meeting.kind == "referat"
    assert meeting.is_published
    assert meeting.history.exclude(minutes_pdf=meeting.minutes_pdf.name).exists()
    assert meeting.corrected_at is None
    assert "dagsordenen er gjort til referat" in messages_on(page)[0]


def test_only_clerks_who_may_add_meetings_may_import(django_app, django_user_model):
    visitor = django_user_model.objects.create_user("gæst", password="x", is_staff=True)

    assert django_app.get(IMPORT_URL, user=visitor, status=403).status_code == 403


def test_an_import_is_recorded_as_the_clerks_change(django_app, clerk, media_root):
    form = django_app.get(IMPORT_URL, user=clerk).forms["meeting_import_form"]
    form["document"] = upload("referat-2018-05-29.pdf")
    form.submit("_import")

    record = Meeting.history.get()
    assert (record.history_type, record.history_user) == ("+", clerk)
