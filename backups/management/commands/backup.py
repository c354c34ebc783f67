"""`manage.py backup FILE`: the database and every stored file in one archive (`backups.archive`).

Run it nightly (README, "Production"); it replaces FILE whole, or leaves it as it was.
"""

import time

from django.core.management.base import BaseCommand, CommandError

from backups.archive import BackupError, describe, write_backup


class Command(BaseCommand):
    help = "Skriver databasen og alle gemte filer i én sikkerhedskopi med kontrolsummer."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Sikkerhedskopien, fx /var/backups/almenbolig.tar.gz")

    def handle(self, *args, file, **options):
        started = time.monotonic()
        try:
            manifest = write_backup(file)
        except BackupError as error:
            raise CommandError(str(error)) from error
        seconds = time.monotonic() - started
        self.stdout.write(
            f"Sikkerhedskopi skrevet til {file} på {seconds:.1f} s: {describe(manifest)}."
        )
