"""A clerk's document made into a meeting: new drafts, repeated imports, published meetings left
alone, and an agenda that becomes the minutes at the same permalink."""

import datetime

import pytest

from committee.models import Member
from minutes.corrections import corrections_for
from minutes.demo import make_pdf
from minutes.importing import parse_text
from minutes.imports import CREATED, TURNED_INTO_MINUTES, UPDATED, ImportRefused, import_document
from minutes.models import Meeting

from .documents_as_pdf import public_version
from .documents_for_tests import minutes_text

pytestmark = pytest.mark.django_db


def import_text(text, committee, **options):
    return import_document(parse_text(text), committee=committee, **options)


def test_pasted_minutes_become_a_draft_with_facts_people_items_and_decisions(committee):
    result = import_text(minutes_text(), committee, source_name="indsat tekst")

    meeting = result.meeting
    assert result.base_action == CREATED
    assert not meeting.is_published
    assert meeting.kind == Meeting.Kind.MINUTES
    assert meeting.date == datetime.date(2018, 5, 29)
    assert meeting.start_time == datetime.time(17, 0)
    assert meeting.place == "Rådhuset, mødelokale 1"
    assert "direktør Eva Opdigtet" in meeting.remarks
    assert [(p.display_name, p.status) for p in meeting.participants.all()] == [
        ("Anne Eksempel (A)", "til_stede"),
        ("Bent Prøvesen (V)", "til_stede"),
        ("Dorthe Fiktiv (C)", "til_stede"),
        ("Camilla Demo (F)", "afbud"),
    ]
    first, second, third = meeting.items.all()
    assert (first.number, first.title, first.outcome) == (1, "Godkendelse af dagsorden", "godkendt")
    assert second.title == "Helhedsplan for Friheden – skema A"
    assert second.decision_theme.startswith("Udvalget skal tage stilling til skema A")
    assert "1. skema A anbefales over for Økonomiudvalget" in second.recommendation
    assert second.outcome == "anbefalet"
    assert sorted((v.party, v.position) for v in second.votes.all()) == [
        ("A", "for"),
        ("C", "for"),
        ("O", "imod"),
        ("V", "for"),
    ]
    assert [a.title for a in second.attachments.all()] == [
        "Skema A for Friheden",
        "Tidsplan for renoveringen",
    ]
    assert not any(a.file for a in second.attachments.all())
    assert third.is_closed
    assert "Fortrolige oplysninger" in third.case_presentation
    assert "3 punkter" in meeting.report.head


def test_participants_are_linked_to_the_committees_members_by_name(committee):
    anne = Member.objects.create(committee=committee, name="Anne Eksempel", party="A")

    meeting = import_text(minutes_text(), committee).meeting

    linked = meeting.participants.get(member=anne)
    assert (linked.name, linked.party, linked.display_name) == ("", "", "Anne Eksempel (A)")
    assert meeting.participants.filter(member__isnull=True).count() == 3


def test_importing_the_same_document_twice_creates_nothing_twice(committee):
    first = import_text(minutes_text(), committee)
    second = import_text(minutes_text(), committee)

    assert second.base_action == UPDATED
    assert second.meeting.pk == first.meeting.pk
    assert Meeting.objects.count() == 1
    assert second.meeting.items.count() == 3
    assert second.meeting.participants.count() == 4
    assert sum(item.attachments.count() for item in second.meeting.items.all()) == 2


def test_a_published_meeting_is_never_overwritten(committee):
    meeting = import_text(minutes_text(), committee).meeting
    meeting.publish()
    meeting.save()

    with pytest.raises(ImportRefused, match="er offentliggjort og bliver ikke overskrevet"):
        import_text(minutes_text().replace("Anbefales.", "Afvist."), committee)

    assert meeting.items.get(number=2).decision.startswith("Anbefales.")


def test_a_draft_written_by_hand_is_left_alone(committee, make_meeting):
    make_meeting("2018-05-29", published=False, items=[{"title": "Skrevet i hånden"}])

    with pytest.raises(ImportRefused, match="skrevet i hånden"):
        import_text(minutes_text(), committee)

    assert list(Meeting.objects.get().items.values_list("title", flat=True)) == ["Skrevet i hånden"]


def test_the_minutes_turn_a_published_agenda_into_minutes_at_the_same_permalink(
    committee, media_root, pdf_file
):
    agenda_pdf = pdf_file("Dagsorden", name="dagsorden.pdf")
    agenda = import_text(
        minutes_text(kind="Dagsorden", decisions=False), committee, pdf=agenda_pdf
    ).meeting
    agenda.publish()
    agenda.save()
    url, anchors = agenda.get_absolute_url(), [i.anchor for i in agenda.items.all()]
    agenda_file = agenda.minutes_pdf.name

    result = import_text(minutes_text(), committee, pdf=pdf_file("Referat", name="referat.pdf"))

    meeting = result.meeting
    assert result.base_action == TURNED_INTO_MINUTES
    assert meeting.pk == agenda.pk
    assert meeting.kind == Meeting.Kind.MINUTES
    assert meeting.is_published
    assert meeting.get_absolute_url() == url
    assert [i.anchor for i in meeting.items.all()] == anchors
    assert meeting.items.get(number=2).outcome == "anbefalet"
    assert agenda_file in meeting.history.values_list("minutes_pdf", flat=True)
    # The minutes taking the agenda's place is not a correction.
    meeting.refresh_from_db()
    assert meeting.corrected_at is None
    assert corrections_for([meeting]) == []


def test_an_agenda_is_not_imported_over_minutes(committee):
    import_text(minutes_text(), committee)

    with pytest.raises(ImportRefused, match="allerede et referat"):
        import_text(minutes_text(kind="Dagsorden", decisions=False), committee)


def test_publish_publishes_only_what_was_read_without_notes(committee):
    clean = import_text(minutes_text(), committee, publish=True)
    doubtful = import_text(
        minutes_text(date="Onsdag den 13. juni 2018", short_date="13-06-2018").replace(
            "Sagsfremstilling\nHelhedsplanen",
            "Lovgrundlag\nAlmenboligloven.\nSagsfremstilling\nHelhedsplanen",
        ),
        committee,
        publish=True,
    )

    assert clean.published and clean.meeting.is_published
    assert doubtful.notes
    assert not doubtful.published and not doubtful.meeting.is_published
    assert "Lovgrundlag" in " ".join(doubtful.meeting.report.lines())


def test_a_dry_run_saves_nothing(committee):
    result = import_text(minutes_text(), committee, dry_run=True)

    assert "prøvekørsel" in result.summary()
    assert not Meeting.objects.exists()


def test_a_document_without_a_date_is_refused_in_danish(committee):
    text = (
        minutes_text()
        .replace("Dato: Tirsdag den 29. maj 2018", "")
        .replace("Referat – Almenboligudvalg Hvidovre den 29. maj 2018", "Referat")
    )

    with pytest.raises(ImportRefused, match="Mødets dato står ikke i dokumentet"):
        import_text(text, committee)


def test_the_uploaded_pdf_becomes_the_meetings_pdf_once(committee, media_root):
    content = make_pdf("Referat", ["Godkendt."])
    from django.core.files.base import ContentFile

    # The public version: a PDF with a closed item's text is withheld instead (its own tests).
    text = public_version(minutes_text())
    first = import_text(text, committee, pdf=ContentFile(content), source_name="r.pdf")
    stored = first.meeting.minutes_pdf.name
    second = import_text(text, committee, pdf=ContentFile(content), source_name="r.pdf")

    assert stored
    assert second.meeting.minutes_pdf.name == stored
