"""
The visitor's cookie decision, as the site's policy reads it.

django-cookie-consent stores an explicit choice per cookie group in its own cookie: the group's
version (an ISO timestamp) for an acceptance, "-1" for a refusal. What silence means is the
library's own setting, COOKIE_CONSENT_OPT_OUT: True (the policy as written, and the default
here) treats whoever has said nothing as accepting; False is explicit opt-in. Operators set it
with the environment variable CONSENT_SILENCE_IS_ACCEPTANCE (settings.py), and nothing else
decides it.

Silence means acceptance only once the visitor has been told: the page view that first shows
the banner counts nothing and sets no statistics cookie. That page sets the necessary cookie
TOLD_COOKIE instead, holding the version of the declaration shown, and a visitor who goes on
without saying "nej tak" is counted from the next page on. A browser that never sends cookies
back is therefore never counted.
"""

from datetime import datetime

from cookie_consent.cache import all_cookie_groups
from cookie_consent.conf import settings
from cookie_consent.util import get_cookie_dict_from_request, get_cookie_value_from_request
from django.utils import timezone

STATISTICS_GROUP = "statistik"
# Declared among the necessary cookies (migration 0004); lives until the browser is closed.
TOLD_COOKIE = "cookie_banner_vist"

ACCEPTED = "accepted"
DECLINED = "declined"
UNDECIDED = "undecided"


def cookie_groups(request):
    """
    django-cookie-consent's declared cookie groups {varname: group}, asked of its cache once per
    request.

    The library asks its cache on every call, and a request reads the groups up to four times
    (the decision, the banner, the cleaning of cookies); with Redis each read is a round trip and
    an unpickling of every group with its cookies, which cost more than some whole pages.
    """
    groups = getattr(request, "_cookie_consent_groups", None)
    if groups is None:
        groups = request._cookie_consent_groups = all_cookie_groups()
    return groups


def _moment(value):
    """An aware datetime from a version string, or None if it is not one."""
    try:
        moment = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return None
    return moment if timezone.is_aware(moment) else None


def explicit_choice(request, varname):
    """
    True if the visitor accepted the cookie group, False if they declined it, None if neither.

    django-cookie-consent's reading, made strict. The library compares versions as strings, so
    any value that sorts after the group's version ("zzzz", a date in 9999) is an acceptance to
    it. Here an acceptance must also be a real timestamp, not in the future (forged) and not
    older than the group's current cookies (outdated); anything else is no decision.
    """
    choice = get_cookie_value_from_request(request, varname)
    if choice is not True:
        return choice
    accepted_at = _moment(get_cookie_dict_from_request(request)[varname])
    if accepted_at is None or accepted_at > timezone.now():
        return None
    group = cookie_groups(request).get(varname)
    current = _moment(group.get_version()) if group is not None else None
    if current is not None and accepted_at < current:
        return None
    return True


def allowed(choice):
    """Whether a cookie group may be set after this explicit choice (True, False or None)."""
    return choice is True or (choice is None and settings.COOKIE_CONSENT_OPT_OUT)


def told_version(request):
    """
    The version of the statistics declaration the banner has shown this visitor, if it is the
    current one; else "" (never told, or told about a declaration that has since changed).
    """
    group = cookie_groups(request).get(STATISTICS_GROUP)
    current = group.get_version() if group is not None else ""
    return current if current and request.COOKIES.get(TOLD_COOKIE) == current else ""


class Consent:
    """Whether this request's visitor has accepted, declined or said nothing, and what follows."""

    def __init__(self, choice, *, statistics_declared=True, told=False):
        self.choice = choice
        self.silence_is_acceptance = settings.COOKIE_CONSENT_OPT_OUT
        # Without a declared statistics group there is nothing to ask about, and no cookie that
        # the declaration does not list is ever set.
        self.statistics_declared = statistics_declared
        # Whether an earlier page showed this visitor the banner (TOLD_COOKIE).
        self.told = told
        # Set by the banner's template tag when this very response shows the banner.
        self.banner_shown = False

    @classmethod
    def from_request(cls, request):
        """Read the decision from django-cookie-consent's cookie; no database query once cached."""
        return cls(
            explicit_choice(request, STATISTICS_GROUP),
            statistics_declared=STATISTICS_GROUP in cookie_groups(request),
            told=bool(told_version(request)),
        )

    @property
    def state(self):
        return {True: ACCEPTED, False: DECLINED, None: UNDECIDED}[self.choice]

    @property
    def is_accepted(self):
        return self.choice is True

    @property
    def is_declined(self):
        return self.choice is False

    @property
    def is_undecided(self):
        return self.choice is None

    @property
    def statistics_allowed(self):
        """Whether this page view may be counted and carry the statistics cookie."""
        if not self.statistics_declared:
            return False
        if self.is_undecided and self.silence_is_acceptance:
            # Silence is acceptance only after the banner has said so, on an earlier page.
            return self.told
        return allowed(self.choice)

    @property
    def tells_now(self):
        """Whether this response tells the visitor for the first time, so it must remember it."""
        return (
            self.banner_shown and self.is_undecided and self.silence_is_acceptance and not self.told
        )

    @property
    def show_banner(self):
        return self.statistics_declared and self.is_undecided

    def __repr__(self):
        return (
            f"<Consent {self.state} told={self.told} statistics_allowed={self.statistics_allowed}>"
        )
