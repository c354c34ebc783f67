"""
What the browser tests visit: the public page types and the screen sizes.

Every test parametrised over `PAGE_TYPES` (axe, keyboard walk, 320px reflow, screenshots) picks up
a page type added here. A page whose content comes from the database names the pytest fixtures that
create it in `needs`; `visit` (see conftest) requests them before it opens the page, e.g.

    PageType("meeting", "/referater/2018-05-29/", needs=("published_meeting",))

with a `published_meeting` fixture in `tests/e2e/conftest.py` or `tests/conftest.py`.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class PageType:
    """A kind of public page, reached at `path`, answering `status`."""

    name: str
    path: str
    status: int = 200
    needs: tuple[str, ...] = ()

    def __str__(self):
        return self.name


PAGE_TYPES = [
    PageType("committee", "/"),
    PageType("accessibility-statement", "/tilgaengelighed/"),
    PageType("cookie-policy", "/cookies/"),
    PageType("not-found", "/findes-ikke/", status=404),
]

# Phone: a common small Android screen. Desktop: a laptop. Reflow: WCAG 1.4.10's 320 CSS pixels,
# which is also a 1280px screen zoomed to 400 %.
VIEWPORTS = {
    "phone": {"width": 360, "height": 800},
    "desktop": {"width": 1280, "height": 900},
}
REFLOW_VIEWPORT = {"width": 320, "height": 640}
