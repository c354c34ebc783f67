"""What the browser tests check on any page: axe-core, keyboard focus and reflow; and what they
do on any page: answer the cookie banner, read the browser's cookies, open a PDF link."""

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

# WCAG 2.1 A and AA, which Danish public-sector websites must meet, and axe's best practices.
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}

_axe = Axe()


def axe_report(page):
    """axe-core's report of the violations on the page as it is now, or "" if there are none."""
    results = _axe.run(page, options=AXE_OPTIONS)
    return results.generate_report() if results.violations_count else ""


def serious_axe_violations(page):
    """The critical and serious violations on the page, one line each ("id: nodes"), for pages
    that are Django admin's own (its markup is not ours to make perfect, its forms are)."""
    results = _axe.run(page, options=AXE_OPTIONS)
    return [
        f"{violation['id']} ({violation['impact']}): "
        + "; ".join(node["target"][0] if node["target"] else "?" for node in violation["nodes"])
        for violation in results.response["violations"]
        if violation["impact"] in ("critical", "serious")
    ]


# The cookie banner ----------------------------------------------------------------------------

STATISTICS_COOKIE = "besoeg"
CONSENT_COOKIE = "cookie_consent"
TOLD_COOKIE = "cookie_banner_vist"


def cookie_banner(page):
    return page.get_by_role("region", name="Cookies", exact=True)


def _answer_banner(page, button_name):
    """Press a button in the banner and wait until the visitor is back where they were."""
    before = urlsplit(page.url)
    with page.expect_navigation():
        tap(page, cookie_banner(page).get_by_role("button", name=button_name))
    after = urlsplit(page.url)
    assert (after.path, after.query) == (before.path, before.query), (
        f"pressing {button_name!r} on {before.path} led to {after.path}"
    )
    expect(cookie_banner(page)).to_have_count(0)


def tap(page, locator):
    """
    Press an element where it is on the screen, as a finger or a mouse does, without moving the
    page. (Playwright's click first scrolls an element "into view", which for the banner's
    sticky bar means to its place at the end of the page: the visitor's place would be lost.)
    """
    found = locator.bounding_box()
    assert found, f"{locator} is not on the page"
    page.mouse.click(found["x"] + found["width"] / 2, found["y"] + found["height"] / 2)


def accept_cookies(page):
    _answer_banner(page, "Accepter cookies")


def decline_cookies(page):
    _answer_banner(page, "Nej tak til cookies")


def cookie_names(page):
    """The names of the cookies the browser holds for the site."""
    return {cookie["name"] for cookie in page.context.cookies()}


# Files -----------------------------------------------------------------------------------------


def open_pdf_link(page, link, key=None):
    """
    Follow a link to a PDF as a visitor does, with a click or, when `key` is given, by pressing
    it on the focused link; return the response the browser got for it.

    Waiting for the response, rather than for a download or a page, holds whatever the browser
    then does with the file. Debian's headless Chromium opens it in its PDF viewer, and the body
    Playwright hands over is the viewer's wrapper page; so the file itself is fetched once more,
    with the page's cookies, to check that it is a PDF.
    """
    href = link.get_attribute("href")
    with page.expect_response(lambda response: urlsplit(response.url).path == href) as answer:
        if key:
            page.keyboard.press(key)
        else:
            link.click()
    response = answer.value
    assert response.status == 200, f"{href} answered {response.status}"
    assert response.headers["content-type"] == "application/pdf"
    # Served in a sandbox, so that nothing in the file runs as the site (the navigation's own
    # headers are the viewer's, so the file's are read from the fetch below); Chromium must still
    # show it in its PDF viewer (a frame of the viewer's own), not refuse or download it.
    for _ in range(50):
        if any(frame.url.startswith("chrome-extension://") for frame in page.frames):
            break
        page.wait_for_timeout(100)
    else:
        pytest.fail(f"Chromium did not open {href} in its PDF viewer: {page.frames}")
    fetched = page.context.request.get(response.url)
    assert fetched.body().startswith(b"%PDF-")
    assert fetched.headers["content-security-policy"].startswith("sandbox;")
    return response


def pdf_filename(response):
    """The file name a browser saves the PDF under, from Content-Disposition."""
    match = re.search(r'filename="([^"]+)"', response.headers.get("content-disposition", ""))
    return match.group(1) if match else None


@dataclass(frozen=True)
class Focus:
    """The element that has keyboard focus, as a sighted keyboard user sees it."""

    name: str
    landmark: str | None
    has_indicator: bool
    on_screen: bool
    # Which element it is: its position in the document.
    position: int = field(repr=False)

    def __str__(self):
        return f"{self.name!r} in {self.landmark or 'no landmark'}"


_FOCUSED = r"""() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  return {
    position: [...document.querySelectorAll("*")].indexOf(el),
    name: (el.innerText || el.getAttribute("aria-label") || el.value || el.tagName)
      .replace(/\s+/g, " ").trim(),
    // The page's own regions, not those nested in the content (the table of contents is a nav
    // inside main, a meeting has its own footer): main wins, then the banner, nav, header, footer.
    landmark: el.closest("main") ? "main"
      : el.closest(".cookie-banner") ? "banner"
      : el.closest("nav, header, footer")?.tagName.toLowerCase() ?? null,
    has_indicator: (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0)
      || style.boxShadow !== "none",
    // Within a pixel: the browser scrolls by whole pixels, text boxes end at fractions.
    on_screen: box.width > 0 && box.height > 0 && box.top >= -1 && box.left >= -1
      && box.bottom <= window.innerHeight + 1 && box.right <= window.innerWidth + 1,
  };
}"""


def focused(page):
    """The focused element, or None when focus is on the page itself (or left it)."""
    found = page.evaluate(_FOCUSED)
    return Focus(**found) if found else None


def tab_through(page, limit=100):
    """
    Press Tab from where focus is until it leaves the page or comes round again to where it
    started (Chromium does either after the last element); return every element it visited.
    """
    visited = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focus = focused(page)
        if focus is None or (visited and focus.position == visited[0].position):
            return visited
        visited.append(focus)
    pytest.fail(f"Tab did not leave {page.url} after {limit} presses: {visited}")


def tab_to(page, target, limit=100):
    """
    Press Tab until `target` (a locator) has focus, as a keyboard user reaches a link; fail if
    focus is ever invisible on the way (no indicator, or off screen).
    """
    visited = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focus = focused(page)
        visited.append(str(focus))
        assert focus is None or (focus.has_indicator and focus.on_screen), (
            f"focus is not visible at {focus} on {page.url} (indicator: {focus.has_indicator}, "
            f"on screen: {focus.on_screen})"
        )
        if target.evaluate("el => el === document.activeElement"):
            return
    pytest.fail(f"Tab never reached {target} on {page.url}; focus went to {visited}")


_OVERFLOW = """() => ({
  scrollWidth: document.scrollingElement.scrollWidth,
  innerWidth: window.innerWidth,
  wider: [...document.body.querySelectorAll("*")]
    .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
    .slice(0, 5)
    .map((el) => el.outerHTML.slice(0, 160)),
})"""


def assert_no_horizontal_scroll(page):
    layout = page.evaluate(_OVERFLOW)
    assert layout["scrollWidth"] <= layout["innerWidth"], (
        f"{page.url} scrolls sideways at {layout['innerWidth']}px "
        f"(content is {layout['scrollWidth']}px wide); too wide: {layout['wider']}"
    )
