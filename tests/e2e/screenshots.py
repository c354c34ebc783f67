"""
PNG screenshots of every public page type at phone and desktop width, for reviewing the design.

Not part of the test suite (the name does not start with `test_`); `make screenshots` runs

    pytest tests/e2e/screenshots.py --screenshots-dir=screenshots

and writes, each of the whole page unless said otherwise:

- `<page type>-<width>.png` as a new visitor sees the page (with the cookie banner), and
  `<page type>-<width>-accepted.png` once they have accepted (with the confirmation);
- `<page type>-<width>-forced-colors.png` in forced colours (Windows high contrast), banner shown;
- `meeting-phone-punkt-3.png`: the first screen of a visitor who lands on `#punkt-3`;
- `meeting-phone-declined.png`: the first screen after "Nej tak til cookies" there;
- `meeting-print.png` and `meeting-print.pdf`: the meeting as it is printed.
"""

from pathlib import Path

import pytest

from . import content
from .pages import PAGE_TYPES, VIEWPORTS, VISITORS
from .support import cookie_banner, tap


@pytest.fixture(scope="session")
def screenshots_dir(pytestconfig):
    directory = pytestconfig.rootpath / Path(pytestconfig.getoption("screenshots_dir"))
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def save(page, path, *, full_page=True):
    page.screenshot(path=path, full_page=full_page, animations="disabled")
    assert path.read_bytes().startswith(b"\x89PNG")


@pytest.mark.parametrize("visitor", list(VISITORS))
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=str)
def test_screenshot(new_page, visit, screenshots_dir, page_type, viewport, visitor):
    page = new_page(viewport)
    visit(page, page_type, visitor)
    suffix = "" if VISITORS[visitor].sees_banner else f"-{visitor}"

    save(page, screenshots_dir / f"{page_type.name}-{viewport}{suffix}.png")


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=str)
def test_screenshot_in_forced_colours(new_page, visit, screenshots_dir, page_type, viewport):
    page = new_page(viewport)
    page.emulate_media(forced_colors="active")
    visit(page, page_type)

    save(page, screenshots_dir / f"{page_type.name}-{viewport}-forced-colors.png")


def test_screenshot_of_landing_on_an_item_and_saying_no(new_page, minutes_archive, screenshots_dir):
    page = new_page("phone")
    page.goto(f"{content.MEETING_PATH}#punkt-3")
    save(page, screenshots_dir / "meeting-phone-punkt-3.png", full_page=False)

    with page.expect_navigation():
        tap(page, cookie_banner(page).get_by_role("button", name="Nej tak til cookies"))
    page.wait_for_load_state("load")

    save(page, screenshots_dir / "meeting-phone-declined.png", full_page=False)


def test_screenshot_of_a_printed_meeting(new_page, minutes_archive, screenshots_dir):
    page = new_page("desktop")
    page.goto(content.MEETING_PATH)
    page.emulate_media(media="print")
    # An A4 sheet's printable width at 96 dpi.
    page.set_viewport_size({"width": 680, "height": 960})

    save(page, screenshots_dir / "meeting-print.png")
    (screenshots_dir / "meeting-print.pdf").write_bytes(page.pdf(format="A4"))
