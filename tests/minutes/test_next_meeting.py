"""The next meeting with a published agenda, on the committee page and in the archive."""

import datetime

import pytest
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from minutes.presentation import weekday_date

pytestmark = pytest.mark.django_db


def days_from_today(days):
    return timezone.localdate() + datetime.timedelta(days=days)


@pytest.fixture
def agenda_in_a_week(make_meeting):
    return make_meeting(days_from_today(7), kind="dagsorden", place="Rådhuset, mødelokale 2")


@pytest.mark.parametrize("url", ["/", "/referater/"])
def test_the_next_meeting_is_shown_with_a_link_to_its_agenda(client, agenda_in_a_week, url):
    response = client.get(url)

    assertContains(response, "Næste møde")
    when = weekday_date(agenda_in_a_week.date)
    assertContains(
        response,
        f'<a href="{agenda_in_a_week.get_absolute_url()}"><span class="nowrap">{when}</span>'
        " kl. 17:00</a>",
        html=True,
    )
    assertContains(response, "Rådhuset, mødelokale 2")


@pytest.mark.parametrize("url", ["/", "/referater/"])
def test_past_meetings_and_unpublished_agendas_are_not_next(client, make_meeting, url):
    make_meeting(days_from_today(-3), kind="dagsorden")
    make_meeting(days_from_today(10), kind="dagsorden", published=False)
    make_meeting(days_from_today(-30), kind="referat")

    assertNotContains(client.get(url), "Næste møde")


def test_the_archive_stops_calling_a_meeting_next_the_day_after_it(
    client, agenda_in_a_week, monkeypatch
):
    assertContains(client.get("/referater/"), "Næste møde")
    eight_days_on = days_from_today(8)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: eight_days_on)

    # The kept copy of the list is not used: its day has passed.
    assertNotContains(client.get("/referater/"), "Næste møde")


def test_several_coming_meetings_are_listed_soonest_first(client, make_meeting):
    later = make_meeting(days_from_today(40), kind="dagsorden")
    sooner = make_meeting(days_from_today(5), kind="dagsorden")

    html = client.get("/").content.decode()

    assert "Næste møder" in html
    assert html.index(sooner.get_absolute_url()) < html.index(later.get_absolute_url())
