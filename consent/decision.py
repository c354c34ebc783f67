"""
The visitor's cookie decision, as the site's policy reads it.

django-cookie-consent stores an explicit choice per cookie group in its own cookie: the group's
version (an ISO timestamp) for an acceptance, "-1" for a refusal. The policy adds the rule for
everyone else: whoever has said nothing accepts statistics, unless the site is switched to
explicit opt-in with CONSENT_SILENCE_IS_ACCEPTANCE = False.
"""

from datetime import datetime

from cookie_consent.cache import get_cookie_group
from cookie_consent.conf import settings
from cookie_consent.util import get_cookie_dict_from_request
from django.utils import timezone

STATISTICS_GROUP = "statistik"

ACCEPTED = "accepted"
DECLINED = "declined"
UNDECIDED = "undecided"


def silence_is_acceptance():
    return getattr(settings, "CONSENT_SILENCE_IS_ACCEPTANCE", True)


def _parse_version(value):
    """An aware datetime from a version string, or None if it is not one."""
    try:
        moment = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return None
    return moment if timezone.is_aware(moment) else None


def _explicit_state(stored, group):
    """
    What the stored value for a group says, judged strictly.

    django-cookie-consent compares versions as strings, so any value that sorts after the
    group's version would count as acceptance. Here only a real timestamp that is not older than
    the group's current cookies (outdated) and not in the future (forged) is an acceptance;
    everything else is no decision.
    """
    if stored is None:
        return UNDECIDED
    if stored == settings.COOKIE_CONSENT_DECLINE:
        return DECLINED
    accepted_at = _parse_version(stored)
    if accepted_at is None or accepted_at > timezone.now():
        return UNDECIDED
    current = _parse_version(group.get_version())
    if current is not None and accepted_at < current:
        return UNDECIDED
    return ACCEPTED


class Consent:
    """Whether this request's visitor has accepted, declined or said nothing, and what follows."""

    def __init__(self, state, *, silence_is_acceptance=True, statistics_declared=True):
        self.state = state
        self.silence_is_acceptance = silence_is_acceptance
        # Without a declared statistics group there is nothing to ask about, and no cookie that
        # the declaration does not list is ever set.
        self.statistics_declared = statistics_declared

    @classmethod
    def from_request(cls, request):
        """Read the decision from django-cookie-consent's cookie; no database query once cached."""
        group = get_cookie_group(STATISTICS_GROUP)
        if group is None:
            state = UNDECIDED
        else:
            stored = get_cookie_dict_from_request(request).get(STATISTICS_GROUP)
            state = _explicit_state(stored, group)
        return cls(
            state,
            silence_is_acceptance=silence_is_acceptance(),
            statistics_declared=group is not None,
        )

    @property
    def is_accepted(self):
        return self.state == ACCEPTED

    @property
    def is_declined(self):
        return self.state == DECLINED

    @property
    def is_undecided(self):
        return self.state == UNDECIDED

    @property
    def statistics_allowed(self):
        if not self.statistics_declared:
            return False
        return self.is_accepted or (self.is_undecided and self.silence_is_acceptance)

    @property
    def show_banner(self):
        return self.statistics_declared and self.is_undecided

    def __repr__(self):
        return f"<Consent {self.state} statistics_allowed={self.statistics_allowed}>"
