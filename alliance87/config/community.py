"""
The community's settings (settings.py's header: REPLY_EMAIL_*,
COMMUNITY_*): reply by email, new accounts' first posts, and the files a
post may carry.
"""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured

from alliance87.environment import env, envint, envlist

# Reply by email (community/reply_address.py, community/inbound/): empty
# turns it off, and the community's emails carry no Reply-To.
REPLY_EMAIL_DOMAIN = env("REPLY_EMAIL_DOMAIN").strip().lower()
if REPLY_EMAIL_DOMAIN and ("@" in REPLY_EMAIL_DOMAIN or "." not in REPLY_EMAIL_DOMAIN):
    raise ImproperlyConfigured(
        f"REPLY_EMAIL_DOMAIN must be a mail domain such as reply.example.org, "
        f"not {REPLY_EMAIL_DOMAIN!r}."
    )
REPLY_EMAIL_DAYS = envint("REPLY_EMAIL_DAYS", 30, minimum=1)
REPLY_EMAIL_MAX_BYTES = envint("REPLY_EMAIL_MAX_BYTES", 10 * 1024 * 1024, minimum=1024)
# Whose Authentication-Results a reply is judged by, and how
# (community/mail_auth.py, community/inbound/).
REPLY_EMAIL_AUTHSERV_IDS = [i.lower() for i in envlist("REPLY_EMAIL_AUTHSERV_IDS", "")]
REPLY_EMAIL_AUTH_POLICY = env("REPLY_EMAIL_AUTH_POLICY", "refuse-fail").strip().lower()
if REPLY_EMAIL_AUTH_POLICY not in {"refuse-fail", "require-pass", "record-only"}:
    raise ImproperlyConfigured(
        "REPLY_EMAIL_AUTH_POLICY must be refuse-fail, require-pass or record-only, "
        f"not {REPLY_EMAIL_AUTH_POLICY!r}."
    )
# New accounts' first posts in the community wait for a moderator, and are
# rate-limited (community/moderation/).
COMMUNITY_HOLD_DAYS = envint("COMMUNITY_HOLD_DAYS", 7, minimum=0)
COMMUNITY_HOLD_POSTS = envint("COMMUNITY_HOLD_POSTS", 1, minimum=0)
COMMUNITY_NEW_POSTS_PER_HOUR = envint("COMMUNITY_NEW_POSTS_PER_HOUR", 3, minimum=0)
# Files attached to community posts (community/attachments.py).
COMMUNITY_ATTACHMENTS_PER_POST = envint("COMMUNITY_ATTACHMENTS_PER_POST", 5, minimum=0)
COMMUNITY_ATTACHMENT_MAX_MB = envint("COMMUNITY_ATTACHMENT_MAX_MB", 10, minimum=1)
# Every kind core.files accepts as a document; a setting may name fewer.
_ATTACHMENT_KINDS = "pdf,docx,xlsx,pptx,odt,ods,odp,csv,txt,png,jpeg,webp"
COMMUNITY_ATTACHMENT_KINDS = envlist("COMMUNITY_ATTACHMENT_KINDS", _ATTACHMENT_KINDS)
if not set(COMMUNITY_ATTACHMENT_KINDS) <= set(_ATTACHMENT_KINDS.split(",")):
    raise ImproperlyConfigured(
        f"COMMUNITY_ATTACHMENT_KINDS may name only {_ATTACHMENT_KINDS}, "
        f"not {','.join(COMMUNITY_ATTACHMENT_KINDS)!r}."
    )
