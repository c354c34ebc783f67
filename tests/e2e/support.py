"""What the browser tests check on any page: axe-core, keyboard focus and reflow."""

from dataclasses import dataclass

import pytest
from axe_playwright_python.sync_playwright import Axe

# WCAG 2.1 A and AA, which Danish public-sector websites must meet, and axe's best practices.
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}

_axe = Axe()


def assert_no_axe_violations(page):
    results = _axe.run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, f"axe on {page.url}\n{results.generate_report()}"


@dataclass(frozen=True)
class Focus:
    """The element that has keyboard focus, as a sighted keyboard user sees it."""

    name: str
    landmark: str | None
    has_indicator: bool
    on_screen: bool

    def __str__(self):
        return f"{self.name!r} in {self.landmark or 'no landmark'}"


_FOCUSED = r"""() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  return {
    name: (el.innerText || el.getAttribute("aria-label") || el.value || el.tagName)
      .replace(/\s+/g, " ").trim(),
    landmark: el.closest("nav, header, main, footer")?.tagName.toLowerCase() ?? null,
    has_indicator: (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0)
      || style.boxShadow !== "none",
    on_screen: box.width > 0 && box.height > 0 && box.top >= 0 && box.left >= 0
      && box.bottom <= window.innerHeight && box.right <= window.innerWidth,
  };
}"""


def focused(page):
    """The focused element, or None when focus is on the page itself (or left it)."""
    found = page.evaluate(_FOCUSED)
    return Focus(**found) if found else None


def tab_through(page, limit=100):
    """Press Tab from where focus is until it leaves the page; return every element it visited."""
    visited = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focus = focused(page)
        if focus is None:
            return visited
        visited.append(focus)
    pytest.fail(f"Tab did not leave {page.url} after {limit} presses: {visited}")


def tab_to(page, target, limit=100):
    """Press Tab until `target` (a locator) has focus, as a keyboard user reaches a link."""
    visited = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("el => el === document.activeElement"):
            return
        visited.append(str(focused(page)))
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
