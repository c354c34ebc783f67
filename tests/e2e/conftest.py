"""
Browser tests: headless Chromium, driven by Playwright's sync API, against pytest-django's live
server.

Every test in this folder is marked `e2e` (`pytest -m "not e2e"` leaves them out) and runs on a
transactional database: the live server answers from another thread, so what a test creates must be
committed for it to see. The flush after each transactional test also deletes what data migrations
loaded, so the ones in `SEED_MIGRATIONS` are loaded again before each test.

Fixtures: `new_page(viewport, javascript=True)` opens a fresh browser context (no cookies) and
page, `new_page("phone", javascript=False)` one with JavaScript switched off; `desktop_page` and
`phone_page` are the usual ones, and `page_at_width` runs a test once at each width in
`pages.VIEWPORTS` (in a browser context kept for the session: see `reused_page`).
`visit(page, page_type, visitor)` opens a `pages.PageType` as one of `pages.VISITORS`: a new
visitor sees the cookie banner, one who has accepted does not. `minutes_archive` publishes the
meetings of `content.py`; `clerk` is a clerk's login.
"""

import importlib
import io
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from . import content
from .pages import REFLOW_VIEWPORT, VIEWPORTS, VISITORS
from .support import accept_cookies, cookie_banner

E2E_DIR = Path(__file__).parent

# Debian's Chromium: Playwright's own browser download does not work here. These flags let it run
# as root in a container and keep it from calling home during the tests.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Long enough for a slow CI machine, short enough that a missing element fails the test quickly.
TIMEOUT_MS = 5_000
expect.set_options(timeout=TIMEOUT_MS)


def pytest_addoption(parser):
    parser.addoption(
        "--screenshots-dir",
        default="screenshots",
        help="where tests/e2e/screenshots.py saves its PNGs (default: screenshots/)",
    )


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    for item in items:
        if E2E_DIR in item.path.parents:
            item.add_marker(pytest.mark.e2e)


# Data migrations whose content the pages need, as (app, migration, function). Serialized rollback
# would restore every table instead, but it breaks (duplicate content types) once any other
# transactional test without it has run, so the content is loaded the way `migrate` loaded it.
SEED_MIGRATIONS = [
    ("committee", "0002_seed_committee_content", "load"),
    # The cookie declaration: without its statistics group there is no banner and no counting.
    ("consent", "0002_cookie_groups", "create_groups"),
    # The cookies the banner and its confirmation set, and the confirmation's messages cookie.
    ("consent", "0004_told_and_confirmation_cookies", "update_declaration"),
]
# The clerks' group needs no loading: `flush` ends with post_migrate, which makes it again
# (minutes.clerks).


@pytest.fixture(scope="session")
def _seed_loaders():
    """Each seed function with the historical models it ran with during `migrate`."""
    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(None)
    return [
        (
            getattr(importlib.import_module(f"{app}.migrations.{migration}"), function),
            loader.project_state((app, migration), at_end=False).apps,
        )
        for app, migration, function in SEED_MIGRATIONS
    ]


@pytest.fixture(autouse=True)
def seed_content(transactional_db, _seed_loaders):
    """The site's content as `migrate` left it, committed so the live server sees it."""
    from django.db import connection

    for load, historical_apps in _seed_loaders:
        with connection.schema_editor() as schema_editor:
            load(historical_apps, schema_editor)


@pytest.fixture(scope="session")
def browser():
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.fail("The browser tests need Debian's chromium: run `make browser`.")
    with pytest.MonkeyPatch.context() as env:
        # Playwright's sync API keeps an asyncio loop running in this thread, which makes Django
        # refuse the (synchronous) database calls that the tests and pytest-django make here.
        env.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium, headless=True, args=CHROMIUM_ARGS
            )
            yield browser
            browser.close()


def _new_context(browser, live_server, viewport, *, javascript=True):
    context = browser.new_context(
        base_url=live_server.url,
        viewport=VIEWPORTS[viewport] if isinstance(viewport, str) else viewport,
        java_script_enabled=javascript,
        locale="da-DK",
        timezone_id="Europe/Copenhagen",
        reduced_motion="reduce",
    )
    context.set_default_timeout(TIMEOUT_MS)
    return context


@pytest.fixture
def new_page(browser, live_server):
    """Open a page in a fresh browser context (no cookies) at a viewport from `VIEWPORTS` or a
    `{"width": …, "height": …}`; relative URLs go to the live server."""
    contexts = []

    def open_page(viewport="desktop", *, javascript=True):
        context = _new_context(browser, live_server, viewport, javascript=javascript)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def desktop_page(new_page):
    return new_page("desktop")


@pytest.fixture
def phone_page(new_page):
    return new_page("phone")


@pytest.fixture(scope="session")
def _pages_per_viewport(browser, live_server):
    pages = {}
    yield pages
    for page in pages.values():
        page.context.close()


@pytest.fixture
def reused_page(_pages_per_viewport, browser, live_server):
    """
    `reused_page(viewport)`: a page as a new visitor opens it, at a viewport from `VIEWPORTS` or
    "reflow" (`REFLOW_VIEWPORT`), for tests that only read pages.

    The page types are read dozens of times over, so each viewport keeps one browser context
    for the session, which spares a context and a fresh compile of axe-core per test. The site
    keeps nothing in the browser but cookies (no storage, and pages are `no-cache`), so the same
    context without cookies is a new visitor.
    """

    def open_page(viewport):
        size = REFLOW_VIEWPORT if viewport == "reflow" else VIEWPORTS[viewport]
        if viewport not in _pages_per_viewport:
            context = _new_context(browser, live_server, size)
            _pages_per_viewport[viewport] = context.new_page()
        page = _pages_per_viewport[viewport]
        page.set_viewport_size(size)  # a test may have resized it
        page.context.clear_cookies()
        page.goto("about:blank")
        return page

    return open_page


@pytest.fixture(params=list(VIEWPORTS))
def page_at_width(request, reused_page):
    """A page at each width in `VIEWPORTS`, as a new visitor; the test runs once per width."""
    return reused_page(request.param)


@pytest.fixture
def visit(request):
    """Open a `PageType` as a visitor from `VISITORS`, after creating its content, and check its
    status code. An "accepted" visitor first sees the banner and clicks "Accepter cookies"."""

    def open_page_type(page, page_type, visitor="new"):
        for fixture in page_type.needs:
            request.getfixturevalue(fixture)
        response = page.goto(page_type.path)
        assert response.status == page_type.status, (
            f"{page_type.path} answered {response.status}, expected {page_type.status}"
        )
        expect(cookie_banner(page)).to_be_visible()
        if not VISITORS[visitor].sees_banner:
            accept_cookies(page)
        return response

    return open_page_type


@pytest.fixture
def minutes_archive(make_meeting, committee):
    """The published meetings of `content.py`; the full meeting of 29 May 2018."""
    from minutes import changesets

    # Made in one change, so that all of it is the meetings as first published, not corrections.
    with changesets.change_set():
        return content.build_archive(make_meeting, committee)


@pytest.fixture
def corrected_minutes(minutes_archive):
    """The full meeting of 29 May 2018, corrected after publication: a decision, a remark and
    the attachment's file, with the clerk's reason."""
    return content.correct_meeting(minutes_archive)


CLERK_USERNAME = "anna.referent"
CLERK_PASSWORD = "Grøn-Referat-2026"


@pytest.fixture
def clerk(transactional_db):
    """A clerk created as the README says, with `create_clerk`; (username, password)."""
    from django.core.management import call_command

    call_command(
        "create_clerk",
        CLERK_USERNAME,
        "--email=anna@hvidovre.dk",
        "--password-from-stdin",
        stdin=io.StringIO(f"{CLERK_PASSWORD}\n"),
        stdout=io.StringIO(),
    )
    return CLERK_USERNAME, CLERK_PASSWORD
