"""`manage.py restore FILE`: a backup restored into an empty database and media folder.

Every file is checked against the manifest before anything is written, and the database's rows
and the restored files again afterwards. Run `migrate` afterwards only if the release is newer.
"""

from django.core.management.base import BaseCommand, CommandError

from backups.archive import BackupError, describe, restore_backup


class Command(BaseCommand):
    help = "Gendanner en sikkerhedskopi i en tom database og en tom mappe til filer."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Sikkerhedskopien, som `manage.py backup` skrev")

    def handle(self, *args, file, **options):
        try:
            manifest = restore_backup(file)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Gendannet fra {file}: {describe(manifest)}. Alle kontrolsummer stemmer."
        )
