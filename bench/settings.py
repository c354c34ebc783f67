"""
The site's own settings for the benchmark, with one addition: `bench.urls`, which adds the floor.

Everything else (middleware, caches, DEBUG off) is production's, read from the environment the
bench sets up.
"""

from almenbolig.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
