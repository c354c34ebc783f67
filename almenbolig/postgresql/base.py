"""
Django's PostgreSQL backend with a circuit breaker, like the shared cache's (almenbolig.cache),
for a database server that accepts connections but never answers them.

psycopg gives up on a connection after DATABASE_CONNECT_TIMEOUT seconds (the whole of it: TCP,
TLS and PostgreSQL's start-up), but without more every request would wait that long again, hold
a worker as long, and log its own traceback. Here the first connection that times out sets the
process's breaker: for DATABASE_RETRY_AFTER seconds no connection is tried, and every request
that needs the database is answered at once with the Danish 503 (almenbolig.views.server_error);
then the next request tries again. A server that refuses connections outright costs nothing to
ask, so it is asked on every request and the pages are back the moment it is.

Either way the outage is logged once per DATABASE_RETRY_AFTER seconds and process, and once more
when the database answers again, instead of one traceback per request (the errors are marked,
and almenbolig.log_filters.ReportedOutage leaves them out of django.request's log).
"""

import logging
import threading
import time

from django.conf import settings
from django.db.backends.postgresql import base

logger = logging.getLogger("almenbolig.database")

# Per process and per server: (host, port, database) -> its breaker.
_breakers = {}
_lock = threading.Lock()


class _Breaker:
    def __init__(self):
        self.resting_until = 0.0
        self.logged_at = None


def forget_outages():
    """Forget every failure this process has seen (for the tests)."""
    with _lock:
        _breakers.clear()


def _where(params):
    host = params.get("host") or "localhost"
    return f"{host}:{params.get('port') or 5432}/{params.get('dbname') or ''}"


class DatabaseWrapper(base.DatabaseWrapper):
    def get_new_connection(self, conn_params):
        where = _where(conn_params)
        breaker = _breakers.get(where)
        if breaker is not None and time.monotonic() < breaker.resting_until:
            error = self.Database.OperationalError(
                f"PostgreSQL at {where} did not answer; not asked again until the pause ends"
            )
            error.reported_outage = True
            raise error
        try:
            connection = super().get_new_connection(conn_params)
        except self.Database.OperationalError as error:
            self._failed(where, error)
            raise
        if breaker is not None:
            with _lock:
                if _breakers.pop(where, None) is not None:
                    logger.warning("PostgreSQL at %s answers again", where)
        return connection

    def _failed(self, where, error):
        retry_after = float(settings.DATABASE_RETRY_AFTER)
        timed_out = isinstance(error, self.Database.errors.ConnectionTimeout)
        now = time.monotonic()
        with _lock:
            breaker = _breakers.setdefault(where, _Breaker())
            if timed_out:
                breaker.resting_until = now + retry_after
            log = breaker.logged_at is None or now - breaker.logged_at >= retry_after
            if log:
                breaker.logged_at = now
        error.reported_outage = True
        if not log:
            return
        if timed_out:
            logger.warning(
                "PostgreSQL at %s accepts no connection within %s s (%s); pages answer 503 at "
                "once, and it is tried again every %g s",
                where,
                self.settings_dict["OPTIONS"].get("connect_timeout"),
                error,
                retry_after,
            )
        else:
            logger.warning(
                "PostgreSQL at %s cannot be reached (%s); pages answer 503 until it can "
                "(logged at most every %g s)",
                where,
                " ".join(str(error).split()),
                retry_after,
            )
