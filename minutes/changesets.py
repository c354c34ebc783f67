"""
Change sets: the records one action of a clerk makes, kept together in the history.

A clerk saving a meeting form changes the meeting, several items and participants at once; the
public sees that as one correction ("Rettet 3. juni 2024 kl. 14:10"), with one reason. Inside
`change_set()` every historical record (django-simple-history) gets the same time, the clerk as
its user, the clerk's public reason and what kind of change it was; `minutes.signals` applies
them. When the outermost change set ends, the meetings it touched have their `corrected_at`
worked out again from the history (`minutes.corrections`).

A record made outside any change set (the shell, a script) is its own change set: the meeting's
`corrected_at` is worked out at once.

This module imports no models, so that models can ask it for the time of the change.
"""

import contextlib
import contextvars
import dataclasses
import datetime

from django.utils import timezone

_current = contextvars.ContextVar("minutes_change_set", default=None)


@dataclasses.dataclass
class ChangeSet:
    when: datetime.datetime
    reason: str = ""
    user: object = None
    kind: str = ""  # a RecordKind; "" is the default kind, a change
    meeting_ids: set = dataclasses.field(default_factory=set)


def current():
    """The change set in progress, or None."""
    return _current.get()


def now():
    """The time of the change set in progress, else the time now."""
    found = _current.get()
    return found.when if found else timezone.now()


def recorded(meeting_id):
    """A record of `meeting_id` was made: its corrections are worked out when the change ends."""
    if meeting_id is None:
        return
    changes = _current.get()
    if changes is not None:
        changes.meeting_ids.add(meeting_id)
        return
    from .corrections import refresh_corrected_at

    refresh_corrected_at(meeting_id)


def bulk_create(model, objects, *, meeting_id):
    """`model.objects.bulk_create(objects)` for one meeting, with their history, in the change set
    in progress.

    The ORM's bulk_create sends no signals, so the library would record nothing.
    """
    from simple_history.utils import bulk_create_with_history

    changes = _current.get()
    created = bulk_create_with_history(
        objects,
        model,
        default_user=changes.user if changes else None,
        default_change_reason=(changes.reason or None) if changes else None,
        default_date=changes.when if changes else None,
        custom_historical_attrs={"record_kind": changes.kind} if changes and changes.kind else None,
    )
    recorded(meeting_id)
    return created


@contextlib.contextmanager
def change_set(*, reason=None, user=None, kind=None):
    """
    Everything recorded inside is one change, made by `user`, for the public `reason`.

    A change set inside another takes over the outer one's time and user unless it is given its
    own, so that an import inside an admin action stays one change; its reason and kind apply
    only to what is recorded inside it.
    """
    outer = _current.get()
    changes = ChangeSet(
        when=outer.when if outer else timezone.now(),
        reason=reason if reason is not None else (outer.reason if outer else ""),
        user=user if user is not None else (outer.user if outer else None),
        kind=kind if kind is not None else (outer.kind if outer else ""),
    )
    token = _current.set(changes)
    try:
        yield changes
    finally:
        _current.reset(token)
    if outer is not None:
        outer.meeting_ids |= changes.meeting_ids
        return
    from .corrections import refresh_corrected_at

    for meeting_id in sorted(changes.meeting_ids):
        refresh_corrected_at(meeting_id)
