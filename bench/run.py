"""
Throughput and latency of the public pages under load, against floors measured in the same run.

The site is served the way production serves it (gunicorn, whitenoise, DEBUG off) on a throwaway
database filled by `loaddemo`, and each page is loaded with `wrk` (Debian's package). Two floors
are measured first, on the same machine in the same run, so that the numbers mean something on any
machine: a static file through whitenoise (the fastest the stack answers anything) and `/healthz`
(Django plus one database round trip). Every page is reported as a share of the `/healthz` floor;
the run fails when a page falls below `--min-ratio` of it or answers with errors.

Pages are loaded as a returning visitor who refused statistics (the page's own cost); the
committee page once more as new visitors, each counted under the site's policy (silence is
acceptance), to show what the statistics write costs.

    make bench                      # SQLite
    DATABASE_URL=postgres://root@127.0.0.1:5432/almenbolig_bench make bench
"""

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def wait_until_up(base_url, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{base_url}/healthz", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("the server did not come up")


def first_link(base_url, path, pattern):
    with urllib.request.urlopen(base_url + path) as response:
        html = response.read().decode()
    match = re.search(pattern, html)
    if not match:
        raise SystemExit(f"no link matching {pattern!r} on {path}")
    return match.group(0).strip('"')


UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3}


def parse_wrk(output):
    def latency(label):
        match = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
        return float(match.group(1)) * UNITS[match.group(2)] if match else None

    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)
    return {
        "rps": rps,
        "p50_ms": latency("50"),
        "p99_ms": latency("99"),
        "non_2xx": int(errors.group(1)) if errors else 0,
        "socket_errors": socket_errors.group(1) if socket_errors else "",
    }


# A returning visitor who refused statistics: the page's own cost, with no statistics write.
DECLINED = "cookie_consent=statistik=-1"


def load(url, seconds, connections, threads, cookie=DECLINED):
    headers = ["-H", f"Cookie: {cookie}"] if cookie else []
    result = subprocess.run(
        [
            "wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{seconds}s",
            "--latency",
            *headers,
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return parse_wrk(result.stdout)


def main():
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    # A page may be this much slower than /healthz (one query, no template) and still pass: a
    # regression such as a query per row or a lost cache shows up as a drop far below it.
    parser.add_argument("--min-ratio", type=float, default=0.02)
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()

    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk")

    workdir = Path(tempfile.mkdtemp(prefix="almenbolig-bench-"))
    env = {
        **os.environ,
        "DJANGO_SECRET_KEY": "bench-only-secret-key",
        "DJANGO_SECURE": "0",
        "DJANGO_DEBUG": "0",
        "DJANGO_MEDIA_ROOT": str(workdir / "media"),
        "DJANGO_STATIC_ROOT": str(workdir / "static"),
        "DJANGO_LOG_LEVEL": "WARNING",
    }
    env.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
    manage(env, "migrate", "--no-input", "-v0")
    manage(env, "loaddemo")
    manage(env, "collectstatic", "--no-input", "-v0")

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "almenbolig.wsgi",
            "--config",
            "gunicorn.conf.py",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(args.workers),
            "--access-logfile",
            "/dev/null",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    try:
        wait_until_up(base)
        stylesheet = first_link(base, "/", r"/static/css/site\.[0-9a-f]+\.css")
        meeting = first_link(base, "/referater/", r"/referater/\d{4}-\d{2}-\d{2}/")
        year = first_link(base, "/referater/", r"/referater/\d{4}/")
        targets = [
            ("floor: static file (whitenoise)", stylesheet, DECLINED),
            ("floor: /healthz (Django + database)", "/healthz", DECLINED),
            ("committee page", "/", DECLINED),
            # No cookies: every request is a new visitor who has said nothing, and under the
            # site's policy (silence is acceptance) is counted: the statistics write included.
            ("committee page, new visitors (counted)", "/", None),
            ("archive", "/referater/", DECLINED),
            ("year", year, DECLINED),
            ("meeting", meeting, DECLINED),
            ("search", "/referater/soeg/?q=boligsocial", DECLINED),
            ("feed", "/referater/rss/", DECLINED),
            ("calendar", "/referater/kalender.ics", DECLINED),
        ]
        results = []
        for name, path, cookie in targets:
            measured = load(base + path, args.seconds, args.connections, args.threads, cookie)
            results.append({"name": name, "path": path, **measured})
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(workdir, ignore_errors=True)

    floor = next(r for r in results if r["path"] == "/healthz")["rps"]
    print(f"\n{'page':40} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'vs floor':>9} errors")
    failures = []
    for r in results:
        r["ratio"] = round(r["rps"] / floor, 3)
        print(
            f"{r['name']:40} {r['rps']:8.0f} {r['p50_ms'] or 0:8.1f} {r['p99_ms'] or 0:8.1f}"
            f" {r['ratio']:9.2f} {r['non_2xx']} {r['socket_errors']}"
        )
        if r["non_2xx"] or r["socket_errors"]:
            failures.append(f"{r['name']}: {r['non_2xx']} errors {r['socket_errors']}")
        if not r["name"].startswith("floor") and r["ratio"] < args.min_ratio:
            failures.append(f"{r['name']}: {r['ratio']:.2f} of the floor < {args.min_ratio}")
    print(
        f"\ndatabase: {env['DATABASE_URL'].split(':')[0]}, gunicorn workers: {args.workers}, "
        f"wrk: {args.threads} threads, {args.connections} connections, {args.seconds}s per page"
    )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    if failures:
        print("\nFAILED:\n  " + "\n  ".join(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
