import pytest
from django.template.loader import render_to_string

from visits.models import PageView

from .pages import POLICY_TEXT, banner, banner_sentence, forms_in, press, visible_text

pytestmark = pytest.mark.django_db


def test_new_visitor_sees_the_banner_with_the_policy_text_word_for_word(client):
    response = client.get("/")

    assert response.status_code == 200
    assert banner_sentence(response) == POLICY_TEXT


def test_banner_is_a_labelled_region_after_the_skip_link_and_before_the_header(client):
    html = client.get("/").content.decode()

    assert '<section class="cookie-banner" aria-label="Cookies">' in html
    assert 'role="dialog"' not in banner(client.get("/"))
    assert html.index('class="skip-link"') < html.index('class="cookie-banner"')
    assert html.index('class="cookie-banner"') < html.index('<header class="site-header">')


def test_policy_link_in_the_banner_goes_to_the_cookie_page(client):
    html = banner(client.get("/tilgaengelighed/"))

    assert '"<a href="/cookies/">Se vores cookiepolitik.</a>"' in html


def test_banner_buttons_are_real_buttons_in_csrf_protected_post_forms(client):
    response = client.get("/tilgaengelighed/?side=2")
    forms = {form["action"]: form for form in forms_in(banner(response))}

    accept, decline = forms["/cookies/accepter/"], forms["/cookies/afvis/"]
    assert accept["buttons"] == ["Accepter cookies"]
    assert decline["buttons"] == ["nej tak til cookies"]
    for form in (accept, decline):
        assert form["method"] == "post"
        assert form["fields"]["csrfmiddlewaretoken"]
        assert form["fields"]["next"] == "/tilgaengelighed/?side=2"
    assert '<button class="cookie-banner__decline" type="submit"' in banner(response)
    assert "<script" not in banner(response)


def test_banner_is_shown_on_every_page_until_the_visitor_decides(client):
    for path in ("/", "/cookies/", "/tilgaengelighed/", "/findes-ikke/"):
        assert banner(client.get(path)) is not None, path


def test_accepting_hides_the_banner_and_returns_to_the_page(client):
    response = press(client, client.get("/tilgaengelighed/"), "Accepter cookies")

    assert response.status_code == 303
    assert response["Location"] == "/tilgaengelighed/"
    assert banner(client.get("/tilgaengelighed/")) is None


def test_refusing_hides_the_banner_and_returns_to_the_page(client):
    response = press(client, client.get("/tilgaengelighed/"), "nej tak til cookies")

    assert response.status_code == 303
    assert response["Location"] == "/tilgaengelighed/"
    assert banner(client.get("/")) is None


def test_server_error_page_has_no_banner():
    html = render_to_string("500.html")

    assert "cookie-banner" not in html


def test_opt_in_banner_does_not_claim_that_silence_is_acceptance(client, opt_in):
    response = client.get("/")

    sentence = banner_sentence(response)
    assert "antager vi" not in sentence
    assert 'Vi sætter dem kun, hvis du trykker på "Accepter cookies".' in sentence
    assert '"nej tak til cookies"' in sentence
    assert {button for form in forms_in(banner(response)) for button in form["buttons"]} == {
        "Accepter cookies",
        "nej tak til cookies",
    }


def test_banner_text_reads_the_same_to_a_screen_reader_as_on_screen(client):
    # The sentence is the policy; nothing hidden or extra may change what is read aloud.
    text = visible_text(banner(client.get("/")))

    assert text.startswith(POLICY_TEXT)
    assert text.endswith("Accepter cookies")
    assert "visually-hidden" not in banner(client.get("/"))


def test_a_new_visitor_sees_the_banner_gets_the_statistics_cookie_and_is_counted(client):
    response = client.get("/cookies/")

    assert banner_sentence(response) == POLICY_TEXT
    assert response.cookies["besoeg"].value
    assert PageView.objects.get(path="/cookies/").views == 1
