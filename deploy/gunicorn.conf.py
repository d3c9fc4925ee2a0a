"""gunicorn settings for the practice site: `gunicorn -c deploy/gunicorn.conf.py`.

Every value can be overridden from the environment (see docs/deployment.md).
"""

import multiprocessing
import os

wsgi_app = "practice.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")

# Synchronous workers: the site renders pages and talks to PostgreSQL; nothing is long-lived.
# (2 × cores) + 1 is gunicorn's own advice, capped so a big host does not open 100 DB connections.
workers = int(os.environ.get("WEB_CONCURRENCY", min(2 * multiprocessing.cpu_count() + 1, 9)))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
# A request that takes longer than this is stuck (a page renders in well under a second);
# the worker is killed and replaced rather than left holding a connection.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so a slow leak can never take a node down; rarely, because a new
# worker imports Django and Wagtail again (about 1 s of CPU): every 1,000 requests that cost
# ~1 ms of CPU per request, a third of the static-file yardstick (docs/performance.md).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "25000"))
max_requests_jitter = max_requests // 10
# Heartbeat files in memory, not on a possibly slow disk.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
# Only the local proxy may say which scheme and client address a request came from.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Access log on stdout as JSON lines (practice.logging.GunicornJsonLogger): the path without
# its query string (a search or a form's GET parameters can hold what a patient typed), no
# referrer (it carries the previous page's query string). The format below is the fallback
# with LOG_FORMAT=plain and follows the same rule.
# GUNICORN_ACCESS_LOG=off switches it off (nginx keeps its own).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
if accesslog == "off":
    accesslog = None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
access_log_format = '%(h)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms "%(a)s"'
if os.environ.get("LOG_FORMAT", "json") != "plain":
    logger_class = "practice.logging.GunicornJsonLogger"
