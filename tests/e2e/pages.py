"""
What the browser tests visit: the public page types and the screen sizes.

Every test parametrised over `PAGE_TYPES` (axe, keyboard walk, reflow on narrow screens,
screenshots) picks up a page type added here. A page whose content comes from the database names
the pytest fixtures that create it in `needs`; `visit` (see conftest) requests them before it
opens the page, e.g.

    PageType("meeting", "/referater/2018-05-29/", needs=("minutes_archive",))

with a `minutes_archive` fixture in `tests/e2e/conftest.py` or `tests/conftest.py`.

Each page type is visited by each of `VISITORS`: a new visitor, who sees the cookie banner, and
one who has accepted cookies, who does not.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class PageType:
    """A kind of public page, reached at `path`, answering `status`; `statement_name` is how the
    accessibility statement names it among the page types tested (a test holds them together)."""

    name: str
    path: str
    statement_name: str
    status: int = 200
    needs: tuple[str, ...] = ()

    def __str__(self):
        return self.name


ARCHIVE = ("minutes_archive",)
CORRECTED = ("corrected_minutes",)

PAGE_TYPES = [
    # The committee page lists the latest minutes and the members, so it needs the archive too.
    PageType("committee", "/", "udvalgets side", needs=ARCHIVE),
    PageType("archive", "/referater/", "alle referater", needs=ARCHIVE),
    PageType("year", "/referater/2018/", "referater fra ét år", needs=ARCHIVE),
    # Members present and absent, remarks, the PDF, an open item with every section and one with
    # an attachment, and a closed item.
    PageType("meeting", "/referater/2018-05-29/", "et mødes side", needs=ARCHIVE),
    # An open item with every section, its outcome and attachment, on its own page.
    PageType("item", "/referater/2018-05-29/punkt-2/", "et punkts egen side", needs=ARCHIVE),
    # A decision, the remarks and an attachment's file corrected, with the clerk's reason.
    PageType(
        "meeting-corrections",
        "/referater/2018-05-29/rettelser/",
        "et mødes rettelser",
        needs=CORRECTED,
    ),
    PageType("corrections", "/referater/rettelser/", "alle rettelser", needs=CORRECTED),
    PageType(
        "search-results", "/referater/soeg/?q=helhedsplan", "søgning med resultater", needs=ARCHIVE
    ),
    PageType(
        "search-no-results",
        "/referater/soeg/?q=svømmehal",
        "søgning uden resultater",
        needs=ARCHIVE,
    ),
    # Narrowed to a year and a type, sorted by date: the filters with values chosen.
    PageType(
        "search-filtered",
        "/referater/soeg/?q=helhedsplan&aar=2018&type=punkt&sortering=dato",
        "søgning afgrænset til år og type",
        needs=ARCHIVE,
    ),
    # A query that is a date: the link to that meeting above the results.
    PageType("search-date", "/referater/soeg/?q=29.05.2018", "søgning på en dato", needs=ARCHIVE),
    PageType("search-empty", "/referater/soeg/", "søgning uden søgeord"),
    # A query with nothing to search for: the error message tied to the field.
    PageType("search-problem", "/referater/soeg/?q=%22-%22", "søgning med fejl"),
    PageType("accessibility-statement", "/tilgaengelighed/", "tilgængelighedserklæringen"),
    # The formats, the terms, and the newest meeting with items as JSON and CSV examples.
    PageType("open-data", "/data/", "siden om åbne data", needs=ARCHIVE),
    PageType("cookie-policy", "/cookies/", "cookiepolitikken"),
    PageType("not-found", "/findes-ikke/", "siden for en side, der ikke findes", status=404),
]


@dataclass(frozen=True)
class Visitor:
    """Who opens the page, as far as the cookie banner is concerned."""

    name: str
    sees_banner: bool

    def __str__(self):
        return self.name


# A new visitor has said nothing and sees the banner; one who pressed "Accepter cookies" does not.
VISITORS = {
    "new": Visitor("new", sees_banner=True),
    "accepted": Visitor("accepted", sees_banner=False),
}

# Phone: a common small Android screen. Desktop: a laptop. Reflow: WCAG 1.4.10's 320 CSS pixels,
# which is also a 1280px screen zoomed to 400 %.
VIEWPORTS = {
    "phone": {"width": 360, "height": 800},
    "desktop": {"width": 1280, "height": 900},
}
REFLOW_VIEWPORT = {"width": 320, "height": 640}
# Just wider than the stylesheet's narrow-screen breakpoint (30rem): where tables and lists stop
# being stacked, and the widest they get relative to the screen.
ABOVE_NARROW_BREAKPOINT = {"width": 481, "height": 640}
