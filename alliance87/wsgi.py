"""WSGI entry point for `alliance87 serve`, gunicorn or granian."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "alliance87.settings")

application = get_wsgi_application()

# Refuse to serve a configuration the system checks call critical (the
# demo secret key with DEBUG off), however the server was started.
from alliance87.core.checks import refuse_unsafe_start  # noqa: E402

refuse_unsafe_start()
