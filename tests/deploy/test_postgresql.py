"""
deploy/postgresql/almenbolig.conf is a file PostgreSQL accepts: a cluster of the test's own
(Debian's server binaries, as the bench's `--postgres` starts it) includes it, starts, and runs
with the memory it asks for, and the site's search works on it.
"""

import os
import subprocess
import sys

import pytest

from tests.support.servers import PostgresServer

from .conftest import DEPLOY, ROOT


@pytest.fixture
def postgres():
    if os.environ.get("DEPLOY_TESTS") != "1":
        pytest.skip("a PostgreSQL cluster of its own: make deploy-test (DEPLOY_TESTS=1)")
    try:
        server = PostgresServer(settings=DEPLOY / "postgresql" / "almenbolig.conf")
    except FileNotFoundError as missing:
        pytest.skip(str(missing))
    server.start()
    yield server
    server.stop()


def manage(url, *args):
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "almenbolig.settings",
        "DJANGO_SECRET_KEY": "deploy-test-only",
        "DJANGO_DEBUG": "1",
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


SETTINGS = """
from django.db import connection
with connection.cursor() as cursor:
    cursor.execute(
        "SELECT current_setting('shared_buffers'), current_setting('effective_cache_size')"
    )
    print(*cursor.fetchone())
"""

SEARCH = """
from minutes.search import Filters, Query, Results, time_limit
with time_limit():
    print(Results(Query.parse("helhedsplan"), Filters()).count())
"""


def test_the_production_settings_start_postgresql_with_their_memory(postgres):
    url = postgres.create_database("almenbolig")

    manage(url, "migrate", "--no-input", "-v0")
    manage(url, "loaddemo")

    assert manage(url, "shell", "-v0", "-c", SETTINGS).split() == ["1GB", "3GB"]
    assert "Tabellen er ryddet op" in manage(url, "reindex_search")
    assert int(manage(url, "shell", "-v0", "-c", SEARCH)) > 0
