"""
Anonymous pages from the shared page cache (minutes.page_cache, keyed in minutes.caching).

A page is rendered once and then served to every visitor whose cookie bar shows the same thing,
with each visitor's own CSRF token in the banner's forms; a clerk's change shows at once; logged-
in clerks always get the page rendered for them; a Redis that is down costs the cache, not the
page. "Rendered" is what the test client records: the templates a response was made with.
"""

import io
import re

import pytest
from csp.middleware import CSPMiddleware
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from pytest_django.asserts import assertContains, assertNotContains

from almenbolig import cache as resilient
from committee.models import Member
from minutes.models import AgendaItem
from minutes.page_cache import NONCE_MARKER, TOKEN_MARKER, cached_for_visitors
from tests.consent.pages import banner, press
from tests.markup import elements, text
from tests.support.servers import free_port, use_redis
from visits.models import PageView

pytestmark = pytest.mark.django_db

MEETING = "/referater/2018-05-29/"
PAGES = [
    "/",
    "/referater/",
    "/referater/2018/",
    MEETING,
    "/referater/2018-05-29/rettelser/",
    "/referater/rettelser/",
    "/referater/soeg/?q=budget",
]
# What a page served from the cache still asks the database: whether its meetings (and, on the
# committee page, the committee) have changed since it was kept; and a text it shows.
KEPT_PAGES = {
    "/": (2, "Udvalgets opgaver"),
    "/referater/": (1, "Tirsdag den 29. maj 2018"),
    "/referater/2018/": (1, "Tirsdag den 29. maj 2018"),
    MEETING: (1, "Budget 2019 for Hvidovrebo"),
    "/referater/2018-05-29/rettelser/": (1, "Rettelser"),
    "/referater/rettelser/": (1, "Rettelser"),
    "/referater/soeg/?q=budget": (1, "<mark>Budget</mark> 2019 for Hvidovrebo"),
}
DECLINED = "statistik=-1"


@pytest.fixture
def meeting(make_meeting):
    return make_meeting(
        "2018-05-29",
        items=[
            {"title": "Helhedsplan for Avedøre Stationsby", "decision": "Godkendt."},
            {"title": "Budget 2019 for Hvidovrebo", "decision": "Anbefalet."},
        ],
    )


def returning_visitor():
    """A browser that refused statistics earlier: no banner, nothing counted."""
    client = Client()
    client.cookies["cookie_consent"] = DECLINED
    return client


def rendered(response):
    return bool(response.templates)


def banner_tokens(response):
    """The CSRF tokens in the banner's two forms (one token, twice)."""
    return set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode()))


# Served without rendering ---------------------------------------------------------------------


@pytest.mark.parametrize("url", PAGES)
def test_the_second_anonymous_request_is_served_without_rendering(meeting, url):
    first = returning_visitor()
    assert first.get(url).status_code == 200
    first.get(url)  # the consent's cookie groups are in the cache from here on

    other = returning_visitor()
    with CaptureQueriesContext(connection) as queries:
        response = other.get(url)

    queries_left, shown = KEPT_PAGES[url]
    assert response.status_code == 200
    assert not rendered(response)
    assert len(queries) == queries_left, [q["sql"] for q in queries]
    assert all("minutes_meeting" in q["sql"] or "committee_committee" in q["sql"] for q in queries)
    assertContains(response, shown)


def test_a_kept_page_is_the_page_as_rendered(meeting):
    fresh = returning_visitor().get(MEETING)
    kept = returning_visitor().get(MEETING)

    assert rendered(fresh) and not rendered(kept)
    assert kept.content == fresh.content
    assert kept["Content-Type"] == fresh["Content-Type"] == "text/html; charset=utf-8"
    assert kept["ETag"] == fresh["ETag"]
    assert "Cookie" in kept["Vary"]
    assert "no-cache" in kept["Cache-Control"]


@pytest.mark.parametrize("url", PAGES)
def test_a_kept_page_still_answers_304_to_a_browser_that_holds_it(meeting, url):
    visitor = returning_visitor()
    returning_visitor().get(url)
    kept = visitor.get(url)

    again = visitor.get(url, headers={"if-none-match": kept["ETag"]})

    assert not rendered(kept)
    assert again.status_code == 304


def test_the_committee_page_answers_304_until_the_committee_changes(meeting, committee):
    visitor = returning_visitor()
    first = visitor.get("/")
    assert visitor.get("/", headers={"if-none-match": first["ETag"]}).status_code == 304

    Member.objects.create(committee=committee, name="Helle M. Adelborg", party="A")
    changed = visitor.get("/", headers={"if-none-match": first["ETag"]})

    assert changed.status_code == 200
    assertContains(changed, "Helle M. Adelborg (A)")


def test_pages_of_different_addresses_are_kept_apart(meeting, make_meeting):
    make_meeting("2018-06-26", items=[{"title": "Renovering af Friheden"}])
    visitor = returning_visitor()
    visitor.get("/referater/2018-05-29/")
    visitor.get("/referater/2018-06-26/")

    assertContains(visitor.get("/referater/2018-06-26/"), "Renovering af Friheden")
    assertNotContains(visitor.get("/referater/2018-05-29/"), "Renovering af Friheden")
    # The query is part of the address: the banner's forms return to it.
    new = Client()
    new.get("/referater/?side=1")
    again = Client().get("/referater/")
    assertNotContains(again, "side=1")


def test_files_are_never_kept(meeting, pdf_file):
    meeting.minutes_pdf = pdf_file("Referat af mødet.")
    meeting.save()
    visitor = returning_visitor()
    for _ in range(2):
        pdf = visitor.get("/referater/2018-05-29/referat.pdf")
        assert pdf["Content-Type"] == "application/pdf"
    assert not [key for key in caches["fragments"]._cache if ":page:" in key]


def test_a_meetings_calendar_file_is_kept_until_the_meeting_changes(meeting):
    url = "/referater/2018-05-29/kalender.ics"
    fresh = returning_visitor().get(url)
    returning_visitor().get(url)  # the consent's cookie groups are in the cache from here on

    with CaptureQueriesContext(connection) as queries:
        kept = returning_visitor().get(url)

    # What a kept meeting page asks too: whether the meeting has changed.
    assert len(queries) == 1, [q["sql"] for q in queries]
    assert kept.content == fresh.content
    assert kept["Content-Type"] == fresh["Content-Type"] == "text/calendar; charset=utf-8"
    assert kept["Content-Disposition"] == fresh["Content-Disposition"]
    assert kept["ETag"] == fresh["ETag"]

    meeting.place = "Hvidovre Rådhus, mødesal 2"
    meeting.save()
    moved = returning_visitor().get(url)
    assert "mødesal 2" in moved.content.decode()


def test_a_repeated_search_is_served_from_the_cache_until_the_archive_changes(meeting):
    url = "/referater/soeg/?q=budget&sortering=dato"
    returning_visitor().get(url)

    kept = returning_visitor().get(url)
    assert not rendered(kept)
    assertContains(kept, "<mark>Budget</mark> 2019 for Hvidovrebo")
    assert rendered(returning_visitor().get("/referater/soeg/?q=budget&side=1"))

    item = meeting.items.get(number=2)
    item.title = "Regnskab 2019 for Hvidovrebo"
    item.save()
    changed = returning_visitor().get(url)
    assert rendered(changed)
    assertNotContains(changed, "<mark>Budget</mark>")


def test_rebuilding_the_search_table_forgets_kept_searches(meeting):
    url = "/referater/soeg/?q=regnskab"
    assertNotContains(returning_visitor().get(url), "<mark>Regnskab</mark>")
    # update() sends no signals: neither the search table nor the archive's version moves.
    meeting.items.filter(number=2).update(title="Regnskab 2019 for Hvidovrebo")
    assertNotContains(returning_visitor().get(url), "<mark>Regnskab</mark>")

    call_command("reindex_search", stdout=io.StringIO())

    assertContains(returning_visitor().get(url), "<mark>Regnskab</mark> 2019")


def test_a_page_that_is_not_there_is_never_kept(meeting, make_meeting):
    make_meeting("2019-01-15", published=False)
    for _ in range(2):
        response = Client().get("/referater/2019-01-15/")
        assert response.status_code == 404


# The cookie bar -------------------------------------------------------------------------------


def test_a_visitor_who_chose_never_gets_the_copy_with_the_banner(meeting):
    with_banner = Client().get(MEETING)
    assert elements(with_banner, class_="cookie-banner")

    chosen = returning_visitor().get(MEETING)
    kept = returning_visitor().get(MEETING)

    assert rendered(chosen)  # a copy of its own, not the one with the banner
    assert not rendered(kept)
    for page in (chosen, kept):
        assert not elements(page, class_="cookie-banner")
        assert not elements(page, class_="cookie-confirmation")
    # And a new visitor still gets the banner, from the cache.
    again = Client().get(MEETING)
    assert not rendered(again)
    assert elements(again, class_="cookie-banner")


@pytest.mark.parametrize("choice", ["Accepter cookies", "Nej tak til cookies"])
def test_the_confirmation_of_a_choice_is_shown_once_and_only_to_the_visitor_who_chose(
    meeting, visitor, choice
):
    visitor.get(MEETING)  # kept with the banner (the visitor's browser speaks https)
    page = visitor.get(MEETING)
    assert not page.templates

    back = press(page, choice).follow()

    assert back.request.path == MEETING
    assert banner(back) is None
    confirmation = back.html.select("section.cookie-confirmation")
    assert len(confirmation) == 1
    again = visitor.get(MEETING)
    assert banner(again) is None
    assert not again.html.select("section.cookie-confirmation")
    # The confirmation was never kept for anyone else.
    for other in (returning_visitor(), Client()):
        assert not elements(other.get(MEETING, secure=True), class_="cookie-confirmation")


def test_the_banner_of_silence_and_the_banner_of_opt_in_are_kept_apart(meeting, settings):
    silence = Client().get(MEETING)
    settings.COOKIE_CONSENT_OPT_OUT = False

    opt_in = Client().get(MEETING)

    assert rendered(opt_in)
    assertContains(silence, "antager vi, at du accepterer")
    assertNotContains(opt_in, "antager vi, at du accepterer")
    assertContains(opt_in, "Vi sætter dem kun, hvis du trykker på")


def test_a_new_visitor_served_from_the_cache_is_told_and_counted_from_the_next_page(meeting):
    Client().get(MEETING)  # renders and keeps the copy with the banner
    visitor = Client()

    first = visitor.get(MEETING)
    assert not rendered(first)
    assert "cookie_banner_vist" in first.cookies
    assert not PageView.objects.exists()

    visitor.get("/referater/")  # the next page: silence is acceptance from here on
    second = visitor.get(MEETING)
    assert not rendered(second)
    assert {row.path: row.views for row in PageView.objects.all()} == {
        "/referater/": 1,
        MEETING: 1,
    }


def test_a_page_from_the_cache_is_counted_for_a_visitor_who_accepted(meeting, accepted):
    accepted.get("/")  # the confirmation, shown once
    assert accepted.get(MEETING).templates  # rendered, kept, counted
    PageView.objects.all().delete()

    page = accepted.get(MEETING)

    assert not page.templates  # served from the cache
    assert PageView.objects.get().path == MEETING


# CSRF -----------------------------------------------------------------------------------------


def test_every_visitor_gets_a_banner_form_token_of_their_own(meeting):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    made = first.get(MEETING)
    kept = second.get(MEETING)

    assert rendered(made) and not rendered(kept)
    assert "csrftoken" in kept.cookies  # as when the page is rendered for a new visitor
    assert TOKEN_MARKER.decode() not in kept.content.decode()
    assert NONCE_MARKER.decode() not in kept.content.decode()
    (token,) = banner_tokens(kept)
    assert banner_tokens(made) != {token}

    answer = second.post("/cookies/accepter/", {"csrfmiddlewaretoken": token, "next": MEETING})

    assert answer.status_code == 303
    assert answer["Location"] == MEETING


def test_a_token_from_another_visitors_page_is_refused(meeting):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    (theirs,) = banner_tokens(first.get(MEETING))
    second.get(MEETING)

    for forged in (theirs, "A" * 64):
        answer = second.post("/cookies/accepter/", {"csrfmiddlewaretoken": forged, "next": "/"})
        assert answer.status_code == 403
    assert "cookie_consent" not in second.cookies


def test_the_banner_form_of_a_kept_page_works_in_a_browser_without_javascript(meeting, visitor):
    Client().get(MEETING, secure=True)  # another visitor's page is kept

    page = visitor.get(MEETING)
    assert not page.templates

    assert press(page, "Accepter cookies").status_code == 303
    assert "statistik=" in visitor.cookies["cookie_consent"]


# Changes --------------------------------------------------------------------------------------


def test_a_clerk_saving_a_meeting_shows_on_the_next_anonymous_request(meeting, django_app, clerk):
    for url in (MEETING, "/referater/", "/"):
        returning_visitor().get(url)
    form = django_app.get(f"/admin/minutes/meeting/{meeting.pk}/change/", user=clerk).forms[
        "meeting_form"
    ]
    form["items-1-title"] = "Budget 2019 for Hvidovrebo og Avedøre Boligselskab"
    form["place"] = "Medborgerhuset Frihedens Butikscenter"
    assert form.submit("_save").status_code == 302

    page = returning_visitor().get(MEETING)

    assert rendered(page)
    assertContains(page, "Medborgerhuset Frihedens Butikscenter")
    assertContains(page, "Budget 2019 for Hvidovrebo og Avedøre Boligselskab")
    corrections = returning_visitor().get("/referater/2018-05-29/rettelser/")
    assertContains(corrections, "Budget 2019 for Hvidovrebo og Avedøre Boligselskab")


def test_a_new_meeting_shows_in_every_list_at_once(meeting, make_meeting):
    for url in ("/", "/referater/", "/referater/2018/"):
        returning_visitor().get(url)

    make_meeting("2018-06-26", items=[{"title": "Renovering af Friheden"}])

    for url in ("/", "/referater/", "/referater/2018/"):
        assertContains(returning_visitor().get(url), "26. juni 2018", msg_prefix=url)


def test_a_new_member_of_the_committee_shows_on_its_page_at_once(meeting, committee):
    returning_visitor().get("/")

    Member.objects.create(committee=committee, name="Anders Bo Jensen", party="V")

    assertContains(returning_visitor().get("/"), "Anders Bo Jensen (V)")


def test_a_change_that_bypasses_the_models_is_not_seen_until_the_meeting_changes(meeting):
    returning_visitor().get(MEETING)
    item = meeting.items.get(number=1)
    AgendaItem.objects.filter(pk=item.pk).update(title="Ændret uden om modellen")

    assertNotContains(returning_visitor().get(MEETING), "Ændret uden om modellen")

    item.title = "Ændret af referenten"
    item.save()
    assertContains(returning_visitor().get(MEETING), "Ændret af referenten")


# Clerks ---------------------------------------------------------------------------------------


def test_a_logged_in_clerk_always_gets_the_page_rendered_and_never_kept(meeting, clerk):
    returning_visitor().get(MEETING)
    item = meeting.items.get(number=1)
    # Not a change the page cache can see: only a fresh render shows it.
    AgendaItem.objects.filter(pk=item.pk).update(title="Helhedsplan, ny udgave")
    staff = Client()
    staff.force_login(clerk)

    for _ in range(2):
        page = staff.get(MEETING)
        assert rendered(page)
        assertContains(page, "Helhedsplan, ny udgave")
        assert "no-store" in page["Cache-Control"]

    caches["fragments"].clear()
    staff.get(MEETING)
    # The clerk's page was not kept: a visitor's page is rendered for them.
    assert rendered(returning_visitor().get(MEETING))


def test_a_clerks_preview_is_never_shown_to_a_visitor(make_meeting, clerk):
    make_meeting("2019-01-15", published=False, items=[{"title": "Hemmelig helhedsplan"}])
    staff = Client()
    staff.force_login(clerk)

    preview = staff.get("/referater/2019-01-15/")

    assertContains(preview, "Forhåndsvisning – mødet er ikke offentliggjort")
    assert Client().get("/referater/2019-01-15/").status_code == 404


def test_the_page_cache_can_be_turned_off(meeting, settings):
    settings.PAGE_CACHE_SECONDS = 0
    returning_visitor().get(MEETING)
    assert rendered(returning_visitor().get(MEETING))


# Redis ----------------------------------------------------------------------------------------


def test_pages_are_kept_in_redis_and_served_from_there(meeting, settings, redis_server):
    use_redis(settings, redis_server.url)

    made = Client().get(MEETING)
    kept = Client().get(MEETING)

    assert rendered(made) and not rendered(kept)
    assert banner_tokens(kept) and banner_tokens(kept) != banner_tokens(made)
    keys = caches["fragments"]._cache.get_client().keys("*")
    assert any(b":page:" in key for key in keys)


def test_pages_answer_when_redis_is_down(meeting, settings):
    use_redis(settings, f"redis://127.0.0.1:{free_port()}/0")  # nothing listens there

    for url in PAGES:
        for visitor in (Client(), returning_visitor()):
            response = visitor.get(url)
            assert response.status_code == 200, url
            assert rendered(response)
    assertContains(returning_visitor().get(MEETING), "Budget 2019 for Hvidovrebo")
    resilient._down_until.clear()


def test_the_banner_form_works_when_redis_is_down(meeting, settings):
    use_redis(settings, f"redis://127.0.0.1:{free_port()}/0")
    visitor = Client(enforce_csrf_checks=True)
    (token,) = banner_tokens(visitor.get(MEETING))

    answer = visitor.post("/cookies/afvis/", {"csrfmiddlewaretoken": token, "next": MEETING})

    assert answer.status_code == 303
    assert text(elements(visitor.get(MEETING), "h1")[0]).startswith("Referat")
    resilient._down_until.clear()


def test_meetings_on_other_dates_are_not_touched_by_a_change(meeting, make_meeting):
    other = make_meeting("2018-06-26")
    returning_visitor().get(other.get_absolute_url())

    meeting.place = "Hvidovre Rådhus, byrådssalen"
    meeting.save()

    assert not rendered(returning_visitor().get(other.get_absolute_url()))
    assertContains(returning_visitor().get(MEETING), "Hvidovre Rådhus, byrådssalen")


# The mechanism, for views to come ------------------------------------------------------------


def kept_view(respond):
    """A view answering `respond(request)`, kept under one key; a way to ask it, and its renders."""
    renders = []

    @cached_for_visitors(lambda request: "page:test")
    def view(request):
        renders.append(request)
        return respond(request)

    def ask():
        request = RequestFactory().get("/side/")
        CSPMiddleware(lambda request: None).process_request(request)
        return view(request), request

    return ask, renders


def test_a_csp_nonce_on_a_kept_page_is_each_responses_own():
    ask, renders = kept_view(
        lambda request: HttpResponse(f'<script nonce="{request.csp_nonce}"></script>')
    )

    _first, first_request = ask()
    second, second_request = ask()

    assert len(renders) == 1
    assert str(first_request.csp_nonce) != str(second_request.csp_nonce)
    assert f'nonce="{second_request.csp_nonce}"' in second.content.decode()
    assert str(first_request.csp_nonce) not in second.content.decode()


@pytest.mark.parametrize(
    "headers",
    [{"Cache-Control": "private"}, {"Cache-Control": "no-store"}, {"Content-Type": "text/plain"}],
)
def test_a_response_that_must_not_be_shared_is_never_kept(headers):
    ask, renders = kept_view(lambda request: HttpResponse("<p>Referat</p>", headers=headers))

    ask()
    ask()

    assert len(renders) == 2


def test_a_response_that_sets_a_cookie_of_its_own_is_never_kept():
    def respond(request):
        response = HttpResponse("<p>Referat</p>")
        response.set_cookie("valgt", "1")
        return response

    ask, renders = kept_view(respond)

    for _ in range(2):
        response, _request = ask()
        assert "valgt" in response.cookies
    assert len(renders) == 2
