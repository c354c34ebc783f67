"""
The subscribe form cannot be used to mail strangers in bulk. The confirmation mail is queued and
sent by `send_alerts` (every minute), never inside the visitor's request; one client address
(an IPv6 /64) may ask for ALERTS_SUBSCRIPTIONS_PER_ADDRESS confirmations an hour; and there are
at most ALERTS_MAX_UNCONFIRMED addresses waiting to be confirmed at any time. Through a real
SMTP server (aiosmtpd).
"""

import io
import time

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from alerts.models import Subscription
from tests.support.mail import Mailbox

from .conftest import link_after

pytestmark = pytest.mark.django_db

# Documentation addresses (RFC 5737): the test client sends nothing anywhere.
ADDRESS, OTHER_ADDRESS = "192.0.2.10", "198.51.100.20"
ATTEMPTS = 200


def send_alerts():
    out = io.StringIO()
    call_command("send_alerts", stdout=out)
    return out.getvalue()


def subscribe(client, email, address=ADDRESS):
    client.get("/abonnement/", REMOTE_ADDR=address)
    return client.post(
        "/abonnement/",
        {"email": email, "new_minutes": "on", "search_terms": ""},
        REMOTE_ADDR=address,
    )


def test_one_client_gets_at_most_a_few_confirmation_mails_sent_an_hour(mailbox, settings):
    client = Client()
    answers = [subscribe(client, f"fremmed{n}@eksempel.dk").status_code for n in range(ATTEMPTS)]
    send_alerts()

    limit = settings.ALERTS_SUBSCRIPTIONS_PER_ADDRESS
    assert limit <= 10
    assert answers[:limit] == [302] * limit
    assert set(answers[limit:]) == {429}
    assert len(mailbox.messages) == limit
    assert Subscription.objects.count() == limit

    # Another client is not held back by it.
    assert subscribe(Client(), "nabo@eksempel.dk", address=OTHER_ADDRESS).status_code == 302
    send_alerts()
    assert len(mailbox.to("nabo@eksempel.dk")) == 1


def test_the_refusal_past_the_limit_is_danish_and_stores_nothing(mailbox, settings):
    settings.ALERTS_SUBSCRIPTIONS_PER_ADDRESS = 1
    client = Client()
    subscribe(client, "en@eksempel.dk")

    refused = subscribe(client, "to@eksempel.dk")

    assert refused.status_code == 429
    assert "for mange tilmeldinger fra din internetforbindelse" in refused.content.decode()
    assert not Subscription.objects.filter(email="to@eksempel.dk").exists()


def test_the_visitor_is_answered_at_once_and_the_mail_is_sent_from_the_queue(smtp_settings):
    # No mail server at all while the visitor subscribes: nothing is sent in the request.
    started = time.monotonic()
    answer = subscribe(Client(), "beboer@eksempel.dk")
    took = time.monotonic() - started

    assert answer.status_code == 302
    assert answer["Location"] == "/abonnement/tjek-din-mail/"
    assert took < 1


def test_a_queued_confirmation_waits_for_the_mail_server_and_is_sent_once(smtp_settings):
    from aiosmtpd.controller import Controller

    subscribe(Client(), "beboer@eksempel.dk")
    with pytest.raises(CommandError, match="Mailserveren svarede ikke"):
        send_alerts()  # nothing listens yet

    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=smtp_settings.EMAIL_PORT)
    controller.start()
    try:
        from alerts.models import Confirmation

        Confirmation.objects.update(next_attempt_at=Confirmation.objects.get().created_at)
        send_alerts()
        send_alerts()
    finally:
        controller.stop()

    [mail] = mailbox.to("beboer@eksempel.dk")
    assert "/abonnement/bekraeft/" in link_after(mail, "Bekræft ved at åbne linket")


def test_at_most_so_many_addresses_wait_to_be_confirmed(mailbox, settings):
    settings.ALERTS_MAX_UNCONFIRMED = 3
    for n in range(3):
        subscribe(Client(), f"venter{n}@eksempel.dk", address=f"192.0.2.{20 + n}")

    refused = subscribe(Client(), "en-til@eksempel.dk", address=OTHER_ADDRESS)
    send_alerts()

    assert refused.status_code == 503
    assert "kan ikke tage imod flere tilmeldinger lige nu" in refused.content.decode()
    assert Subscription.objects.filter(is_confirmed=False).count() == 3
    assert len(mailbox.messages) == 3
