"""A clerk publishes a meeting in admin with "Gem og offentliggør": a search subscription is
matched against the whole meeting as saved, its items included, once the save has committed."""

import io

from django.core.management import call_command

from alerts.models import Alert, Subscription
from tests.minutes.test_clerk_admin import new_meeting_form, saved  # noqa: F401

from .conftest import body, header


def test_publishing_in_admin_mails_a_search_that_finds_an_item(
    mailbox,
    new_meeting_form,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    Subscription.objects.create(
        email="journalist@avisen.dk", search_terms="Avedøre Stationsby", is_confirmed=True
    )
    Subscription.objects.create(
        email="andet@avisen.dk", search_terms="svømmehal", is_confirmed=True
    )

    with django_capture_on_commit_callbacks(execute=True):
        saved(new_meeting_form, "_publish")

    assert list(Alert.objects.values_list("subscription__email", flat=True)) == [
        "journalist@avisen.dk"
    ]
    call_command("send_alerts", stdout=io.StringIO())
    [mail] = mailbox.messages
    assert header(mail, "Subject") == "Nyt referat: Almenboligudvalg Hvidovre 29. maj 2018"
    assert "1. Helhedsplan for Avedøre Stationsby" in body(mail)
