"""WSGI entry point (`daihoi serve` runs it with a local server)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "daihoi.config.settings")
application = get_wsgi_application()
