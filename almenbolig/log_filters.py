"""Logging filters for settings.LOGGING."""

import logging


class OneLine(logging.Filter):
    """
    Keep the message, drop the traceback: for errors that say all they need in one line.

    Bots send requests for other host names all day; Django logs each as an error with a
    15-line traceback (django.security.DisallowedHost), which buries what matters.
    """

    def filter(self, record):
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        return True


def is_reported_outage(error):
    """Whether `error`, or an error it was raised from, is a database connection failure that
    almenbolig.postgresql has logged itself (it marks them)."""
    seen = set()
    while error is not None and id(error) not in seen:
        if getattr(error, "reported_outage", False):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False


class ReportedOutage(logging.Filter):
    """
    Leave out a request's error when it is a database outage logged already.

    With the database unreachable, every request fails in the same way, and Django logs each
    one with its traceback (thousands a minute); almenbolig.postgresql logs the outage once per
    DATABASE_RETRY_AFTER seconds instead.
    """

    def filter(self, record):
        return not (record.exc_info and is_reported_outage(record.exc_info[1]))
