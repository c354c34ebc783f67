"""
Throughput and latency of the public pages under load, against a floor measured in the same run.

The site is served the way production serves it (gunicorn with sync workers, whitenoise, DEBUG
off) and each page is loaded with `wrk` (Debian's package). The floor is measured first, on the
same machine in the same run, so that the numbers mean something on any machine: a bare view
(`bench/urls.py`) that returns the meeting page's own HTML through the site's full middleware
stack. Every page is reported as req/s, p50, p95 and p99, and as a share of that floor; a static
file and `/healthz` are measured too, for reference.

The workers share one cache as production's do (Redis, `REDIS_URL`): when Debian's `redis-server`
is on the machine the bench starts one of its own on a free loopback port, keeping nothing on disk,
and stops it afterwards. Without it, or with `--no-redis`, each worker keeps its own pages in its
own memory (the site without `REDIS_URL`), and a page kept by one worker is rendered again by the
other. The summary line and the JSON say which cache was used.

The database is DATABASE_URL's, or with `--postgres` a PostgreSQL cluster of the bench's own
(Debian's server binaries, `tests.support.servers.PostgresServer`) with the production settings
of `deploy/postgresql/almenbolig.conf`, removed afterwards. At archive scale a new search's tail
is the database's memory: the summary line names `shared_buffers` beside the search table's size.

Without `--meetings` the database is filled by `loaddemo` (46 meetings) and the run fails when a
page falls below `--min-ratio` of the floor or answers with errors. With `--meetings N` a whole
archive of N meetings is built first (`bench/archive.py`; into an empty database, PostgreSQL for
real numbers), and the targets of issue 12 are printed beside each row (met or not); they fail
the run only with `--fail-on-targets`.

Pages are loaded as a returning visitor who refused statistics (the page's own cost); the
committee page once more as new silent visitors, each one counted under the site's policy (silence
is acceptance, once the banner has told them). Search cycles through many distinct queries
(common words, rare words, phrases, no hits): one client asks each of them once, in turn, each
for the first time (what a search costs); under load, searches nothing has kept yet (the mix
narrowed by type or sorted by date); and the plain mix under load, whose searches repeat as
people's do and are then served from the cache. A mixed run searches with 16 connections, each
search new (narrowed by year), while others read the committee page.

    make bench                      # SQLite, the demo meetings
    DATABASE_URL=postgres://root@127.0.0.1:5432/almenbolig_bench make bench \\
        BENCH_ARGS="--meetings 10000 --json bench.json"
"""

import argparse
import json
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Run as a script: the project's packages (bench, tests.support) from the checkout.
sys.path.insert(0, str(ROOT))
PYTHON = sys.executable
WRK_SCRIPT = Path(__file__).resolve().parent / "wrk.lua"
FLOOR = "/bench/gulv/"
# A request not answered within this counts as a timeout (wrk's own count).
TIMEOUT = "5s"

# A returning visitor who refused statistics: the page's own cost, with no statistics write.
DECLINED = "cookie_consent=statistik=-1"

# Issue 12's targets: (what, kind, limit). "ratio": share of the floor at least; "p95_ms" and
# "p99_ms": at most; "bytes": the response's size at most; "timeouts": at most.
PAGE = [("≥ 0.5 of the floor", "ratio", 0.5)]
TARGETS = {
    "committee page": PAGE,
    "archive": PAGE,
    "year": PAGE,
    "meeting": PAGE,
    "meetings, 200 different": PAGE,
    "committee page, new silent visitors (counted)": [("≥ 0.3 of the floor", "ratio", 0.3)],
    "search, 1 client, the mix once": [("p95 ≤ 50 ms", "p95_ms", 50)],
    "search under load, query mix": [("≥ 0.1 of the floor", "ratio", 0.1)],
    "RSS feed": PAGE,
    "kalender.ics": [("≥ 0.5 of the floor", "ratio", 0.5), ("≤ 200 KB", "bytes", 200 * 1024)],
    "mixed: committee page while 16 search": [
        ("p99 ≤ 1 s", "p99_ms", 1000),
        ("no timeouts", "timeouts", 0),
    ],
}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def stop(process):
    if process is not None and process.poll() is None:
        process.terminate()
        process.wait(timeout=30)


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


# At archive scale a search's tail is memory: a common word or phrase reads half of the search
# table's pages, so whether the table fits in PostgreSQL's shared buffers shows in its p95.
DATABASE_MEMORY = """
from django.db import connection
if connection.vendor == "postgresql":
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT current_setting('shared_buffers'), "
            "pg_size_pretty(pg_table_size('minutes_searchentry')), "
            "pg_size_pretty(pg_indexes_size('minutes_searchentry'))"
        )
        print("shared_buffers %s, search table %s, its indexes %s" % cursor.fetchone())
"""


def database_memory(env):
    """PostgreSQL's shared buffers beside the search table's size; empty elsewhere."""
    done = subprocess.run(
        [PYTHON, "manage.py", "shell", "-v0", "-c", DATABASE_MEMORY],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout.strip()


def wait_until_up(base_url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{base_url}/healthz", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("the server did not come up")


def settle(base_url, timeout=300):
    """Wait until the server answers at once again: requests that wrk gave up on are still
    queued at gunicorn after a slow row, and must not be charged to the next one."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        started = time.monotonic()
        try:
            fetch(base_url, FLOOR)
        except OSError:
            continue
        if time.monotonic() - started < 0.2:
            return
        time.sleep(0.5)


def fetch(base_url, path, cookie=DECLINED, timeout=30):
    request = urllib.request.Request(base_url + path, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return response.read(), response.headers


class Tally:
    """Requests timed one by one, each waiting for its answer (or TIMEOUT): every request is
    counted, also one still unanswered when a run ends, which wrk leaves out."""

    def __init__(self):
        self.limit = float(TIMEOUT.rstrip("s"))
        self.latencies, self.timeouts, self.errors = [], [], []

    def ask(self, base_url, path, cookie):
        started = time.monotonic()
        try:
            fetch(base_url, path, cookie, timeout=self.limit)
            self.latencies.append((time.monotonic() - started) * 1000)
        except urllib.error.HTTPError as error:
            self.errors.append(error.code)
        except OSError:
            self.timeouts.append(started)

    def summary(self, seconds):
        return summary(self.latencies, self.timeouts, self.errors, seconds)


def probe(base_url, path, seconds, clients, cookie=DECLINED):
    """Readers of one page, each asking again as soon as answered, for `seconds`."""
    tally = Tally()
    deadline = time.monotonic() + seconds

    def read():
        while time.monotonic() < deadline:
            tally.ask(base_url, path, cookie)

    threads = [threading.Thread(target=read) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return tally.summary(seconds)


def each_once(base_url, paths, cookie=DECLINED):
    """One client asking each path once, in order, each waiting for the answer before the next:
    every search of the mix exactly once, as a visitor would meet it for the first time."""
    tally = Tally()
    began = time.monotonic()
    for path in paths:
        tally.ask(base_url, path, cookie)
    return tally.summary(time.monotonic() - began)


def summary(latencies, timeouts, errors, seconds):
    # An unanswered request took at least TIMEOUT: it counts in the percentiles as that.
    limit = float(TIMEOUT.rstrip("s"))
    ordered = sorted(latencies + [limit * 1000] * len(timeouts))

    def percentile(share):
        return ordered[min(len(ordered) - 1, int(len(ordered) * share))] if ordered else None

    return {
        "rps": len(latencies) / seconds,
        "requests": len(latencies),
        "p50_ms": percentile(0.50),
        "p95_ms": percentile(0.95),
        "p99_ms": percentile(0.99),
        "max_ms": ordered[-1] if ordered else None,
        "timeouts": len(timeouts),
        "non_2xx": len(errors),
        "socket_errors": 0,
    }


def links(base_url, path, pattern):
    html = fetch(base_url, path)[0].decode()
    found = list(dict.fromkeys(m.group(0).strip('"') for m in re.finditer(pattern, html)))
    if not found:
        raise SystemExit(f"no link matching {pattern!r} on {path}")
    return found


def told_cookie(base_url):
    """The cookie of a visitor who has seen the banner and said nothing: counted from now on."""
    _, headers = fetch(base_url, "/", cookie=None)
    for header in headers.get_all("Set-Cookie") or []:
        if header.startswith("cookie_banner_vist="):
            return header.split(";", 1)[0]
    raise SystemExit("the committee page set no cookie_banner_vist cookie")


def load(base, paths, seconds, connections, threads, cookie=DECLINED, workdir=None):
    """Run wrk on one path, or cycling through several; the measured numbers as a dict."""
    return parse(start_load(base, paths, seconds, connections, threads, cookie, workdir))


def start_load(base, paths, seconds, connections, threads, cookie=DECLINED, workdir=None):
    env = dict(os.environ)
    if isinstance(paths, str):
        paths = [paths]
    if len(paths) > 1:
        listing = Path(tempfile.mkstemp(prefix="paths-", suffix=".txt", dir=workdir)[1])
        listing.write_text("\n".join(paths) + "\n")
        env["BENCH_PATHS"] = str(listing)
    env["BENCH_THREADS"] = str(min(threads, connections))
    headers = ["-H", f"Cookie: {cookie}"] if cookie else []
    command = [
        "wrk",
        f"-t{min(threads, connections)}",
        f"-c{connections}",
        f"-d{seconds}s",
        f"--timeout={TIMEOUT}",
        "-s",
        str(WRK_SCRIPT),
        *headers,
        base + paths[0],
    ]
    return subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env)


def parse(process):
    output, _ = process.communicate()
    if process.returncode:
        raise SystemExit(f"wrk failed:\n{output}")
    line = next(line for line in output.splitlines() if line.startswith("BENCH "))
    values = {key: int(value) for key, value in (f.split("=") for f in line.split()[1:])}
    answered = values["requests"] > 0
    # A request wrk gave up on (TIMEOUT) has no latency: it is counted as a timeout only.
    return {
        "rps": values["requests"] / (values["duration_us"] / 1e6),
        "requests": values["requests"],
        "p50_ms": values["p50_us"] / 1000 if answered else None,
        "p95_ms": values["p95_us"] / 1000 if answered else None,
        "p99_ms": values["p99_us"] / 1000 if answered else None,
        "max_ms": values["max_us"] / 1000 if answered else None,
        "timeouts": values["timeouts"],
        "non_2xx": values["status_errors"],
        "socket_errors": values["socket_errors"],
    }


def search_queries(meetings):
    """Distinct searches as people make them: common words, rare words, case numbers, phrases,
    several words, and words that are in no meeting at all."""
    from bench.vocabulary import PHRASES, PLACES, Writer

    writer = Writer(seed=4242)
    common = writer.common_words(40)
    rare = writer.rare_words(40)
    queries = [
        *common,
        *rare,
        *(f'"{phrase}"' for phrase in PHRASES),
        *(f'"{place}"' for place in PLACES[:8]),
        *(f"{a} {b}" for a, b in zip(common[:15], rare[:15], strict=True)),
        *(f"{a} {b}" for a, b in zip(common[10:25], common[20:35], strict=True)),
        *writer.unknown_words(15),
        *(f"flødebolle{n}" for n in range(5)),
    ]
    return [f"/referater/soeg/?q={urllib.request.quote(q)}" for q in dict.fromkeys(queries)]


def new_searches(queries, variations):
    """The same searches narrowed or sorted otherwise: pages of results that no other row asks
    for, in a fixed shuffled order (searches that nothing has kept yet)."""
    variants = [
        f"{query}&{urllib.parse.urlencode(params)}" for query in queries for params in variations
    ]
    random.Random(12).shuffle(variants)
    return variants


def judge(row):
    """The issue's targets for this row, each with whether it was met."""
    verdicts = []
    for label, kind, limit in TARGETS.get(row["name"], []):
        value = row.get(kind)
        # A row whose every request timed out has met nothing, not even "no timeouts".
        answered = row["requests"] > 0 or kind == "bytes"
        met = (
            answered
            and value is not None
            and (value >= limit if kind == "ratio" else value <= limit)
        )
        verdicts.append({"target": label, "met": met})
    return verdicts


def main():
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--meetings", type=int, help="build an archive of this many meetings")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="use the archive already in the database (built by an earlier --meetings run)",
    )
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    # A page may be this much slower than the floor and still pass the small bench: a regression
    # such as a query per row or a lost cache shows up as a drop far below it.
    parser.add_argument("--min-ratio", type=float, default=0.02)
    parser.add_argument(
        "--fail-on-targets", action="store_true", help="fail when a target of issue 12 is not met"
    )
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument(
        "--postgres",
        action="store_true",
        help="build and measure in a PostgreSQL of the bench's own (Debian's server binaries) with "
        "the production settings of deploy/postgresql/almenbolig.conf, instead of DATABASE_URL",
    )
    parser.add_argument(
        "--no-redis",
        action="store_true",
        help="each worker keeps pages in its own memory, as the site does without REDIS_URL",
    )
    args = parser.parse_args()
    if args.postgres and args.reuse:
        parser.error("--reuse measures a database that outlives the run: use DATABASE_URL")

    postgres = None
    if args.postgres:
        from tests.support.servers import PostgresServer

        try:
            postgres = PostgresServer(settings=ROOT / "deploy" / "postgresql" / "almenbolig.conf")
        except FileNotFoundError as missing:
            raise SystemExit(str(missing)) from None
        postgres.start()
        os.environ["DATABASE_URL"] = postgres.create_database("almenbolig_bench")
    try:
        return measure(args)
    finally:
        if postgres is not None:
            postgres.stop()


def measure(args):
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk")

    workdir = Path(tempfile.mkdtemp(prefix="almenbolig-bench-"))
    floor_html = workdir / "floor.html"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DJANGO_SECRET_KEY": "bench-only-secret-key",
        "DJANGO_SECURE": "0",
        "DJANGO_DEBUG": "0",
        "DJANGO_MEDIA_ROOT": str(workdir / "media"),
        "DJANGO_STATIC_ROOT": str(workdir / "static"),
        "DJANGO_LOG_LEVEL": "WARNING",
        "BENCH_FLOOR_HTML": str(floor_html),
        "PYTHONPATH": str(ROOT),
        # wrk is one address making every request a new silent visitor: what counting a new
        # visitor costs. The site counts only so many new visitors a day per address; unbounded
        # here, or the row would measure the bound.
        "VISITS_NEW_VISITORS_PER_ADDRESS": "0",
    }
    env.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
    # The site's cache is whatever REDIS_URL says: the bench's own Redis, or each process's memory.
    env.pop("REDIS_URL", None)
    shared = not args.no_redis and shutil.which("redis-server") is not None
    if shared:
        cache = "redis, shared by the workers"
    elif args.no_redis:
        cache = "local memory, per worker (--no-redis)"
    else:
        cache = "local memory, per worker (redis-server is not installed)"
    database = env["DATABASE_URL"].split(":")[0]
    manage(env, "migrate", "--no-input", "-v0")
    build_seconds = None
    if args.meetings:
        if not args.reuse:
            started = time.monotonic()
            command = [PYTHON, "bench/archive.py", "--meetings", str(args.meetings)]
            subprocess.run(command, cwd=ROOT, env=env, check=True)
            build_seconds = round(time.monotonic() - started, 1)
            print(f"Built the archive in {build_seconds} s")
    else:
        manage(env, "loaddemo")
    manage(env, "collectstatic", "--no-input", "-v0")
    memory = database_memory(env)

    redis = server = None
    results = []
    try:
        if shared:
            # The tests' own redis-server of a run's own: a free loopback port, nothing on disk.
            from tests.support.servers import RedisServer

            redis = RedisServer(workdir).start()
            env["REDIS_URL"] = redis.url
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
        wait_until_up(base)
        stylesheet = links(base, "/", r"/static/css/site\.[0-9a-f]+\.css")[0]
        years = links(base, "/referater/", r"/referater/\d{4}/")
        # A past year's page holds minutes, not agendas still to come.
        year = years[1] if len(years) > 1 else years[0]
        meetings = links(base, year, r"/referater/\d{4}-\d{2}-\d{2}/")
        for older in years[2:6]:
            meetings += links(base, older, r"/referater/\d{4}-\d{2}-\d{2}/")
        meeting = meetings[len(meetings) // 4]
        floor_html.write_bytes(fetch(base, meeting)[0])
        calendar_size = len(fetch(base, "/referater/kalender.ics")[0])
        counted = told_cookie(base)
        queries = search_queries(args.meetings or 0)
        # Every request of the single client's row and of the first row under load is a search
        # asked for the first time: what searching costs. The query mix under load repeats its
        # searches, as people's searches repeat, and is served from the cache once asked.
        fresh = new_searches(
            queries,
            [
                {"sortering": "dato"},
                *({"type": kind} for kind in ("punkt", "bilag", "pdf")),
                *({"type": kind, "sortering": "dato"} for kind in ("punkt", "bilag", "pdf")),
            ],
        )
        # The mixed run's searches are new too: by year, which no other row narrows to.
        by_year = new_searches(queries, [{"aar": y.strip("/").split("/")[-1]} for y in years[1:9]])
        c, t, s = args.connections, args.threads, args.seconds
        rows = [
            ("floor: the meeting page's HTML from a bare view", FLOOR, c, DECLINED),
            ("static file (whitenoise)", stylesheet, c, DECLINED),
            ("/healthz (Django + database)", "/healthz", c, DECLINED),
            ("committee page", "/", c, DECLINED),
            # Each request a visitor the banner has told who said nothing and has no visitor
            # cookie yet: counted under the site's policy, the statistics writes included.
            ("committee page, new silent visitors (counted)", "/", c, counted),
            ("archive", "/referater/", c, DECLINED),
            ("year", year, c, DECLINED),
            ("meeting", meeting, c, DECLINED),
            ("meetings, 200 different", meetings[:200], c, DECLINED),
            ("RSS feed", "/referater/rss/", c, DECLINED),
            ("corrections feed", "/referater/rettelser/rss/", c, DECLINED),
            ("kalender.ics", "/referater/kalender.ics", c, None),
            ("one meeting's .ics", f"{meeting}kalender.ics", c, None),
            # Last: a slow search leaves work behind at gunicorn and in the database.
            # The single client: each of the mix's searches once, in turn, each new.
            ("search, 1 client, the mix once", queries, 1, DECLINED),
            ("search under load, each search new", fresh, c, DECLINED),
            ("search under load, query mix", queries, c, DECLINED),
        ]
        # Warm each page once (a first render is not the steady state): with the shared cache a
        # page kept by one worker is served by both, so once is enough. Without it (--no-redis)
        # the other worker renders its own copy during the row, as such a site would. Searches
        # are warmed with searches no row asks (the mix's, narrowed by type and year), several,
        # so that each worker has rendered results once: every search of the rows is new.
        year_numbers = [y.strip("/").split("/")[-1] for y in years]
        warming = [
            f"{query}&type=punkt&aar={year_numbers[0]}" for query in queries[: args.workers * 3]
        ]
        for _name, path, _connections, cookie in rows:
            if path is fresh or path is queries:
                continue
            for one in [path] if isinstance(path, str) else path:
                try:
                    fetch(base, one, cookie)
                except OSError as error:
                    print(f"  warming {one}: {error}")
        for one in warming:
            fetch(base, one)
        for name, path, connections, cookie in rows:
            settle(base)
            if path is queries and connections == 1:
                measured = each_once(base, path, cookie)
            else:
                measured = load(base, path, s, connections, t, cookie, workdir)
            shown = path if isinstance(path, str) else f"{len(path)} paths, e.g. {path[0]}"
            results.append({"name": name, "path": shown, "connections": connections, **measured})
            print(f"  {name}: {measured['rps']:.0f} req/s", flush=True)

        # 16 connections search while 4 readers read the committee page, at the same time.
        settle(base)
        searching = start_load(base, by_year, s * 2, 16, t, DECLINED, workdir)
        read = probe(base, "/", s * 2, 4)
        searched = parse(searching)
        results.append(
            {"name": "mixed: committee page while 16 search", "path": "/", "connections": 4, **read}
        )
        results.append(
            {
                "name": "mixed: the 16 searching",
                "path": f"{len(by_year)} searches, each new",
                "connections": 16,
                **searched,
            }
        )
    finally:
        stop(server)
        if redis is not None:
            redis.stop()
        shutil.rmtree(workdir, ignore_errors=True)

    floor = results[0]["rps"]
    for row in results:
        row["ratio"] = round(row["rps"] / floor, 3)
        if row["name"] == "kalender.ics":
            row["bytes"] = calendar_size
        row["targets"] = judge(row) if args.meetings else []
    return report(
        results, args, database, cache, build_seconds, len(queries), calendar_size, memory
    )


def ms(value):
    return "—" if value is None else f"{value:.1f}"


def describe(row):
    parts = [
        f"{row[key]} {label}"
        for key, label in (("timeouts", "timeouts"), ("non_2xx", "non-2xx"))
        if row[key]
    ]
    if row["socket_errors"]:
        parts.append(f"{row['socket_errors']} socket errors")
    return ", ".join(parts)


def report(results, args, database, cache, build_seconds, query_count, calendar_size, memory):
    print(
        "\n| page | req/s | p50 ms | p95 ms | p99 ms | share of the floor | errors | "
        "target |\n| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |"
    )
    failures, missed = [], []
    for r in results:
        verdicts = ", ".join(
            f"{v['target']}: {'met' if v['met'] else 'NOT MET'}" for v in r["targets"]
        )
        p50, p95, p99 = (ms(r[key]) for key in ("p50_ms", "p95_ms", "p99_ms"))
        print(
            f"| {r['name']} | {r['rps']:.1f} | {p50} | {p95} | {p99} | {r['ratio']:.3f} "
            f"| {describe(r) or ''} | {verdicts} |"
        )
        # At archive scale a slow page's timeouts are a finding, not a failure of the run.
        if r["non_2xx"] or r["socket_errors"] or (r["timeouts"] and not args.meetings):
            failures.append(f"{r['name']}: {describe(r)}")
        if not args.meetings and r["ratio"] < args.min_ratio:
            failures.append(f"{r['name']}: {r['ratio']:.3f} of the floor < {args.min_ratio}")
        missed += [f"{r['name']}: {v['target']}" for v in r["targets"] if not v["met"]]
    size = f"kalender.ics {calendar_size / 1024:.0f} KB"
    print(
        f"\ndatabase: {database}{f' ({memory})' if memory else ''}, "
        f"meetings: {args.meetings or 'demo'}"
        f"{f' (built in {build_seconds} s)' if build_seconds else ''}, gunicorn workers: "
        f"{args.workers}, cache: {cache}, wrk: {args.threads} threads, {args.seconds}s per row, "
        f"{query_count} distinct searches, {size}"
    )
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "database": database,
                    "database_memory": memory,
                    "meetings": args.meetings,
                    "build_seconds": build_seconds,
                    "workers": args.workers,
                    "cache": cache,
                    "seconds": args.seconds,
                    "threads": args.threads,
                    "searches": query_count,
                    "results": results,
                },
                indent=2,
                ensure_ascii=False,
            )
        )
    if missed:
        print("\nTargets not met:\n  " + "\n  ".join(missed))
        if args.fail_on_targets:
            failures += missed
    if failures:
        print("\nFAILED:\n  " + "\n  ".join(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
