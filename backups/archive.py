"""
One archive holding the whole site: the database and every stored file, with a manifest of
checksums. `manage.py backup FILE` writes it, `manage.py restore FILE` restores it into an empty
database and an empty media folder, and checks everything it restored against the manifest.

The archive is a gzipped tar file:

- `database.pgdump` (PostgreSQL: `pg_dump --format=custom`) or `database.sqlite3` (SQLite: a
  copy made with SQLite's online backup API, consistent while the site runs);
- `media/…`: every file under MEDIA_ROOT, as stored;
- `manifest.json`, last: the format, when and by which release it was written, the database
  file's checksum, the number of rows of every table, and every media file's size and SHA-256.

The database is copied before the files. Files are only ever added (the public record keeps
them), so every file the copied database names is in the archive.

Everything a person reads is Danish; failures raise `BackupError` with a message that says what
to do.
"""

import contextlib
import datetime
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.cache import caches
from django.db import connection, transaction
from django.utils import timezone

FORMAT = "almenbolig-hvidovre-backup"
VERSION = 1
MANIFEST = "manifest.json"
MEDIA = "media"
DUMPS = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}
CHUNK = 1 << 20


class BackupError(Exception):
    """A backup or restore that cannot go on; the message is Danish and says why."""


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for chunk in iter(lambda: stream.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _vendor():
    if connection.vendor not in DUMPS:
        raise BackupError(f"Databasen “{connection.vendor}” kan ikke sikkerhedskopieres herfra.")
    return connection.vendor


def _media_root():
    return Path(settings.MEDIA_ROOT)


def _pg_env():
    """libpq's environment for the site's database, so no password is on a command line."""
    db = connection.settings_dict
    env = {**os.environ, "PGDATABASE": db["NAME"]}
    for key, variable in (
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
    ):
        if db.get(key):
            env[variable] = str(db[key])
    if sslmode := db.get("OPTIONS", {}).get("sslmode"):
        env["PGSSLMODE"] = sslmode
    return env


def _run(command, what):
    try:
        done = subprocess.run(command, env=_pg_env(), capture_output=True, text=True, check=False)
    except FileNotFoundError as error:
        raise BackupError(
            f"{command[0]} findes ikke på maskinen. Installer PostgreSQL's klientprogrammer "
            "(Debian: apt-get install postgresql-client) i samme version som serveren."
        ) from error
    if done.returncode != 0:
        raise BackupError(f"{what} mislykkedes: {done.stderr.strip() or done.returncode}")


def _count_rows(cursor, tables):
    counts = {}
    for table in sorted(tables):
        cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
        counts[table] = cursor.fetchone()[0]
    return counts


def _dump_postgresql(target):
    """pg_dump of one snapshot, and the row counts of the same snapshot."""
    tables = connection.introspection.table_names()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        _run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                f"--snapshot={snapshot}",
                f"--file={target}",
            ],
            "pg_dump",
        )
        return _count_rows(cursor, tables)


def _dump_sqlite(target):
    """A consistent copy through SQLite's online backup API; the counts read from the copy."""
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        connection.connection.backup(copy)
        tables = [
            name
            for (name,) in copy.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {
            table: copy.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
            for table in sorted(tables)
        }
    finally:
        copy.close()


def _media_files(root):
    if not root.exists():
        return []
    return sorted(
        path.relative_to(root).as_posix()
        for path in root.rglob("*")
        if path.is_file() and not path.is_symlink()
    )


def write_backup(destination):
    """Write the archive to `destination` (replaced whole, never half-written); its manifest."""
    destination = Path(destination)
    vendor = _vendor()
    root = _media_root()
    destination.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=destination.parent, prefix=".backup-") as work:
        dump = Path(work) / DUMPS[vendor]
        rows = _dump_postgresql(dump) if vendor == "postgresql" else _dump_sqlite(dump)
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "created": timezone.now().isoformat(),
            "release": settings.RELEASE,
            "database": {
                "vendor": vendor,
                "file": dump.name,
                "size": dump.stat().st_size,
                "sha256": sha256(dump),
                "rows": rows,
            },
            "media": [],
        }
        partial = Path(work) / "archive.tar.gz"
        with tarfile.open(partial, "w:gz", compresslevel=6) as archive:
            archive.add(dump, arcname=dump.name)
            for name in _media_files(root):
                path = root / name
                manifest["media"].append(
                    {"path": name, "size": path.stat().st_size, "sha256": sha256(path)}
                )
                archive.add(path, arcname=f"{MEDIA}/{name}")
            data = json.dumps(manifest, indent=2, ensure_ascii=False).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(data)
            info.mtime = int(timezone.now().timestamp())
            archive.addfile(info, io.BytesIO(data))
        # The archive holds everything, password hashes too: for the operator's eyes only.
        partial.chmod(0o600)
        os.replace(partial, destination)
    return manifest


# Restoring -------------------------------------------------------------------------------------


def _relative_media_path(value):
    """`value` if it is a plain path below the media folder as `backup` writes one (relative,
    "/" between names, no "." or ".." and no empty name), else None."""
    if not isinstance(value, str) or not value or "\\" in value or "\x00" in value:
        return None
    path = PurePosixPath(value)
    if path.is_absolute() or path.as_posix() != value:
        return None
    if any(part in (".", "..") for part in path.parts):
        return None
    return value


def _checked_manifest(source, manifest):
    """The manifest, once every path it names is one that stays inside the media folder and
    every entry has the form `backup` writes; BackupError before anything is unpacked if not."""
    if manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
        raise BackupError(f"{source} er ikke en sikkerhedskopi af dette site (format).")
    database, media = manifest.get("database"), manifest.get("media")
    if not isinstance(database, dict) or not isinstance(media, list):
        raise BackupError(f"{source} er ikke en sikkerhedskopi af dette site (format).")
    if database.get("file") != DUMPS.get(database.get("vendor")):
        raise BackupError(f"{source} er ikke en sikkerhedskopi af dette site (database).")
    seen = set()
    for entry in media:
        path = entry.get("path") if isinstance(entry, dict) else None
        if _relative_media_path(path) is None or path in seen:
            raise BackupError(
                f"{source} indeholder en fil med et ugyldigt navn ({str(path)[:200]!r}): kun "
                "stier inde i mappen til filer kan gendannes. Intet er gendannet."
            )
        if not isinstance(entry.get("sha256"), str) or not isinstance(entry.get("size"), int):
            raise BackupError(f"{source} er ikke en sikkerhedskopi af dette site (filer).")
        seen.add(path)
    return manifest


def _unpack(source, staging):
    """Unpack the archive into `staging`, checking every member against the manifest."""
    try:
        archive = tarfile.open(source, "r:gz")  # noqa: SIM115 - closed by the with below
    except (OSError, tarfile.TarError) as error:
        raise BackupError(f"{source} kan ikke læses som en sikkerhedskopi: {error}") from error
    with archive:
        try:
            members = archive.getmembers()
            manifest_member = next((m for m in members if m.name == MANIFEST), None)
            if manifest_member is None:
                raise BackupError(f"{source} har ingen {MANIFEST}; det er ikke en sikkerhedskopi.")
            manifest = json.load(archive.extractfile(manifest_member))
        except (tarfile.TarError, OSError, EOFError, ValueError) as error:
            raise BackupError(f"{source} er beskadiget: {error}") from error
        if not isinstance(manifest, dict):
            raise BackupError(f"{source} er ikke en sikkerhedskopi af dette site (format).")
        _checked_manifest(source, manifest)
        expected = {manifest["database"]["file"]: manifest["database"]["sha256"]}
        expected.update({f"{MEDIA}/{f['path']}": f["sha256"] for f in manifest["media"]})
        found = {}
        try:
            for member in members:
                if member.name == MANIFEST:
                    continue
                if member.name not in expected or not member.isfile():
                    raise BackupError(f"{source} indeholder {member.name}, som ikke står i listen.")
                # Every name was checked with the manifest: it stays inside the staging folder.
                target = staging / member.name
                target.parent.mkdir(parents=True, exist_ok=True)
                with archive.extractfile(member) as stream, open(target, "wb") as out:
                    shutil.copyfileobj(stream, out, CHUNK)
                found[member.name] = sha256(target)
        except (tarfile.TarError, OSError, EOFError) as error:
            raise BackupError(f"{source} er beskadiget: {error}") from error
    wrong = sorted(name for name, digest in expected.items() if found.get(name) != digest)
    if wrong:
        raise BackupError(
            f"Kontrolsummen stemmer ikke for {len(wrong)} filer i {source} "
            f"(fx {wrong[0]}). Intet er gendannet."
        )
    return manifest


def _refuse_unless_empty(manifest):
    vendor = _vendor()
    if manifest["database"]["vendor"] != vendor:
        raise BackupError(
            f"Sikkerhedskopien er af en {manifest['database']['vendor']}-database, men siden "
            f"bruger {vendor}. Gendan i samme slags database."
        )
    if tables := connection.introspection.table_names():
        raise BackupError(
            f"Databasen er ikke tom (den har {len(tables)} tabeller). Gendan kun i en tom "
            "database, fx en ny (createdb), så intet bliver blandet sammen."
        )
    root = _media_root()
    if root.exists() and any(root.iterdir()):
        raise BackupError(f"Mappen til filer ({root}) er ikke tom. Gendan kun i en tom mappe.")


def _restore_database(manifest, dump):
    if manifest["database"]["vendor"] == "postgresql":
        _run(
            [
                "pg_restore",
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                f"--dbname={connection.settings_dict['NAME']}",
                str(dump),
            ],
            "pg_restore",
        )
        return
    connection.ensure_connection()
    copy = sqlite3.connect(dump)
    try:
        copy.backup(connection.connection)
    finally:
        copy.close()


def _check_rows(manifest):
    with connection.cursor() as cursor:
        counts = _count_rows(cursor, connection.introspection.table_names())
    if counts != manifest["database"]["rows"]:
        differ = sorted(
            table
            for table in set(counts) | set(manifest["database"]["rows"])
            if counts.get(table) != manifest["database"]["rows"].get(table)
        )
        raise BackupError(f"Databasen stemmer ikke med sikkerhedskopien: {', '.join(differ)}.")


def restore_backup(source):
    """Restore the archive into the empty database and media folder; the manifest."""
    source = Path(source)
    if not source.is_file():
        raise BackupError(f"{source} findes ikke.")
    root = _media_root()
    root.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=root.parent, prefix=".restore-") as work:
        staging = Path(work)
        manifest = _unpack(source, staging)
        _refuse_unless_empty(manifest)
        _restore_database(manifest, staging / manifest["database"]["file"])
        root.mkdir(exist_ok=True)
        for entry in manifest["media"]:
            target = root / entry["path"]
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / MEDIA / entry["path"], target)
            with contextlib.suppress(OSError):
                target.chmod(getattr(settings, "FILE_UPLOAD_PERMISSIONS", None) or 0o644)
        wrong = [e["path"] for e in manifest["media"] if sha256(root / e["path"]) != e["sha256"]]
        if wrong:
            raise BackupError(f"Kontrolsummen stemmer ikke for {len(wrong)} gendannede filer.")
    _check_rows(manifest)
    # Nothing rendered before the restore may be served after it.
    for alias in ("fragments", "default"):
        caches[alias].clear()
    return manifest


def describe(manifest):
    """One Danish line about an archive's content."""
    rows = sum(manifest["database"]["rows"].values())
    size = sum(entry["size"] for entry in manifest["media"])
    created = datetime.datetime.fromisoformat(manifest["created"])
    return (
        f"database ({manifest['database']['vendor']}, {len(manifest['database']['rows'])} "
        f"tabeller, {rows} rækker) og {len(manifest['media'])} filer "
        f"({size / 1_000_000:.1f} MB), taget {timezone.localtime(created):%Y-%m-%d %H:%M}"
    )
