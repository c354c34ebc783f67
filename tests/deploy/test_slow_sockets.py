"""
Slow sockets at scale, through the real nginx of deploy/nginx: thousands of TLS connections that
send a partial request line and then a byte now and then (the issue's probe) neither exhaust
nginx's connections nor stop the committee page, live no longer than the header timeout, and one
address cannot hold more than a few of them before its headers are complete.

The slow sockets come from addresses of their own on loopback (127.0.0.0/8 is all the machine's
own), so that the visitor at 127.0.0.1 is someone else.
"""

import asyncio
import contextlib
import resource
import ssl
import threading
import time

import pytest

from .conftest import SERVER_NAME

SLOW_SOCKETS = 2000
# Spread over this many addresses: a small botnet, each address well inside the per-address limit.
ADDRESSES = 40
# The per-address limit before headers are complete (deploy/nginx/nginx.conf.in).
PER_ADDRESS = 128
# deploy/nginx: client_header_timeout, where connections are accepted too.
HEADER_TIMEOUT = 10


@pytest.fixture(autouse=True)
def enough_file_descriptors():
    """Thousands of sockets in this process: raise its limit to what the system allows."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = min(hard, 16384) if hard != resource.RLIM_INFINITY else 16384
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, wanted), hard))
    if max(soft, wanted) < SLOW_SOCKETS + 500:
        pytest.fail(f"this process may open only {max(soft, wanted)} files")
    yield
    resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


class SlowSockets:
    """TLS connections, opened from given loopback addresses, that send the start of a request
    line and then one byte every few seconds, never finishing the header. Runs its own event loop
    in a thread; `opened`, `refused` and `closed_after` say what became of them."""

    def __init__(self, port, tls, sources):
        self.port, self.tls, self.sources = port, tls, sources
        self.opened = 0
        self.refused = 0
        self.closed_after = []  # seconds from opening until nginx closed the socket
        self.all_opened = threading.Event()
        self._stop = None
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_until_complete, args=(self._run(),))

    def start(self):
        self._thread.start()
        if not self.all_opened.wait(120):
            raise TimeoutError("the slow sockets did not open within two minutes")
        return self

    def stop(self):
        self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(60)

    async def _run(self):
        self._stop = asyncio.Event()
        gate = asyncio.Semaphore(200)  # handshakes at a time
        tasks = [asyncio.create_task(self._one(source, gate)) for source in self.sources]
        while self.opened + self.refused < len(self.sources):
            await asyncio.sleep(0.05)
        self.all_opened.set()
        await self._stop.wait()
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    async def _one(self, source, gate):
        async with gate:
            try:
                reader, writer = await asyncio.wait_for(
                    asyncio.open_connection(
                        "127.0.0.1",
                        self.port,
                        ssl=self.tls,
                        server_hostname=SERVER_NAME,
                        local_addr=(source, 0),
                    ),
                    timeout=30,
                )
                writer.write(b"GET /referater/ HTTP/1.1\r\nHost: ")
                await writer.drain()
            except (OSError, ssl.SSLError):  # TimeoutError is an OSError
                self.refused += 1
                return
            self.opened += 1
        started = time.monotonic()
        try:
            while True:
                with contextlib.suppress(TimeoutError):
                    if await asyncio.wait_for(reader.read(1024), timeout=3) == b"":
                        break
                writer.write(b"l")  # one byte of the host name, every few seconds
                await writer.drain()
        except (OSError, ssl.SSLError):
            pass
        except asyncio.CancelledError:
            writer.transport.abort()
            raise
        self.closed_after.append(time.monotonic() - started)
        writer.transport.abort()


def committee_page_seconds(stack):
    started = time.monotonic()
    response, body = stack.browser().get("/", timeout=10)
    assert response.status == 200
    assert "Almenboligudvalg Hvidovre" in body.decode()
    return time.monotonic() - started


def test_two_thousand_slow_sockets_neither_stop_the_site_nor_outlive_the_header_timeout(stack):
    sources = [f"127.0.1.{1 + n % ADDRESSES}" for n in range(SLOW_SOCKETS)]
    attack = SlowSockets(stack.https_port, stack.tls(), sources).start()
    try:
        held = attack.opened
        seconds = [committee_page_seconds(stack)]
        deadline = time.monotonic() + HEADER_TIMEOUT + 8
        while len(attack.closed_after) < held and time.monotonic() < deadline:
            seconds.append(committee_page_seconds(stack))
            time.sleep(0.5)
    finally:
        attack.stop()

    assert held == SLOW_SOCKETS, f"only {held} opened, {attack.refused} refused"
    assert max(seconds) < 1, seconds
    # Closed by nginx's header timeout (a few seconds of slack: opening them all takes a while).
    assert len(attack.closed_after) == held
    assert max(attack.closed_after) < HEADER_TIMEOUT + 4, max(attack.closed_after)
    assert "worker_connections are not enough" not in (stack.tmp / "error.log").read_text()


def test_one_address_holds_only_so_many_connections_before_its_headers_are_complete(stack):
    attack = SlowSockets(stack.https_port, stack.tls(), ["127.0.2.1"] * 600).start()
    try:
        held, refused = attack.opened, attack.refused
        seconds = committee_page_seconds(stack)
    finally:
        attack.stop()

    assert held == PER_ADDRESS, f"{held} held, {refused} refused"
    assert refused == 600 - PER_ADDRESS
    assert seconds < 1
