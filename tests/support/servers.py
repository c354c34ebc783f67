"""
Real servers for the fault tests, started by the test on ports of their own: a redis-server that
can be stopped, paused and started again, a PostgreSQL cluster of its own (the bench's, with the
production settings), a TCP proxy in front of any server that can be made slow or cut off, and a
server that accepts connections and never answers, so that an outage is simulated without
touching the machine's shared services.
"""

import contextlib
import glob
import os
import pwd
import select
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import pytest


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port, *, timeout=10.0, host="127.0.0.1"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection((host, port), timeout=0.2):
            return
        time.sleep(0.05)
    raise TimeoutError(f"nothing listens on {host}:{port} after {timeout} s")


class RedisServer:
    """A redis-server of the test's own, on its own port, keeping nothing on disk."""

    def __init__(self, tmp_path):
        executable = shutil.which("redis-server")
        if executable is None:
            pytest.skip("redis-server is not installed")
        self.executable = executable
        self.port = free_port()
        self.dir = tmp_path
        self.process = None
        self.paused = False

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            [
                self.executable,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.dir),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port)
        return self

    def stop(self):
        if self.process is not None:
            self.resume()
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None

    def pause(self):
        """SIGSTOP: the port still accepts connections, but nothing is ever answered."""
        os.kill(self.process.pid, signal.SIGSTOP)
        self.paused = True

    def resume(self):
        if self.paused and self.process is not None:
            os.kill(self.process.pid, signal.SIGCONT)
            self.paused = False


class PostgresServer:
    """A PostgreSQL cluster of its own (Debian's server binaries), on its own port, trust auth.

    `settings` is a file of settings the cluster includes (`deploy/postgresql/almenbolig.conf`).
    PostgreSQL refuses to run as root: as root, the cluster is the `postgres` user's, in a folder
    of its own that `stop()` removes.
    """

    USER = "root"

    def __init__(self, settings=None):
        binaries = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_version)
        if not binaries:
            raise FileNotFoundError(
                "PostgreSQL's server is not installed: apt-get install postgresql"
            )
        self.bin = Path(binaries[-1]).parent
        self.settings = settings
        self.port = free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="almenbolig-postgres-"))
        self.data = self.dir / "data"
        self.running = False
        # The user the cluster runs as, when it cannot be the one running this (root).
        self.owner = pwd.getpwnam("postgres") if os.geteuid() == 0 else None

    def url(self, database):
        return f"postgres://{self.USER}@127.0.0.1:{self.port}/{database}"

    def _as_owner(self, command):
        if self.owner is None:
            return command
        return ["runuser", "-u", self.owner.pw_name, "--", *command]

    def _own(self, path):
        if self.owner is not None:
            os.chown(path, self.owner.pw_uid, self.owner.pw_gid)

    def start(self):
        self._own(self.dir)
        subprocess.run(
            self._as_owner(
                [
                    str(self.bin / "initdb"),
                    "--pgdata",
                    str(self.data),
                    "--auth",
                    "trust",
                    "--username",
                    self.USER,
                    "--encoding",
                    "UTF8",
                    "--locale",
                    "C.UTF-8",
                ]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )
        if self.settings:
            copy = self.data / "almenbolig.conf"
            copy.write_text(Path(self.settings).read_text())
            self._own(copy)
            with open(self.data / "postgresql.conf", "a") as conf:
                conf.write("\ninclude 'almenbolig.conf'\n")
        options = f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1"
        subprocess.run(
            self._as_owner(
                [
                    str(self.bin / "pg_ctl"),
                    "start",
                    "--pgdata",
                    str(self.data),
                    "--log",
                    str(self.data / "server.log"),
                    "--options",
                    options,
                    "--wait",
                ]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )
        self.running = True
        return self

    def create_database(self, name):
        subprocess.run(
            [
                str(self.bin / "createdb"),
                "-h",
                "127.0.0.1",
                "-p",
                str(self.port),
                "-U",
                self.USER,
                name,
            ],
            check=True,
        )
        return self.url(name)

    def stop(self):
        if self.running:
            # Fast: without waiting for clients (a bench's gunicorn) to leave.
            subprocess.run(
                self._as_owner(
                    [str(self.bin / "pg_ctl"), "stop", "--pgdata", str(self.data), "--mode", "fast"]
                ),
                check=True,
                stdout=subprocess.DEVNULL,
            )
            self.running = False
        shutil.rmtree(self.dir, ignore_errors=True)


def _version(path):
    return int(Path(path).parts[-3].split(".")[0])


class TcpProxy:
    """
    Forwards 127.0.0.1:port to a server. `delay` holds every chunk back that many seconds (a slow
    server); `cut()` closes every connection and refuses new ones (a server that is down);
    `restore()` accepts again. `hang()` closes every connection and then accepts new ones without
    ever answering (a server that hangs); `resume()` forwards new connections again.
    """

    def __init__(self, target_host, target_port):
        self.target = (target_host, target_port)
        self.port = free_port()
        self.delay = 0.0
        self.hanging = False
        self._connections = set()
        self._listener = None
        self._lock = threading.Lock()
        self._stopped = threading.Event()

    def start(self):
        self._listener = socket.socket()
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", self.port))
        self._listener.listen(64)
        threading.Thread(target=self._accept, args=(self._listener,), daemon=True).start()
        return self

    def _accept(self, listener):
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            if self.hanging:
                with self._lock:
                    self._connections.add(client)
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._connections.update({client, upstream})
            threading.Thread(target=self._pipe, args=(client, upstream), daemon=True).start()

    def _pipe(self, client, upstream):
        sockets = [client, upstream]
        try:
            while True:
                readable, _, _ = select.select(sockets, [], [], 0.5)
                for source in readable:
                    data = source.recv(65536)
                    if not data:
                        return
                    if self.delay:
                        time.sleep(self.delay)
                    (upstream if source is client else client).sendall(data)
        except (OSError, ValueError):
            return
        finally:
            for sock in sockets:
                with contextlib.suppress(OSError):
                    sock.close()
            with self._lock:
                self._connections.difference_update(sockets)

    def cut(self):
        # shutdown() wakes the thread blocked in accept(); close() alone would leave the port bound.
        with contextlib.suppress(OSError):
            self._listener.shutdown(socket.SHUT_RDWR)
        self._listener.close()
        self._close_connections()

    def _close_connections(self):
        with self._lock:
            connections, self._connections = list(self._connections), set()
        for sock in connections:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            with contextlib.suppress(OSError):
                sock.close()

    def restore(self):
        self.start()

    def hang(self):
        self.hanging = True
        self._close_connections()

    def resume(self):
        self.hanging = False
        self._close_connections()

    def stop(self):
        self.cut()


class SilentServer:
    """A server that accepts every TCP connection and never says a word: a database that is
    there but does not answer (hung, overloaded, a firewall that swallows)."""

    def __init__(self):
        self.port = free_port()
        self._held = []
        self._listener = None

    def start(self):
        self._listener = socket.create_server(("127.0.0.1", self.port), backlog=128)
        threading.Thread(target=self._accept, daemon=True).start()
        return self

    def _accept(self):
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            self._held.append(client)

    def stop(self):
        with contextlib.suppress(OSError):
            self._listener.shutdown(socket.SHUT_RDWR)
        self._listener.close()
        for sock in self._held:
            with contextlib.suppress(OSError):
                sock.close()


def use_redis(settings, url):
    """Both caches in the Redis at `url`, as production has them with REDIS_URL, with short
    timeouts so that a test of a Redis fault need not wait long; no fault remembered."""
    from almenbolig import cache as resilient

    settings.CACHES = {
        alias: {
            "BACKEND": "almenbolig.cache.ResilientRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": alias,
            "OPTIONS": {"socket_timeout": 0.25, "retry_after": 1},
        }
        for alias in ("default", "fragments")
    }
    resilient._down_until.clear()
