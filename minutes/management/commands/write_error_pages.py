"""`manage.py write_error_pages`: the pages nginx answers with itself (minutes.error_pages)."""

from django.core.management.base import BaseCommand

from minutes import error_pages


class Command(BaseCommand):
    help = (
        "Skriver de fejlsider, nginx selv svarer med (for stor forespørgsel, for mange "
        "forespørgsler, siden er midlertidigt utilgængelig), til STATIC_ROOT/fejl/. Køres efter "
        "collectstatic."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--folder",
            default=None,
            help=f"hvor siderne skrives (standard: STATIC_ROOT/{error_pages.FOLDER})",
        )

    def handle(self, *args, folder, **options):
        target = error_pages.write(folder)
        self.stdout.write(f"Skrev {len(error_pages.PAGES)} fejlsider til {target}.")
