"""
Stored files and the rows that name them, for `manage.py audit_files`.

A file is on record when a row names it: a live row (a meeting's PDF, an attachment) or a record
in the history, which names every file any saved version of a meeting ever had. Files that were
public are never deleted by anything here.

An orphan is a file in storage that nothing names (an upload whose save failed, a file copied in
by hand). Since the history has been kept, every file that was ever saved with a meeting is named
by it, so an orphan stored after the history began was never public. One stored before may have
been public (the old code dropped some records of removed files), so it is never deleted.
"""

import dataclasses
import datetime

from django.apps import apps
from django.core.files.storage import default_storage
from django.db import models
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

# The migration that started the history: files stored after it are named by it if they were
# ever saved with a meeting.
HISTORY_MIGRATION = ("minutes", "0007_history")


@dataclasses.dataclass(frozen=True)
class NamedFile:
    """A file name as a row names it, and which row."""

    name: str
    where: str


@dataclasses.dataclass(frozen=True)
class Orphan:
    name: str
    size: int
    modified: datetime.datetime
    before_history: bool

    def deletable(self, older_than):
        """Whether `--delete-orphans` may remove it: never public, and old enough."""
        return not self.before_history and self.modified < timezone.now() - older_than


def named_files():
    """Every file name that a row or a historical record names, with where it is named."""
    for model in apps.get_models():
        fields = [f for f in model._meta.fields if isinstance(f, models.FileField)]
        if not fields:
            continue
        label = model._meta.verbose_name
        for field in fields:
            rows = model._base_manager.exclude(**{field.name: ""}).exclude(**{field.attname: None})
            for pk, name in rows.values_list("pk", field.attname):
                yield NamedFile(name, f"{label} {pk}: {field.verbose_name}")
        history_name = getattr(model._meta, "simple_history_manager_attribute", None)
        if history_name is None:
            continue
        history = getattr(model, history_name).model
        for field in fields:
            records = history.objects.exclude(**{field.attname: ""}).exclude(
                **{field.attname: None}
            )
            for record_id, pk, name in records.values_list("history_id", "id", field.attname):
                yield NamedFile(name, f"historik for {label} {pk} (post {record_id})")


def stored_files(storage=default_storage, folder=""):
    """Every file name in storage, recursively."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        yield f"{folder}/{name}" if folder else name
    for sub in folders:
        yield from stored_files(storage, f"{folder}/{sub}" if folder else sub)


def history_began():
    """When this database started keeping the history (the migration's time), or None."""
    app, name = HISTORY_MIGRATION
    found = MigrationRecorder.Migration.objects.filter(app=app, name=name).first()
    return found.applied if found else None


def audit(storage=default_storage):
    """(orphans, missing): files nothing names, and named files that are not in storage."""
    named = {}
    for found in named_files():
        named.setdefault(found.name, []).append(found.where)
    stored = set(stored_files(storage))
    began = history_began()
    orphans = []
    for name in sorted(stored - set(named)):
        modified = storage.get_modified_time(name)
        orphans.append(
            Orphan(
                name=name,
                size=storage.size(name),
                modified=modified,
                before_history=began is None or modified < began,
            )
        )
    missing = {name: named[name] for name in sorted(set(named) - stored)}
    return orphans, missing
