import pytest

from .pages import press


@pytest.fixture
def opt_in(settings):
    """The site switched to explicit opt-in."""
    settings.COOKIE_CONSENT_OPT_OUT = False


@pytest.fixture
def accepted(client, db):
    """The client has pressed "Accepter cookies" on the front page."""
    response = press(client, client.get("/"), "Accepter cookies")
    assert response.status_code == 303
    return client


@pytest.fixture
def declined(client, db):
    """The client has pressed "nej tak til cookies" on the front page."""
    response = press(client, client.get("/"), "nej tak til cookies")
    assert response.status_code == 303
    return client
