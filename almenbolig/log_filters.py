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
