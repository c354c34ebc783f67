"""Logging in to the admin: lockout after repeated failures (per user name at one address, a few
minutes, in Danish, every failure logged), the second factor for superusers (and for clerks when
configured), and staff sessions that end after a working day without use."""

import datetime
import io
import logging
import re

import pytest
from axes.models import AccessAttempt
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.support.logins import otp_code

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/?next=/admin/"
# Documentation addresses (RFC 5737): the test client sends nothing anywhere.
ADDRESS, OTHER_ADDRESS = "192.0.2.10", "192.0.2.20"


def log_in(client, username, password, *, address=ADDRESS, **extra):
    return client.post(
        LOGIN,
        {"username": username, "password": password, **extra},
        REMOTE_ADDR=address,
    )


def logged_in(response):
    return response.status_code == 302 and response["Location"] == "/admin/"


def test_thirty_wrong_passwords_lock_a_clerk_out_even_with_the_right_one(clerk, clerk_password):
    client = Client()
    answers = [log_in(client, "referent", f"gæt-{n}").status_code for n in range(30)]

    right = log_in(client, "referent", clerk_password)

    assert answers[:4] == [200] * 4, "the first failures get the login form again"
    assert set(answers[5:]) == {429}
    assert right.status_code == 429
    page = right.content.decode()
    assert "for mange forkerte forsøg på at logge ind" in page
    assert "kan der ikke logges ind i 10 minutter" in page


def test_failures_from_other_addresses_never_lock_a_clerk_out_of_their_own(clerk, clerk_password):
    # Anyone may type a clerk's user name: from many addresses, and many times from one.
    for n in range(10):
        log_in(Client(), "referent", "forkert", address=f"192.0.2.{100 + n}")
    for _ in range(10):
        log_in(Client(), "referent", "forkert", address=OTHER_ADDRESS)

    assert log_in(Client(), "referent", clerk_password, address=OTHER_ADDRESS).status_code == 429
    assert logged_in(log_in(Client(), "referent", clerk_password, address=ADDRESS))


def test_a_colleagues_failures_at_the_same_address_never_lock_a_clerk_out(clerk, clerk_password):
    # Clerks at the town hall share one address; a colleague who forgets their own password
    # locks out only that user name, there.
    for _ in range(5):
        log_in(Client(), "kollega", "forkert", address=ADDRESS)

    assert log_in(Client(), "kollega", "forkert", address=ADDRESS).status_code == 429
    assert logged_in(log_in(Client(), "referent", clerk_password, address=ADDRESS))


def test_the_lockout_ends_by_itself_after_a_few_minutes(clerk, clerk_password):
    for _ in range(5):
        log_in(Client(), "referent", "forkert")
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=11))

    assert logged_in(log_in(Client(), "referent", clerk_password))


def test_fewer_failures_than_the_limit_do_not_stand_in_the_way(clerk, clerk_password):
    for _ in range(4):
        log_in(Client(), "referent", "forkert")

    assert logged_in(log_in(Client(), "referent", clerk_password))


def test_every_failed_login_is_logged_with_user_name_and_address(clerk, caplog):
    with caplog.at_level(logging.WARNING, logger="axes"):
        for _ in range(3):
            log_in(Client(), "referent", "forkert")

    failures = [r.getMessage() for r in caplog.records if "login failure" in r.getMessage()]
    assert len(failures) == 3
    assert all("referent" in line and ADDRESS in line for line in failures)


def test_the_address_behind_the_proxy_is_counted_but_never_one_a_client_claims(clerk):
    # Through nginx: REMOTE_ADDR is the proxy, X-Real-IP the visitor.
    Client().post(
        LOGIN,
        {"username": "referent", "password": "forkert"},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_REAL_IP="198.51.100.7",
    )
    # Straight to gunicorn: a client's own X-Real-IP is ignored.
    Client().post(
        LOGIN,
        {"username": "referent", "password": "forkert"},
        REMOTE_ADDR=ADDRESS,
        HTTP_X_REAL_IP="198.51.100.8",
    )

    assert sorted(AccessAttempt.objects.values_list("ip_address", flat=True)) == [
        ADDRESS,
        "198.51.100.7",
    ]


# The second factor -----------------------------------------------------------------------------


REFUSED = "Brugernavn, adgangskode eller engangskode er forkert."
CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')


def answer(response):
    """The login page as the visitor got it, but for the form's own CSRF token."""
    return response.status_code, CSRF_TOKEN.sub("", response.content.decode())


def test_a_superuser_needs_the_code_from_the_authenticator_app(admin_user):
    without = log_in(Client(), admin_user.username, "password")
    right_client = Client()
    right = log_in(right_client, admin_user.username, "password", otp_token=otp_code(admin_user))
    # After a wrong code django-otp makes the device wait a moment: the right one goes first.
    wrong = log_in(Client(), admin_user.username, "password", otp_token="000000")

    assert REFUSED in without.content.decode()
    assert REFUSED in wrong.content.decode()
    assert logged_in(right)
    assert right_client.get("/admin/").status_code == 200


def test_a_superusers_right_password_without_the_right_code_is_answered_as_a_wrong_one(
    admin_user,
):
    # Else the form would tell a guesser when the password is right, and never count it.
    wrong_password = log_in(Client(), admin_user.username, "forkert")
    without_code = log_in(Client(), admin_user.username, "password")
    wrong_password_with_a_code = log_in(
        Client(), admin_user.username, "forkert", otp_token="000000"
    )
    wrong_code = log_in(Client(), admin_user.username, "password", otp_token="000000")

    assert answer(without_code) == answer(wrong_password)
    assert answer(wrong_code) == answer(wrong_password_with_a_code)
    assert REFUSED in without_code.content.decode()
    assert AccessAttempt.objects.get().failures_since_start == 4


def test_a_wrong_code_counts_as_a_failed_login(admin_user):
    log_in(Client(), admin_user.username, "password", otp_token="000000")

    assert AccessAttempt.objects.get().failures_since_start == 1


def test_a_superuser_session_without_the_second_factor_never_reaches_the_admin(admin_user):
    client = Client()
    client.force_login(admin_user)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_a_superuser_without_an_authenticator_is_refused_as_any_wrong_login_and_the_log_says_why(
    django_user_model, caplog
):
    django_user_model.objects.create_superuser("chef", "chef@example.invalid", "password")
    wrong_password = log_in(Client(), "chef", "forkert", otp_token="123456")

    with caplog.at_level(logging.WARNING, logger="almenbolig.logins"):
        response = log_in(Client(), "chef", "password", otp_token="123456")

    assert answer(response) == answer(wrong_password)
    assert AccessAttempt.objects.get().failures_since_start == 2
    assert any("python manage.py add_totp chef" in record.getMessage() for record in caplog.records)


def test_clerks_log_in_with_their_password_alone_by_default(clerk, clerk_password):
    client = Client()

    assert logged_in(log_in(client, "referent", clerk_password))
    assert client.get("/admin/").status_code == 200


def test_clerks_need_the_code_too_when_the_setting_says_so(settings, clerk, clerk_password):
    settings.ADMIN_OTP_FOR_CLERKS = True
    call_command("add_totp", "referent", stdout=io.StringIO())

    without = log_in(Client(), "referent", clerk_password)
    right = log_in(Client(), "referent", clerk_password, otp_token=otp_code(clerk))

    assert REFUSED in without.content.decode()
    assert logged_in(right)


def test_create_clerk_gives_the_clerk_an_authenticator_when_clerks_need_one(settings, committee):
    settings.ADMIN_OTP_FOR_CLERKS = True
    out = io.StringIO()

    call_command(
        "create_clerk",
        "karin",
        password_from_stdin=True,
        stdin=io.StringIO("Referat-kodeord-2018\n"),
        stdout=out,
    )

    assert TOTPDevice.objects.filter(user__username="karin", confirmed=True).count() == 1
    assert "Scan koden med godkenderappen" in out.getvalue()


def test_add_totp_shows_the_key_and_will_not_replace_a_device_unasked(admin_user):
    out = io.StringIO()

    with pytest.raises(CommandError, match="har allerede en godkenderapp"):
        call_command("add_totp", admin_user.username, stdout=out)
    call_command("add_totp", admin_user.username, "--replace", stdout=out)

    assert TOTPDevice.objects.filter(user=admin_user).count() == 1
    assert "Eller skriv nøglen i appen: " in out.getvalue()


# Sessions --------------------------------------------------------------------------------------


def test_a_staff_session_lasts_a_working_day_from_the_last_request(clerk):
    client = Client()
    client.force_login(clerk)

    response = client.get("/admin/")

    assert response.cookies["sessionid"]["max-age"] == 8 * 60 * 60


def test_a_staff_session_idle_for_a_working_day_has_ended(clerk):
    client = Client()
    client.force_login(clerk)
    Session.objects.update(expire_date=timezone.now() - datetime.timedelta(seconds=1))

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
