"""Site plumbing that belongs to no app: the health check, robots.txt and /was."""

from django.conf import settings
from django.db import connection
from django.db.utils import DatabaseError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_safe


@never_cache
@require_safe
def healthz(request):
    """200 when the app can reach its database, 503 otherwise; for load balancers."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


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
