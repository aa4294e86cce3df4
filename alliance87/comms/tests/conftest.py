"""The communications tests' fixtures: `smtp`, a real SMTP server
(aiosmtpd) on a free port of this machine, which Django's mail is sent to
for the test, keeping what it receives."""

from __future__ import annotations

import socket
from email import message_from_bytes

import pytest


class Receiver:
    """An aiosmtpd handler that keeps what it receives and refuses one
    recipient, as a real mail server may."""

    def __init__(self, refuse: str = "") -> None:
        self.messages: list = []
        self.refuse = refuse

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address == self.refuse:
            return "550 No such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((list(envelope.rcpt_tos), message_from_bytes(envelope.content)))
        return "250 Message accepted"


@pytest.fixture
def smtp(settings):
    from aiosmtpd.controller import Controller

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    handler = Receiver(refuse="bounce@example.org")
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    yield handler
    controller.stop()


@pytest.fixture
def gcg(personas):
    """The group that the surveys' tests address (their members answer)."""
    from alliance87.testing.factories import make_group

    return make_group("gcg", "Global Coordinating Group")


@pytest.fixture
def tasks_run_at_once(settings) -> None:
    """Run background tasks as they are queued (django-tasks' immediate
    backend), so the test reads what they did."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
