"""
One setting says what silence means: django-cookie-consent's COOKIE_CONSENT_OPT_OUT, set from the
environment variable CONSENT_SILENCE_IS_ACCEPTANCE. The library's own cookie cleaning and the
site's decision follow it alike, under opt-out (the policy as written) and under opt-in.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from cookie_consent.middleware import CleanCookiesMiddleware
from cookie_consent.models import Cookie, CookieGroup
from django.http import HttpResponse
from django.test import RequestFactory

from consent.middleware import ConsentMiddleware
from tests.support.logins import verify_second_factor
from visits.models import PageView

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]

OPT_OUT, OPT_IN = True, False
MODES = pytest.mark.parametrize("opt_out", [OPT_OUT, OPT_IN], ids=["opt-out", "opt-in"])


def setting_in_a_fresh_process(**env):
    """COOKIE_CONSENT_OPT_OUT as settings.py reads it from this environment."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "CONSENT_"))}
    code = (
        "from django.conf import settings; "
        "print(settings.COOKIE_CONSENT_OPT_OUT, hasattr(settings, 'CONSENT_SILENCE_IS_ACCEPTANCE'))"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--verbosity=0", "-c", code],
        cwd=ROOT,
        env={**clean, "DJANGO_DEBUG": "1", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


@pytest.mark.parametrize(
    ("environment", "opt_out"),
    [
        ({}, "True"),
        ({"CONSENT_SILENCE_IS_ACCEPTANCE": "1"}, "True"),
        ({"CONSENT_SILENCE_IS_ACCEPTANCE": "0"}, "False"),
    ],
    ids=["unset", "1", "0"],
)
def test_the_environment_sets_the_librarys_one_flag(environment, opt_out):
    assert setting_in_a_fresh_process(**environment) == [opt_out, "False"]


def statistics_version():
    return CookieGroup.objects.get(varname="statistik").get_version()


def visitor(consent_value=None):
    """A request from a browser holding the statistics cookie and this consent cookie."""
    request = RequestFactory().get("/")
    request.COOKIES["besoeg"] = "A" * 22
    if consent_value is not None:
        request.COOKIES["cookie_consent"] = consent_value
    return request


def deletes_statistics_cookie(middleware_class, request):
    response = middleware_class(lambda request: HttpResponse("<p>side</p>"))(request)
    return "besoeg" in response.cookies and response.cookies["besoeg"]["max-age"] == 0


WELL_FORMED = {
    "silence": lambda: None,
    "refusal": lambda: "statistik=-1",
    "acceptance": lambda: f"statistik={statistics_version()}",
    "another group only": lambda: "andet=-1",
}


@MODES
@pytest.mark.parametrize("value", WELL_FORMED.values(), ids=WELL_FORMED.keys())
def test_the_site_cleans_cookies_as_the_librarys_middleware_does(settings, opt_out, value):
    settings.COOKIE_CONSENT_OPT_OUT = opt_out

    ours = deletes_statistics_cookie(ConsentMiddleware, visitor(value()))
    library = deletes_statistics_cookie(CleanCookiesMiddleware, visitor(value()))

    assert ours == library


@pytest.mark.parametrize(
    ("value", "opt_out", "deleted"),
    [
        ("statistik=silence", OPT_OUT, False),
        ("statistik=silence", OPT_IN, True),
        ("statistik=-1", OPT_OUT, True),
        ("statistik=-1", OPT_IN, True),
        ("statistik=acceptance", OPT_OUT, False),
        ("statistik=acceptance", OPT_IN, False),
    ],
)
def test_silence_keeps_the_statistics_cookie_only_under_opt_out(settings, value, opt_out, deleted):
    settings.COOKIE_CONSENT_OPT_OUT = opt_out
    value = {
        "statistik=silence": None,
        "statistik=acceptance": f"statistik={statistics_version()}",
    }.get(value, value)

    assert deletes_statistics_cookie(ConsentMiddleware, visitor(value)) is deleted


@pytest.mark.parametrize(
    "value",
    [
        "statistik=zzzz",
        "statistik=9999-12-31T23:59:59+00:00",
        "statistik=2000-01-01T00:00:00+00:00",
    ],
    ids=["garbage", "forged", "outdated"],
)
def test_a_bad_acceptance_is_silence_to_the_site_where_the_library_would_keep_the_cookie(
    settings, value
):
    settings.COOKIE_CONSENT_OPT_OUT = OPT_IN
    assert not deletes_statistics_cookie(CleanCookiesMiddleware, visitor(value))
    assert deletes_statistics_cookie(ConsentMiddleware, visitor(value))

    settings.COOKIE_CONSENT_OPT_OUT = OPT_OUT
    assert not deletes_statistics_cookie(ConsentMiddleware, visitor(value))


def test_every_declared_cookie_of_a_refused_group_is_deleted_not_only_ours(client):
    Cookie.objects.create(
        cookiegroup=CookieGroup.objects.get(varname="statistik"), name="maaling", path="/"
    )
    client.cookies["cookie_consent"] = "statistik=-1"
    client.cookies["besoeg"] = "A" * 22
    client.cookies["maaling"] = "1"

    response = client.get("/tilgaengelighed/")

    assert response.cookies["besoeg"]["max-age"] == 0
    assert response.cookies["maaling"]["max-age"] == 0


def test_necessary_cookies_are_never_deleted(client, settings, admin_user):
    settings.COOKIE_CONSENT_OPT_OUT = OPT_IN
    client.force_login(admin_user)
    verify_second_factor(client, admin_user)
    client.cookies["cookie_consent"] = "statistik=-1"

    response = client.get("/tilgaengelighed/")

    # Sent again to renew a staff session (SESSION_SAVE_EVERY_REQUEST), never deleted.
    assert response.cookies["sessionid"]["max-age"] != 0
    assert client.get("/admin/").status_code == 200


@MODES
def test_an_undecided_visitor_is_counted_only_under_opt_out_and_from_the_second_page(
    client, settings, opt_out
):
    settings.COOKIE_CONSENT_OPT_OUT = opt_out

    first = client.get("/tilgaengelighed/")
    second = client.get("/tilgaengelighed/")

    assert "besoeg" not in first.cookies
    assert ("besoeg" in second.cookies) is opt_out
    assert PageView.objects.filter(path="/tilgaengelighed/", views=1).exists() is opt_out
