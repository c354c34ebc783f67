from .counting import (
    is_countable,
    may_add_visitor,
    new_visitor_id,
    record_view,
    set_visitor_cookie,
    visitor_id_from,
)


class PageViewMiddleware:
    """
    Count the page view if the visitor's decision (`request.consent`) allows statistics.

    Sits inside consent.middleware.ConsentMiddleware, which sets `request.consent` and deletes
    the statistics cookie of a visitor who does not allow it, and outside
    ConditionalGetMiddleware, so that a 304 is not counted. A visitor without a visitor cookie
    that the site issued is a new one, whom the address may add only so many of a day
    (visits.counting.may_add_visitor).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_countable(request, response) and request.consent.statistics_allowed:
            visitor_id = visitor_id_from(request)
            if visitor_id is None:
                if not may_add_visitor(request):
                    return response
                visitor_id = new_visitor_id()
                set_visitor_cookie(response, visitor_id)
            record_view(request.path, visitor_id)
        return response
