from cookie_consent.conf import settings
from cookie_consent.middleware import CleanCookiesMiddleware
from django.utils.cache import patch_vary_headers
from django.utils.functional import SimpleLazyObject

from .decision import (
    STATISTICS_GROUP,
    TOLD_COOKIE,
    Consent,
    allowed,
    cookie_groups,
    explicit_choice,
)


class ConsentMiddleware(CleanCookiesMiddleware):
    """
    The visitor's cookie decision as `request.consent`, and django-cookie-consent's cleaning of
    the cookies that the decision does not allow.

    `request.consent` (a consent.decision.Consent) is read lazily: a request that neither renders
    the banner nor could be counted never looks at it. A response that shows the banner to a
    visitor for the first time remembers that they have been told (consent.decision.TOLD_COOKIE).
    """

    def __call__(self, request):
        read = []

        def decide():
            read.append(True)
            return Consent.from_request(request)

        request.consent = SimpleLazyObject(decide)
        response = super().__call__(request)
        if read and response.get("Content-Type", "").startswith("text/html"):
            # The page shows the banner or not by the consent cookie.
            patch_vary_headers(response, ["Cookie"])
        if read and request.consent.tells_now:
            remember_told(request, response)
        return response

    def process_response(self, request, response):
        """
        Delete every declared cookie of a group that the decision does not allow, if the browser
        sent it and the response says nothing else about it.

        The library's own rule does the same with the stored value as it is: under opt-in it
        would keep the cookies of a forged or outdated acceptance, which the decision reads as no
        decision. Here each group is judged as consent.decision judges it, so that the cookies
        kept are exactly the ones that may be set.
        """
        if not request.COOKIES:
            # Nothing to delete; spares new visitors and bots even the cached cookie groups.
            return response
        for group in cookie_groups(request).values():
            sent = [
                cookie
                for cookie in group.cookie_set.all()
                if cookie.name in request.COOKIES and cookie.name not in response.cookies
            ]
            if sent and group.is_deletable and not allowed(explicit_choice(request, group.varname)):
                for cookie in sent:
                    response.delete_cookie(cookie.name, cookie.path, cookie.domain)
        return response


def remember_told(request, response):
    """
    Note in a necessary cookie that this visitor has now seen the banner about the current
    declaration, so that silence can count as acceptance from the next page on. A session
    cookie: the first page of every new browser session tells anew and counts nothing.
    """
    response.set_cookie(
        TOLD_COOKIE,
        cookie_groups(request)[STATISTICS_GROUP].get_version(),
        path="/",
        secure=settings.COOKIE_CONSENT_SECURE,
        httponly=True,
        samesite="Lax",
    )
