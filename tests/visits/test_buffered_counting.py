"""
With VISITS_FLUSH_SECONDS set (as in production), a process adds its page views up in memory and
writes them together (visits.buffer). The test settings write every view at once; these tests turn
the buffer on, with an interval long enough that its timer never fires unless a test wants it to.
"""

import datetime
import runpy
import threading
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.db import OperationalError, connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from pytest_django.asserts import assertContains

from visits import buffer as visits_buffer
from visits.buffer import buffer
from visits.counting import record_view
from visits.models import DailyVisitor, PageView

ROOT = Path(__file__).resolve().parents[2]


def counts():
    return {row.path: row.views for row in PageView.objects.all()}


@pytest.fixture
def buffered(db):
    with override_settings(VISITS_FLUSH_SECONDS=3600):
        yield buffer
        # Whatever a test left behind is written inside its own transaction, rolled back after.
        buffer.flush()


def locked(*args, **kwargs):
    raise OperationalError("database is locked")


def test_counted_views_cost_no_query_until_they_are_written(
    buffered, told_client, django_assert_num_queries
):
    Client().get("/cookies/")  # cookie groups are cached from here on

    with django_assert_num_queries(0):
        told_client.get("/tilgaengelighed/")
        told_client.get("/tilgaengelighed/")

    assert not PageView.objects.exists()
    assert not DailyVisitor.objects.exists()
    assert len(buffered) == 2  # one page, one new visitor


def test_buffered_views_are_written_summed_in_one_upsert_and_visitors_once(
    buffered, told_client, new_told_client
):
    for path in ("/", "/", "/tilgaengelighed/", "/"):
        told_client.get(path)
    new_told_client().get("/")

    with CaptureQueriesContext(connection) as captured:
        visits_buffer.flush()

    inserts = [q["sql"] for q in captured.captured_queries if q["sql"].startswith("INSERT")]
    assert len(inserts) == 2
    assert sum(PageView._meta.db_table in sql for sql in inserts) == 1
    assert sum(DailyVisitor._meta.db_table in sql for sql in inserts) == 1
    assert counts() == {"/": 4, "/tilgaengelighed/": 1}
    assert DailyVisitor.objects.filter(day=timezone.localdate()).count() == 2
    assert len(buffered) == 0


def test_a_flush_adds_to_the_days_count_already_written(buffered):
    today = timezone.localdate()
    PageView.objects.create(day=today, path="/", views=5)
    PageView.objects.create(day=today - datetime.timedelta(days=1), path="/", views=3)

    for _ in range(2):
        record_view("/", "A" * 22)
    visits_buffer.flush()

    assert PageView.objects.get(day=today).views == 7
    assert PageView.objects.get(day=today - datetime.timedelta(days=1)).views == 3


def test_a_visitor_seen_by_an_earlier_flush_is_not_noted_again(buffered):
    record_view("/", "A" * 22)
    visits_buffer.flush()
    record_view("/cookies/", "A" * 22)

    assert len(buffered) == 1  # the page only
    visits_buffer.flush()
    assert DailyVisitor.objects.count() == 1
    assert counts() == {"/": 1, "/cookies/": 1}


def test_a_full_buffer_is_written_at_once(buffered, told_client, monkeypatch):
    monkeypatch.setattr(buffered, "CAP", 3)

    told_client.get("/")  # the page and the visitor: two entries
    assert not PageView.objects.exists()
    told_client.get("/cookies/")  # the third

    assert counts() == {"/": 1, "/cookies/": 1}
    assert DailyVisitor.objects.count() == 1
    assert len(buffered) == 0


def test_a_failed_flush_is_logged_and_does_not_break_the_page(
    buffered, told_client, monkeypatch, caplog
):
    monkeypatch.setattr(buffered, "CAP", 2)
    with monkeypatch.context() as database:
        database.setattr(PageView.objects, "record_counts", locked)
        response = told_client.get("/tilgaengelighed/")  # fills the buffer: written at once

    assert response.status_code == 200
    assert "Could not write 1 page views and 1 visitors" in caplog.text
    assert not PageView.objects.exists()
    assert not DailyVisitor.objects.exists()
    assert len(buffered) == 0  # dropped, not kept to fail again

    # The visitor whose first view was lost is noted with their next one.
    told_client.get("/tilgaengelighed/")

    assert counts() == {"/tilgaengelighed/": 1}
    assert DailyVisitor.objects.count() == 1


def test_the_gunicorn_worker_exit_hook_writes_the_workers_views(buffered):
    record_view("/", "A" * 22)
    record_view("/", "B" * 22)
    worker_exit = runpy.run_path(str(ROOT / "gunicorn.conf.py"))["worker_exit"]

    worker_exit(server=None, worker=None)

    assert counts() == {"/": 2}
    assert DailyVisitor.objects.count() == 2


def test_views_added_from_many_threads_are_all_counted(buffered):
    # As under runserver, which answers each request in a thread of its own.
    def count_views():
        for _ in range(500):
            buffered.add(timezone.localdate(), "/")

    threads = [threading.Thread(target=count_views) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    visits_buffer.flush()

    assert counts() == {"/": 4000}


def test_the_statistics_page_shows_the_views_of_its_own_process_and_says_others_lag(
    buffered, told_client, django_user_model
):
    staff = django_user_model.objects.create_user("referent", is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="view_pageview"))
    told_client.get("/")
    told_client.get("/")
    clerk = Client()
    clerk.force_login(staff)

    page = clerk.get("/admin/visits/pageview/")

    assert page.context["total_views"] == 2
    assert page.context["total_visitors"] == 1
    assertContains(page, "Nye sidevisninger kan være op til 3600 sekunder om at komme med")


@pytest.mark.django_db(transaction=True)
def test_a_quiet_process_writes_its_views_when_the_interval_has_passed():
    with override_settings(VISITS_FLUSH_SECONDS=0.05):
        record_view("/", "A" * 22)
        timer = buffer._timer
        assert timer is not None
        timer.join(timeout=10)

    assert counts() == {"/": 1}
    assert DailyVisitor.objects.count() == 1
    assert len(buffer) == 0
