"""Site-wide HTTP rules that belong to no app: which methods a page answers, and the headers
that Django and django-csp do not set (or not the way this site needs)."""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpResponseNotAllowed
from django.urls import Resolver404, resolve

# Pages are read with GET (and HEAD); forms post. OPTIONS and TRACE say nothing a visitor needs
# and TRACE echoes what it was sent; PUT, PATCH and DELETE have nothing to act on here.
ALLOWED_METHODS = ("GET", "HEAD", "POST")


class AllowedMethodsMiddleware:
    """405 for any method but GET, HEAD and POST, before a view can answer it with a page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ALLOWED_METHODS:
            return HttpResponseNotAllowed(ALLOWED_METHODS)
        return self.get_response(request)


class HeadersMiddleware:
    """Permissions-Policy and Cross-Origin-Resource-Policy on every response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.PERMISSIONS_POLICY:
            response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if settings.CROSS_ORIGIN_RESOURCE_POLICY:
            response.headers.setdefault(
                "Cross-Origin-Resource-Policy", settings.CROSS_ORIGIN_RESOURCE_POLICY
            )
        return response


def _is_admin(request):
    match = getattr(request, "resolver_match", None)
    if match is None:
        # A 404 or a response from middleware: resolve the path itself.
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return False
    return "admin" in match.app_names


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """
    django-csp's middleware with two policies: the public pages' strict one
    (CONTENT_SECURITY_POLICY) and the admin's own (ADMIN_CONTENT_SECURITY_POLICY), for the
    pages of Django's admin site. A view's own @csp_override still wins.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and _is_admin(request):
            return PolicyParts(
                config=settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"],
                update=parts.update,
                replace=parts.replace,
                nonce=parts.nonce,
            )
        return parts
