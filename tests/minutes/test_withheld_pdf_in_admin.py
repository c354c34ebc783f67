"""The clerk and a withheld PDF (an imported PDF that holds a closed item's text): the meeting's
form says so and serves it to the clerk; the clerk publishes the meeting without it, confirms that
it is the public version, or uploads the public version."""

import pytest
from webtest import Upload

from minutes.models import Meeting
from tests.markup import attribute, element, elements, text

from .documents_as_pdf import minutes_pdf, public_version
from .documents_for_tests import minutes_text
from .test_clerk_admin import change_url, errors_in, messages_on, run_action, saved

pytestmark = pytest.mark.django_db

PDF_URL = "/referater/2018-05-29/referat.pdf"
CONFIRMATION = "publish_withheld_pdf"


@pytest.fixture
def imported(django_app, clerk, media_root):
    """The clerk has imported the minutes' PDF, which holds closed item 3's text: the form."""
    form = django_app.get("/admin/minutes/meeting/indlaes/", user=clerk).forms[
        "meeting_import_form"
    ]
    form["document"] = Upload("referat.pdf", minutes_pdf(minutes_text()), "application/pdf")
    return form.submit("_import").follow()


def test_the_form_says_the_pdf_is_withheld_and_the_clerk_can_open_it(imported):
    meeting = Meeting.objects.get()
    assert meeting.withheld_pdf and not meeting.minutes_pdf

    status = text(element(imported, "div", class_="meeting-status"))
    assert (
        "PDF: PDF'en fra indlæsningen er tilbageholdt, fordi den indeholder tekst fra lukkede "
        "punkter. Offentliggøres mødet, sker det uden PDF"
    ) in status
    withheld = element(imported, "div", class_="field-withheld_pdf_status")
    assert "indeholder tekst fra lukkede punkter (punkt 3)" in text(withheld)
    box = imported.forms["meeting_form"][CONFIRMATION]
    assert not box.checked
    label = element(imported, "label", for_="id_publish_withheld_pdf")
    assert text(label).startswith("Jeg har tjekket PDF'en: den er den offentlige udgave uden")
    # The report's note points at the confirmation.
    report = element(imported, "details", class_="import-report")
    (link,) = elements(report, "a")
    assert (text(link), attribute(link, "href")) == (
        "Tilbageholdt PDF",
        "#id_publish_withheld_pdf",
    )

    response = imported.click("Åbn den tilbageholdte PDF")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.body.startswith(b"%PDF-")


def test_the_withheld_pdf_is_served_to_logged_in_staff_only(imported, django_app):
    meeting = Meeting.objects.get()
    url = f"/admin/minutes/meeting/{meeting.pk}/tilbageholdt.pdf"
    django_app.reset()

    response = django_app.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_publishing_without_confirming_publishes_the_minutes_without_the_pdf(imported, client):
    response = saved(imported.forms["meeting_form"], "_publish")

    meeting = Meeting.objects.get()
    assert meeting.is_published
    assert meeting.withheld_pdf and not meeting.minutes_pdf
    assert messages_on(response.follow())[0].startswith(
        "Mødet er gemt og offentliggjort uden PDF. Det kan nu ses på siden. PDF'en fra "
        "indlæsningen er ikke offentliggjort, fordi den indeholder tekst fra lukkede punkter"
    )
    assert client.get(PDF_URL).status_code == 404
    assert client.get("/referater/2018-05-29/").status_code == 200


def test_the_clerks_confirmation_makes_it_the_meetings_pdf(imported, client):
    withheld = Meeting.objects.get().withheld_pdf.name
    form = imported.forms["meeting_form"]
    form[CONFIRMATION] = True

    page = saved(form, "_publish").follow()

    meeting = Meeting.objects.get()
    assert meeting.minutes_pdf.name == withheld
    assert not meeting.withheld_pdf
    assert "Fortrolige oplysninger" in meeting.minutes_pdf_text
    assert "PDF'en fra indlæsningen er nu mødets PDF" in " ".join(messages_on(page))
    assert not elements(page, "div", class_="field-withheld_pdf_status")
    assert not elements(page, "p", class_="withheld-pdf-warning")
    assert client.get(PDF_URL).status_code == 200
    record = meeting.history.latest()
    assert (record.minutes_pdf, record.withheld_pdf, record.history_user.username) == (
        withheld,
        "",
        "referent",
    )


def test_confirming_it_after_publication_is_a_correction(imported):
    page = saved(imported.forms["meeting_form"], "_publish").follow()
    form = page.forms["meeting_form"]
    form[CONFIRMATION] = True
    form["correction_reason"] = "Referatet som PDF er tilføjet"

    saved(form)

    meeting = Meeting.objects.get()
    assert meeting.minutes_pdf and meeting.corrected_at is not None


def test_uploading_the_public_version_takes_the_withheld_pdfs_place(imported, client):
    form = imported.forms["meeting_form"]
    form["minutes_pdf"] = Upload(
        "offentlig.pdf", minutes_pdf(public_version(minutes_text())), "application/pdf"
    )

    saved(form, "_publish")

    meeting = Meeting.objects.get()
    assert meeting.minutes_pdf and not meeting.withheld_pdf
    assert "Fortrolige oplysninger" not in meeting.minutes_pdf_text
    assert client.get(PDF_URL).status_code == 200


def test_confirming_and_uploading_another_pdf_at_once_is_refused(imported):
    form = imported.forms["meeting_form"]
    form[CONFIRMATION] = True
    form["minutes_pdf"] = Upload(
        "offentlig.pdf", minutes_pdf(public_version(minutes_text())), "application/pdf"
    )

    page = form.submit("_save")

    assert page.status_code == 200
    assert (
        "Vælg det ene: offentliggør den tilbageholdte PDF, eller upload en anden PDF – ikke "
        "begge dele." in errors_in(page)
    )
    meeting = Meeting.objects.get()
    assert meeting.withheld_pdf and not meeting.minutes_pdf


def test_a_meeting_without_a_withheld_pdf_has_no_confirmation(django_app, clerk, make_meeting):
    meeting = make_meeting("2018-05-29", published=False)

    page = django_app.get(change_url(meeting), user=clerk)

    assert CONFIRMATION not in page.forms["meeting_form"].fields
    assert not elements(page, "div", class_="field-withheld_pdf_status")


def test_the_publish_action_says_which_meetings_went_out_without_their_pdf(
    imported, django_app, clerk
):
    page = run_action(django_app, clerk, "publish_meetings", Meeting.objects.get())

    assert messages_on(page) == [
        "1 møde er offentliggjort. 1 møde er offentliggjort uden PDF, fordi PDF'en fra "
        "indlæsningen indeholder tekst fra lukkede punkter."
    ]
