import pytest

from tests.consent.pages import as_browser, press


@pytest.fixture
def visitor(django_app, db):
    """A browser without JavaScript, new to the site (django-webtest)."""
    return as_browser(django_app)


@pytest.fixture
def opt_in(settings):
    """The site switched to explicit opt-in."""
    settings.COOKIE_CONSENT_OPT_OUT = False


@pytest.fixture
def declined(visitor):
    """The visitor has pressed "nej tak til cookies" on the front page."""
    assert press(visitor.get("/"), "nej tak til cookies").status_code == 303
    return visitor
