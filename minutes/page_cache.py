"""
Whole public pages from the shared cache, with what differs per visitor filled in per request.

Django's own page cache (`cache_page`, `django.middleware.cache`) keys a page by its URL and the
request headers named in `Vary`. Every page here varies by Cookie (the cookie bar is part of it),
so Django's cache would keep one copy per visitor's cookies: no two visitors would share one, and
the copy would hold the CSRF token of the visitor it was made for. Here the key names what the
page shows instead (`minutes.caching` makes it: the URL, the versions of the meetings shown, the
release, and what the cookie bar shows), and the parts that belong to one visitor are stored as
markers and filled in for each request:

- the CSRF token of the banner's forms: each visitor gets `get_token(request)`, their own, so
  CSRF protection stays what it is (and a visitor without a csrftoken cookie gets one, as when
  the page is rendered);
- the nonce of the Content-Security-Policy, should a page ever use one;
- the banner's "this visitor has now been told" (consent.decision), which the banner's template
  tag notes while rendering.

A page is stored only if it is a plain 200 HTML page, or a meeting's own calendar file (text with
nothing of any visitor's in it), that sets no cookie of its own; anything else (a redirect, a 404,
a PDF, a feed, a preview) passes through as it is. Whether to look at all
(logged-in users never) is the key function's decision: it answers None for "do not cache".

Stored in the "fragments" cache (Redis when REDIS_URL is set), which the site survives losing:
a cache that does not answer is a miss, and the page is rendered (almenbolig.cache).
"""

import functools
import re
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.middleware.csrf import get_token

CACHE_ALIAS = "fragments"

# Markers with a raw "<": rendered text is escaped, so no content can spell them.
TOKEN_MARKER = b"<csrf-token/>"
NONCE_MARKER = b"<csp-nonce/>"
# What {% csrf_token %} renders (django.template.defaulttags.CsrfTokenNode).
TOKEN_INPUT = re.compile(rb'<input type="hidden" name="csrfmiddlewaretoken" value="([^"<>]+)">')
# What is kept: pages, and a meeting's calendar file (built from its rows on every request, it
# cost three times a kept page, and calendar apps ask for it again and again).
KEPT_TYPES = ("text/html", "text/calendar")
# Headers that the decorators and middleware outside add to every response, hit or miss.
NOT_STORED = {"set-cookie", "vary", "etag", "last-modified", "cache-control", "expires"}


@dataclass(frozen=True)
class CachedPage:
    """A rendered page with markers where the visitor's own parts go."""

    content: bytes
    headers: tuple
    shows_banner: bool

    @classmethod
    def from_response(cls, request, response):
        """The page to store, or None if this response must not be shared."""
        if (
            response.status_code != 200
            or response.streaming
            or response.cookies
            or not _is_kept(response)
            or {"private", "no-store"} & _directives(response.get("Cache-Control", ""))
        ):
            return None
        content = response.content
        for token in set(TOKEN_INPUT.findall(content)):
            content = content.replace(token, TOKEN_MARKER)
        nonce = getattr(request, "_csp_nonce", None)
        if isinstance(nonce, str):
            content = content.replace(nonce.encode(), NONCE_MARKER)
        consent = getattr(request, "consent", None)
        return cls(
            content=content,
            headers=tuple(
                (name, value)
                for name, value in response.headers.items()
                if name.lower() not in NOT_STORED
            ),
            shows_banner=bool(consent is not None and consent.banner_shown),
        )

    def response_for(self, request):
        """This page for this visitor: their CSRF token, this response's nonce."""
        content = self.content
        if TOKEN_MARKER in content:
            content = content.replace(TOKEN_MARKER, get_token(request).encode())
        if NONCE_MARKER in content:
            content = content.replace(NONCE_MARKER, str(request.csp_nonce).encode())
        if self.shows_banner:
            request.consent.banner_shown = True
        return HttpResponse(content, headers=dict(self.headers))


def _is_kept(response):
    return not response.streaming and response.get("Content-Type", "").startswith(KEPT_TYPES)


def _directives(cache_control):
    return {part.split("=", 1)[0].strip().lower() for part in cache_control.split(",")}


def cached_for_visitors(key_func):
    """
    Serve the view's page from the cache under `key_func(request, *args, **kwargs)`, or render
    and store it there; a key of None renders without the cache.

    Template responses are stored once rendered, as Django's cache middleware does. A view that
    answers a file or a feed (a 200 of a type not kept) is no page: after its first such answer
    its requests no longer look in the cache.
    """

    def decorator(view):
        serves_pages = True

        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            timeout = settings.PAGE_CACHE_SECONDS
            key = key_func(request, *args, **kwargs) if timeout and serves_pages else None
            if key is None:
                return view(request, *args, **kwargs)
            cache = caches[CACHE_ALIAS]
            page = cache.get(key)
            if page is not None:
                return page.response_for(request)

            def store(response):
                nonlocal serves_pages
                if response.status_code == 200 and not _is_kept(response):
                    serves_pages = False
                page = CachedPage.from_response(request, response)
                if page is not None:
                    cache.set(key, page, timeout)

            response = view(request, *args, **kwargs)
            if callable(getattr(response, "render", None)) and not response.is_rendered:
                response.add_post_render_callback(store)
            else:
                store(response)
            return response

        return wrapper

    return decorator
