"""Chromium under the site's Content-Security-Policy: no page type, public or admin, makes it
report a violation, and the meeting's JSON-LD block is still there to be read."""

import json

import pytest

from .pages import PAGE_TYPES, VISITORS
from .test_clerk_journey import log_in

# What a page may not do, as Chromium logs it in the console; the init script catches the same
# through the DOM event, which also fires for what the console leaves out.
LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


def watched(page):
    """The page, with a list that collects CSP and Permissions-Policy complaints from it."""
    complaints = []
    page.on(
        "console",
        lambda message: (
            complaints.append(message.text)
            if "Content Security Policy" in message.text or "Permissions-Policy" in message.text
            else None
        ),
    )
    page.add_init_script(LISTEN)
    return page, complaints


def violations(page):
    return page.evaluate("window.__cspViolations")


@pytest.mark.parametrize("visitor", list(VISITORS))
def test_no_public_page_type_breaks_the_content_security_policy(new_page, visit, visitor):
    # Every page type in one browser page per visitor: a page load each, not a browser context.
    found = {}
    for page_type in PAGE_TYPES:
        page, complaints = watched(new_page("desktop"))
        visit(page, page_type, visitor)
        page.wait_for_load_state("load")
        found[page_type.name] = (complaints, violations(page))

    assert found == {page_type.name: ([], []) for page_type in PAGE_TYPES}


def test_the_meeting_page_keeps_its_json_ld_for_search_engines(new_page, visit):
    page, complaints = watched(new_page("desktop"))
    visit(page, next(p for p in PAGE_TYPES if p.name == "meeting"))

    data = json.loads(page.locator('script[type="application/ld+json"]').text_content())

    assert data["@type"] == "Event"
    assert complaints == []


ADMIN_PAGES = [
    "/admin/",
    "/admin/minutes/meeting/",
    "/admin/minutes/meeting/add/",
    "/admin/minutes/meeting/indlaes/",
    "/admin/visits/pageview/",
    "/admin/password_change/",
]


def test_the_admin_works_under_its_own_policy_without_a_violation(new_page, clerk):
    page, complaints = watched(new_page("desktop"))
    log_in(page, *clerk)

    seen = {}
    for path in ADMIN_PAGES:
        response = page.goto(path)
        page.wait_for_load_state("load")
        seen[path] = (response.status, violations(page))

    assert seen == {path: (200, []) for path in ADMIN_PAGES}
    assert complaints == []
