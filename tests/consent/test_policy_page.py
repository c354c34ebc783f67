import pytest
from cookie_consent.models import Cookie, CookieGroup
from django.conf import settings
from django.urls import reverse

from consent.models import CookieLifetime
from visits.counting import VISITOR_COOKIE

from .pages import forms_in, press, visible_text

pytestmark = pytest.mark.django_db


def page_text(client):
    response = client.get("/cookies/")
    assert response.status_code == 200
    return visible_text(response.content.decode())


def test_cookie_urls_keep_their_names():
    assert reverse("consent:policy") == "/cookies/"
    assert reverse("consent:accept") == "/cookies/accepter/"
    assert reverse("consent:decline") == "/cookies/afvis/"


def test_cookie_page_states_the_policy_in_plain_danish(client):
    text = page_text(client)

    assert (
        "Vi bruger cookies til statistik som en del af vores arbejde for at lave en god "
        'hjemmeside. Hvis du ikke siger "nej tak til cookies", antager vi, at du accepterer '
        "vores cookie politik."
    ) in text
    assert "Vi bruger ingen tredjepartstjenester" in text


def test_the_data_migration_declares_necessary_and_statistics_cookies():
    necessary = CookieGroup.objects.get(varname="noedvendige")
    statistics = CookieGroup.objects.get(varname="statistik")

    assert necessary.is_required and not necessary.is_deletable
    assert not statistics.is_required and statistics.is_deletable
    assert {c.name for c in necessary.cookie_set.all()} == {
        "cookie_consent",
        "csrftoken",
        "sessionid",
        "messages",
    }
    assert [c.name for c in statistics.cookie_set.all()] == [VISITOR_COOKIE]
    assert CookieLifetime.objects.count() == Cookie.objects.count()


def test_every_cookie_the_site_sets_is_declared(client):
    set_by_site = set(client.get("/").cookies)
    set_by_site |= set(press(client, client.get("/"), "Accepter cookies").cookies)
    set_by_site |= {settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME, "messages"}

    declared = set(Cookie.objects.values_list("name", flat=True))
    assert set_by_site == declared


def test_the_declaration_lists_each_cookie_with_purpose_and_lifetime(client):
    html = client.get("/cookies/").content.decode()
    text = visible_text(html)

    assert "Cookiedeklaration" in text
    for cookie in Cookie.objects.select_related("lifetime", "cookiegroup"):
        assert f"<code>{cookie.name}</code>" in html
        assert cookie.description in text
        assert cookie.lifetime.text in text
        assert cookie.cookiegroup.name in text
    assert "Nødvendige cookies" in text
    assert "Statistik" in text


def test_the_declaration_follows_the_database(client):
    group = CookieGroup.objects.get(varname="statistik")
    cookie = Cookie.objects.create(
        cookiegroup=group, name="maaling", description="En ny måling af sidevisninger."
    )
    CookieLifetime.objects.create(cookie=cookie, text="3 måneder")

    text = page_text(client)

    assert "maaling En ny måling af sidevisninger. 3 måneder" in text


def test_cookie_page_shows_an_undecided_visitor_that_we_assume_acceptance(client):
    assert "Du har ikke taget stilling — vi antager accept." in page_text(client)


def test_cookie_page_shows_an_accepting_visitor_as_accepted(accepted):
    assert "Du har accepteret cookies til statistik." in page_text(accepted)


def test_cookie_page_shows_a_refusing_visitor_as_declined(declined):
    assert "Du har afvist cookies til statistik." in page_text(declined)


def test_cookie_page_under_opt_in_says_nothing_is_set_before_acceptance(client, opt_in):
    text = page_text(client)

    assert "Du har ikke taget stilling." in text
    assert "vi antager accept" not in text
    assert "før du accepterer" in text


def test_cookie_page_always_has_both_buttons(accepted):
    forms = forms_in(accepted.get("/cookies/").content.decode())

    buttons = {button: form["action"] for form in forms for button in form["buttons"]}
    assert buttons == {
        "Accepter cookies": "/cookies/accepter/",
        "nej tak til cookies": "/cookies/afvis/",
    }


def test_cookie_page_documents_what_the_consent_log_stores(client):
    text = page_text(client)

    assert "Hvad vi gemmer om dit valg" in text
    assert "Loggen indeholder ikke din IP-adresse" in text
    assert "om valget var accept eller afvisning" in text


def test_declaration_table_is_labelled_for_narrow_screens(client):
    html = client.get("/cookies/").content.decode()

    assert 'data-label="Formål"' in html
    assert 'data-label="Levetid"' in html
