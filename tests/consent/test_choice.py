import pytest
from cookie_consent.models import ACTION_ACCEPTED, ACTION_DECLINED, CookieGroup, LogItem
from django.test import Client

from visits.models import DailyVisitor, PageView

from .pages import banner, press

pytestmark = pytest.mark.django_db


def views_of(path):
    return sum(PageView.objects.filter(path=path).values_list("views", flat=True))


def test_accepting_keeps_counting_and_keeps_the_statistics_cookie(client):
    first = client.get("/")
    visitor_id = first.cookies["besoeg"].value

    response = press(client, first, "Accepter cookies")
    client.get("/tilgaengelighed/")
    client.get("/tilgaengelighed/")

    assert "besoeg" not in response.cookies
    assert client.cookies["besoeg"].value == visitor_id
    assert views_of("/tilgaengelighed/") == 2
    assert DailyVisitor.objects.count() == 1


def test_refusing_deletes_the_statistics_cookie_in_that_very_response(client):
    first = client.get("/")
    assert first.cookies["besoeg"].value

    response = press(client, first, "nej tak til cookies")

    deleted = response.cookies["besoeg"]
    assert deleted.value == ""
    assert deleted["max-age"] == 0
    assert "1970" in deleted["expires"]
    assert deleted["path"] == "/"


def test_refusing_stops_counting_and_sets_no_statistics_cookie_afterwards(declined):
    counted_before = PageView.objects.count(), DailyVisitor.objects.count()

    for path in ("/", "/tilgaengelighed/", "/cookies/"):
        response = declined.get(path)
        assert response.status_code == 200
        assert not response.cookies.get("besoeg") or response.cookies["besoeg"].value == ""

    assert (PageView.objects.count(), DailyVisitor.objects.count()) == counted_before
    assert views_of("/tilgaengelighed/") == 0


def test_a_leftover_statistics_cookie_of_a_refusing_visitor_is_deleted(declined):
    declined.cookies["besoeg"] = "A" * 22

    response = declined.get("/")

    assert response.cookies["besoeg"].value == ""
    assert response.cookies["besoeg"]["max-age"] == 0
    assert views_of("/") == 1  # only the view before the refusal


def test_accepting_after_refusing_turns_statistics_back_on(declined):
    response = press(declined, declined.get("/cookies/"), "Accepter cookies")
    assert response["Location"] == "/cookies/"

    page = declined.get("/tilgaengelighed/")

    assert page.cookies["besoeg"].value
    assert views_of("/tilgaengelighed/") == 1


def test_the_choice_can_be_changed_on_the_cookie_page(client):
    page = client.get("/cookies/")
    assert "Du har ikke taget stilling — vi antager accept." in page.content.decode()

    press(client, page, "nej tak til cookies")
    page = client.get("/cookies/")
    assert "Du har afvist" in page.content.decode()
    assert banner(page) is None

    press(client, page, "Accepter cookies")
    page = client.get("/cookies/")
    assert "Du har accepteret" in page.content.decode()

    press(client, page, "nej tak til cookies")
    assert "Du har afvist" in client.get("/cookies/").content.decode()


def test_every_explicit_choice_is_logged_by_django_cookie_consent(client):
    statistics = CookieGroup.objects.get(varname="statistik")

    press(client, client.get("/"), "Accepter cookies")
    press(client, client.get("/cookies/"), "nej tak til cookies")
    press(client, client.get("/cookies/"), "Accepter cookies")

    actions = list(LogItem.objects.order_by("id").values_list("action", "cookiegroup"))
    assert actions == [
        (ACTION_ACCEPTED, statistics.pk),
        (ACTION_DECLINED, statistics.pk),
        (ACTION_ACCEPTED, statistics.pk),
    ]


def test_the_consent_log_stores_no_ip_address_or_visitor_id():
    fields = {field.name for field in LogItem._meta.get_fields()}

    assert fields == {"id", "action", "cookiegroup", "version", "created"}


def test_silence_is_never_logged(client):
    client.get("/")
    client.get("/cookies/")

    assert not LogItem.objects.exists()


def test_the_consent_cookie_records_the_choice_for_a_year(client):
    response = press(client, client.get("/"), "Accepter cookies")

    cookie = response.cookies["cookie_consent"]
    assert cookie.value.startswith("statistik=")
    assert cookie["max-age"] == 365 * 24 * 60 * 60
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"


@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example/",
        "\\\\evil.example",
        "http:/evil.example",
        "javascript:alert(1)",
        "http://testserver/cookies/",
        "cookies/",
        "",
    ],
)
def test_a_next_that_is_not_a_path_on_this_site_goes_to_the_front_page(client, next_url):
    response = client.post("/cookies/afvis/", {"next": next_url})

    assert response.status_code == 303
    assert response["Location"] == "/"


def test_a_missing_next_goes_to_the_front_page(client):
    response = client.post("/cookies/accepter/")

    assert response["Location"] == "/"


def test_next_keeps_the_query_string_of_the_page(client):
    response = client.post("/cookies/accepter/", {"next": "/referater/soeg/?q=budget&side=2"})

    assert response["Location"] == "/referater/soeg/?q=budget&side=2"


def test_a_next_with_a_line_break_cannot_inject_headers(client):
    response = client.post("/cookies/afvis/", {"next": "/cookies/\r\nSet-Cookie: x=1"})

    assert response.status_code == 303
    assert "\n" not in response["Location"]
    assert "x" not in response.cookies


@pytest.mark.parametrize("path", ["/cookies/afvis/", "/cookies/accepter/"])
def test_a_choice_without_csrf_token_is_refused(path):
    client = Client(enforce_csrf_checks=True)
    client.get("/")

    response = client.post(path, {"next": "/"})

    assert response.status_code == 403
    assert "cookie_consent" not in response.cookies
    assert not LogItem.objects.exists()


def test_a_choice_with_the_pages_csrf_token_is_accepted():
    client = Client(enforce_csrf_checks=True)

    response = press(client, client.get("/"), "nej tak til cookies")

    assert response.status_code == 303
    assert response.cookies["cookie_consent"].value == "statistik=-1"


@pytest.mark.parametrize("path", ["/cookies/afvis/", "/cookies/accepter/"])
def test_choosing_by_get_is_not_allowed(client, path):
    response = client.get(path)

    assert response.status_code == 405
    assert "cookie_consent" not in response.cookies
