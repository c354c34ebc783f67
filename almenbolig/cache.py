"""
Redis as a shared cache that the site can do without.

Every page, feed and library call (django-cookie-consent's `cookie_consent.cache` above all) reads
through Django's cache, and Django's own RedisCache raises when Redis is stopped, and hangs when
Redis is paused or slow. Here an unreachable or slow Redis is a cache miss: the page is built from
the database, a warning is logged once, and Redis is left alone for a few seconds (a per-process
circuit breaker), so that a page never waits for more than one timeout. The first call after the
pause tries again, and the cache is back as soon as Redis answers.
"""

import functools
import logging
import threading
import time
from urllib.parse import urlsplit

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.db import transaction
from redis.backoff import NoBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError
from redis.exceptions import TimeoutError as RedisTimeoutError
from redis.retry import Retry

logger = logging.getLogger("almenbolig.cache")

# Redis on the local network answers in well under a millisecond; a quarter of a second is a
# Redis that is not there for a page that must answer within a second.
DEFAULT_SOCKET_TIMEOUT = 0.25
# How long a process leaves Redis alone after it failed to answer.
DEFAULT_RETRY_AFTER = 5.0

# Per process and per Redis server (the "default" and "fragments" aliases share one), so that an
# outage costs one timeout per process, not one per alias and per call.
_down_until = {}
_lock = threading.Lock()


def _where(location):
    """The server's host and port, for the log: a URL may carry a password."""
    parts = urlsplit(location)
    return f"{parts.hostname}:{parts.port or 6379}" if parts.hostname else "redis"


def _degrades(fallback):
    """Run a cache call; on a Redis failure, answer `fallback(*args, **kwargs)` instead."""

    def decorator(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            if self.is_resting():
                return fallback(*args, **kwargs)
            try:
                result = method(self, *args, **kwargs)
            except RedisError as error:
                self.failed(error)
                return fallback(*args, **kwargs)
            self.answered()
            return result

        return wrapper

    return decorator


def _default(key, default=None, *args, **kwargs):
    return default


def _nothing(*args, **kwargs):
    return None


def _false(*args, **kwargs):
    return False


def _empty(*args, **kwargs):
    return {}


def _all_keys_failed(data, *args, **kwargs):
    return list(data)


def forget_now_and_after_commit(cache, key):
    """
    Delete `key` from `cache` now, and once more when the current transaction commits.

    For what is kept briefly and forgotten on a change (the archive's and the committee's
    freshness): a request between the change and its commit would otherwise read the old rows and
    keep them again until the key expires.
    """
    cache.delete(key)
    transaction.on_commit(lambda: cache.delete(key))


class ClientPerPool(RedisCacheClient):
    """
    Django's client, making one redis-py client per connection pool instead of one per call.

    Setting up a redis-py client costs more than a GET from Redis on the same network (some
    100 µs against 30 µs), and a kept page asks Redis several times (the consent's cookie groups,
    the archive's and the meeting's freshness, the committee, the page). A client holds no
    connection of its own (it takes one from the pool for each command), so one serves every call
    and thread.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients.setdefault(id(pool), self._client(connection_pool=pool))
        return client


class ResilientRedisCache(RedisCache):
    """
    Django's RedisCache, with short socket timeouts, no retries, and every Redis failure
    answered as a miss (get → default, add → False, set → nothing stored).

    OPTIONS may set `socket_timeout`, `socket_connect_timeout` (seconds) and `retry_after`
    (seconds a process leaves Redis alone after a failure).
    """

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS") or {})
        self.retry_after = float(options.pop("retry_after", DEFAULT_RETRY_AFTER))
        options.setdefault("socket_timeout", DEFAULT_SOCKET_TIMEOUT)
        options.setdefault("socket_connect_timeout", options["socket_timeout"])
        # redis-py would otherwise retry a failed call, multiplying the wait.
        options.setdefault("retry", Retry(NoBackoff(), 0))
        super().__init__(server, {**params, "OPTIONS": options})
        self._class = ClientPerPool
        self.where = _where(self._servers[0])

    # The breaker ----------------------------------------------------------------------------

    def is_resting(self):
        return time.monotonic() < _down_until.get(self.where, 0.0)

    def failed(self, error):
        with _lock:
            was_down = self.where in _down_until
            _down_until[self.where] = time.monotonic() + self.retry_after
        if isinstance(error, (RedisConnectionError, RedisTimeoutError)):
            if not was_down:
                logger.warning(
                    "Shared cache at %s is unreachable (%s: %s); pages are built without it, "
                    "trying again every %g s",
                    self.where,
                    type(error).__name__,
                    error,
                    self.retry_after,
                )
        else:
            logger.warning(
                "Shared cache at %s failed: %s: %s", self.where, type(error).__name__, error
            )

    def answered(self):
        if self.where in _down_until:
            with _lock:
                if _down_until.pop(self.where, None) is not None:
                    logger.warning("Shared cache at %s answers again", self.where)

    def ping(self):
        """Whether Redis answers now, for /healthz: asks even while the breaker rests."""
        try:
            ok = bool(self._cache.get_client(write=True).ping())
        except RedisError:
            return False
        if ok:
            self.answered()
        return ok

    # Django's cache API, each call degrading to a miss ---------------------------------------

    add = _degrades(_false)(RedisCache.add)
    get = _degrades(_default)(RedisCache.get)
    set = _degrades(_nothing)(RedisCache.set)
    touch = _degrades(_false)(RedisCache.touch)
    delete = _degrades(_false)(RedisCache.delete)
    get_many = _degrades(_empty)(RedisCache.get_many)
    has_key = _degrades(_false)(RedisCache.has_key)
    set_many = _degrades(_all_keys_failed)(RedisCache.set_many)
    delete_many = _degrades(_nothing)(RedisCache.delete_many)
    clear = _degrades(_false)(RedisCache.clear)

    def incr(self, key, delta=1, version=None):
        if self.is_resting():
            raise ValueError(f"Key '{key}' not found (the shared cache is unreachable)")
        try:
            result = super().incr(key, delta, version)
        except RedisError as error:
            self.failed(error)
            # What callers of incr() already handle: the key is not there.
            raise ValueError(f"Key '{key}' not found (the shared cache is unreachable)") from error
        self.answered()
        return result
