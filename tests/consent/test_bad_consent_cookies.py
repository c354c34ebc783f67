from datetime import datetime, timedelta, timezone

import pytest
from cookie_consent.models import Cookie, CookieGroup
from django.test import RequestFactory

from consent.decision import Consent
from visits.models import PageView

from .pages import banner, press

pytestmark = pytest.mark.django_db


def statistics_version():
    return CookieGroup.objects.get(varname="statistik").get_version()


def consent_for(value):
    request = RequestFactory().get("/")
    request.COOKIES["cookie_consent"] = value
    return Consent.from_request(request)


BAD_VALUES = [
    "garbage",
    "statistik",
    "statistik=",
    "statistik=yes",
    "statistik=zzzz",
    "statistik=1",
    "statistik=2030-01-01",
    "statistik=2024-13-45T99:99:99+00:00",
    "statistik=9999-12-31T23:59:59+00:00",
    "statistik=2000-01-01T00:00:00+00:00",
    "statistik=-1=-1",
    "statistik=æøå",
    "=|=|||",
    "andet=-1",
    "statistik=" + "9" * 4000,
]


@pytest.mark.parametrize("value", BAD_VALUES)
def test_a_malformed_forged_or_outdated_consent_cookie_counts_as_no_decision(value):
    assert consent_for(value).state == "undecided"


@pytest.mark.parametrize("value", BAD_VALUES)
def test_a_bad_consent_cookie_shows_the_banner_and_never_a_server_error(visitor, value):
    visitor.set_cookie("cookie_consent", value)

    page = visitor.get("/")

    assert page.status_code == 200
    assert banner(page) is not None


@pytest.mark.parametrize("value", BAD_VALUES)
def test_a_forged_acceptance_does_not_enable_statistics_under_opt_in(visitor, opt_in, value):
    visitor.set_cookie("cookie_consent", value)

    visitor.get("/")

    assert "besoeg" not in visitor.cookies
    assert not PageView.objects.exists()


def test_the_current_version_of_the_statistics_group_counts_as_acceptance():
    assert consent_for(f"statistik={statistics_version()}").state == "accepted"


def test_a_refusal_is_read_as_declined():
    consent = consent_for("statistik=-1")

    assert consent.state == "declined"
    assert not consent.statistics_allowed


def test_acceptance_of_an_older_declaration_counts_as_no_decision(visitor):
    press(visitor.get("/"), "Accepter cookies")
    assert banner(visitor.get("/")) is None

    # A new statistics cookie changes the declaration: the visitor has to be asked again.
    Cookie.objects.create(
        cookiegroup=CookieGroup.objects.get(varname="statistik"),
        name="ny_statistik",
    )

    assert banner(visitor.get("/")) is not None


def test_a_missing_statistics_group_means_no_banner_and_no_statistics(visitor):
    CookieGroup.objects.filter(varname="statistik").delete()

    page = visitor.get("/")

    assert banner(page) is None
    assert "besoeg" not in visitor.cookies
    assert not PageView.objects.exists()


def test_reading_the_decision_costs_no_query_once_the_cookie_groups_are_cached(
    client, django_assert_num_queries
):
    client.get("/")
    request = RequestFactory().get("/")
    request.COOKIES["cookie_consent"] = f"statistik={statistics_version()}"

    with django_assert_num_queries(0):
        consent = Consent.from_request(request)

    assert consent.state == "accepted"


def test_an_acceptance_older_than_the_declaration_is_outdated_in_any_time_zone():
    current = datetime.fromisoformat(statistics_version())
    # An hour before the declaration, written in a zone east of UTC: it sorts after the version
    # as text, which is all the library compares.
    earlier = (current - timedelta(hours=1)).astimezone(timezone(timedelta(hours=5)))
    assert earlier.isoformat() > statistics_version()

    assert consent_for(f"statistik={earlier.isoformat()}").state == "undecided"
