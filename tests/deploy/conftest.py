"""
The production setup of deploy/ started for real: Debian's nginx with deploy/nginx (its main
configuration and the site, rendered by deploy/render.py for free ports, a test certificate and
temporary folders) in front of gunicorn as deploy/systemd/almenbolig.service starts it, with the
production settings, on the database that the run uses (PostgreSQL in CI: a database of its own,
dropped afterwards; else a SQLite file), and a real SMTP server (aiosmtpd) as the mail server.

Marked `deploy`, and run only when DEPLOY_TESTS=1 (`make deploy-test`, which CI runs once): they
take about two minutes, most of it the upload that must last 40 s and the slow sockets that must
last until nginx closes them. Then a missing nginx fails them rather than skipping them.
"""

import configparser
import contextlib
import html.parser
import http.client
import os
import shlex
import shutil
import signal
import ssl
import subprocess
import sys
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest
from aiosmtpd.controller import Controller

from tests.support.mail import Mailbox
from tests.support.servers import free_port, wait_for_port

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
sys.path.insert(0, str(DEPLOY))
from render import render, render_main  # noqa: E402

SERVER_NAME = "localhost"
CLERK, CLERK_PASSWORD = "drift.test", "Drift-Referat-2026"


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.deploy)


def unit(name):
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    # systemd allows a key more than once (ExecStart in a oneshot); keep the last for [Service].
    parser.optionxform = str
    parser.read(DEPLOY / "systemd" / name)
    return parser


def gunicorn_command():
    """ExecStart of deploy/systemd/almenbolig.service, with this checkout and venv for /srv."""
    command = shlex.split(unit("almenbolig.service")["Service"]["ExecStart"])
    venv_bin = str(Path(sys.executable).parent)
    return [
        part.replace("/srv/almenbolig/.venv/bin", venv_bin).replace("/srv/almenbolig", str(ROOT))
        for part in command
    ]


def _nginx():
    if os.environ.get("DEPLOY_TESTS") != "1":
        pytest.skip("nginx in front of gunicorn: make deploy-test (DEPLOY_TESTS=1)")
    found = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/sbin")
    if found is None:
        pytest.fail("Debian's nginx is not installed (make deploy-test installs it)")
    return found


def _database(tmp):
    """(DATABASE_URL for the stack, a function that removes it)."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        return f"sqlite:///{tmp / 'db.sqlite3'}", lambda: None
    import psycopg

    parts = urlsplit(url)
    name = f"{parts.path.lstrip('/') or 'almenbolig'}_deploy"
    admin_url = parts._replace(path="/postgres").geturl()

    def run(sql):
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(sql)

    run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    run(f'CREATE DATABASE "{name}"')
    return parts._replace(path=f"/{name}").geturl(), lambda: run(
        f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'
    )


@dataclass
class Stack:
    tmp: Path
    env: dict
    https_port: int
    http_port: int
    gunicorn_port: int
    certificate: Path
    mailbox: Mailbox
    processes: list = field(default_factory=list)

    @property
    def origin(self):
        return f"https://{SERVER_NAME}:{self.https_port}"

    def gunicorn_log(self):
        return (self.tmp / "gunicorn.log").read_text(errors="replace")

    def start_gunicorn(self):
        with open(self.tmp / "gunicorn.log", "ab") as log:
            self.processes.insert(
                0,
                subprocess.Popen(
                    gunicorn_command(), cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT
                ),
            )
        wait_for_port(self.gunicorn_port, timeout=60)

    @contextlib.contextmanager
    def gunicorn_stopped(self):
        """gunicorn stopped (a deploy gone wrong, a crash), and started again afterwards."""
        _stop(self.processes.pop(0))
        try:
            yield
        finally:
            self.start_gunicorn()

    def manage(self, *args, stdin=None):
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=300,
            check=True,
        )

    def tls(self):
        return ssl.create_default_context(cafile=str(self.certificate))

    def connection(self, timeout=30):
        return http.client.HTTPSConnection(
            SERVER_NAME, self.https_port, context=self.tls(), timeout=timeout
        )

    def browser(self):
        return Browser(self)


class Browser:
    """A visitor over https through nginx, keeping cookies, sending Origin with forms."""

    def __init__(self, stack):
        self.stack = stack
        self.cookies = SimpleCookie()

    def request(self, method, path, body=None, headers=None, timeout=30):
        conn = self.stack.connection(timeout=timeout)
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={m.value}" for k, m in self.cookies.items())
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        content = response.read()
        for value in response.headers.get_all("Set-Cookie") or []:
            self.cookies.load(value)
        conn.close()
        return response, content

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def form_headers(self, path, content_type):
        return {
            "Content-Type": content_type,
            "Origin": self.stack.origin,
            "Referer": self.stack.origin + path,
        }

    def post(self, path, fields):
        body = urlencode(fields)
        headers = self.form_headers(path, "application/x-www-form-urlencoded")
        return self.request("POST", path, body=body, headers=headers)

    def log_in(self, username, password):
        _, page = self.get("/admin/login/")
        fields = form_fields(page.decode(), "login-form")
        fields.update(username=username, password=password, next="/admin/")
        response, _ = self.post("/admin/login/?next=/admin/", fields)
        assert response.status == 302, f"login answered {response.status}"


class _FormReader(html.parser.HTMLParser):
    """The values a browser would submit from the form with this id (no files)."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id, self.inside, self.values = form_id, False, {}
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("radio", "checkbox") and "checked" not in attrs:
                return
            if kind not in ("file", "submit", "button"):
                self.values[name] = attrs.get("value") or ""
        elif tag == "select" and name:
            self._select = name
        elif (
            tag == "option"
            and self._select
            and ("selected" in attrs or self._select not in self.values)
        ):
            self.values[self._select] = attrs.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        if tag == "form":
            self.inside = False


def form_fields(page, form_id):
    reader = _FormReader(form_id)
    reader.feed(page)
    return reader.values


def _stop(process, sig=signal.SIGTERM):
    if process.poll() is None:
        process.send_signal(sig)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def stack(tmp_path_factory):
    nginx = _nginx()
    tmp = tmp_path_factory.mktemp("deploy")
    for folder in ("body", "proxy", "fastcgi", "uwsgi", "scgi", "media", "static"):
        (tmp / folder).mkdir()
    # Debian's modules-enabled/ names its modules relative to nginx's prefix, which the test's is.
    (tmp / "modules").symlink_to(Path("/usr/share/nginx/modules").resolve())
    certificate, key = tmp / "cert.pem", tmp / "key.pem"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
            "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2", "-subj", "/CN=localhost",
            "-addext", "subjectAltName=DNS:localhost", "-keyout", str(key), "-out",
            str(certificate),
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    database_url, drop_database = _database(tmp)
    ports = {
        name: free_port()
        for name in ("https", "http", "inner_https", "inner_http", "gunicorn", "smtp")
    }
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    env = {
        **clean,
        # The production settings, as /etc/almenbolig/env sets them (deploy/env.example).
        "DJANGO_SECRET_KEY": "deploy-test-" + "x" * 50,
        "DJANGO_ALLOWED_HOSTS": SERVER_NAME,
        # Browsers leave out the port only for 443; the test's port is part of its origin.
        "DJANGO_CSRF_TRUSTED_ORIGINS": f"https://{SERVER_NAME}:{ports['https']}",
        "DJANGO_RELEASE": "deploy-test",
        "DATABASE_URL": database_url,
        "DJANGO_MEDIA_ROOT": str(tmp / "media"),
        "DJANGO_STATIC_ROOT": str(tmp / "static"),
        "GUNICORN_BIND": f"127.0.0.1:{ports['gunicorn']}",
        # Two sync workers, as the probe had: few enough that a slow client would show.
        "GUNICORN_WORKERS": "2",
        "PYTHONWARNINGS": "ignore",
        # The mail server: a real SMTP server of the test's own (aiosmtpd).
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(ports["smtp"]),
        "SITE_URL": f"https://{SERVER_NAME}",
    }
    stack = Stack(
        tmp=tmp,
        env=env,
        https_port=ports["https"],
        http_port=ports["http"],
        gunicorn_port=ports["gunicorn"],
        certificate=certificate,
        mailbox=Mailbox(),
    )
    smtp = Controller(stack.mailbox, hostname="127.0.0.1", port=ports["smtp"])
    smtp.start()
    try:
        stack.manage("migrate", "--no-input")
        stack.manage("collectstatic", "--no-input", "-v0")
        stack.manage("write_error_pages")
        stack.manage("create_clerk", CLERK, "--password-from-stdin", stdin=CLERK_PASSWORD + "\n")
        stack.start_gunicorn()
        inner = {"inner_http_port": ports["inner_http"], "inner_https_port": ports["inner_https"]}
        (tmp / "almenbolig.conf").write_text(
            render(
                server_name=SERVER_NAME,
                certificate=str(certificate),
                certificate_key=str(key),
                upstream=env["GUNICORN_BIND"],
                static_root=str(tmp / "static"),
                **inner,
            )
        )
        # The shipped main configuration, with the test's folders (and as root, root's workers,
        # which may read the test's files).
        (tmp / "nginx.conf").write_text(
            render_main(
                http_port=ports["http"],
                https_port=ports["https"],
                user="root" if os.geteuid() == 0 else "nobody",
                pid_file=tmp / "nginx.pid",
                error_log=tmp / "error.log",
                access_log=tmp / "access.log",
                sites=tmp / "almenbolig.conf",
                temp_root=tmp,
                **inner,
            )
        )
        stack.processes.append(
            subprocess.Popen(
                [
                    nginx,
                    "-p",
                    str(tmp),
                    "-c",
                    str(tmp / "nginx.conf"),
                    "-e",
                    str(tmp / "error.log"),
                    "-g",
                    "daemon off;",
                ],
                stdout=subprocess.DEVNULL,
                stderr=open(tmp / "nginx.out", "wb"),  # noqa: SIM115
            )
        )
        wait_for_port(ports["https"], timeout=30)
        yield stack
    finally:
        for process in reversed(stack.processes):
            _stop(process)
        smtp.stop()
        with contextlib.suppress(Exception):
            drop_database()


@pytest.fixture
def log_offset(stack):
    """Where gunicorn's log stands before the test: what the test made Django see comes after."""
    return len(stack.gunicorn_log())
