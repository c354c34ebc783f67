import pytest
from cookie_consent.models import ACTION_ACCEPTED, ACTION_DECLINED, CookieGroup, LogItem
from pytest_django.asserts import assertContains

from visits.models import DailyVisitor, PageView

from .pages import as_browser, banner, cookies_set_by, form_of, press, visible_text

pytestmark = pytest.mark.django_db

# "Dit valg" on /cookies/ says what the visitor chose.
ACCEPTED = "<strong>Du har accepteret</strong>"
DECLINED = "<strong>Du har afvist</strong>"
UNDECIDED = "<strong>Du har ikke taget stilling — vi antager accept.</strong>"


def views_of(path):
    return sum(PageView.objects.filter(path=path).values_list("views", flat=True))


def test_accepting_keeps_counting_and_keeps_the_statistics_cookie(visitor):
    visitor.get("/")  # told
    second = visitor.get("/")  # counted
    visitor_id = visitor.cookies["besoeg"]

    response = press(second, "Accepter cookies")
    visitor.get("/tilgaengelighed/")
    visitor.get("/tilgaengelighed/")

    assert "besoeg" not in cookies_set_by(response)
    assert visitor.cookies["besoeg"] == visitor_id
    assert views_of("/tilgaengelighed/") == 2
    assert DailyVisitor.objects.count() == 1


def test_refusing_deletes_the_statistics_cookie_in_that_very_response(visitor):
    visitor.get("/")  # told
    second = visitor.get("/")  # counted
    assert visitor.cookies["besoeg"]

    response = press(second, "Nej tak til cookies")

    deleted = cookies_set_by(response)["besoeg"]
    assert deleted.value == ""
    assert deleted["max-age"] == "0"
    assert "1970" in deleted["expires"]
    assert deleted["path"] == "/"
    assert "besoeg" not in visitor.cookies


def test_refusing_stops_counting_and_sets_no_statistics_cookie_afterwards(declined):
    counted_before = PageView.objects.count(), DailyVisitor.objects.count()

    for path in ("/", "/tilgaengelighed/", "/cookies/"):
        declined.get(path)
        assert "besoeg" not in declined.cookies

    assert (PageView.objects.count(), DailyVisitor.objects.count()) == counted_before
    assert views_of("/tilgaengelighed/") == 0


def test_a_leftover_statistics_cookie_of_a_refusing_visitor_is_deleted(declined):
    declined.set_cookie("besoeg", "A" * 22)

    response = declined.get("/")

    assert cookies_set_by(response)["besoeg"]["max-age"] == "0"
    assert "besoeg" not in declined.cookies
    assert views_of("/") == 0  # the only view before the refusal told, and counted nothing


def test_accepting_after_refusing_turns_statistics_back_on(declined):
    response = press(declined.get("/cookies/"), "Accepter cookies")
    assert response["Location"] == "/cookies/"

    declined.get("/tilgaengelighed/")

    assert declined.cookies["besoeg"]
    assert views_of("/tilgaengelighed/") == 1


@pytest.mark.parametrize(
    ("text", "confirmation"),
    [
        ("Accepter cookies", "Du har accepteret cookies til statistik."),
        ("Nej tak til cookies", "Du har sagt nej tak til cookies til statistik."),
    ],
)
def test_the_page_after_a_choice_confirms_it_once_with_a_link_to_change_it(
    visitor, text, confirmation
):
    page = press(visitor.get("/tilgaengelighed/"), text).follow()

    bar = page.html.select_one("section.cookie-confirmation")
    assert bar["aria-label"] == "Dit cookievalg"
    assert visible_text(bar.p).startswith(confirmation)
    assert bar.p.find("a", string="Skift dit valg")["href"] == "/cookies/#dit-valg"
    # Hiding it without JavaScript loads the same page again, which no longer shows it.
    hide = bar.select_one("[data-hide-confirmation]")
    assert hide["href"] == "/tilgaengelighed/"
    assert visitor.get(hide["href"]).html.select_one("section.cookie-confirmation") is None


def test_a_choice_forgets_that_the_visitor_was_told(visitor):
    page = visitor.get("/")
    assert "cookie_banner_vist" in visitor.cookies

    response = press(page, "Accepter cookies")

    assert cookies_set_by(response)["cookie_banner_vist"]["max-age"] == "0"
    assert "cookie_banner_vist" not in visitor.cookies


def test_the_choice_can_be_changed_on_the_cookie_page(visitor):
    page = visitor.get("/cookies/")
    assertContains(page, UNDECIDED, html=True)

    page = press(page, "Nej tak til cookies").follow()
    assertContains(page, DECLINED, html=True)
    assert banner(page) is None

    page = press(page, "Accepter cookies").follow()
    assertContains(page, ACCEPTED, html=True)

    page = press(page, "Nej tak til cookies").follow()
    assertContains(page, DECLINED, html=True)


def test_every_explicit_choice_is_logged_by_django_cookie_consent(visitor):
    statistics = CookieGroup.objects.get(varname="statistik")

    press(visitor.get("/"), "Accepter cookies")
    press(visitor.get("/cookies/"), "Nej tak til cookies")
    press(visitor.get("/cookies/"), "Accepter cookies")

    actions = list(LogItem.objects.order_by("id").values_list("action", "cookiegroup"))
    assert actions == [
        (ACTION_ACCEPTED, statistics.pk),
        (ACTION_DECLINED, statistics.pk),
        (ACTION_ACCEPTED, statistics.pk),
    ]


def test_the_consent_log_stores_no_ip_address_or_visitor_id():
    fields = {field.name for field in LogItem._meta.get_fields()}

    assert fields == {"id", "action", "cookiegroup", "version", "created"}


def test_silence_is_never_logged(visitor):
    visitor.get("/")
    visitor.get("/cookies/")

    assert not LogItem.objects.exists()


def test_the_consent_cookie_records_the_choice_for_a_year(visitor):
    response = press(visitor.get("/"), "Accepter cookies")

    cookie = cookies_set_by(response)["cookie_consent"]
    assert cookie.value == f"statistik={CookieGroup.objects.get(varname='statistik').get_version()}"
    assert cookie["max-age"] == str(365 * 24 * 60 * 60)
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"


def banner_form(visitor, text, path="/"):
    """The banner's form for this button, as the page gave it to the visitor."""
    page = visitor.get(path)
    return form_of(page, next(b for b in banner(page).find_all("button") if b.text == text))


@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example/",
        "\\\\evil.example",
        "http:/evil.example",
        "javascript:alert(1)",
        "https://testserver/cookies/",
        "cookies/",
        "",
    ],
)
def test_a_next_that_is_not_a_path_on_this_site_goes_to_the_front_page(visitor, next_url):
    form = banner_form(visitor, "Nej tak til cookies", "/tilgaengelighed/")
    form["next"].force_value(next_url)

    response = form.submit()

    assert response.status_code == 303
    assert response["Location"] == "/"
    assert cookies_set_by(response)["cookie_consent"].value == "statistik=-1"


def test_a_choice_without_next_goes_to_the_front_page(visitor):
    token = banner_form(visitor, "Accepter cookies")["csrfmiddlewaretoken"].value

    response = visitor.post("/cookies/accepter/", {"csrfmiddlewaretoken": token})

    assert response.status_code == 303
    assert response["Location"] == "/"
    assert banner(response.follow()) is None


def test_next_keeps_the_query_string_of_the_page(visitor):
    response = press(visitor.get("/referater/soeg/?q=budget&type=bilag"), "Accepter cookies")

    assert response["Location"] == "/referater/soeg/?q=budget&type=bilag"


def test_a_next_with_a_line_break_cannot_inject_headers(visitor):
    form = banner_form(visitor, "Nej tak til cookies")
    form["next"].force_value("/cookies/\r\nSet-Cookie: x=1")

    response = form.submit()

    assert response.status_code == 303
    assert "\n" not in response["Location"]
    assert "x" not in cookies_set_by(response)


@pytest.mark.parametrize("path", ["/cookies/afvis/", "/cookies/accepter/"])
def test_a_choice_without_csrf_token_is_refused(visitor, path, caplog):
    visitor.get("/")

    response = visitor.post(path, {"next": "/"}, status=403)

    assert "CSRF token missing" in caplog.text
    assert "cookie_consent" not in cookies_set_by(response)
    assert not LogItem.objects.exists()


def test_a_choice_with_a_token_from_another_browser_is_refused(visitor, django_app_factory, caplog):
    token = banner_form(visitor, "Nej tak til cookies")["csrfmiddlewaretoken"].value
    other = as_browser(django_app_factory())
    other.get("/")

    response = other.post("/cookies/afvis/", {"csrfmiddlewaretoken": token}, status=403)

    assert "CSRF token from POST incorrect" in caplog.text
    assert "cookie_consent" not in cookies_set_by(response)


@pytest.mark.parametrize("path", ["/cookies/afvis/", "/cookies/accepter/"])
@pytest.mark.parametrize("method", ["get", "head", "options"])
def test_choosing_by_anything_but_post_is_not_allowed(visitor, path, method):
    response = getattr(visitor, method)(path, status=405)

    assert "cookie_consent" not in cookies_set_by(response)
