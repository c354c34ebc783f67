"""
The site's URLs plus the floor the benchmark measures every page against.

The floor is a bare view that returns the meeting page's own HTML (from the file named by
`BENCH_FLOOR_HTML`, which bench/run.py writes once the server is up) through the site's full
middleware stack: what any page costs before its own queries and template, on this machine, in
this run.
"""

import functools
import os
from pathlib import Path

from django.http import HttpResponse
from django.urls import path

from almenbolig.urls import handler500  # noqa: F401
from almenbolig.urls import urlpatterns as site_urlpatterns


@functools.cache
def floor_html():
    return Path(os.environ["BENCH_FLOOR_HTML"]).read_bytes()


def floor(request):
    return HttpResponse(floor_html(), content_type="text/html; charset=utf-8")


urlpatterns = [path("bench/gulv/", floor, name="bench_floor"), *site_urlpatterns]
