from cookie_consent.cache import all_cookie_groups
from cookie_consent.models import Cookie
from cookie_consent.processor import CookiesProcessor
from cookie_consent.views import (
    CookieGroupAcceptView,
    CookieGroupDeclineView,
    CookieGroupListView,
)
from django.conf import settings
from django.contrib import messages
from django.db.models import Prefetch
from django.http import HttpResponseRedirect

from .decision import TOLD_COOKIE
from .templatetags.consent_banner import CONFIRMATION_TAG


class PolicyView(CookieGroupListView):
    """The cookie policy, the declaration from the database, and the visitor's choice."""

    template_name = "consent/policy.html"
    context_object_name = "cookie_groups"

    def get_queryset(self):
        cookies = Cookie.objects.select_related("lifetime").order_by("name")
        return super().get_queryset().prefetch_related(Prefetch("cookie_set", queryset=cookies))

    def get_context_data(self, **kwargs):
        # How long the statistics keep a visitor's key and the page counts, from the settings that
        # prune them.
        return super().get_context_data(
            visitor_retention_days=settings.VISITS_VISITOR_RETENTION_DAYS,
            page_retention_days=settings.VISITS_PAGE_RETENTION_DAYS,
            **kwargs,
        )


class ChoiceMixin:
    """
    django-cookie-consent's accept and decline views as the banner's plain HTML forms use them.

    The form posts only `next`, and the choice applies to every optional cookie group. The
    library's processor sets the consent cookie, deletes every declared cookie of a declined
    group in this very response, and logs the choice when COOKIE_CONSENT_LOG_ENABLED. The page
    the visitor returns to confirms the choice once (Django's messages, cookie "messages").
    """

    http_method_names = ["post"]
    confirmation = ""

    def get_redirect_url(self):
        # Stricter than the library: a path on this site, never a full URL, not even to itself.
        url = super().get_redirect_url()
        return url if url.startswith("/") else ""

    def post(self, request, *args, **kwargs):
        # 303 See Other: the browser loads the page again with GET, never posting the choice twice.
        response = HttpResponseRedirect(self.get_success_url(), status=303)
        CookiesProcessor(request, response).process(
            list(all_cookie_groups().values()), action=self.cookie_process_action
        )
        messages.success(request, self.confirmation, extra_tags=CONFIRMATION_TAG)
        if TOLD_COOKIE in request.COOKIES:
            # An explicit choice is all that counts from now on.
            response.delete_cookie(TOLD_COOKIE, path="/", samesite="Lax")
        return response


class AcceptView(ChoiceMixin, CookieGroupAcceptView):
    confirmation = "Du har accepteret cookies til statistik."


class DeclineView(ChoiceMixin, CookieGroupDeclineView):
    confirmation = "Du har sagt nej tak til cookies til statistik. Vi tæller ikke dine besøg."
