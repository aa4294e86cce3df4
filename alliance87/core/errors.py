"""
The server-error page, and the one case it must tell apart: the database is
down.

A page that failed because the database cannot be reached is not a bug in
the page: the visitor is told the Hub is briefly unavailable (503 with
`Retry-After`, so that proxies, crawlers and partners' scripts come back
later) in the site's frame and their language. Any other error, including
a database error while the database answers (a failed constraint, a
missing table), stays a 500. Neither page reads the database.
"""

from __future__ import annotations

import logging
import sys

from django.db import DatabaseError, connections
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

logger = logging.getLogger(__name__)

# Seconds a client is asked to wait before trying again.
RETRY_AFTER_SECONDS = 30


def database_reachable() -> bool:
    """Return True if the default database answers a trivial query now.

    Asked on a connection of its own: the request's connection may be
    broken by the outage, or inside a transaction the error has spoiled.
    """
    probe = connections.create_connection("default")
    try:
        with probe.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return False
    finally:
        probe.close()
    return True


def server_error(request: HttpRequest) -> HttpResponse:
    """Render the 500 page, or the 503 page when the database is down.

    Django calls this inside the `except` block that caught the error, so
    the error is still at hand.
    """
    error = sys.exc_info()[1]
    if isinstance(error, DatabaseError) and not database_reachable():
        logger.error("The database is unreachable: answering 503")
        response = render(request, "503.html", status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return render(request, "500.html", status=500)
