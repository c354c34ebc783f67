import pytest


@pytest.fixture(autouse=True)
def _fresh_cache():
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def committee(db):
    """The committee as the seed migration loads it."""
    from committee.models import Committee

    return Committee.objects.get(name="Almenboligudvalg Hvidovre")


@pytest.fixture
def media_root(settings, tmp_path):
    """Uploaded files go to a temporary folder, never into the project."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def pdf_file():
    """A real PDF upload whose text layer holds the given paragraphs."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from minutes.demo import make_pdf

    def build(*paragraphs, title="Referat", name="referat.pdf"):
        return SimpleUploadedFile(name, make_pdf(title, paragraphs), "application/pdf")

    return build


@pytest.fixture
def make_meeting(committee, media_root):
    """Create a meeting (published unless said otherwise) with agenda items given as dicts.

    It is made the way a clerk makes one: one change, so that its items are part of the meeting
    as first published and not corrections of it.
    """
    import datetime

    from minutes import changesets
    from minutes.models import AgendaItem, Meeting

    def build(date="2018-05-29", *, published=True, items=(), **fields):
        meeting = Meeting(
            committee=committee,
            date=datetime.date.fromisoformat(str(date)),
            start_time=fields.pop("start_time", datetime.time(17, 0)),
            place=fields.pop("place", "Rådhuset, mødelokale 1"),
            **fields,
        )
        with changesets.change_set():
            if published:
                meeting.publish()
            meeting.save()
            for number, item in enumerate(items, start=1):
                AgendaItem.objects.create(
                    meeting=meeting, number=item.pop("number", number), **item
                )
        meeting.refresh_from_db(fields=["corrected_at", "updated_at"])
        return meeting

    return build


@pytest.fixture
def admin_user(admin_user):
    """pytest-django's superuser, with the authenticator app that superusers must have."""
    from minutes.management.commands.add_totp import add_authenticator

    add_authenticator(admin_user)
    return admin_user


@pytest.fixture
def admin_visitor(visitor, admin_user):
    """The webtest visitor, logged in to the admin as a superuser through the login form."""
    from tests.support.logins import log_in_through_the_form

    return log_in_through_the_form(visitor, admin_user)


@pytest.fixture
def clerk_password():
    return "Referat-kodeord-2018"


@pytest.fixture
def clerk(committee, clerk_password):
    """A clerk account made the way the README says: with `manage.py create_clerk`."""
    import io

    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    call_command(
        "create_clerk",
        "referent",
        email="referent@example.invalid",
        password_from_stdin=True,
        stdin=io.StringIO(clerk_password + "\n"),
        stdout=io.StringIO(),
    )
    return get_user_model().objects.get(username="referent")


@pytest.fixture
def search_hits(client):
    """Search the public site (as whoever `client` is logged in as): the hits' titles, in order."""
    from tests.markup import elements, text

    def search(query):
        page = client.get("/referater/soeg/", {"q": query})
        assert page.status_code == 200
        return [text(title) for title in elements(page, "h4", class_="search-hit__title")]

    return search


# A visitor's browser and their cookie choice, for the consent and the statistics tests.


def _tell(client):
    # A page for a missing page shows the banner and is never counted itself.
    client.get("/findes-ikke/")
    assert "cookie_banner_vist" in client.cookies, "the banner did not tell the visitor"
    return client


@pytest.fixture
def told_client(client, db):
    """Django's test client after it has seen the cookie banner once, on a page that is never
    counted: silence counts as acceptance from its next page view on."""
    return _tell(client)


@pytest.fixture
def new_told_client(db):
    """Make another browser (a test client) that has seen the banner once, as `told_client`."""
    from django.test import Client

    return lambda: _tell(Client())


@pytest.fixture
def visitor(django_app, db):
    """A browser without JavaScript, new to the site (django-webtest)."""
    from tests.consent.pages import as_browser

    return as_browser(django_app)


@pytest.fixture
def opt_in(settings):
    """The site switched to explicit opt-in."""
    settings.COOKIE_CONSENT_OPT_OUT = False


@pytest.fixture
def accepted(visitor):
    """The visitor has pressed "Accepter cookies" on the front page."""
    from tests.consent.pages import press

    assert press(visitor.get("/"), "Accepter cookies").status_code == 303
    return visitor


@pytest.fixture
def declined(visitor):
    """The visitor has pressed "Nej tak til cookies" on the front page."""
    from tests.consent.pages import press

    assert press(visitor.get("/"), "Nej tak til cookies").status_code == 303
    return visitor


@pytest.fixture
def redis_server(tmp_path):
    """A Redis server of its own on a free loopback port, stopped afterwards; no fault of it is
    remembered by the site's cache after the test."""
    from almenbolig import cache as resilient
    from tests.support.servers import RedisServer

    server = RedisServer(tmp_path).start()
    yield server
    server.stop()
    resilient._down_until.clear()
