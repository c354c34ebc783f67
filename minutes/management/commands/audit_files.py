"""
`manage.py audit_files [--delete-orphans] [--older-than DAYS]`: files in storage that no row
names, and rows whose file is missing (see `minutes.files`).

It exits with status 1 when a named file is missing, so that a timer can alert on it. With
`--delete-orphans` it removes the orphans older than DAYS (30 by default) that were never public;
nothing a row or the history names is ever removed.
"""

import datetime

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat
from django.utils import timezone

from minutes.files import audit


def days(value):
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 1:
        raise CommandError(f"--older-than skal være et helt antal dage, mindst 1 (ikke “{value}”).")
    return number


class Command(BaseCommand):
    help = (
        "Finder filer i lageret, som ingen række henviser til, og rækker, hvis fil mangler. "
        "--delete-orphans sletter de filer uden henvisning, der aldrig har været offentlige."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--delete-orphans",
            action="store_true",
            help="Slet filer uden henvisning, der er ældre end --older-than og aldrig har været "
            "offentlige.",
        )
        parser.add_argument(
            "--older-than",
            default="30",
            metavar="DAGE",
            help="Kun filer, der er ældre end så mange dage (standard 30).",
        )

    def handle(self, *args, delete_orphans, older_than, **options):
        older_than = datetime.timedelta(days=days(older_than))
        orphans, missing = audit(default_storage)
        out = self.stdout

        out.write(f"Filer uden henvisning: {len(orphans)}")
        for orphan in orphans:
            modified = timezone.localtime(orphan.modified)
            if orphan.before_history:
                verdict = "bevares: gemt før historikken, kan have været offentlig"
            elif orphan.deletable(older_than):
                verdict = "aldrig offentlig, kan slettes"
            else:
                verdict = "aldrig offentlig, for ny til at slette"
            out.write(
                f"  {orphan.name} ({filesizeformat(orphan.size)}, gemt {modified:%Y-%m-%d}): "
                f"{verdict}"
            )

        out.write(f"Filer, der mangler: {len(missing)}")
        for name, where in missing.items():
            out.write(f"  {name}: nævnt af {'; '.join(where)}")

        if delete_orphans:
            deleted = [orphan for orphan in orphans if orphan.deletable(older_than)]
            for orphan in deleted:
                default_storage.delete(orphan.name)
                out.write(f"Slettet: {orphan.name}")
            out.write(f"{len(deleted)} filer uden henvisning er slettet.")

        if missing:
            raise CommandError(
                f"{len(missing)} filer, som siden henviser til, mangler i lageret. "
                "Hent dem fra den seneste sikkerhedskopi (manage.py restore i en tom database "
                "på en anden maskine)."
            )
