"""Gunicorn settings for production: `gunicorn almenbolig.wsgi` reads this file."""

import multiprocessing
import os
import sys

# Loopback: nginx (deploy/nginx) is the only client; nothing else reaches gunicorn.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
# A worker silent for longer than this is killed and restarted (a sync worker is silent while it
# handles one request, so this is also the longest a request may take).
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# On a restart or a deploy, how long a worker may finish the requests it has begun before it is
# killed: the same as a request may take, so that no clerk's upload is cut off by a deploy.
graceful_timeout = timeout
accesslog = "-"
errorlog = "-"
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")


def worker_exit(server, worker):
    """Write the page views the worker has counted but not yet written (visits.buffer)."""
    # Only a worker that loaded the site has any; one that failed to load must not import Django.
    visits_buffer = sys.modules.get("visits.buffer")
    if visits_buffer is not None:
        visits_buffer.flush()
