"""
The real nginx of deploy/nginx in front of the real gunicorn: pages are served through it, slow
clients and slow uploads never hold a gunicorn worker, large anonymous bodies are refused before
Django sees them, static files come from disk with long lifetimes, and other host names never
reach Django.
"""

import http.client
import os
import re
import socket
import ssl
import threading
import time

import pytest

from .conftest import CLERK, CLERK_PASSWORD, SERVER_NAME, form_fields

MB = 1000 * 1000


def test_a_page_is_served_through_nginx_with_the_sites_headers(stack):
    response, body = stack.browser().get("/")

    assert response.status == 200
    assert "Almenboligudvalg Hvidovre" in body.decode()
    assert response.headers["Server"] == "nginx", "no version"
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def test_django_knows_the_request_came_over_https(stack):
    # With SECURE_SSL_REDIRECT on, a missing X-Forwarded-Proto would be an endless redirect.
    response, body = stack.browser().get("/robots.txt")

    assert response.status == 200
    assert f"Sitemap: https://{SERVER_NAME}/sitemap.xml" in body.decode()


def test_plain_http_is_redirected_to_https(stack):
    conn = http.client.HTTPConnection(SERVER_NAME, stack.http_port)
    conn.request("GET", "/referater/")
    response = conn.getresponse()

    assert response.status == 301
    assert response.headers["Location"] == f"https://{SERVER_NAME}/referater/"


def test_static_files_come_from_disk_with_a_years_lifetime(stack, log_offset):
    _, page = stack.browser().get("/")
    stylesheet = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', page.decode()).group(1)

    response, _ = stack.browser().get(stylesheet)

    assert response.status == 200
    assert response.headers.get_all("Cache-Control") == ["public, max-age=31536000, immutable"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "/static/" not in stack.gunicorn_log()[log_offset:]


def _closed_without_answer(sock):
    try:
        return sock.recv(1) == b""
    except (ConnectionResetError, ssl.SSLError):
        return True


def test_other_host_names_never_reach_django(stack, log_offset):
    with socket.create_connection(("127.0.0.1", stack.http_port), timeout=5) as plain:
        plain.sendall(b"GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n")
        plain_closed = _closed_without_answer(plain)
    with pytest.raises(ssl.SSLError):
        context = ssl.create_default_context()
        context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
        with (
            socket.create_connection(("127.0.0.1", stack.https_port), timeout=5) as raw,
            context.wrap_socket(raw, server_hostname="evil.example"),
        ):
            pass

    assert plain_closed
    assert "evil.example" not in stack.gunicorn_log()[log_offset:]


class SlowClient(threading.Thread):
    """Sends a request header one line every 3 s, like the issue's probe, until told to stop."""

    def __init__(self, port, tls_context=None):
        super().__init__(daemon=True)
        self.port, self.tls_context = port, tls_context
        self.stop = threading.Event()

    def run(self):
        sock = None
        try:
            sock = socket.create_connection(("127.0.0.1", self.port), timeout=5)
            if self.tls_context:
                sock = self.tls_context.wrap_socket(sock, server_hostname=SERVER_NAME)
            sock.sendall(b"GET / HTTP/1.1\r\nHost: localhost\r\n")
            line = 0
            while not self.stop.wait(3):
                line += 1
                sock.sendall(f"X-Slow-{line}: {line}\r\n".encode())
        except OSError:
            return
        finally:
            self.stop.wait()
            if sock is not None:
                sock.close()


def slow_clients(port, count=20, tls_context=None):
    clients = [SlowClient(port, tls_context) for _ in range(count)]
    for client in clients:
        client.start()
    time.sleep(1)  # all connected and sending
    return clients


def stop(clients):
    for client in clients:
        client.stop.set()
    for client in clients:
        client.join(timeout=5)


def seconds_to_serve(make_request):
    started = time.monotonic()
    try:
        status = make_request()
    except OSError:
        return None
    return status, time.monotonic() - started


def test_twenty_slow_clients_do_not_stop_other_visitors(stack):
    # Straight to gunicorn's two sync workers, 20 slow clients stop the site: the failure that
    # nginx is there to prevent.
    def via_gunicorn():
        conn = http.client.HTTPConnection("127.0.0.1", stack.gunicorn_port, timeout=3)
        conn.request("GET", "/healthz", headers={"Host": SERVER_NAME})
        return conn.getresponse().status

    blocking = slow_clients(stack.gunicorn_port)
    try:
        without_nginx = seconds_to_serve(via_gunicorn)
    finally:
        stop(blocking)

    clients = slow_clients(stack.https_port, tls_context=stack.tls())
    try:
        served = [seconds_to_serve(lambda: stack.browser().get("/")[0].status) for _ in range(10)]
        time.sleep(4)  # the slow clients go on sending
        served += [seconds_to_serve(lambda: stack.browser().get("/")[0].status) for _ in range(5)]
    finally:
        stop(clients)

    assert without_nginx is None, "control: gunicorn alone should have been stopped"
    assert all(result is not None and result[0] == 200 for result in served), served
    assert max(seconds for _, seconds in served) < 2, served


def minimal_pdf(size):
    """A valid one-page PDF of about `size` bytes: a page showing an incompressible image."""
    side = int(size**0.5)
    pixels = os.urandom(side * side)
    content = b"q 595 0 0 842 0 0 cm /Im1 Do Q"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Length %d >>\nstream\n"
        % (side, side, len(pixels))
        + pixels
        + b"\nendstream",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def multipart(fields, files, boundary):
    parts = []
    for name, value in fields.items():
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
        parts.append(f"{head}{value}\r\n".encode())
    for name, (filename, content) in files.items():
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: application/pdf\r\n\r\n'
        )
        parts.append(head.encode() + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts)


def test_a_25_mb_upload_sent_over_40_seconds_is_saved(stack):
    clerk = stack.browser()
    clerk.log_in(CLERK, CLERK_PASSWORD)
    _, page = clerk.get("/admin/minutes/meeting/add/")
    fields = form_fields(page.decode(), "meeting_form")
    fields.update(date="2026-11-03", place="Rådhuset, mødelokale 1", _save="Gem")
    pdf = minimal_pdf(25 * MB)
    body = multipart(fields, {"minutes_pdf": ("referat.pdf", pdf)}, "almenbolig-test-boundary")
    path = "/admin/minutes/meeting/add/"

    conn = stack.connection(timeout=120)
    conn.putrequest("POST", path)
    headers = clerk.form_headers(path, "multipart/form-data; boundary=almenbolig-test-boundary")
    headers["Cookie"] = "; ".join(f"{k}={m.value}" for k, m in clerk.cookies.items())
    headers["Content-Length"] = str(len(body))
    for name, value in headers.items():
        conn.putheader(name, value)
    conn.endheaders()
    started = time.monotonic()
    chunk = 256 * 1024
    pause = 40 / (len(body) / chunk)  # ~5 Mbit/s: the whole body takes 40 s
    for offset in range(0, len(body), chunk):
        conn.send(body[offset : offset + chunk])
        time.sleep(pause)
    response = conn.getresponse()
    answer = response.read().decode(errors="replace")
    took = time.monotonic() - started

    assert took >= 40
    assert response.status == 302, re.findall(r'class="errorlist[^"]*">(.*?)</ul>', answer)
    stored = [p for p in (stack.tmp / "media").rglob("*.pdf") if p.stat().st_size == len(pdf)]
    assert len(stored) == 1
    assert "WORKER TIMEOUT" not in stack.gunicorn_log()


@pytest.mark.parametrize(
    ("path", "megabytes"),
    [
        ("/cookies/afvis/", 300),
        ("/admin/login/", 300),
        ("/referater/", 300),
        # The admin takes uploads only from a clerk's session: without one, 64 kB as elsewhere.
        ("/admin/minutes/meeting/add/", 5),
    ],
)
def test_a_large_anonymous_post_is_refused_with_413_before_django_sees_it(
    stack, log_offset, path, megabytes
):
    with (
        socket.create_connection(("127.0.0.1", stack.https_port), timeout=10) as raw,
        stack.tls().wrap_socket(raw, server_hostname=SERVER_NAME) as sock,
    ):
        sock.sendall(
            f"POST {path} HTTP/1.1\r\nHost: {SERVER_NAME}\r\n"
            "Content-Type: multipart/form-data; boundary=x\r\n"
            f"Content-Length: {megabytes * MB}\r\n\r\n".encode()
            + b"--x\r\n"
            + b"0" * 65536
        )
        answer = sock.recv(65536).decode(errors="replace")

    assert answer.startswith("HTTP/1.1 413"), answer[:200]
    assert "Det, du sendte, er for stort" in answer
    assert path not in stack.gunicorn_log()[log_offset:]
    spooled = sum(p.stat().st_size for p in (stack.tmp / "body").rglob("*") if p.is_file())
    assert spooled < MB
