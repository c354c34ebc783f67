"""Site plumbing that belongs to no app: the health check, robots.txt, /was and the error pages."""

import sys

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.db.utils import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseRedirect, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_safe

# How long a browser or a load balancer should wait before asking again while the database is
# unreachable.
RETRY_AFTER_SECONDS = 30
# The error pages are rendered without the database, which holds the committee's name.
SITE_NAME = "Almenboligudvalg Hvidovre"


def _database_status():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return "unavailable"
    return "ok"


def _cache_status():
    cache = caches["default"]
    ping = getattr(cache, "ping", None)
    if ping is None:
        # A cache in each process's memory cannot be down.
        return "ok (local memory)"
    return "ok" if ping() else "unavailable"


@never_cache
@require_safe
def healthz(request):
    """
    The database and the shared cache, each on its own line; for load balancers and monitoring.

    503 only when the database does not answer: the pages need it. A shared cache that is down is
    reported but answers 200, because the pages do without it, and every server shares it: a load
    balancer that dropped servers for it would drop them all.
    """
    database = _database_status()
    body = f"database: {database}\ncache: {_cache_status()}\n"
    return HttpResponse(
        body, status=200 if database == "ok" else 503, content_type="text/plain; charset=utf-8"
    )


def _database_unreachable(error):
    """Whether an error means the database cannot be reached now, rather than a bug."""
    return isinstance(error, (OperationalError, InterfaceError))


def server_error(request):
    """
    Django's handler500, with one exception: a database that cannot be reached is a Danish 503
    ("midlertidigt utilgængelig") with Retry-After, not a 500, because it passes by itself.

    Both pages are rendered without the request's context processors, which ask the database.
    """
    error = sys.exc_info()[1]
    context = {"site_committee": {"name": SITE_NAME}}
    if _database_unreachable(error):
        body = loader.get_template("503.html").render(context)
        response = HttpResponse(body, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        add_never_cache_headers(response)
        return response
    return HttpResponseServerError(loader.get_template("500.html").render(context))


@require_safe
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_safe
def was(request):
    """
    The accessibility statement at the address the law expects (`/was`): the WAS-Tool's once its
    URL is configured, until then the site's own, which names /tilgaengelighed/ as canonical.
    """
    if settings.WAS_STATEMENT_URL:
        # Temporary: the statement's address in the WAS-Tool is the operator's to change.
        return HttpResponseRedirect(settings.WAS_STATEMENT_URL)
    canonical = request.build_absolute_uri(reverse("accessibility"))
    return render(request, "pages/accessibility.html", {"canonical_url": canonical})
