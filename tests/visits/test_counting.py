import pytest
from cookie_consent.cache import delete_cache
from cookie_consent.models import Cookie, CookieGroup
from django.core import signing
from django.db import OperationalError
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import Resolver404, resolve
from django.utils import timezone
from pytest_django.asserts import assertContains

from tests.consent.pages import press
from visits.counting import is_countable, visitor_hash
from visits.models import DailyVisitor, PageView

pytestmark = pytest.mark.django_db


def counts():
    return {row.path: row.views for row in PageView.objects.all()}


def visitor_id_in(cookie_value):
    """The visitor id in the statistics cookie, which the site signs (visits.counting)."""
    return signing.Signer(salt="visits.visitor").unsign(cookie_value)


def test_the_first_page_a_new_visitor_sees_counts_nothing_and_sets_no_statistics_cookie(client):
    response = client.get("/tilgaengelighed/")

    assert "besoeg" not in response.cookies
    assert not PageView.objects.exists()
    assert not DailyVisitor.objects.exists()
    # The banner has told the visitor; a necessary session cookie remembers it.
    told = response.cookies["cookie_banner_vist"]
    assert told["max-age"] == ""
    assert told["httponly"]
    assert told["samesite"] == "Lax"


def test_a_visitor_who_goes_on_without_saying_no_gets_the_statistics_cookie_and_is_counted(
    client,
):
    client.get("/tilgaengelighed/")
    response = client.get("/tilgaengelighed/")

    cookie = response.cookies["besoeg"]
    assert len(visitor_id_in(cookie.value)) == 22
    assert cookie["max-age"] == 365 * 24 * 60 * 60
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert cookie["path"] == "/"
    assert counts() == {"/tilgaengelighed/": 1}
    row = PageView.objects.get()
    assert row.day == timezone.localdate()
    assert DailyVisitor.objects.filter(day=timezone.localdate()).count() == 1


def test_a_browser_that_never_sends_cookies_back_is_never_counted(client):
    for path in ("/", "/tilgaengelighed/", "/cookies/", "/"):
        response = client.get(path)
        assert "besoeg" not in response.cookies
        client.cookies.clear()

    assert not PageView.objects.exists()
    assert not DailyVisitor.objects.exists()


def test_being_told_about_an_earlier_declaration_is_not_being_told(client, new_told_client):
    told = new_told_client()
    # The statistics group gets a new cookie: its declaration, and so its version, changes.
    statistics = CookieGroup.objects.get(varname="statistik")
    Cookie.objects.create(cookiegroup=statistics, name="maaling", path="/")
    delete_cache()

    first = told.get("/tilgaengelighed/")
    told.get("/tilgaengelighed/")

    assert "besoeg" not in first.cookies
    assert counts() == {"/tilgaengelighed/": 1}


def test_views_are_counted_per_page_and_visitors_once_per_day(told_client):
    client = told_client
    for path in ("/", "/", "/tilgaengelighed/", "/cookies/", "/"):
        client.get(path)

    assert counts() == {"/": 3, "/tilgaengelighed/": 1, "/cookies/": 1}
    assert DailyVisitor.objects.count() == 1


def test_two_visitors_are_two_visitors(told_client, new_told_client):
    told_client.get("/")
    new_told_client().get("/")

    assert counts() == {"/": 2}
    assert DailyVisitor.objects.count() == 2


def test_the_visitor_id_is_stored_only_as_a_hash_that_changes_every_day(told_client):
    visitor_id = visitor_id_in(told_client.get("/").cookies["besoeg"].value)

    stored = DailyVisitor.objects.get().visitor_hash
    today = timezone.localdate()
    assert visitor_id not in stored
    assert stored == visitor_hash(visitor_id, today)
    assert visitor_hash(visitor_id, today.replace(year=today.year - 1)) != stored


def test_the_query_string_is_not_part_of_the_counted_page(told_client):
    told_client.get("/tilgaengelighed/?utm_source=nyhedsbrev")

    assert counts() == {"/tilgaengelighed/": 1}


def test_a_statistics_cookie_that_is_not_ours_is_replaced(told_client):
    told_client.cookies["besoeg"] = "<script>"

    response = told_client.get("/")

    assert response.cookies["besoeg"].value != "<script>"
    assert len(visitor_id_in(response.cookies["besoeg"].value)) == 22


def test_undecided_visitors_under_opt_in_get_no_statistics_cookie_and_are_not_counted(
    client, opt_in
):
    for path in ("/", "/tilgaengelighed/", "/cookies/"):
        response = client.get(path)
        assert response.status_code == 200
        assert "besoeg" not in response.cookies

    assert not PageView.objects.exists()
    assert not DailyVisitor.objects.exists()


def test_under_opt_in_only_necessary_cookies_are_set_before_accepting(client, opt_in):
    response = client.get("/")

    assert set(response.cookies) <= {"csrftoken"}


def test_under_opt_in_accepting_starts_counting(opt_in, visitor):
    first = visitor.get("/")
    assert "besoeg" not in visitor.cookies
    assert not PageView.objects.exists()

    press(first, "Accepter cookies")
    visitor.get("/tilgaengelighed/")

    assert visitor.cookies["besoeg"]
    assert counts() == {"/tilgaengelighed/": 1}


def test_a_leftover_statistics_cookie_is_deleted_for_an_undecided_visitor_under_opt_in(
    client, opt_in
):
    client.cookies["besoeg"] = "A" * 22

    response = client.get("/")

    assert response.cookies["besoeg"]["max-age"] == 0
    assert not PageView.objects.exists()


@pytest.mark.parametrize(
    "user_agent",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0)",
        "Mozilla/5.0 (compatible; Yahoo! Slurp)",
        "Baiduspider/2.0",
        "facebookexternalhit/1.1",
        "ia_archiver",
        "AhrefsBot/7.0",
        "curl/8.5.0",
        "python-requests/2.32",
    ],
)
def test_bots_that_say_so_are_not_counted_and_get_no_statistics_cookie(client, user_agent):
    response = client.get("/", headers={"user-agent": user_agent})

    assert response.status_code == 200
    assert "besoeg" not in response.cookies
    assert not PageView.objects.exists()


def test_a_browser_is_counted(told_client):
    user_agent = (
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/126.0 Safari/537.36"
    )

    told_client.get("/", headers={"user-agent": user_agent})

    assert counts() == {"/": 1}


@pytest.fixture
def meeting_with_pdf(make_meeting, pdf_file):
    meeting = make_meeting("2018-05-29")
    meeting.minutes_pdf = pdf_file("Referat")
    meeting.save()
    return meeting


@pytest.mark.parametrize(
    "path",
    [
        "/robots.txt",
        "/sitemap.xml",
        "/healthz",
        "/admin/login/",
        "/referater/rss/",
        "/referater/kalender.ics",
        "/referater/2018-05-29/referat.pdf",
    ],
)
def test_feeds_files_plumbing_and_admin_are_not_counted(client, meeting_with_pdf, path):
    response = client.get(path)

    assert response.status_code == 200
    assert "besoeg" not in response.cookies
    assert not PageView.objects.exists()


def test_pages_that_are_not_found_are_not_counted(client):
    response = client.get("/findes-ikke/")

    assert response.status_code == 404
    assert not PageView.objects.exists()


def test_head_requests_are_not_counted(client):
    response = client.head("/")

    assert response.status_code == 200
    assert not PageView.objects.exists()


def resolved(request):
    """The request as the handler passes it on: with the URL resolver's match, if any."""
    try:
        request.resolver_match = resolve(request.path_info)
    except Resolver404:
        request.resolver_match = None
    return request


def html_page():
    return HttpResponse("<p>side</p>", content_type="text/html")


@pytest.mark.parametrize("path", ["/", "/referater/", "/referater/2018-05-29/", "/cookies/"])
def test_public_html_pages_are_countable(path):
    assert is_countable(resolved(RequestFactory().get(path)), html_page())


def test_a_post_answered_with_a_page_is_not_countable():
    assert not is_countable(resolved(RequestFactory().post("/cookies/")), html_page())


@pytest.mark.parametrize("path", ["/admin/", "/admin/login/", "/admin/visits/pageview/"])
def test_admin_pages_are_never_countable_even_as_html(path):
    assert not is_countable(resolved(RequestFactory().get(path)), html_page())


@pytest.mark.parametrize("path", ["/static/side.html", "/media/referat.html", "/findes-ikke/"])
def test_a_path_that_matches_no_url_is_never_countable_even_as_html(path):
    assert not is_countable(resolved(RequestFactory().get(path)), html_page())


def test_a_page_whose_path_does_not_fit_the_table_is_not_countable():
    request = RequestFactory().get("/" + "a" * PageView.PATH_MAX_LENGTH)
    request.resolver_match = resolve("/")  # as if a view answered it

    assert not is_countable(request, html_page())


def test_non_html_and_redirects_are_not_countable():
    request = resolved(RequestFactory().get("/referater/"))

    assert is_countable(request, html_page())
    assert not is_countable(request, HttpResponse("{}", content_type="application/json"))
    assert not is_countable(request, HttpResponse(status=301, content_type="text/html"))
    assert not is_countable(request, HttpResponse(status=304, content_type="text/html"))


def locked(*args, **kwargs):
    raise OperationalError("database is locked")


def test_a_database_error_while_counting_is_logged_and_the_page_is_served(
    told_client, monkeypatch, caplog
):
    monkeypatch.setattr(PageView.objects, "record", locked)

    response = told_client.get("/tilgaengelighed/")

    assert response.status_code == 200
    assertContains(response, "<h1>Tilgængeligheds&shy;erklæring</h1>", html=True)
    assert "Could not count a view of /tilgaengelighed/" in caplog.text
    assert not PageView.objects.exists()


def test_a_visitor_whose_first_view_could_not_be_counted_is_counted_on_the_next(
    told_client, monkeypatch
):
    client = told_client
    with monkeypatch.context() as database:
        database.setattr(DailyVisitor.objects, "record", locked)
        client.get("/tilgaengelighed/")
    assert not DailyVisitor.objects.exists()

    client.get("/tilgaengelighed/")

    assert DailyVisitor.objects.count() == 1
    assert counts() == {"/tilgaengelighed/": 2}


def test_counting_a_view_by_a_known_visitor_is_one_write(told_client, django_assert_num_queries):
    client = told_client
    client.get("/tilgaengelighed/")
    client.get("/tilgaengelighed/")

    with django_assert_num_queries(1) as captured:
        client.get("/tilgaengelighed/")

    assert captured.captured_queries[0]["sql"].startswith("INSERT")
    assert counts() == {"/tilgaengelighed/": 3}


def test_a_new_visitors_first_page_costs_no_write(client, django_assert_num_queries):
    Client().get("/cookies/")  # cookie groups are cached from here on

    with django_assert_num_queries(0):
        client.get("/tilgaengelighed/")

    assert not PageView.objects.exists()


def test_a_visitors_first_counted_view_is_at_most_two_writes(
    told_client, new_told_client, django_assert_num_queries
):
    new_told_client().get("/cookies/")  # cookie groups are cached from here on

    with django_assert_num_queries(2) as captured:
        told_client.get("/tilgaengelighed/")

    statements = [query["sql"] for query in captured.captured_queries]
    assert all(sql.startswith("INSERT") for sql in statements)
    assert counts() == {"/cookies/": 1, "/tilgaengelighed/": 1}
    assert DailyVisitor.objects.count() == 2


def test_middleware_adds_no_query_when_nothing_is_counted(declined, django_assert_num_queries):
    declined.get("/tilgaengelighed/")  # cookie groups are cached from here on

    with django_assert_num_queries(0):
        response = declined.get("/tilgaengelighed/")

    assert response.status_code == 200


def test_middleware_adds_no_query_for_bots_files_and_missing_pages(
    client, django_assert_num_queries
):
    client.get("/")

    with django_assert_num_queries(0):
        client.get("/tilgaengelighed/", headers={"user-agent": "Googlebot/2.1"})
        client.get("/robots.txt")
        client.get("/findes-ikke/")
