"""A search subscription is never mailed for the text of a closed item that only a withheld PDF
holds (an imported PDF the clerk has not confirmed as the public version); after the clerk's
confirmation, the PDF is part of the meeting like any other."""

import io

import pytest
from django.core.management import call_command
from webtest import Upload

from alerts.models import Alert, Subscription
from minutes.models import Meeting
from tests.minutes.documents_as_pdf import minutes_pdf
from tests.minutes.documents_for_tests import minutes_text

from .conftest import body

pytestmark = pytest.mark.django_db

# Only the closed item 3 says this, and so only the imported PDF does too.
SECRET = "Hemmeligselskab"
TEXT = minutes_text().replace("om køberen", f"om køberen {SECRET} A/S")


@pytest.fixture
def imported(django_app, clerk, media_root, mailbox):
    """The meeting's form after the clerk imported the PDF; two confirmed search subscriptions."""
    Subscription.objects.create(email="hemmelig@avisen.dk", search_terms=SECRET, is_confirmed=True)
    Subscription.objects.create(
        email="friheden@avisen.dk", search_terms="Friheden", is_confirmed=True
    )
    form = django_app.get("/admin/minutes/meeting/indlaes/", user=clerk).forms[
        "meeting_import_form"
    ]
    form["document"] = Upload("referat.pdf", minutes_pdf(TEXT), "application/pdf")
    return form.submit("_import").follow().forms["meeting_form"]


def test_publishing_with_the_pdf_withheld_mails_no_search_for_its_text(
    imported, mailbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert imported.submit("_publish").status_code == 302

    assert Meeting.objects.get().withheld_pdf
    assert list(Alert.objects.values_list("subscription__email", flat=True)) == [
        "friheden@avisen.dk"
    ]
    call_command("send_alerts", stdout=io.StringIO())
    (mail,) = mailbox.messages
    assert mail.envelope_to == ["friheden@avisen.dk"]
    assert SECRET not in body(mail)
    assert "køberen" not in body(mail)


def test_after_the_clerks_confirmation_a_search_finds_the_pdf(
    imported, django_capture_on_commit_callbacks
):
    imported["publish_withheld_pdf"] = True

    with django_capture_on_commit_callbacks(execute=True):
        assert imported.submit("_publish").status_code == 302

    assert sorted(Alert.objects.values_list("subscription__email", flat=True)) == [
        "friheden@avisen.dk",
        "hemmelig@avisen.dk",
    ]
