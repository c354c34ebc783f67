"""Every public page type meets WCAG 2.1 AA as far as axe-core can tell, and reflows at 320px."""

import pytest
from playwright.sync_api import expect

from .pages import ABOVE_NARROW_BREAKPOINT, PAGE_TYPES
from .support import accept_cookies, assert_no_horizontal_scroll, axe_report, cookie_banner


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=str)
def test_page_type_has_no_axe_violations_with_the_banner_and_after_accepting(
    page_at_width, visit, page_type
):
    # Both visitors in one page: the new visitor's page, then the same page once they have
    # pressed "Accepter cookies" (which returns them to it), so the matrix costs one page load
    # per visitor and not a test each.
    page = page_at_width
    visit(page, page_type, "new")
    expect(cookie_banner(page)).to_be_visible()
    reports = {"new visitor, banner shown": axe_report(page)}

    accept_cookies(page)
    reports["accepted, banner hidden"] = axe_report(page)

    failures = {visitor: report for visitor, report in reports.items() if report}
    assert not failures, "\n\n".join(
        f"axe on {page_type.path} for a {visitor}:\n{report}"
        for visitor, report in failures.items()
    )


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=str)
def test_page_type_reads_without_sideways_scrolling_on_narrow_screens(
    reused_page, visit, page_type
):
    # At 320px (WCAG's reflow width), and just above the breakpoint where the narrow layout
    # ends; with the banner, the widest thing on a new visitor's page.
    page = reused_page("reflow")
    visit(page, page_type)

    assert_no_horizontal_scroll(page)

    page.set_viewport_size(ABOVE_NARROW_BREAKPOINT)
    assert_no_horizontal_scroll(page)
