from unittest import mock

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from pytest_django.asserts import assertInHTML

from consent.decision import Consent
from visits.models import PageView

from .pages import POLICY_TEXT, banner, banner_sentence, button, form_of, press, visible_text

pytestmark = pytest.mark.django_db


def test_new_visitor_sees_the_banner_with_the_policy_text_word_for_word(visitor):
    page = visitor.get("/")

    assert banner_sentence(page) == POLICY_TEXT


def test_banner_is_a_labelled_region_after_the_skip_link_and_before_the_header(visitor):
    page = visitor.get("/")

    region = banner(page)
    assert region["aria-label"] == "Cookies"
    assert region.get("role") is None  # a region of the page, not a dialog that traps focus
    assert region.find_previous("a", class_="skip-link") is not None
    assert region.find_next("header", class_="site-header") is not None


def test_policy_link_in_the_banner_goes_to_the_cookie_page(visitor):
    page = visitor.get("/tilgaengelighed/")

    assertInHTML('<a href="/cookies/">Se vores cookiepolitik.</a>', str(banner(page)))


@pytest.mark.parametrize(
    ("text", "action"),
    [("Accepter cookies", "/cookies/accepter/"), ("Nej tak til cookies", "/cookies/afvis/")],
)
def test_banner_buttons_are_real_buttons_in_csrf_protected_post_forms(visitor, text, action):
    page = visitor.get("/tilgaengelighed/?side=2")

    found = button(page, text)
    form = form_of(page, found)
    assert found.find_parent("section", class_="cookie-banner") is not None
    assert found["type"] == "submit"
    assert (form.method.upper(), form.action) == ("POST", action)
    assert form["csrfmiddlewaretoken"].value
    assert form["next"].value == "/tilgaengelighed/?side=2"


def test_the_two_answers_are_buttons_of_equal_weight_after_the_policy_sentence(visitor):
    region = banner(visitor.get("/"))

    buttons = region.find_all("button")
    assert [visible_text(b) for b in buttons] == ["Accepter cookies", "Nej tak til cookies"]
    # The same classes, so the same size and look; the stylesheet lays them out in two equal
    # columns (the browser tests measure them).
    assert buttons[0]["class"] == buttons[1]["class"]
    assert region.select_one("p.cookie-banner__text").find("button") is None


def test_banner_works_without_scripts(visitor):
    assert banner(visitor.get("/")).find("script") is None


@pytest.mark.parametrize("path", ["/", "/cookies/", "/tilgaengelighed/", "/findes-ikke/"])
def test_banner_is_shown_on_every_page_until_the_visitor_decides(visitor, path):
    page = visitor.get(path, expect_errors=True)

    assert banner(page) is not None


@pytest.mark.parametrize("text", ["Accepter cookies", "Nej tak til cookies"])
def test_answering_hides_the_banner_and_returns_to_the_page(visitor, text):
    response = press(visitor.get("/tilgaengelighed/?side=2"), text)

    assert response.status_code == 303
    assert response["Location"] == "/tilgaengelighed/?side=2"
    assert banner(response.follow()) is None
    assert banner(visitor.get("/")) is None


def request_of_a_new_visitor():
    request = RequestFactory().get("/")
    request.consent = Consent.from_request(request)
    assert request.consent.show_banner
    return request


def test_server_error_page_has_no_banner():
    request = request_of_a_new_visitor()

    # The same visitor sees the banner on the page for a missing page, not on the error page.
    assert "cookie-banner" in render_to_string("404.html", request=request)
    assert "cookie-banner" not in render_to_string("500.html", request=request)


def test_opt_in_banner_does_not_claim_that_silence_is_acceptance(visitor, opt_in):
    page = visitor.get("/")

    sentence = banner_sentence(page)
    assert "antager vi" not in sentence
    assert 'Vi sætter dem kun, hvis du trykker på "Accepter cookies".' in sentence
    assert '"nej tak til cookies"' in sentence
    buttons = [visible_text(b) for b in banner(page).find_all("button")]
    assert buttons == ["Accepter cookies", "Nej tak til cookies"]


def test_banner_text_reads_the_same_to_a_screen_reader_as_on_screen(visitor):
    # The sentence is the policy; nothing hidden or extra may change what is read aloud.
    region = banner(visitor.get("/"))

    assert visible_text(region) == POLICY_TEXT + " Accepter cookies Nej tak til cookies"
    assert region.select(".visually-hidden, [aria-hidden], [aria-label]") == []


def test_the_page_that_first_shows_the_banner_counts_nothing_and_sets_no_statistics_cookie(
    visitor,
):
    page = visitor.get("/cookies/")

    assert banner_sentence(page) == POLICY_TEXT
    assert "besoeg" not in visitor.cookies
    assert not PageView.objects.exists()
    # What it sets instead is the necessary note that the visitor has now been told.
    assert visitor.cookies["cookie_banner_vist"]


def test_a_page_without_the_banner_varies_by_cookie_too(accepted):
    # Shown to one visitor and not to another, the same page must never come from a shared cache.
    page = accepted.get("/tilgaengelighed/")

    assert banner(page) is None
    assert "Cookie" in page.headers["Vary"]


def test_a_page_reads_the_declared_cookie_groups_once(visitor, settings):
    """The decision, the banner, the told cookie and the cleaning of cookies all read the groups;
    with Redis every read of the library's cache is a round trip."""
    import cookie_consent.cache

    settings.PAGE_CACHE_SECONDS = 0
    visitor.set_cookie("andet", "x")  # a cookie sent, so the cleaning looks at every group
    library = cookie_consent.cache
    with mock.patch.object(library, "_get_cache", wraps=library._get_cache) as read:
        page = visitor.get("/")

    assert banner(page) is not None
    assert "cookie_banner_vist=" in " ".join(page.headers.getall("Set-Cookie"))
    assert read.call_count == 1
