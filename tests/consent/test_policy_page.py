import pytest
from cookie_consent.models import Cookie, CookieGroup
from django.conf import settings
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from consent.models import CookieLifetime
from tests.support.logins import otp_code
from visits.counting import VISITOR_COOKIE

from .pages import button, cookies_set_by, form_of, press, visible_text

pytestmark = pytest.mark.django_db


def page_text(visitor):
    return visible_text(visitor.get("/cookies/").html.find("main"))


def test_cookie_urls_keep_their_names():
    assert reverse("consent:policy") == "/cookies/"
    assert reverse("consent:accept") == "/cookies/accepter/"
    assert reverse("consent:decline") == "/cookies/afvis/"


def test_cookie_page_states_the_policy_in_plain_danish(visitor):
    page = visitor.get("/cookies/")

    assertContains(
        page,
        '<p class="lead">Vi bruger cookies til statistik som en del af vores arbejde for at lave '
        'en god hjemmeside. Hvis du ikke siger "nej tak til cookies", antager vi, at du '
        "accepterer vores cookie politik.</p>",
        html=True,
    )
    assert "Vi bruger ingen tredjepartstjenester" in page_text(visitor)


def test_the_data_migration_declares_necessary_and_statistics_cookies():
    necessary = CookieGroup.objects.get(varname="noedvendige")
    statistics = CookieGroup.objects.get(varname="statistik")

    assert necessary.is_required and not necessary.is_deletable
    assert not statistics.is_required and statistics.is_deletable
    assert {c.name for c in necessary.cookie_set.all()} == {
        "cookie_consent",
        "cookie_banner_vist",
        "csrftoken",
        "sessionid",
        "messages",
    }
    assert [c.name for c in statistics.cookie_set.all()] == [VISITOR_COOKIE]
    assert CookieLifetime.objects.count() == Cookie.objects.count()


def test_every_cookie_the_site_sets_is_declared(visitor, admin_user):
    set_by_site = set()

    def note(response):
        set_by_site.update(cookies_set_by(response))
        return response

    # Told on the first page, counted on the second, then the choice and its confirmation.
    note(visitor.get("/"))
    page = note(visitor.get("/tilgaengelighed/"))
    note(note(press(page, "Accepter cookies")).follow())
    login = note(visitor.get("/admin/login/")).forms["login-form"]
    login["username"], login["password"] = admin_user.username, "password"
    login["otp_token"] = otp_code(admin_user)
    assert note(login.submit()).status_code == 302
    assert settings.SESSION_COOKIE_NAME in visitor.cookies

    declared = set(Cookie.objects.values_list("name", flat=True))
    assert set_by_site == declared


def declaration_rows(visitor):
    """{cookie name: (purpose, lifetime)} as the declaration's tables show them."""
    tables = visitor.get("/cookies/").html.select("table.cookie-table")
    return {
        visible_text(row.th.code): tuple(visible_text(cell) for cell in row.find_all("td"))
        for table in tables
        for row in table.tbody.find_all("tr")
    }


def test_the_declaration_lists_each_cookie_with_purpose_and_lifetime(visitor):
    rows = declaration_rows(visitor)

    assert rows == {
        cookie.name: (cookie.description, cookie.lifetime.text)
        for cookie in Cookie.objects.select_related("lifetime")
    }
    for group in CookieGroup.objects.all():
        assertContains(
            visitor.get("/cookies/"),
            f'<h3 id="gruppe-{group.varname}">{group.name}</h3>',
            html=True,
        )


def test_the_declaration_follows_the_database(visitor):
    group = CookieGroup.objects.get(varname="statistik")
    cookie = Cookie.objects.create(
        cookiegroup=group, name="maaling", description="En ny måling af sidevisninger."
    )
    CookieLifetime.objects.create(cookie=cookie, text="3 måneder")

    assert declaration_rows(visitor)["maaling"] == ("En ny måling af sidevisninger.", "3 måneder")


def test_cookie_page_shows_an_undecided_visitor_that_we_assume_acceptance(visitor):
    assert "Du har ikke taget stilling — vi antager accept." in page_text(visitor)


def test_cookie_page_shows_an_accepting_visitor_as_accepted(accepted):
    assert "Du har accepteret cookies til statistik." in page_text(accepted)


def test_cookie_page_shows_a_refusing_visitor_as_declined(declined):
    assert "Du har afvist cookies til statistik." in page_text(declined)


def test_cookie_page_under_opt_in_says_nothing_is_set_before_acceptance(visitor, opt_in):
    page = visitor.get("/cookies/")
    text = page_text(visitor)

    assertContains(page, "<strong>Du har ikke taget stilling.</strong>", html=True)
    assertNotContains(page, "vi antager accept")
    assert "før du accepterer" in text


@pytest.mark.parametrize(
    ("text", "action"),
    [("Accepter cookies", "/cookies/accepter/"), ("Nej tak til cookies", "/cookies/afvis/")],
)
def test_cookie_page_always_has_both_buttons(accepted, text, action):
    page = accepted.get("/cookies/")

    found = button(page, text)
    assert found is not None
    assert found.find_parent(class_="consent-state") is not None
    assert form_of(page, found).action == action
    assert form_of(page, found)["next"].value == "/cookies/"


def test_cookie_page_documents_what_the_consent_log_stores(visitor):
    text = page_text(visitor)

    assert "Hvad vi gemmer om dit valg" in text
    assert "Loggen indeholder ikke din IP-adresse" in text
    assert "om valget var accept eller afvisning" in text


def test_every_cell_of_the_declaration_is_labelled_for_narrow_screens(visitor):
    # On a phone the table's rows become blocks, and each cell shows its column's header.
    for table in visitor.get("/cookies/").html.select("table.cookie-table"):
        headers = [visible_text(th) for th in table.thead.find_all("th")]
        for row in table.tbody.find_all("tr"):
            labels = [cell.get("data-label") for cell in row.find_all(["th", "td"])]
            assert labels == headers


def test_the_declaration_tells_what_the_banner_and_its_confirmation_set():
    told = Cookie.objects.select_related("lifetime").get(name="cookie_banner_vist")
    messages = Cookie.objects.select_related("lifetime").get(name="messages")

    assert told.cookiegroup.varname == "noedvendige"
    assert "første gang ser beskeden" in told.description
    assert told.lifetime.text == "Indtil browseren lukkes"
    # No longer "only for staff": every visitor who chooses gets the confirmation.
    assert "medarbejdere, der er logget ind" not in messages.description
    assert "bekræftelse" in messages.description


def test_cookie_page_states_when_counting_starts(visitor):
    first = page_text(visitor)
    later = page_text(visitor)

    rule = (
        "Den første side, hvor du ser beskeden om cookies, tæller vi ikke, og på den side sætter "
        "vi ingen cookie til statistik. Går du videre til en ny side uden at sige nej tak, "
        "tæller vi fra den side."
    )
    assert rule in first
    assert "Denne side tæller vi ikke med." in first
    assert "Dine besøg tælles med i statistikken, indtil du siger nej tak." in later


def test_under_opt_in_the_cookie_page_does_not_describe_silence(visitor, opt_in):
    assert "Den første side, hvor du ser beskeden" not in page_text(visitor)
