from cookie_consent.cache import all_cookie_groups
from cookie_consent.models import Cookie, CookieGroup
from cookie_consent.processor import CookiesProcessor
from django.db.models import Prefetch
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST


def policy(request):
    """The cookie policy, the declaration from the database, and the visitor's choice."""
    cookie_groups = CookieGroup.objects.prefetch_related(
        Prefetch("cookie_set", queryset=Cookie.objects.select_related("lifetime").order_by("name"))
    )
    return render(request, "consent/policy.html", {"cookie_groups": cookie_groups})


def safe_next(request):
    """The page the visitor came from, if it is a path on this site; otherwise the front page."""
    url = request.POST.get("next", "")
    if url.startswith("/") and url_has_allowed_host_and_scheme(
        url, allowed_hosts=None, require_https=False
    ):
        return url
    return "/"


def record_choice(request, action):
    """
    Record the choice for every optional cookie group with django-cookie-consent.

    Its processor sets the consent cookie, deletes the declined groups' cookies in this very
    response, and writes a LogItem per group when COOKIE_CONSENT_LOG_ENABLED.
    """
    response = HttpResponseRedirect(safe_next(request), status=303)
    CookiesProcessor(request, response).process(list(all_cookie_groups().values()), action)
    return response


@require_POST
def accept(request):
    return record_choice(request, "accept")


@require_POST
def decline(request):
    return record_choice(request, "decline")
