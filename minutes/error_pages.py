"""
The pages nginx answers with itself, from the site's templates (`manage.py write_error_pages`).

nginx answers some requests without asking the site: a body that is too large (413), too many
requests from one address (429), and gunicorn not answering (502, 503, 504) or failing (500).
Those pages are the site's own, in Danish and in its layout, rendered as files into
STATIC_ROOT/fejl/ after `collectstatic` (whose names of the stylesheet and script they use);
deploy/nginx serves them with the site's security headers. Rendered without the database, as the
site's own error pages are (almenbolig.views.server_error).

nginx answers a missing page with a 404 in place of the status it meant, so `check --deploy`
says when they are missing.
"""

from pathlib import Path

from django.conf import settings
from django.core import checks
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


def default_folder():
    return Path(settings.STATIC_ROOT) / FOLDER


def write(folder=None):
    """Render every page into `folder` (STATIC_ROOT/fejl/); the folder."""
    target = Path(folder) if folder else default_folder()
    target.mkdir(parents=True, exist_ok=True)
    context = {
        "site_committee": {"name": SITE_NAME},
        "max_upload_mb": settings.MINUTES_MAX_UPLOAD_MB,
    }
    for name, template in PAGES.items():
        (target / name).write_text(loader.get_template(template).render(context))
    return target


@checks.register(checks.Tags.staticfiles, deploy=True)
def check_written(app_configs=None, **kwargs):
    folder = default_folder()
    missing = [name for name in PAGES if not (folder / name).is_file()]
    if not missing:
        return []
    return [
        checks.Warning(
            f"nginx's error pages are missing in {folder} ({', '.join(missing)}): nginx would "
            "answer 404 in their place.",
            hint="Run `python manage.py write_error_pages` after `collectstatic`.",
            id="minutes.W001",
        )
    ]
