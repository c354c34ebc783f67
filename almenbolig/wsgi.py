"""WSGI entry point: `gunicorn almenbolig.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "almenbolig.settings")

application = get_wsgi_application()
