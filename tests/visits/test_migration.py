"""
The statistics moved from the consent app to visits: what was counted before the move, and the
permissions staff were given on it, are still there after `migrate`.

Each test takes the test database back to the last state before the move (consent 0002, no
visits), writes there with the models of that state, and migrates forward again.
"""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE_THE_MOVE = [("consent", "0002_cookie_groups"), ("visits", None)]

DAY = datetime.date(2026, 3, 2)


@pytest.fixture
def migrate(transactional_db):
    """migrate(targets) moves the database to targets and returns the models of that state;
    migrate() goes to the latest migrations."""
    executor = MigrationExecutor(connection)

    def to(targets=None):
        executor.loader.build_graph()
        targets = targets or executor.loader.graph.leaf_nodes()
        executor.migrate(targets)
        ContentType.objects.clear_cache()
        executor.loader.build_graph()  # reads which migrations are applied now
        return executor.loader.project_state(list(executor.loader.applied_migrations)).apps

    yield to
    to()  # whatever the test did, the database is left at the latest migrations


def test_page_views_and_visitors_counted_before_the_move_survive_it(migrate):
    old = migrate(BEFORE_THE_MOVE)
    old.get_model("consent", "PageView").objects.bulk_create(
        [
            old.get_model("consent", "PageView")(day=DAY, path="/", views=7),
            old.get_model("consent", "PageView")(day=DAY, path="/referater/2018-05-29/", views=3),
        ]
    )
    old.get_model("consent", "DailyVisitor").objects.create(day=DAY, visitor_hash="a" * 64)

    new = migrate()

    PageView = new.get_model("visits", "PageView")
    DailyVisitor = new.get_model("visits", "DailyVisitor")
    assert set(PageView.objects.values_list("day", "path", "views")) == {
        (DAY, "/", 7),
        (DAY, "/referater/2018-05-29/", 3),
    }
    assert list(DailyVisitor.objects.values_list("day", "visitor_hash")) == [(DAY, "a" * 64)]


def test_counting_goes_on_in_the_moved_rows(migrate):
    old = migrate(BEFORE_THE_MOVE)
    old.get_model("consent", "PageView").objects.create(day=DAY, path="/", views=7)
    old.get_model("consent", "DailyVisitor").objects.create(day=DAY, visitor_hash="a" * 64)

    migrate()

    from visits.models import DailyVisitor, PageView

    # The upsert and the insert-ignore rely on the unique constraints, under their new names.
    PageView.objects.record(DAY, "/")
    PageView.objects.record(DAY, "/cookies/")
    DailyVisitor.objects.record(DAY, "a" * 64)
    DailyVisitor.objects.record(DAY, "b" * 64)
    assert dict(PageView.objects.filter(day=DAY).values_list("path", "views")) == {
        "/": 8,
        "/cookies/": 1,
    }
    assert DailyVisitor.objects.filter(day=DAY).count() == 2


def test_permission_to_see_the_statistics_follows_the_models(migrate, django_user_model):
    old = migrate(BEFORE_THE_MOVE)
    Permission = old.get_model("auth", "Permission")
    Group = old.get_model("auth", "Group")
    view_pageview = Permission.objects.get(
        content_type__app_label="consent", codename="view_pageview"
    )
    Group.objects.create(name="Statistik").permissions.add(view_pageview)

    migrate()

    user = django_user_model.objects.create_user("statistiker", is_staff=True)
    user.groups.add(*user.groups.model.objects.filter(name="Statistik"))
    assert user.has_perm("visits.view_pageview")
    assert not ContentType.objects.filter(app_label="consent", model="pageview").exists()


def test_the_move_can_be_undone_without_losing_rows(migrate):
    migrate()
    from visits.models import PageView

    PageView.objects.create(day=DAY, path="/", views=5)

    old = migrate(BEFORE_THE_MOVE)

    assert list(old.get_model("consent", "PageView").objects.values_list("path", "views")) == [
        ("/", 5)
    ]
