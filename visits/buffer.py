"""
The page views a process has counted but not yet written, written together every few seconds.

Written one at a time, every counted view was an upsert of its page's row for the day in its own
transaction: its own WAL flush, and every worker waiting its turn for the lock on the row of a
popular page such as "/". Here a process adds its views up in memory and writes them in one short
transaction: one upsert per page and day with the sum, one insert of the day's new visitors.

When: a timer `VISITS_FLUSH_SECONDS` after the first view into an empty buffer (so a worker that
gets no more requests still writes its counts within seconds, in a thread of its own with its own
database connection), at once when the buffer holds `CAP` entries, before the statistics page
reads the counts, and when the process exits (atexit, and gunicorn's `worker_exit` hook).

What can be lost, knowingly, since these are statistics:
- a process killed hard (SIGKILL, the machine losing power) loses the views of its last seconds,
  and the visitors first seen in them are not counted that day: their "seen" mark is in the cache;
- the transaction commits without waiting for its WAL flush on PostgreSQL
  (`synchronous_commit` off), so a crash of the database server may lose the last moment of
  statistics, never anything else, and never leaves the database inconsistent;
- a flush the database refuses is logged and dropped (see `ViewBuffer.flush`).
"""

import atexit
import logging
import os
import threading
from collections import Counter

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connections, router, transaction

from .models import DailyVisitor, PageView

logger = logging.getLogger(__name__)


class ViewBuffer:
    """Page views per (day, path) and first-of-the-day visitors, waiting to be written."""

    # Entries (distinct pages per day plus new visitors) that are written at once, whatever the
    # time: bounds the memory, the transaction and what a hard kill can lose.
    CAP = 500

    def __init__(self):
        self._reset()

    def _reset(self):
        self._lock = threading.Lock()
        self._views = Counter()
        # (day, visitor hash) -> the cache key that marks the visitor as seen that day.
        self._visitors = {}
        self._timer = None

    def __len__(self):
        with self._lock:
            return len(self._views) + len(self._visitors)

    def add(self, day, path, visitor_hash=None, seen_key=None):
        """Count one view of path on day and, for a visitor's first view of the day, the visitor."""
        with self._lock:
            self._views[day, path] += 1
            if visitor_hash is not None:
                self._visitors[day, visitor_hash] = seen_key
            full = len(self._views) + len(self._visitors) >= self.CAP
            if not full and self._timer is None:
                self._timer = threading.Timer(settings.VISITS_FLUSH_SECONDS, self._flush_in_thread)
                self._timer.daemon = True
                self._timer.start()
        if full:
            self.flush()

    def _flush_in_thread(self):
        try:
            self.flush()
        finally:
            # The timer's thread has a database connection of its own; nothing else would close it.
            connections.close_all()

    def flush(self):
        """
        Write what the buffer holds in one transaction; never raises for a database error.

        A batch the database refuses is dropped, not kept for the next flush: a database that is
        down would otherwise make the buffer grow without end and every request at the cap try
        again and wait for it, and counts kept across a failure could be written twice if the
        commit's answer was lost. The visitors of the dropped batch lose their "seen" mark, so
        each is counted on their next view today, as when a view written at once fails.
        """
        with self._lock:
            views, visitors = self._views, self._visitors
            self._views, self._visitors = Counter(), {}
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
        if not views and not visitors:
            return
        try:
            write(views, visitors)
        except DatabaseError:
            logger.warning(
                "Could not write %d page views and %d visitors; they are not counted",
                views.total(),
                len(visitors),
                exc_info=True,
            )
            cache.delete_many(list(visitors.values()))


def write(views, visitors):
    """
    Write the summed views {(day, path): n} and the new visitors {(day, hash): ...} at once.

    Rows in a fixed order, so two processes writing the same pages take their locks in the same
    order and cannot deadlock; the visitors first, so the locks on the pages' hot rows are held
    only from their upsert to the commit.
    """
    using = router.db_for_write(PageView)
    connection = connections[using]
    with transaction.atomic(using=using):
        if connection.vendor == "postgresql":
            # Statistics only: the commit does not wait for its WAL flush (see the module's
            # docstring for what a crash can lose).
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL synchronous_commit TO OFF")
        if visitors:
            DailyVisitor.objects.record_all(sorted(visitors))
        PageView.objects.record_counts(sorted(views.items()))


buffer = ViewBuffer()


def flush():
    """Write this process's buffered views now (the statistics page, process exit)."""
    buffer.flush()


atexit.register(flush)
# A forked child starts with nothing to write: the parent writes its own views, and a lock held
# by another of the parent's threads at the fork would never be released in the child.
os.register_at_fork(after_in_child=buffer._reset)
