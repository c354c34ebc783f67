"""
PNG screenshots of every public page type at phone and desktop width, for reviewing the design.

Not part of the test suite (the name does not start with `test_`); `make screenshots` runs

    pytest tests/e2e/screenshots.py --screenshots-dir=screenshots

and writes `screenshots/<page type>-<width>.png` as a new visitor sees the page (with the cookie
banner) and `screenshots/<page type>-<width>-accepted.png` once they have accepted (without it),
each of the whole page.
"""

from pathlib import Path

import pytest

from .pages import PAGE_TYPES, VIEWPORTS, VISITORS


@pytest.fixture(scope="session")
def screenshots_dir(pytestconfig):
    directory = pytestconfig.rootpath / Path(pytestconfig.getoption("screenshots_dir"))
    directory.mkdir(parents=True, exist_ok=True)
    return directory


@pytest.mark.parametrize("visitor", list(VISITORS))
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=str)
def test_screenshot(new_page, visit, screenshots_dir, page_type, viewport, visitor):
    page = new_page(viewport)
    visit(page, page_type, visitor)
    suffix = "" if VISITORS[visitor].sees_banner else f"-{visitor}"
    path = screenshots_dir / f"{page_type.name}-{viewport}{suffix}.png"

    page.screenshot(path=path, full_page=True, animations="disabled")

    assert path.read_bytes().startswith(b"\x89PNG")
