"""Which subscriptions a newly published meeting concerns, queued as one `Alert` each."""

import datetime

from django.conf import settings
from django.utils import timezone

from minutes import search
from minutes.models import Meeting

from .models import Alert, Announcement, Subscription


def is_news(meeting, today=None):
    """A meeting dated more than ALERTS_MAX_MEETING_AGE_DAYS ago when first published is the
    archive being filled in (an import of earlier years): announced, but nobody is mailed."""
    days = settings.ALERTS_MAX_MEETING_AGE_DAYS
    today = today or timezone.localdate()
    return not days or meeting.date >= today - datetime.timedelta(days=days)


def announce(meeting_id, kind, today=None):
    """Queue the alerts for a meeting published as `kind`, the first time only.

    Returns the number of alerts queued.
    """
    meeting = Meeting.objects.published().filter(pk=meeting_id, kind=kind).first()
    if meeting is None:
        return 0  # unpublished or changed again before this ran
    _, created = Announcement.objects.get_or_create(meeting=meeting, kind=kind)
    if not created or not is_news(meeting, today):
        return 0
    alerts = [
        Alert(subscription_id=pk, meeting=meeting, kind=kind)
        for pk in sorted(matching_subscriptions(meeting, kind))
    ]
    # Unique per subscription, meeting and kind: a mail is never queued twice.
    Alert.objects.bulk_create(alerts, ignore_conflicts=True)
    return len(alerts)


def matching_subscriptions(meeting, kind):
    """The ids of the confirmed subscriptions that follow this kind or find the meeting."""
    found = set(Subscription.objects.following_kind(kind).values_list("pk", flat=True))
    searches = {}
    for pk, terms in (
        Subscription.objects.confirmed()
        .exclude(search_terms="")
        .exclude(pk__in=found)
        .values_list("pk", "search_terms")
    ):
        searches.setdefault(terms, []).append(pk)
    for terms, ids in searches.items():
        if finds_meeting(terms, meeting):
            found.update(ids)
    return found


def finds_meeting(terms, meeting):
    """Whether the site's own search for `terms` has a hit in this meeting."""
    query = search.Query.parse(terms)
    return query.is_searchable and search.finds_meeting(query, meeting.pk)
