from django.utils.cache import patch_vary_headers

from .counting import (
    VISITOR_COOKIE,
    is_countable,
    new_visitor_id,
    record_view,
    set_visitor_cookie,
    visitor_id_from,
)


class PageViewMiddleware:
    """
    Count the page view if the visitor's decision (`request.consent`) allows statistics.

    Sits inside consent.middleware.ConsentMiddleware, which sets `request.consent`, and outside
    ConditionalGetMiddleware, so that a 304 is not counted.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        self.process_statistics(request, response)
        return response

    def process_statistics(self, request, response):
        countable = is_countable(request, response)
        has_visitor_cookie = bool(request.COOKIES.get(VISITOR_COOKIE))
        if not countable and not has_visitor_cookie:
            return
        if response.get("Content-Type", "").startswith("text/html"):
            # The banner and the counting both depend on the consent cookie.
            patch_vary_headers(response, ["Cookie"])

        if not request.consent.statistics_allowed:
            # Refused, or undecided under opt-in: a statistics cookie left over is removed, unless
            # the response already says what to do with it (the refusal view deletes it).
            if has_visitor_cookie and VISITOR_COOKIE not in response.cookies:
                response.delete_cookie(VISITOR_COOKIE, path="/", samesite="Lax")
            return
        if not countable:
            return

        visitor_id = visitor_id_from(request)
        if visitor_id is None:
            visitor_id = new_visitor_id()
            set_visitor_cookie(response, visitor_id)
        record_view(request.path, visitor_id)
