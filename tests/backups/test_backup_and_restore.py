"""`manage.py backup` and `restore`: the same public site, page for page and byte for byte.

Runs on the test database itself (SQLite or PostgreSQL, as `DATABASE_URL` says): the site is
built, every public page and file fetched, the backup written, the database and the media folder
wiped, the backup restored, and everything fetched again.
"""

import datetime
import importlib
import io
import re
import shutil
import tarfile

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.test import Client

from committee.models import Committee
from minutes import changesets
from minutes.demo import make_pdf
from minutes.models import AgendaItem, Attachment, Meeting, Participant, Vote

pytestmark = pytest.mark.django_db(transaction=True)

SEEDS = [
    ("committee", "0002_seed_committee_content", "load"),
    ("consent", "0002_cookie_groups", "create_groups"),
]
# Where the crawl starts besides the front page: what no page links to.
ENTRY_POINTS = [
    "/",
    "/robots.txt",
    "/sitemap.xml",
    "/referater/rss/",
    "/referater/rettelser/rss/",
    "/referater/kalender.ics",
    "/referater/soeg/?q=helhedsplan",
    "/referater/1999-01-01/",
]
NOT_PUBLIC = ("/admin/", "/static/", "/cookies/accepter/", "/cookies/afvis/")
LINKS = re.compile(rb'(?:href|src)="([^"#]*)|<loc>([^<]*)</loc>|<link>([^<]*)</link>')
CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]*"')


def pdf(*paragraphs):
    return SimpleUploadedFile("fil.pdf", make_pdf("Dokument", paragraphs), "application/pdf")


@pytest.fixture
def site(settings, tmp_path):
    """A site with published minutes, a draft, closed items, corrections and a removed file."""
    settings.MEDIA_ROOT = tmp_path / "media"
    if not Committee.objects.exists():  # a transactional test before flushed the seed away
        loader = MigrationLoader(None)
        for app, migration, function in SEEDS:
            load = getattr(importlib.import_module(f"{app}.migrations.{migration}"), function)
            with connection.schema_editor() as schema_editor:
                load(loader.project_state((app, migration), at_end=False).apps, schema_editor)
    committee = Committee.objects.get()
    for number, date in enumerate(["2018-05-29", "2019-01-08", "2024-06-03"], start=1):
        with changesets.change_set():
            meeting = Meeting(
                committee=committee,
                date=datetime.date.fromisoformat(date),
                place="Rådhuset",
                remarks="Kaffe.",
            )
            meeting.minutes_pdf = pdf(f"Referat nummer {number}.")
            meeting.publish()
            meeting.save()
            Participant.objects.create(meeting=meeting, name="Helle M. Adelborg", party="A")
            item = AgendaItem.objects.create(
                meeting=meeting, number=1, title="Helhedsplan", decision="Godkendt."
            )
            Attachment.objects.create(item=item, title="Oversigt", file=pdf("Oversigten."))
            Vote.objects.create(item=item, party="A", position=Vote.Position.FOR)
            closed = AgendaItem.objects.create(
                meeting=meeting, number=2, title="Salg", is_closed=True, public_decision="Ja."
            )
            Attachment.objects.create(item=closed, title="Aftale", file=pdf("Aftalen."))
    Meeting.objects.create(committee=committee, date=datetime.date(2025, 1, 14), remarks="Kladde.")
    # An imported PDF kept from the public (it holds a closed item's text): backed up, never public.
    with changesets.change_set():
        withheld = Meeting.objects.get(date=datetime.date(2024, 6, 3))
        withheld.withheld_pdf = pdf("Lukket punkts tekst.")
        withheld.save()
    corrected = Meeting.objects.get(date=datetime.date(2018, 5, 29))
    with changesets.change_set(reason="Forkert bilag"):
        attachment = Attachment.objects.get(item__meeting=corrected, title="Oversigt")
        attachment.file = pdf("Den rettede oversigt.")
        attachment.save()
    corrected.items.get(number=1).delete()
    yield settings.MEDIA_ROOT
    if not connection.introspection.table_names():  # wiped, and nothing restored
        call_command("migrate", verbosity=0)


def crawl():
    """Every public page and file a visitor can reach: {url: (status, type, body)}."""
    client = Client()
    found = {}
    queue = list(ENTRY_POINTS)
    while queue:
        url = queue.pop(0)
        if url in found:
            continue
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        found[url] = (response.status_code, response.get("Content-Type"), CSRF.sub(b"", body))
        if response.status_code in (301, 302):
            queue.append(response["Location"])
        for match in LINKS.finditer(body):
            link = next(group for group in match.groups() if group is not None).decode()
            link = link.replace("&amp;", "&").removeprefix("http://testserver")
            if link.startswith("/") and not link.startswith(NOT_PUBLIC):
                queue.append(link)
    return found


def wipe(media_root):
    """An empty database and no media folder, as on a new server."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("DROP SCHEMA public CASCADE")
            cursor.execute("CREATE SCHEMA public")
        else:
            cursor.execute("PRAGMA foreign_keys = OFF")
            for table in connection.introspection.table_names():
                cursor.execute(f'DROP TABLE "{table}"')
            cursor.execute("PRAGMA foreign_keys = ON")
    shutil.rmtree(media_root)
    for cache in caches.all():
        cache.clear()
    ContentType.objects.clear_cache()


def run(command, *args):
    out = io.StringIO()
    call_command(command, *args, stdout=out)
    return out.getvalue()


def test_a_restored_backup_is_the_same_public_site_byte_for_byte(site, tmp_path):
    before = crawl()
    withheld = Meeting.objects.get(date=datetime.date(2024, 6, 3)).withheld_pdf.name
    withheld_bytes = (site / withheld).read_bytes()
    archive = tmp_path / "sikkerhedskopi.tar.gz"

    assert "Sikkerhedskopi skrevet til" in run("backup", str(archive))
    wipe(site)
    assert connection.introspection.table_names() == []
    report = run("restore", str(archive))
    after = crawl()

    assert "Alle kontrolsummer stemmer." in report
    pdfs = [url for url, (_, kind, _) in before.items() if kind == "application/pdf"]
    # Three minutes, two open attachments, and the replaced and the removed attachment file.
    assert len(pdfs) == 7
    assert len([url for url in pdfs if "/rettelser/bilag-" in url]) == 2
    assert len(before) > 25
    assert after.keys() == before.keys()
    for url in before:
        assert after[url] == before[url], url
    # The withheld PDF is restored, and was never reachable from the public site.
    assert Meeting.objects.get(date=datetime.date(2024, 6, 3)).withheld_pdf.name == withheld
    assert (site / withheld).read_bytes() == withheld_bytes
    assert not any(withheld_bytes == body for _, _, body in before.values())


def test_restore_refuses_a_database_that_is_not_empty(site, tmp_path):
    archive = tmp_path / "sikkerhedskopi.tar.gz"
    run("backup", str(archive))

    with pytest.raises(CommandError, match="Databasen er ikke tom"):
        run("restore", str(archive))

    assert Meeting.objects.count() == 4


def test_restore_refuses_a_damaged_archive_before_touching_anything(site, tmp_path):
    archive = tmp_path / "sikkerhedskopi.tar.gz"
    run("backup", str(archive))
    damaged = tmp_path / "beskadiget.tar.gz"
    with tarfile.open(archive) as original, tarfile.open(damaged, "w:gz") as copy:
        for member in original.getmembers():
            data = original.extractfile(member).read()
            if member.name.startswith("media/bilag/"):  # one byte changed in every attachment
                data = data.replace(b"%PDF", b"%PDG")
            member.size = len(data)
            copy.addfile(member, io.BytesIO(data))
    wipe(site)

    with pytest.raises(CommandError, match="Kontrolsummen stemmer ikke"):
        run("restore", str(damaged))

    assert connection.introspection.table_names() == []
    assert not site.exists()


@pytest.mark.parametrize("content", [b"", b"ikke en sikkerhedskopi"])
def test_restore_of_something_else_says_so_in_danish(site, tmp_path, content):
    other = tmp_path / "andet.tar.gz"
    other.write_bytes(content)

    with pytest.raises(CommandError, match=r"kan ikke læses som en sikkerhedskopi|beskadiget"):
        run("restore", str(other))
    with pytest.raises(CommandError, match="findes ikke"):
        run("restore", str(tmp_path / "mangler.tar.gz"))


def with_manifest_entry(archive, hostile, path, content):
    """A copy of `archive` whose manifest also lists `path` (as a file of `content`), and which
    carries that file as the member the manifest's path names."""
    import hashlib
    import json

    with tarfile.open(archive) as original, tarfile.open(hostile, "w:gz") as copy:
        for member in original.getmembers():
            data = original.extractfile(member).read()
            if member.name == "manifest.json":
                manifest = json.loads(data)
                manifest["media"].append(
                    {
                        "path": path,
                        "size": len(content),
                        "sha256": hashlib.sha256(content).hexdigest(),
                    }
                )
                data = json.dumps(manifest).encode()
                extra = tarfile.TarInfo(f"media/{path}")
                extra.size = len(content)
                copy.addfile(extra, io.BytesIO(content))
            member.size = len(data)
            copy.addfile(member, io.BytesIO(data))


@pytest.mark.parametrize("where", ["absolute", "absolute and missing", "above the root"])
def test_restore_refuses_a_manifest_path_outside_the_media_folder_before_touching_anything(
    site, tmp_path, where
):
    archive = tmp_path / "sikkerhedskopi.tar.gz"
    run("backup", str(archive))
    outside = tmp_path / "udenfor" / "hemmelig.txt"
    outside.parent.mkdir()
    outside.write_bytes(b"ikke sidens fil")
    outside.chmod(0o600)
    path = {
        "absolute": str(outside),
        "absolute and missing": str(tmp_path / "udenfor" / "findes-ikke.txt"),
        "above the root": "../udenfor/hemmelig.txt",
    }[where]
    hostile = tmp_path / "fjendtlig.tar.gz"
    with_manifest_entry(archive, hostile, path, b"ikke sidens fil")
    wipe(site)

    with pytest.raises(CommandError, match="ugyldigt navn"):
        run("restore", str(hostile))

    assert connection.introspection.table_names() == [], "the database was restored"
    assert not site.exists()
    assert outside.stat().st_mode & 0o777 == 0o600
    assert outside.read_bytes() == b"ikke sidens fil"
    assert sorted(p.name for p in outside.parent.iterdir()) == ["hemmelig.txt"]
