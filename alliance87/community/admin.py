"""The community in the back office: spaces and threads to look up, and the
outgoing mail, so that the Secretariat sees an email that waits for a mail
server (pending, with its last error) or that a stopped worker left
uncertain; and the emails received at reply addresses, posted or refused
(with why). Writes go through the site's pages and community.services."""

from typing import Any

from django.contrib import admin
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from alliance87.community.models import (
    MODERATION_REASONS,
    Flag,
    InboundMessage,
    Notification,
    Reason,
    Space,
    Suspension,
    Thread,
)


@admin.register(Space)
class SpaceAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "visibility", "group", "archived_at"]
    list_filter = ["kind", "visibility"]
    search_fields = ["name", "slug"]
    autocomplete_fields = ["group", "country"]


@admin.register(Thread)
class ThreadAdmin(admin.ModelAdmin):
    list_display = ["title", "space", "kind", "reply_count", "last_activity", "closed"]
    list_filter = ["kind", "closed", "pinned"]
    search_fields = ["title"]
    raw_id_fields = ["author", "accepted"]
    list_select_related = ["space"]

    def get_exclude(self, request: HttpRequest, obj: Any = None) -> list[str]:
        # A thread started under a pseudonym names no account here: the
        # Secretariat looks it up on the pseudonyms page, which audits it.
        if obj is not None and obj.pseudonym_id is not None:
            return ["author", "pseudonym"]
        return ["pseudonym"]


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["user", "reason", "created", "digest", "mail", "attempts", "mail_error"]
    list_filter = ["mail", "digest", "reason"]
    raw_id_fields = ["user", "post"]
    list_select_related = ["user"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Notification]:
        # A row that tells a person of their pseudonym's mention, or of a
        # decision on their post under it, names the account behind the
        # pseudonym: left out, as the Secretariat looks that up on the
        # pseudonyms page, which audits it.
        tied = Q(reason=Reason.PSEUDONYM) | Q(
            reason__in=MODERATION_REASONS, post__pseudonym__isnull=False
        )
        return super().get_queryset(request).exclude(tied)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(InboundMessage)
class InboundMessageAdmin(admin.ModelAdmin):
    list_display = [
        "received",
        "sender",
        "thread",
        "outcome",
        "reason",
        "authentication",
        "message_id",
    ]
    list_filter = ["outcome", "reason", "authentication"]
    search_fields = ["message_id"]
    raw_id_fields = ["user", "thread", "post"]
    list_select_related = ["user", "thread", "post__pseudonym"]

    @admin.display(description=_("account"))
    def sender(self, obj: InboundMessage) -> str:
        # A reply posted under a pseudonym names the pseudonym, linked to
        # the pseudonyms page: the Secretariat looks behind it there, and
        # that look is audited.
        pseudonym = obj.post.pseudonym if obj.post is not None else None
        if pseudonym is not None:
            url = reverse("community:pseudonym-reveal", args=[pseudonym.pk])
            return format_html('<a href="{}">{}</a>', url, pseudonym.name)
        return str(obj.user) if obj.user is not None else "-"

    def get_exclude(self, request: HttpRequest, obj: Any = None) -> list[str]:
        if obj is not None and obj.post is not None and obj.post.pseudonym_id is not None:
            return ["user"]
        return []

    def lookup_allowed(self, lookup: str, value: str, request: HttpRequest | None = None) -> bool:
        # Filtering by account (?user=…) would list its replies posted
        # under a pseudonym, tying the two without the audited look.
        if lookup.split("__")[0] in {"user", "post"}:
            return False
        return super().lookup_allowed(lookup, value, request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Flag)
class FlagAdmin(admin.ModelAdmin):
    """Flags, to look up; moderators decide on the site (the queue)."""

    list_display = ["post", "reason", "created", "resolved", "outcome"]
    list_filter = ["reason", "outcome"]
    raw_id_fields = ["post", "user", "resolved_by"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Suspension)
class SuspensionAdmin(admin.ModelAdmin):
    """Suspensions, to look up; moderators suspend and lift on the site."""

    list_display = ["person", "space", "starts", "ends", "lifted"]
    raw_id_fields = ["user", "created_by", "lifted_by"]
    list_select_related = ["user", "pseudonym", "space"]

    @admin.display(description=_("person"))
    def person(self, obj: Suspension) -> str:
        # Made from a post under a pseudonym: the pseudonym, not the account.
        return obj.pseudonym.name if obj.pseudonym is not None else str(obj.user)

    def get_exclude(self, request: HttpRequest, obj: Any = None) -> list[str]:
        if obj is not None and obj.pseudonym_id is not None:
            return ["user", "pseudonym"]
        return ["pseudonym"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
