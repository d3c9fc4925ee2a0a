"""Redis as a cache that may fail: while it is unreachable, a per-process memory cache stands in.

Redis holds nothing the site cannot rebuild (fragments, whole pages, Wagtail's site and
rendition lookups, rate-limit and sign-in counters), so losing it may cost speed, never
availability. Every cache call that fails with a Redis or socket error goes to a memory cache
of this process instead, and Redis is tried again RETRY_SECONDS later:

- pages still render (a miss is rendered, and kept locally for the next request);
- rate limits and the sign-in throttle keep counting, per process: a client gets at most
  `limit` per gunicorn worker during an outage, never an unlimited number;
- keys meant to live forever (the content version, the page-cache generation) live
  FOREVER_SECONDS locally, so a page published through another process shows within that time;
- the outage is logged once a minute per process, and its end once;
- when Redis answers again, every cached fragment and page is invalidated once
  (practice.cache.invalidate_all): a change made during the outage could not reach Redis.

bench/redis_outage.py stops Redis under load and starts it again; tests/practice/
test_redis_outage.py does the same in process.
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

FAILURES = (RedisError, OSError)
RETRY_SECONDS = 2
LOG_EVERY_SECONDS = 60
FOREVER_SECONDS = 60


class Health:
    """Whether one Redis server is usable, shared by every cache alias on it in this process."""

    def __init__(self, server):
        self.server = server
        self.down_since = None
        self.retry_at = 0.0
        self.logged_at = None
        self.lock = threading.Lock()

    def worth_trying(self):
        return self.down_since is None or time.monotonic() >= self.retry_at

    def failed(self, error):
        now = time.monotonic()
        with self.lock:
            self.down_since = self.down_since or now
            self.retry_at = now + RETRY_SECONDS
            if self.logged_at is not None and now - self.logged_at < LOG_EVERY_SECONDS:
                return
            self.logged_at = now
        logger.error(
            "Redis unavailable for %.0fs (%s: %s); serving from this process's memory cache "
            "(rate limits count per process). Logged once a minute.",
            now - self.down_since,
            type(error).__name__,
            str(error).splitlines()[0][:200] if str(error) else "",
        )

    def succeeded(self):
        if self.down_since is None:
            return
        with self.lock:
            if self.down_since is None:
                return
            outage, self.down_since, self.logged_at = time.monotonic() - self.down_since, None, None
        logger.warning(
            "Redis is back after %.1fs; clearing caches written during the outage", outage
        )
        from practice.cache import invalidate_all

        invalidate_all("Redis is back")


_health = {}


def health_of(server):
    return _health.setdefault(server, Health(server))


def local_timeout(timeout):
    return FOREVER_SECONDS if timeout is None else timeout


class ResilientRedisCache(RedisCache):
    """Django's RedisCache, falling back to a LocMemCache of this process when Redis fails."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self.health = health_of(server if isinstance(server, str) else ",".join(server))
        self.local = LocMemCache(f"redis-fallback:{self.key_prefix}", {"OPTIONS": {}})

    def _either(self, name, args, local_args=None):
        if self.health.worth_trying():
            try:
                result = getattr(RedisCache, name)(self, *args)
            except FAILURES as error:
                self.health.failed(error)
            else:
                self.health.succeeded()
                return result
        return getattr(self.local, name)(*(args if local_args is None else local_args))

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        args = (key, value, timeout, version)
        return self._either("add", args, (key, value, local_timeout(timeout), version))

    def get(self, key, default=None, version=None):
        return self._either("get", (key, default, version))

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        args = (key, value, timeout, version)
        return self._either("set", args, (key, value, local_timeout(timeout), version))

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._either(
            "touch", (key, timeout, version), (key, local_timeout(timeout), version)
        )

    def delete(self, key, version=None):
        return self._either("delete", (key, version))

    def get_many(self, keys, version=None):
        return self._either("get_many", (keys, version))

    def has_key(self, key, version=None):
        return self._either("has_key", (key, version))

    def incr(self, key, delta=1, version=None):
        return self._either("incr", (key, delta, version))

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        args = (data, timeout, version)
        return self._either("set_many", args, (data, local_timeout(timeout), version))

    def delete_many(self, keys, version=None):
        return self._either("delete_many", (keys, version))

    def clear(self):
        self.local.clear()
        return self._either("clear", ())
