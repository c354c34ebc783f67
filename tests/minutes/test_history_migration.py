"""The files the site kept before it had a history are carried into it (migration 0008).

The database is taken back to 0006, filled the way the old code filled it (MinutesPdfVersion,
AttachmentVersion, corrected_at), and migrated forward again.
"""

import datetime
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from minutes.corrections import corrections_for
from minutes.models import Attachment, Meeting, RecordKind

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("minutes", "0006_decisions_votes_and_imports")]


def at(day, hour=12):
    return timezone.make_aware(datetime.datetime(2018, 6, day, hour))


def migrate_to(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def old_site(media_root):
    """The old tables, as the site before history left them; the files in storage."""
    apps = migrate_to(BEFORE)
    yield apps
    call_command("migrate", verbosity=0)


def stored(media_root, name):
    path = media_root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"%PDF-1.4 " + name.encode())
    return name


def test_kept_pdfs_and_attachments_become_corrections_with_their_files(
    client, old_site, media_root
):
    apps = old_site
    # A test before may have flushed the seeded committee away.
    committee, _ = apps.get_model("committee", "Committee").objects.get_or_create(
        name="Almenboligudvalg Hvidovre"
    )
    Meeting_ = apps.get_model("minutes", "Meeting")
    corrected = Meeting_.objects.create(
        committee=committee,
        date=datetime.date(2018, 5, 29),
        kind="referat",
        is_published=True,
        first_published_at=at(1),
        corrected_at=at(3),
        minutes_pdf=stored(media_root, "referater/c.pdf"),
    )
    apps.get_model("minutes", "MinutesPdfVersion").objects.bulk_create(
        [
            apps.get_model("minutes", "MinutesPdfVersion")(
                meeting=corrected, file=stored(media_root, "referater/a.pdf"), replaced_at=at(2)
            ),
            apps.get_model("minutes", "MinutesPdfVersion")(
                meeting=corrected, file=stored(media_root, "referater/b.pdf"), replaced_at=at(3)
            ),
        ]
    )
    item = apps.get_model("minutes", "AgendaItem").objects.create(
        meeting=corrected, number=1, title="Helhedsplan", decision="Godkendt."
    )
    apps.get_model("minutes", "Attachment").objects.create(
        item=item, title="Oversigt", file=stored(media_root, "bilag/ny.pdf")
    )
    Version = apps.get_model("minutes", "AttachmentVersion")
    Version.objects.create(
        item=item, title="Oversigt", file=stored(media_root, "bilag/gammel.pdf"), replaced_at=at(4)
    )
    removed = Version.objects.create(
        item=item, title="Tidsplan", file=stored(media_root, "bilag/fjernet.pdf"), replaced_at=at(5)
    )
    converted = Meeting_.objects.create(
        committee=committee,
        date=datetime.date(2018, 6, 12),
        kind="referat",
        is_published=True,
        first_published_at=at(6),
        minutes_pdf=stored(media_root, "referater/referat.pdf"),
    )
    apps.get_model("minutes", "MinutesPdfVersion").objects.create(
        meeting=converted, file=stored(media_root, "referater/dagsorden.pdf"), replaced_at=at(14)
    )
    unrecorded = Meeting_.objects.create(
        committee=committee,
        date=datetime.date(2018, 8, 14),
        is_published=True,
        first_published_at=at(20),
        corrected_at=at(21),
    )

    call_command("migrate", verbosity=0)

    first = Meeting.objects.get(pk=corrected.pk)
    found = corrections_for([first])
    changes = [
        (
            c.when,
            [
                (p.label, getattr(p.before, "file_name", None), getattr(p.after, "file_name", None))
                for g in c.groups
                for p in g.parts
            ],
        )
        for c in found
    ]
    assert changes == [
        (at(5), [("Bilag", "bilag/fjernet.pdf", None)]),
        (at(4), [("Bilag", "bilag/gammel.pdf", "bilag/ny.pdf")]),
        (at(3), [("Referat som PDF", "referater/b.pdf", "referater/c.pdf")]),
        (at(2), [("Referat som PDF", "referater/a.pdf", "referater/b.pdf")]),
    ]
    assert Attachment.history.filter(id=-removed.pk, history_type="-").exists()

    # The agenda's PDF is kept, but the minutes taking its place was no correction.
    assert corrections_for([Meeting.objects.get(pk=converted.pk)]) == []
    kept = Meeting.history.get(id=converted.pk, minutes_pdf="referater/dagsorden.pdf")
    assert kept.record_kind == RecordKind.CHANGE  # the state before: the agenda
    assert Meeting.history.filter(id=converted.pk, record_kind=RecordKind.AGENDA_TO_MINUTES)

    (known_only_by_date,) = corrections_for([Meeting.objects.get(pk=unrecorded.pk)])
    assert (known_only_by_date.when, known_only_by_date.unrecorded) == (at(21), True)

    page = client.get("/referater/2018-05-29/rettelser/")
    assert page.status_code == 200
    links = set(
        re.findall(r'href="(/referater/2018-05-29/rettelser/[^"]+\.pdf)"', page.content.decode())
    )
    downloads = {b"".join(client.get(url).streaming_content) for url in links}
    assert downloads == {
        f"%PDF-1.4 {name}".encode()
        for name in [
            "referater/a.pdf",
            "referater/b.pdf",
            "referater/c.pdf",
            "bilag/gammel.pdf",
            "bilag/ny.pdf",
            "bilag/fjernet.pdf",
        ]
    }
    unrecorded_page = client.get("/referater/2018-08-14/rettelser/")
    assert "før siden registrerede, hvad der blev ændret" in unrecorded_page.content.decode()
