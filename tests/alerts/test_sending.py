"""send_alerts when the mail server fails: retried later with a growing delay, never twice, a
refused address given up; and what is never mailed at all."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from alerts.models import Alert, Subscription
from alerts.sending import MAX_ATTEMPTS, retry_delay, send_due
from tests.support.servers import free_port

from .conftest import header

ADDRESS = "beboer@eksempel.dk"
ITEMS = [{"title": "Boligsocial helhedsplan for Friheden"}]


def send_alerts():
    output = io.StringIO()
    call_command("send_alerts", stdout=output)
    return output.getvalue()


def test_with_the_mail_server_down_the_mail_is_tried_again_later(
    mailbox, subscribed, publish, settings
):
    subscribed(ADDRESS)
    publish("2018-05-29", items=list(ITEMS))
    working_port = settings.EMAIL_PORT
    settings.EMAIL_PORT = free_port()  # nothing listens there

    with pytest.raises(CommandError, match="Mailserveren svarede ikke"):
        send_alerts()
    alert = Alert.objects.get()
    assert (alert.status, alert.attempts) == (Alert.Status.PENDING, 1)
    assert alert.last_error.startswith("ConnectionRefusedError")
    wait = alert.next_attempt_at - timezone.now()
    assert datetime.timedelta(minutes=4) < wait <= datetime.timedelta(minutes=5)

    # The server is back, but the mail is not due yet: nothing is sent before its time.
    settings.EMAIL_PORT = working_port
    assert "Sendt: 0." in send_alerts()
    assert mailbox.messages == []

    report = send_due(now=timezone.now() + datetime.timedelta(minutes=6))
    assert report.sent == 1
    [mail] = mailbox.to(ADDRESS)
    assert header(mail, "Subject") == "Nyt referat: Almenboligudvalg Hvidovre 29. maj 2018"
    alert.refresh_from_db()
    assert (alert.status, alert.attempts, alert.last_error) == (Alert.Status.SENT, 2, "")
    assert "Sendt: 0." in send_alerts()
    assert len(mailbox.messages) == 1


def test_the_delay_doubles_and_a_mail_is_given_up_after_the_last_attempt(
    mailbox, subscribed, publish, settings
):
    assert [retry_delay(n).total_seconds() / 60 for n in range(1, 5)] == [5, 10, 20, 40]
    assert retry_delay(20) == datetime.timedelta(hours=12)
    subscribed(ADDRESS)
    publish("2018-05-29", items=list(ITEMS))
    settings.EMAIL_PORT = free_port()

    later = timezone.now()
    for _ in range(MAX_ATTEMPTS):
        send_due(now=later)
        later += datetime.timedelta(days=1)

    alert = Alert.objects.get()
    assert (alert.status, alert.attempts) == (Alert.Status.FAILED, MAX_ATTEMPTS)
    assert send_due(now=later + datetime.timedelta(days=30)).failed == 0


def test_an_address_the_server_refuses_is_given_up_at_once(mailbox, subscribed, publish):
    subscribed(ADDRESS)
    subscribed("nabo@eksempel.dk")
    mailbox.refuse.add(ADDRESS)
    publish("2018-05-29", items=list(ITEMS))

    assert "Sendt: 1. Prøves igen senere: 0. Opgivet: 1." in send_alerts()
    refused = Alert.objects.get(subscription__email=ADDRESS)
    assert refused.status == Alert.Status.FAILED
    assert "550" in refused.last_error
    assert [m.envelope_to for m in mailbox.messages] == [["nabo@eksempel.dk"]]


def test_an_alert_is_claimed_by_one_sender_only(mailbox, subscribed, publish):
    subscribed(ADDRESS)
    publish("2018-05-29", items=list(ITEMS))
    first, second = Alert.objects.get(), Alert.objects.get()  # two senders read the same row

    until = timezone.now() + datetime.timedelta(minutes=15)
    assert first.claim(until) is True
    assert second.claim(until) is False
    assert send_due().sent == 0, "a claimed alert is not due"


def test_a_meeting_taken_off_the_site_before_sending_is_not_mailed(mailbox, subscribed, publish):
    subscribed(ADDRESS)
    meeting = publish("2018-05-29", items=list(ITEMS))
    meeting.unpublish()
    meeting.save()

    send_alerts()
    assert mailbox.messages == []
    assert Alert.objects.get().status == Alert.Status.DROPPED


def test_an_archive_import_of_old_meetings_mails_nobody(mailbox, subscribed, publish, settings):
    settings.ALERTS_MAX_MEETING_AGE_DAYS = 60
    subscribed(ADDRESS)
    publish("2018-05-29", items=list(ITEMS))
    publish(timezone.localdate() - datetime.timedelta(days=3), items=list(ITEMS))

    send_alerts()
    assert len(mailbox.to(ADDRESS)) == 1
    assert Alert.objects.count() == 1


def test_meetings_published_before_alerts_began_are_never_mailed(
    mailbox, make_meeting, publish, django_capture_on_commit_callbacks
):
    from alerts.models import Announcement

    old = make_meeting("2018-04-10", items=list(ITEMS))  # published, its commit not seen
    Announcement.objects.create(meeting=old, kind=old.kind)  # what migration 0002 does
    Subscription.objects.create(email=ADDRESS, new_minutes=True, is_confirmed=True)
    publish("2018-05-29", items=list(ITEMS))

    with django_capture_on_commit_callbacks(execute=True):
        old.remarks = "Rettet."
        old.save()
    send_alerts()
    assert [header(m, "Subject") for m in mailbox.messages] == [
        "Nyt referat: Almenboligudvalg Hvidovre 29. maj 2018"
    ]


def test_unconfirmed_addresses_are_deleted_when_their_link_has_expired(db):
    now = timezone.now()
    Subscription.objects.create(
        email="glemt@eksempel.dk", new_minutes=True, confirmation_sent_at=now
    )
    Subscription.objects.filter(email="glemt@eksempel.dk").update(
        confirmation_sent_at=now - datetime.timedelta(days=8)
    )
    Subscription.objects.create(email="ny@eksempel.dk", new_minutes=True, confirmation_sent_at=now)
    Subscription.objects.create(
        email="fast@eksempel.dk",
        new_minutes=True,
        is_confirmed=True,
        confirmation_sent_at=now - datetime.timedelta(days=300),
    )

    assert "Ubekræftede adresser slettet: 1." in send_alerts()
    assert sorted(Subscription.objects.values_list("email", flat=True)) == [
        "fast@eksempel.dk",
        "ny@eksempel.dk",
    ]
