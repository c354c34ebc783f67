"""Visitor keys are kept for a retention period (VISITS_VISITOR_RETENTION_DAYS, 90 days) and then
pruned by `manage.py prune_visits`; page counts per page and day for longer
(VISITS_PAGE_RETENTION_DAYS, two years); /cookies/ says so."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from tests.markup import element, text
from visits.models import DailyVisitor, PageView

pytestmark = pytest.mark.django_db


def days_ago(n):
    return timezone.localdate() - datetime.timedelta(days=n)


@pytest.fixture
def statistics():
    for age in (0, 89, 90, 91, 400):
        DailyVisitor.objects.record(days_ago(age), f"{age:064d}")
        PageView.objects.record(days_ago(age), "/referater/")


def prune(*args):
    out = io.StringIO()
    call_command("prune_visits", *args, stdout=out)
    return out.getvalue()


def test_visitor_keys_older_than_90_days_are_pruned_and_page_counts_stay_longer(statistics):
    report = prune()

    kept = sorted(DailyVisitor.objects.values_list("day", flat=True))
    assert kept == [days_ago(90), days_ago(89), days_ago(0)]
    assert PageView.objects.count() == 5, "page counts are kept for two years"
    assert report.startswith("Slettede 2 besøgsnøgler")


def test_the_retention_period_is_a_setting(settings, statistics):
    settings.VISITS_VISITOR_RETENTION_DAYS = 30

    prune()

    assert sorted(DailyVisitor.objects.values_list("day", flat=True)) == [days_ago(0)]


def test_pruning_twice_deletes_nothing_more(statistics):
    prune()

    assert prune().startswith("Slettede 0 besøgsnøgler")
    assert DailyVisitor.objects.count() == 3


def test_the_cookie_policy_says_how_long_what_is_kept(client, settings):
    settings.VISITS_VISITOR_RETENTION_DAYS = 60
    settings.VISITS_PAGE_RETENTION_DAYS = 500

    paragraph = text(element(client.get("/cookies/"), "p", id="opbevaring"))

    assert "sletter vi automatisk, når de er 60 dage gamle" in paragraph
    assert "Antallet af visninger pr. side og dag sletter vi, når det er 500 dage gammelt" in (
        paragraph
    )
