"""
Counted visitors cannot be made up. The banner's cookie (`cookie_banner_vist`) says only that a
browser has been told, and anyone can send it; the statistics count a visitor under a visitor
cookie that the site itself issued and signed, and issue at most VISITS_NEW_VISITORS_PER_ADDRESS
new ones a day to one address (an IPv6 address's /64 network counting as one). Page counts are
kept for VISITS_PAGE_RETENTION_DAYS.
"""

import datetime
import io

import pytest
from django.core.management import call_command
from django.db.models import Sum
from django.test import Client
from django.utils import timezone

from visits.models import DailyVisitor, PageView

pytestmark = pytest.mark.django_db

# Documentation addresses (RFC 5737, RFC 3849): the test client sends nothing anywhere.
ADDRESS, OTHER_ADDRESS = "192.0.2.10", "198.51.100.20"
BOUND = 20
FORGED = 200


@pytest.fixture
def bound(settings):
    settings.VISITS_NEW_VISITORS_PER_ADDRESS = BOUND
    return BOUND


@pytest.fixture
def told(told_client):
    """The value of the banner's cookie, as a forger copies it from one real response."""
    return told_client.cookies["cookie_banner_vist"].value


def views():
    return PageView.objects.aggregate(total=Sum("views"))["total"] or 0


def get(path, *, address, **cookies):
    """One request of a client that keeps no cookies, sending only the ones given."""
    client = Client()
    for name, value in cookies.items():
        client.cookies[name] = value
    return client.get(path, REMOTE_ADDR=address)


def test_requests_with_only_the_banner_cookie_count_at_most_the_new_visitors_an_address_may_add(
    bound, told
):
    for _ in range(FORGED):
        assert get("/", address=ADDRESS, cookie_banner_vist=told).status_code == 200

    assert views() == bound
    assert DailyVisitor.objects.count() == bound

    # Another address is not held back by it.
    response = get("/", address=OTHER_ADDRESS, cookie_banner_vist=told)
    assert "besoeg" in response.cookies
    assert DailyVisitor.objects.count() == bound + 1


def test_past_the_bound_an_address_gets_no_visitor_cookie(bound, told):
    answers = [get("/", address=ADDRESS, cookie_banner_vist=told) for _ in range(bound + 5)]

    assert ["besoeg" in answer.cookies for answer in answers] == [True] * bound + [False] * 5


def test_visitor_cookies_the_site_did_not_issue_are_not_visitors(bound, told):
    for n in range(FORGED):
        made_up = f"{n:022d}"
        get("/", address=ADDRESS, cookie_banner_vist=told, besoeg=made_up)

    assert DailyVisitor.objects.count() == bound
    assert views() == bound


def test_the_addresses_of_one_ipv6_network_share_the_bound(bound, told):
    for n in range(FORGED):
        get("/", address=f"2001:db8:0:1::{n + 1:x}", cookie_banner_vist=told)
    get("/", address="2001:db8:0:2::1", cookie_banner_vist=told)

    assert DailyVisitor.objects.count() == bound + 1


def test_a_visitor_is_counted_under_the_signed_cookie_the_site_issued(told_client, bound, told):
    issued = told_client.get("/", REMOTE_ADDR=ADDRESS).cookies["besoeg"].value
    for _ in range(FORGED):
        get("/", address=ADDRESS, cookie_banner_vist=told)

    # The visitor who came first goes on being counted, as one visitor, after the bound.
    for _ in range(3):
        told_client.get("/tilgaengelighed/", REMOTE_ADDR=ADDRESS)
    # The same id with the signature changed is not the site's.
    visitor_id, _, signature = issued.rpartition(":")
    tampered = f"{visitor_id}:{signature[::-1]}"
    answer = get("/", address=OTHER_ADDRESS, cookie_banner_vist=told, besoeg=tampered)

    assert PageView.objects.get(path="/tilgaengelighed/").views == 3
    # The visitor is one of the address's new visitors of the day; the tampered cookie is a new
    # visitor at the other address, and is replaced by one the site issues.
    assert DailyVisitor.objects.count() == bound + 1
    assert answer.cookies["besoeg"].value not in (tampered, issued)


def days_ago(n):
    return timezone.localdate() - datetime.timedelta(days=n)


def test_page_counts_are_kept_for_their_retention_period_too(settings):
    settings.VISITS_PAGE_RETENTION_DAYS = 400
    for age in (0, 399, 400, 401, 800):
        PageView.objects.record(days_ago(age), "/referater/")
    out = io.StringIO()

    call_command("prune_visits", stdout=out)

    kept = sorted(PageView.objects.values_list("day", flat=True))
    assert kept == [days_ago(400), days_ago(399), days_ago(0)]
    assert "2 sidevisningstal" in out.getvalue()
