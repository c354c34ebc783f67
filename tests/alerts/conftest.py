"""A real SMTP server (aiosmtpd) for the alert tests, on a free loopback port, and Django's real
SMTP backend pointed at it: mails are sent and received as in production, and the tests read
the links out of what arrived."""

import io
import re

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command

from tests.support.mail import Mailbox
from tests.support.servers import free_port

LINK = re.compile(r"https?://\S+")


def header(message, name):
    """A header's value as a mail client shows it: decoded, unfolded."""
    return " ".join(str(message[name] or "").split())


def body(message):
    return message.get_body(preferencelist=("plain",)).get_content()


def link_after(message, words):
    """The first link in the mail's text after the line that says `words`."""
    text = body(message)
    found = LINK.search(text, text.index(words))
    assert found, f"no link after {words!r}"
    return found.group()


def path_of(url):
    return "/" + url.split("/", 3)[3]


def send_queue():
    """What the timer does every minute: send the queued confirmation mails and alerts."""
    out = io.StringIO()
    call_command("send_alerts", stdout=out)
    return out.getvalue()


@pytest.fixture
def smtp_settings(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = free_port()
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
    settings.SITE_URL = "https://almenbolig.hvidovre.dk"
    # The test meetings are from 2018, like the archive's: every one is news here.
    settings.ALERTS_MAX_MEETING_AGE_DAYS = 0
    return settings


@pytest.fixture
def mailbox(smtp_settings):
    """The SMTP server, started on the port the settings name."""
    handler = Mailbox()
    controller = Controller(handler, hostname="127.0.0.1", port=smtp_settings.EMAIL_PORT)
    controller.start()
    yield handler
    controller.stop()


@pytest.fixture
def publish(make_meeting, django_capture_on_commit_callbacks):
    """Publish a meeting as a clerk does; its alerts are queued when the change commits."""

    def publish_meeting(date, **fields):
        with django_capture_on_commit_callbacks(execute=True):
            return make_meeting(date, **fields)

    return publish_meeting


@pytest.fixture
def subscribed(mailbox, visitor, django_capture_on_commit_callbacks):
    """Subscribe an address through the form and confirm it from the mail; the mailbox is
    emptied afterwards."""

    def subscribe(address, *, minutes=True, agendas=False, search=""):
        form = visitor.get("/abonnement/").forms["tilmelding"]
        form["email"] = address
        form["new_minutes"] = minutes
        form["new_agendas"] = agendas
        form["search_terms"] = search
        form.submit().follow()
        send_queue()
        confirmation = mailbox.to(address)[-1]
        page = visitor.get(path_of(link_after(confirmation, "Bekræft ved at åbne linket")))
        page.forms["bekraeft"].submit()
        mailbox.clear()

    return subscribe
