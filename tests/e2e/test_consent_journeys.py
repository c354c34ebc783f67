"""
Visitors answer the cookie banner, or don't, with and without JavaScript; what the browser keeps
and what the statistics count follow the policy: silence is acceptance once the banner has said
so (the page that first shows it counts nothing), "nej tak" stops it all.
"""

import re

import pytest
from cookie_consent.models import ACTION_ACCEPTED, ACTION_DECLINED, LogItem
from playwright.sync_api import expect

from visits.models import DailyVisitor, PageView

from .support import (
    CONSENT_COOKIE,
    STATISTICS_COOKIE,
    TOLD_COOKIE,
    accept_cookies,
    cookie_banner,
    cookie_names,
    decline_cookies,
)

with_and_without_javascript = pytest.mark.parametrize(
    "javascript", [True, False], ids=["javascript", "no-javascript"]
)


def page_views():
    """{path: views} as the statistics in the database have them."""
    return {row.path: row.views for row in PageView.objects.all()}


def consent_log():
    return list(LogItem.objects.values_list("action", "cookiegroup__varname").order_by("id"))


@with_and_without_javascript
def test_visitor_says_no_thanks_and_stays_on_the_page_without_statistics(new_page, javascript):
    page = new_page("phone", javascript=javascript)
    page.goto("/tilgaengelighed/")
    expect(cookie_banner(page)).to_contain_text('Hvis du ikke siger "nej tak til cookies"')
    # The page that tells the visitor counts nothing and sets no statistics cookie.
    assert STATISTICS_COOKIE not in cookie_names(page)
    assert TOLD_COOKIE in cookie_names(page)

    decline_cookies(page)

    expect(page.get_by_role("heading", level=1)).to_have_text("Tilgængelighedserklæring")
    assert STATISTICS_COOKIE not in cookie_names(page)
    assert CONSENT_COOKIE in cookie_names(page)
    assert consent_log() == [(ACTION_DECLINED, "statistik")]

    page.get_by_role("navigation", name="Hovedmenu").get_by_role("link", name="Udvalget").click()

    expect(page).to_have_url(re.compile(r"^http://[^/]+/$"))
    expect(cookie_banner(page)).to_have_count(0)
    assert STATISTICS_COOKIE not in cookie_names(page)
    assert page_views() == {}


@with_and_without_javascript
def test_visitor_accepts_cookies_and_is_counted(new_page, javascript):
    page = new_page("phone", javascript=javascript)
    page.goto("/")
    expect(cookie_banner(page)).to_be_visible()

    accept_cookies(page)

    assert {STATISTICS_COOKIE, CONSENT_COOKIE} <= cookie_names(page)
    assert consent_log() == [(ACTION_ACCEPTED, "statistik")]
    # Not the page that told the visitor; the same page after the answer.
    assert page_views() == {"/": 1}
    assert DailyVisitor.objects.count() == 1

    page.get_by_role("link", name="Læs referater fra møder").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Referater fra møder")
    expect(cookie_banner(page)).to_have_count(0)
    assert page_views() == {"/": 1, "/referater/": 1}


@with_and_without_javascript
def test_visitor_who_ignores_the_banner_is_counted_from_the_second_page(new_page, javascript):
    page = new_page("phone", javascript=javascript)
    page.goto("/")

    page.get_by_role("link", name="Læs referater fra møder").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Referater fra møder")
    page.get_by_role("contentinfo").get_by_role("link", name="Tilgængelighedserklæring").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tilgængelighedserklæring")

    # Still asked on every page, and counted from the second page on; nothing is written to
    # the consent log.
    expect(cookie_banner(page)).to_be_visible()
    assert STATISTICS_COOKIE in cookie_names(page)
    assert CONSENT_COOKIE not in cookie_names(page)
    assert page_views() == {"/referater/": 1, "/tilgaengelighed/": 1}
    assert DailyVisitor.objects.count() == 1
    assert consent_log() == []


@with_and_without_javascript
def test_visitor_changes_their_choice_on_the_cookie_page(new_page, javascript):
    page = new_page("desktop", javascript=javascript)
    page.goto("/")
    page.get_by_role("contentinfo").get_by_role("link", name="Cookies og statistik").click()
    choice = page.get_by_role("region", name="Dit valg")
    expect(choice).to_contain_text("Du har ikke taget stilling — vi antager accept.")

    with page.expect_navigation():
        choice.get_by_role("button", name="Nej tak til cookies").click()

    expect(page).to_have_url(re.compile(r"/cookies/$"))
    expect(choice).to_contain_text("Du har afvist cookies til statistik.")
    expect(cookie_banner(page)).to_have_count(0)
    assert STATISTICS_COOKIE not in cookie_names(page)
    counted_before = page_views()
    assert counted_before == {"/cookies/": 1}

    with page.expect_navigation():
        choice.get_by_role("button", name="Accepter cookies").click()

    expect(page).to_have_url(re.compile(r"/cookies/$"))
    expect(choice).to_contain_text("Du har accepteret cookies til statistik.")
    assert STATISTICS_COOKIE in cookie_names(page)
    assert page_views() == {"/cookies/": 2}
    assert consent_log() == [(ACTION_DECLINED, "statistik"), (ACTION_ACCEPTED, "statistik")]


def confirmation(page):
    return page.get_by_role("region", name="Dit cookievalg")


@pytest.mark.parametrize(
    ("answer", "said"),
    [
        (accept_cookies, "Du har accepteret cookies til statistik."),
        (decline_cookies, "Du har sagt nej tak til cookies til statistik."),
    ],
    ids=["accept", "decline"],
)
@with_and_without_javascript
def test_the_choice_is_confirmed_once_with_a_way_to_change_it_and_can_be_hidden(
    new_page, javascript, answer, said
):
    page = new_page("phone", javascript=javascript)
    page.goto("/tilgaengelighed/")

    answer(page)

    bar = confirmation(page)
    expect(bar).to_be_visible()
    expect(bar).to_contain_text(said)
    expect(bar.get_by_role("link", name="Skift dit valg")).to_have_attribute(
        "href", "/cookies/#dit-valg"
    )
    hide = bar.get_by_role("button" if javascript else "link", name="Skjul")
    if javascript:
        hide.click()  # hides in place: no new page
    else:
        with page.expect_navigation():
            hide.click()
    expect(bar).to_have_count(0)
    expect(page).to_have_url(re.compile(r"/tilgaengelighed/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Tilgængelighedserklæring")

    page.get_by_role("navigation", name="Hovedmenu").get_by_role("link", name="Referater").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Referater fra møder")
    expect(confirmation(page)).to_have_count(0)
