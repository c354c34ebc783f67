"""`manage.py loaddemo` fills a fresh database with a realistic, invented set of meetings."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from committee.models import Member
from minutes.models import AgendaItem, Attachment, Meeting

pytestmark = pytest.mark.django_db


def loaddemo(*args):
    out = io.StringIO()
    call_command("loaddemo", *args, stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo data, loaded once for this module's tests (which only read it), then removed."""
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")),
    ):
        yield loaddemo()
        Meeting.objects.all().delete()


def test_loaddemo_fills_several_years_of_realistic_meetings(demo):
    meetings = list(Meeting.objects.order_by("date"))
    years = {m.date.year for m in meetings}
    per_year = [sum(1 for m in meetings if m.date.year == year) for year in years]

    assert years == set(range(2018, 2027))
    assert all(4 <= count <= 6 for count in per_year)
    assert all(m.date.weekday() < 5 for m in meetings)
    assert {(m.start_time, m.place) for m in meetings} == {
        (datetime.time(17, 0), "Rådhuset, mødelokale 1")
    }
    assert all(m.items.count() >= 3 for m in meetings)
    assert "Demodata" in demo
    assert "opdigtede" in demo


def test_loaddemo_publishes_all_but_one_draft(demo):
    drafts = Meeting.objects.filter(is_published=False)

    assert drafts.count() == 1
    assert drafts.get().first_published_at is None
    assert not Meeting.objects.filter(is_published=True, first_published_at=None).exists()
    assert not Meeting.objects.filter(first_published_at__gt=timezone.now()).exists()


def test_loaddemo_has_agendas_for_coming_meetings_and_minutes_for_past_ones(demo):
    today = timezone.localdate()

    for meeting in Meeting.objects.all():
        if meeting.date > today:
            assert meeting.kind == Meeting.Kind.AGENDA
            assert not meeting.minutes_pdf
            assert not meeting.items.exclude(decision="").exists()
        else:
            assert meeting.kind == Meeting.Kind.MINUTES
            assert meeting.minutes_pdf
            assert "underskrevet" in meeting.minutes_pdf_text


def test_loaddemo_pdfs_hold_words_found_nowhere_else(demo):
    in_pdfs = Meeting.objects.filter(minutes_pdf_text__contains="underskrevet").count()

    assert in_pdfs == Meeting.objects.filter(kind=Meeting.Kind.MINUTES).count()
    assert not AgendaItem.objects.filter(title__contains="underskrevet").exists()
    assert not AgendaItem.objects.filter(case_presentation__contains="underskrevet").exists()
    assert not Meeting.objects.filter(remarks__contains="underskrevet").exists()


def test_loaddemo_has_one_closed_item_kept_out_of_its_pdf(demo):
    closed = AgendaItem.objects.get(is_closed=True)

    assert "fortrolige" in closed.case_presentation
    pdf_text = closed.meeting.minutes_pdf_text
    assert f"{closed.number}. Lukket punkt" in pdf_text
    assert closed.title not in pdf_text
    assert "fortrolig" not in pdf_text


def test_loaddemo_attachments_are_pdfs_with_text(demo):
    attachments = Attachment.objects.all()

    assert attachments.count() >= 5
    assert all(a.file.name.endswith(".pdf") and a.text for a in attachments)


def test_loaddemo_invents_no_committee_members(demo):
    assert not Member.objects.exists()
    assert Meeting.objects.first().participants.filter(member__isnull=True).count() == 7


def test_loaddemo_twice_adds_nothing(demo):
    counts = (Meeting.objects.count(), AgendaItem.objects.count(), Attachment.objects.count())

    output = loaddemo()

    assert (Meeting.objects.count(), AgendaItem.objects.count(), Attachment.objects.count()) == (
        counts
    )
    assert "Ingen nye møder" in output
