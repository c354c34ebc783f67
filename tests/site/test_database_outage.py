"""
A database server that accepts connections but never answers them (hung, overloaded, a firewall
that swallows): the site as production runs it (gunicorn, the production settings, PostgreSQL
at DATABASE_URL) waits for it once per DATABASE_RETRY_AFTER, answers every other request the
Danish 503 at once, and logs the outage once instead of a traceback per request.
"""

import http.client
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.support.servers import SilentServer, free_port, wait_for_port

ROOT = Path(__file__).resolve().parents[2]
REQUESTS = 30


@pytest.fixture
def silent_database():
    server = SilentServer().start()
    yield server
    server.stop()


@pytest.fixture
def site_on(tmp_path):
    """gunicorn with the production settings on the given database; (port, its log)."""
    processes = []

    def start(database_url):
        port = free_port()
        clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
        env = {
            **clean,
            "DJANGO_SECRET_KEY": "outage-test-" + "x" * 50,
            "DJANGO_ALLOWED_HOSTS": "localhost",
            "DJANGO_RELEASE": "outage-test",
            "DATABASE_URL": database_url,
            "GUNICORN_BIND": f"127.0.0.1:{port}",
            "GUNICORN_WORKERS": "1",
            # The stylesheet by its own name: no collectstatic for this test.
            "DJANGO_PLAIN_STATIC": "1",
            "PYTHONWARNINGS": "ignore",
        }
        log = tmp_path / "gunicorn.log"
        with open(log, "wb") as out:
            processes.append(
                subprocess.Popen(
                    [sys.executable, "-m", "gunicorn", "almenbolig.wsgi", "-c", "gunicorn.conf.py"],
                    cwd=ROOT,
                    env=env,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                )
            )
        wait_for_port(port, timeout=30)
        return port, log

    yield start
    for process in processes:
        process.terminate()
        process.wait(timeout=30)


def get(port, path):
    """(status, seconds, body) of a GET as nginx passes it on: over https, for the site's host."""
    started = time.monotonic()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", path, headers={"Host": "localhost", "X-Forwarded-Proto": "https"})
    response = conn.getresponse()
    body = response.read().decode()
    conn.close()
    return response.status, time.monotonic() - started, body


def test_a_database_that_never_answers_is_waited_for_once_and_logged_once(silent_database, site_on):
    port, log = site_on(f"postgres://root@127.0.0.1:{silent_database.port}/almenbolig")
    # The worker loads the site on its first request; robots.txt needs no database.
    assert get(port, "/robots.txt")[0] == 200

    answers = [get(port, "/referater/") for _ in range(REQUESTS)]

    statuses = {status for status, _, _ in answers}
    seconds = [round(took, 2) for _, took, _ in answers]
    text = log.read_text(errors="replace")
    assert statuses == {503}
    assert all("Siden er midlertidigt utilgængelig" in body for _, _, body in answers)
    # The first waits for psycopg's connect timeout (2 s); every other one is answered at once.
    assert 1.5 < seconds[0] < 3, seconds
    assert max(seconds[1:]) < 0.5, seconds
    assert text.count("accepts no connection within 2 s") == 1, text[-3000:]
    assert "Traceback" not in text, text[-3000:]
