"""
Faults degrade, never crash: with Redis stopped, paused or slow every public page still answers
200 from the database within a second, and with the database down the pages answer a Danish 503.
Each recovers by itself. Redis is a real redis-server started by the test on a port of its own.
"""

import logging
import time
from unittest import mock

import pytest
from django.core.cache import caches
from django.db import close_old_connections, connection
from django.db.utils import OperationalError
from django.test import Client

from almenbolig import cache as resilient
from almenbolig.postgresql import base as breaker
from tests.support.servers import TcpProxy, use_redis

PUBLIC_PAGES = [
    "/",
    "/referater/",
    "/referater/2018/",
    "/referater/2018-05-29/",
    "/referater/soeg/?q=budget",
    "/referater/rss/",
    "/referater/kalender.ics",
    "/cookies/",
    "/tilgaengelighed/",
    "/sitemap.xml",
    "/robots.txt",
]
# What "within a second" leaves for the page itself on a slow CI machine is what one Redis timeout
# does not take: a page must never wait for Redis more than once.
PAGE_DEADLINE = 1.0


@pytest.fixture
def meeting(make_meeting):
    return make_meeting(
        "2018-05-29",
        items=[{"title": "Budget 2019", "decision": "Godkendt."}],
    )


@pytest.fixture
def shared_cache(settings, redis_server):
    use_redis(settings, redis_server.url)
    yield redis_server
    resilient._down_until.clear()


def a_returning_visitor():
    """A visitor who declined statistics earlier: the consent middleware reads the cookie
    groups through the cache on every response, the path that raised before."""
    client = Client(raise_request_exception=False)
    client.cookies["cookie_consent"] = "statistik=-1"
    client.cookies["besoeg"] = "A" * 22
    return client


def answers(client, path):
    started = time.monotonic()
    response = client.get(path)
    return response.status_code, time.monotonic() - started


def assert_every_page_is_served_in_time(clients):
    slow_or_failed = [
        (path, status, round(seconds, 2))
        for client in clients
        for path in PUBLIC_PAGES
        for status, seconds in [answers(client, path)]
        if status != 200 or seconds > PAGE_DEADLINE
    ]
    assert slow_or_failed == []


def warm(clients):
    for client in clients:
        for path in PUBLIC_PAGES:
            assert client.get(path).status_code == 200


pytestmark = pytest.mark.django_db


def test_pages_are_cached_in_redis_when_it_runs(shared_cache, meeting):
    warm([Client()])

    keys = caches["default"]._cache.get_client().keys("*")
    assert any(b"cookie_consent_cache" in key for key in keys)


def test_one_redis_client_serves_every_call_of_a_process(shared_cache, meeting):
    """Setting up a redis-py client costs more than the GET itself: it is made once per pool."""
    client = caches["fragments"]._cache.get_client()
    warm([Client()])

    assert caches["fragments"]._cache.get_client() is client
    assert caches["fragments"]._cache.get_client(write=True) is client
    assert any(key.startswith(b"fragments:1:page:") for key in client.keys("*"))


def test_every_public_page_answers_200_within_a_second_while_redis_is_stopped(
    shared_cache, meeting, caplog
):
    clients = [Client(raise_request_exception=False), a_returning_visitor()]
    warm(clients)

    shared_cache.stop()
    with caplog.at_level(logging.WARNING, logger="almenbolig.cache"):
        assert_every_page_is_served_in_time(clients)

    warnings = [r.getMessage() for r in caplog.records if r.name == "almenbolig.cache"]
    assert len(warnings) == 1, "one warning per outage, not one per call"
    assert "unreachable" in warnings[0]


def test_every_public_page_answers_200_within_a_second_while_redis_is_paused(
    shared_cache, meeting, caplog
):
    clients = [Client(raise_request_exception=False), a_returning_visitor()]
    warm(clients)

    shared_cache.pause()
    try:
        with caplog.at_level(logging.WARNING, logger="almenbolig.cache"):
            assert_every_page_is_served_in_time(clients)
    finally:
        shared_cache.resume()

    assert any("TimeoutError" in r.getMessage() for r in caplog.records)


def test_every_public_page_answers_200_within_a_second_while_redis_is_slow(
    settings, redis_server, meeting
):
    slow = TcpProxy("127.0.0.1", redis_server.port).start()
    try:
        use_redis(settings, f"redis://127.0.0.1:{slow.port}/0")
        clients = [Client(raise_request_exception=False), a_returning_visitor()]
        warm(clients)

        slow.delay = 2.0
        assert_every_page_is_served_in_time(clients)
    finally:
        slow.stop()
        resilient._down_until.clear()


def test_the_cache_is_used_again_by_itself_when_redis_returns(shared_cache, meeting, caplog):
    client = Client(raise_request_exception=False)
    shared_cache.stop()
    assert client.get("/").status_code == 200
    assert caches["default"].get("probe", "miss") == "miss"

    shared_cache.start()
    time.sleep(1.1)  # the retry_after that this test's settings give
    with caplog.at_level(logging.WARNING, logger="almenbolig.cache"):
        caches["default"].set("probe", "stored")
        assert client.get("/").status_code == 200

    assert caches["default"].get("probe") == "stored"
    assert any("answers again" in r.getMessage() for r in caplog.records)


def test_healthz_reports_a_stopped_shared_cache_but_keeps_the_server_in_rotation(
    shared_cache, client
):
    up = client.get("/healthz")
    shared_cache.stop()
    down = client.get("/healthz")

    assert (up.status_code, up.content) == (200, b"database: ok\ncache: ok\n")
    assert (down.status_code, down.content) == (200, b"database: ok\ncache: unavailable\n")


def test_healthz_reports_a_local_cache_as_always_there(client):
    assert client.get("/healthz").content == b"database: ok\ncache: ok (local memory)\n"


# The database --------------------------------------------------------------------------------


def database_down():
    return mock.patch(
        "django.db.backends.utils.CursorWrapper.execute",
        side_effect=OperationalError("connection refused"),
    )


@pytest.mark.parametrize("path", ["/", "/referater/", "/referater/2018-05-29/", "/cookies/"])
def test_pages_answer_a_danish_503_not_500_while_the_database_is_down(path, meeting):
    client = Client(raise_request_exception=False)

    with database_down():
        response = client.get(path)

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-cache" in response["Cache-Control"]
    page = response.content.decode()
    assert "Siden er midlertidigt utilgængelig" in page
    assert '<html lang="da">' in page


def test_a_bug_is_still_a_500_and_not_hidden_as_an_outage(meeting):
    client = Client(raise_request_exception=False)

    with mock.patch("minutes.views.render", side_effect=ValueError("a bug")):
        response = client.get("/referater/2018-05-29/")

    assert response.status_code == 500
    assert "Der opstod en fejl" in response.content.decode()


def test_healthz_answers_503_when_the_database_is_down(client):
    with database_down():
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.content.startswith(b"database: unavailable\n")


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="a database server that can be unreachable"
)
@pytest.mark.django_db(transaction=True)
def test_pages_recover_by_themselves_when_postgresql_comes_back():
    """A real outage: the app reaches PostgreSQL through a proxy that the test cuts off."""
    # Pages that need no content (a transactional test may follow one that emptied the tables)
    # but ask the database on every request: the list of meetings, and the search.
    pages = ("/referater/", "/referater/soeg/?q=budget")
    settings_dict = connection.settings_dict
    original = (settings_dict["HOST"], settings_dict["PORT"])
    proxy = TcpProxy(original[0] or "127.0.0.1", int(original[1] or 5432)).start()
    client = Client(raise_request_exception=False)

    def status(path):
        # The test client leaves out what a WSGI server does around each request: closing a
        # connection that failed, so that the next request connects anew.
        close_old_connections()
        try:
            return client.get(path).status_code
        finally:
            close_old_connections()

    connection.close()
    settings_dict["HOST"], settings_dict["PORT"] = "127.0.0.1", proxy.port
    try:
        before = [status(path) for path in pages]

        proxy.cut()
        outage = [status(path) for path in pages]
        health = status("/healthz")

        proxy.restore()
        after = [status(path) for path in pages]
    finally:
        connection.close()
        settings_dict["HOST"], settings_dict["PORT"] = original
        proxy.stop()

    assert before == [200, 200]
    assert outage == [503, 503]
    assert health == 503
    assert after == [200, 200]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a database server that can hang")
@pytest.mark.django_db(transaction=True)
def test_pages_answer_at_once_while_postgresql_hangs_and_recover_after_the_pause(settings, caplog):
    """A server that accepts connections and never answers: one request waits for the connect
    timeout, the others get the 503 at once, and the pages come back after the pause."""
    settings.DATABASE_RETRY_AFTER = 1
    settings_dict = connection.settings_dict
    original = (settings_dict["HOST"], settings_dict["PORT"])
    proxy = TcpProxy(original[0] or "127.0.0.1", int(original[1] or 5432)).start()
    client = Client(raise_request_exception=False)

    def answer(path="/referater/"):
        close_old_connections()
        started = time.monotonic()
        try:
            return client.get(path).status_code, time.monotonic() - started
        finally:
            close_old_connections()

    connection.close()
    settings_dict["HOST"], settings_dict["PORT"] = "127.0.0.1", proxy.port
    try:
        before = answer()
        proxy.hang()
        with caplog.at_level(logging.WARNING):
            during = [answer() for _ in range(10)]
            health = answer("/healthz")
            proxy.resume()
            time.sleep(1.1)
            after = answer()
    finally:
        connection.close()
        settings_dict["HOST"], settings_dict["PORT"] = original
        proxy.stop()
        breaker.forget_outages()

    assert before[0] == after[0] == 200
    assert [status for status, _ in during] == [503] * 10
    assert health[0] == 503
    assert 1.5 < during[0][1] < 3, "psycopg's connect timeout (2 s), once"
    assert max(seconds for _, seconds in [*during[1:], health]) < 0.5
    messages = [r.getMessage() for r in caplog.records]
    assert len([m for m in messages if "accepts no connection within 2 s" in m]) == 1
    assert len([m for m in messages if "answers again" in m]) == 1
    assert not [r for r in caplog.records if r.name == "django.request" and r.exc_info]
