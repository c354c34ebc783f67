"""Import reports written before the notes knew their item (lines of text) still show, as notes
(migration 0017); and going back gives the lines again."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from minutes.models import Meeting
from tests.markup import element, elements, text

from .test_clerk_admin import change_url

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("minutes", "0016_vote_awaiting")]
AFTER = [("minutes", "0017_import_report_notes")]

OLD_REPORT = "\n".join(
    [
        "Indlæst 03-06-2024 kl. 14:10 fra “referat.pdf”: 3 punkter, 4 deltagere.",
        "Sidehoveder, sidefødder og sidetal er fjernet, fx “Side 1 af 3”.",
        "Punkt 2: afsnittet “Lovgrundlag” er ikke et kendt afsnit og er lagt ind under "
        "Sagsfremstilling.",
        "Der blev ikke fundet et mødested.",
    ]
)


def migrate_to(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def committee(db):
    """The committee, also after a transactional test before has flushed the seeded one away."""
    from committee.models import Committee

    return Committee.objects.get_or_create(name="Almenboligudvalg Hvidovre")[0]


@pytest.fixture
def old_site():
    apps = migrate_to(BEFORE)
    yield apps
    call_command("migrate", verbosity=0)


def old_meeting(apps, day, report):
    committee, _ = apps.get_model("committee", "Committee").objects.get_or_create(
        name="Almenboligudvalg Hvidovre"
    )
    meeting = apps.get_model("minutes", "Meeting").objects.create(
        committee=committee, date=datetime.date(2024, 6, day), import_report=report
    )
    apps.get_model("minutes", "AgendaItem").objects.create(
        meeting=meeting, number=1, title="Godkendelse af dagsorden"
    )
    apps.get_model("minutes", "AgendaItem").objects.create(
        meeting=meeting, number=2, title="Helhedsplan"
    )
    return meeting.pk


def test_an_old_report_becomes_notes_that_still_show_on_the_form(old_site, django_app, clerk):
    imported = old_meeting(old_site, 3, OLD_REPORT)
    by_hand = old_meeting(old_site, 4, "")

    call_command("migrate", verbosity=0)

    report = Meeting.objects.get(pk=imported).report
    assert report.head == "Indlæst 03-06-2024 kl. 14:10 fra “referat.pdf”: 3 punkter, 4 deltagere."
    assert [(note.item, note.check) for note in report.notes] == [
        (None, False),
        (2, True),
        (None, True),
    ]
    assert report.lines() == OLD_REPORT.splitlines()
    assert Meeting.objects.get(pk=by_hand).import_report == {}

    page = django_app.get(change_url(Meeting.objects.get(pk=imported)), user=clerk)
    lines = [
        text(line).replace(" : ", ": ")
        for line in elements(element(page, "details", class_="import-report"), "li")
    ]
    assert lines == [
        "Indlæst 03-06-2024 kl. 14:10 fra “referat.pdf”: 3 punkter, 4 deltagere.",
        "Sidehoveder, sidefødder og sidetal er fjernet, fx “Side 1 af 3”.",
        "Punkt 2: Afsnittet “Lovgrundlag” er ikke et kendt afsnit og er lagt ind under "
        "Sagsfremstilling.",
        "Der blev ikke fundet et mødested.",
    ]
    summaries = [text(s) for s in elements(page, "summary") if text(s)[:1].isdigit()]
    assert summaries == ["1. Godkendelse af dagsorden", "2. Helhedsplan Tjek: 1 note"]


def test_a_report_read_all_well_is_kept_as_all_well(old_site):
    pk = old_meeting(
        old_site,
        5,
        "Indlæst 05-06-2024 kl. 09:00: 2 punkter, 5 deltagere.\nAlt i dokumentet blev genkendt.",
    )

    call_command("migrate", verbosity=0)

    report = Meeting.objects.get(pk=pk).report
    assert report.notes == []
    assert report.lines()[-1] == "Alt i dokumentet blev genkendt."


def test_migrating_back_gives_the_lines_again(old_site):
    pk = old_meeting(old_site, 3, OLD_REPORT)
    migrate_to(AFTER)

    apps = migrate_to(BEFORE)

    assert apps.get_model("minutes", "Meeting").objects.get(pk=pk).import_report == OLD_REPORT
