"""
The minutes the browser tests read: a small archive over two years, built by `build_archive`.

- 29 May 2018, the full meeting: members present and absent, remarks, a minutes PDF, three items
  (one with every section and an attachment, one closed with secret text; the open ones with
  their outcome);
- 4 September 2018, an agenda (dagsorden) with one item;
- 12 March 2019, minutes published as a PDF only, with a word that occurs nowhere else.

Tests import the constants below instead of repeating the text.
"""

import datetime
import functools

from django.core.files.base import ContentFile

MEETING_DATE = datetime.date(2018, 5, 29)
MEETING_PATH = "/referater/2018-05-29/"
MEETING_TITLE = "Referat – Almenboligudvalg Hvidovre den 29. maj 2018"
MEETING_ROW = "Tirsdag den 29. maj 2018"

OPEN_ITEM_TITLE = "Helhedsplan for Avedøre Stationsby"
OPEN_ITEM_HEADING = f"2. {OPEN_ITEM_TITLE}"
ATTACHMENT_TITLE = "Helhedsplan, oversigt over boligerne"
CLOSED_ITEM_SECRET = "Lejer i opgang 7B skylder 48.000 kr. i husleje"

PDF_ONLY_MEETING_PATH = "/referater/2019-03-12/"
PDF_ONLY_MEETING_TITLE = "Referat – Almenboligudvalg Hvidovre den 12. marts 2019"
# Stands only in the text layer of the 2019 minutes PDF: found only if PDF text is searched.
PDF_ONLY_WORD = "regnvandsbassin"

MEMBERS = [
    ("Helle M. Adelborg", "A", 1),
    ("Bente Berg", "V", 2),
    ("Carl Cort", "C", 3),
    ("Dorthe Dam", "F", 3),
]


@functools.cache
def pdf_bytes(title, *paragraphs):
    """A real PDF with a text layer; the same bytes are reused across tests (they never change)."""
    from minutes.demo import make_pdf

    return make_pdf(title, paragraphs)


def pdf_upload(title, *paragraphs):
    return ContentFile(pdf_bytes(title, *paragraphs), name="referat.pdf")


def build_archive(make_meeting, committee):
    """Create the three published meetings; returns the full one (29 May 2018)."""
    from committee.models import Member
    from minutes.models import Attachment, Participant

    members = {
        name: Member.objects.create(committee=committee, name=name, party=party, role=role)
        for name, party, role in MEMBERS
    }
    meeting = make_meeting(
        MEETING_DATE,
        remarks="Bente Berg (V) deltog som stedfortræder for Carl Cort (C).",
        minutes_pdf=pdf_upload(MEETING_TITLE, "Godkendelse af dagsorden.", OPEN_ITEM_TITLE),
        items=[
            {
                "title": "Godkendelse af dagsorden",
                "decision": "Dagsordenen blev godkendt.",
                "outcome": "godkendt",
            },
            {
                "title": OPEN_ITEM_TITLE,
                "decision_theme": "Udvalget skal tage stilling til den boligsociale helhedsplan.",
                "recommendation": "Administrationen indstiller, at helhedsplanen godkendes.",
                "decision": "Indstillingen blev godkendt.",
                "outcome": "anbefalet",
                "case_presentation": (
                    "Helhedsplanen omfatter 1.200 almene familieboliger.\n\n"
                    "Boligselskabet har søgt Landsbyggefonden om støtte."
                ),
                "economic_consequences": "Ingen for kommunen.",
            },
            {
                "title": "Huslejerestance i Avedøre",
                "is_closed": True,
                "case_presentation": CLOSED_ITEM_SECRET,
                "decision": "Tiltrådt.",
            },
        ],
    )
    for position, name in enumerate(["Helle M. Adelborg", "Bente Berg", "Dorthe Dam"], 1):
        Participant.objects.create(meeting=meeting, member=members[name], position=position)
    Participant.objects.create(
        meeting=meeting, member=members["Carl Cort"], status=Participant.Status.ABSENT
    )
    Attachment.objects.create(
        item=meeting.items.get(number=2),
        title=ATTACHMENT_TITLE,
        file=ContentFile(pdf_bytes(ATTACHMENT_TITLE, "Oversigt."), name="bilag.pdf"),
    )

    make_meeting(
        "2018-09-04",
        kind="dagsorden",
        items=[
            {"title": "Orientering om renovering af Friheden", "decision_theme": "Til orientering."}
        ],
    )
    make_meeting(
        "2019-03-12",
        place="Rådhuset, mødelokale 2",
        minutes_pdf=pdf_upload(
            PDF_ONLY_MEETING_TITLE,
            f"Udvalget drøftede et nyt {PDF_ONLY_WORD} ved Risbjergvej.",
            "Sagen blev sendt videre til Økonomiudvalget.",
        ),
    )
    return meeting


CORRECTION_REASON = "Forkert dato for næste møde"
CORRECTIONS_PATH = "/referater/2018-05-29/rettelser/"


def correct_meeting(meeting):
    """Correct the full meeting after publication, as a clerk's save would."""
    from minutes import changesets
    from minutes.models import Attachment

    with changesets.change_set(reason=CORRECTION_REASON):
        meeting.remarks = (
            "Bente Berg (V) deltog som stedfortræder for Carl Cort (C). Næste møde er den 19. juni."
        )
        meeting.save()
        item = meeting.items.get(number=2)
        item.decision = "Indstillingen blev godkendt med den ændring, at planen deles i to etaper."
        item.save()
        attachment = Attachment.objects.get(item=item)
        attachment.file = ContentFile(pdf_bytes(ATTACHMENT_TITLE, "Rettet oversigt."), name="b.pdf")
        attachment.save()
    meeting.refresh_from_db()
    return meeting
