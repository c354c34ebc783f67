"""`manage.py write_error_pages`: the pages nginx answers with itself, from the site's templates.

nginx answers some requests without asking the site: a body that is too large (413), too many
requests from one address (429), and gunicorn not answering (502, 503, 504) or failing (500).
Those pages are the site's own, in Danish and in its layout, rendered here as files into
STATIC_ROOT/fejl/ (after `collectstatic`, whose names of the stylesheet and script they use);
deploy/nginx serves them with the site's security headers. Rendered without the database, as the
site's own error pages are (almenbolig.views.server_error).
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.template import loader

from almenbolig.views import SITE_NAME

FOLDER = "fejl"
# The page for each status nginx answers itself, by the file name deploy/nginx asks for.
PAGES = {
    "413.html": "errors/413.html",
    "429.html": "errors/429.html",
    "500.html": "500.html",
    "503.html": "503.html",
}


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
            help=f"hvor siderne skrives (standard: STATIC_ROOT/{FOLDER})",
        )

    def handle(self, *args, folder, **options):
        target = Path(folder) if folder else Path(settings.STATIC_ROOT) / FOLDER
        target.mkdir(parents=True, exist_ok=True)
        context = {
            "site_committee": {"name": SITE_NAME},
            "max_upload_mb": settings.MINUTES_MAX_UPLOAD_MB,
        }
        for name, template in PAGES.items():
            (target / name).write_text(loader.get_template(template).render(context))
        self.stdout.write(f"Skrev {len(PAGES)} fejlsider til {target}.")
