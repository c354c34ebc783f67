"""A citizen finds the committee's mandate and the site's statements, as they would by clicking."""

import importlib
import re

import pytest
from playwright.sync_api import expect

seed = importlib.import_module("committee.migrations.0002_seed_committee_content")


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_citizen_reads_the_mandate_and_opens_the_accessibility_statement(new_page, javascript):
    page = new_page("phone", javascript=javascript)
    page.goto("/")

    mandate = page.get_by_role("region", name="Udvalgets opgaver")
    expect(mandate.get_by_role("heading", level=2)).to_have_text("Udvalgets opgaver")
    expect(mandate.get_by_role("paragraph")).to_have_text(seed.TASKS)
    expect(mandate.get_by_role("paragraph").last).to_be_visible()

    page.get_by_role("contentinfo").get_by_role("link", name="Tilgængelighedserklæring").click()

    expect(page).to_have_url(re.compile(r"/tilgaengelighed/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Tilgængelighedserklæring")
    expect(page.get_by_role("heading", name="Feedback og kontakt")).to_be_visible()


def test_visitor_at_a_wrong_address_gets_a_danish_404_and_a_way_back(phone_page):
    page = phone_page

    response = page.goto("/findes-ikke/")

    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Siden findes ikke")
    page.get_by_role("link", name="Gå til forsiden for Almenboligudvalg Hvidovre").click()
    expect(page).to_have_url(re.compile(r"^http://[^/]+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(seed.HEADING)
