from django.utils.functional import SimpleLazyObject

from .decision import Consent


class ConsentMiddleware:
    """
    The visitor's cookie decision as `request.consent` (see consent.decision.Consent).

    Read lazily: a request that neither renders the banner nor could be counted never looks at it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.consent = SimpleLazyObject(lambda: Consent.from_request(request))
        return self.get_response(request)
