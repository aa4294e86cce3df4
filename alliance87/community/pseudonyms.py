"""
Pseudonyms (issue 13, item 7): a member of a survivor-led organisation may
post under a pseudonym that only the Secretariat can link to the account.

Invariants:
- a survivor-led organisation is one whose stakeholder type is "Survivor
  organisation" (partners; the Secretariat sets it, audited);
- a pseudonym belongs to one account and is unique whatever its case; it
  is 3 to 40 letters, digits, spaces and . ' - _, and is neither an
  account's username or name, nor a name of the directory, nor contains
  its owner's own names, nor claims a role (Secretariat, moderator, ...);
- only a person who may use a pseudonym (a member of a survivor-led
  organisation, asked at every post, so leaving the organisation stops new
  posts under it) chooses one or posts under it; what they already wrote
  under it stays under it;
- a post written under a pseudonym, and a thread it opens, are shown under
  it everywhere they are shown (`models.shown_author`), never under the
  author's name;
- a reply that does not say how it is signed (by email) is signed as its
  author's last post in the thread was: a person never drops their
  pseudonym in a thread by accident; one who may no longer use it is
  refused there;
- only the Secretariat sees who is behind a pseudonym (`reveal`), and each
  look is written in the audit log (an "access" entry on the pseudonym,
  under the Secretariat member), which only the Secretariat reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.db import IntegrityError, transaction
from django.db.models import Count, Q, Value
from django.db.models.functions import Concat, Lower
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance87.community.models import PSEUDONYM_MAX_CHARS, Post, Pseudonym, Thread
from alliance87.core.services import service
from alliance87.core.visibility import is_secretariat
from alliance87.partners.models import Person
from alliance87.partners.selectors import in_survivor_led_organisation

PSEUDONYM_MIN_CHARS = 3
# Letters of any script, digits, spaces and . ' - _; starting with a letter
# or digit.
ALLOWED = re.compile(r"^[^\W_][\w .'-]*$")
# Words that would pass the pseudonym off as a role of the Hub.
RESERVED = ("secretariat", "moderator", "admin", "officer", "alliance 8.7", "former participant")
PAGE_SIZE = 50


def may_use_pseudonym(user: Any) -> bool:
    """Return whether `user` may choose a pseudonym and post under it now."""
    return in_survivor_led_organisation(user)


def pseudonym_of(user: Any) -> Pseudonym | None:
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return Pseudonym.objects.filter(user=user).first()


def used_in_thread(user: Any, thread: Thread) -> bool:
    """Return whether `user`'s last post in `thread` was under their pseudonym."""
    last = (
        Post.objects.filter(thread=thread, author=user)
        .order_by("-created", "-pk")
        .values_list("pseudonym_id", flat=True)
        .first()
    )
    return last is not None


def check_name(name: str, user: Any) -> str:
    """Return `name` tidied, or raise ValidationError saying what is wrong."""
    name = " ".join(name.split())
    if len(name) < PSEUDONYM_MIN_CHARS or len(name) > PSEUDONYM_MAX_CHARS:
        raise ValidationError(
            {
                "name": _("A pseudonym is %(min)s to %(max)s characters long.")
                % {"min": PSEUDONYM_MIN_CHARS, "max": PSEUDONYM_MAX_CHARS}
            },
            code="length",
        )
    if not ALLOWED.match(name) or not any(c.isalpha() for c in name):
        raise ValidationError(
            {
                "name": _(
                    "Use letters, digits, spaces and . ' - _ only, starting with a letter "
                    "or a digit."
                )
            },
            code="characters",
        )
    folded = name.casefold()
    if any(word in folded for word in RESERVED):
        raise ValidationError(
            {"name": _("A pseudonym may not name a role of the Hub. Choose another.")},
            code="reserved",
        )
    own = [user.get_username(), user.first_name, user.last_name]
    if any(part and len(part) >= 3 and part.casefold() in folded for part in own):
        raise ValidationError(
            {"name": _("A pseudonym may not contain your own name or username.")},
            code="own_name",
        )
    taken = Pseudonym.objects.annotate(key=Lower("name")).filter(key=name.lower())
    if taken.exclude(user=user).exists():
        raise ValidationError(
            {"name": _("Someone already posts under this pseudonym. Choose another.")},
            code="taken",
        )
    accounts = get_user_model().objects.annotate(
        full=Lower(Concat("first_name", Value(" "), "last_name"))
    )
    if (
        accounts.filter(Q(username__iexact=name) | Q(full=name.lower())).exists()
        or Person.objects.filter(name__iexact=name).exists()
    ):
        raise ValidationError(
            {"name": _("This is the name of someone on the Hub. Choose another.")},
            code="a_name",
        )
    return name


@service
def choose_pseudonym(*, acting_user: Any, name: str) -> Pseudonym:
    """Give the person a pseudonym, or change it: what they wrote under the
    old one is shown under the new one."""
    if not may_use_pseudonym(acting_user):
        raise ValidationError(
            _("Only members of a survivor-led organisation may post under a pseudonym."),
            code="forbidden",
        )
    name = check_name(name, acting_user)
    found = Pseudonym.objects.select_for_update().filter(user=acting_user).first()
    try:
        # A savepoint: the same name chosen at the same moment by another
        # person is refused with the message, not an error.
        with transaction.atomic():
            if found is None:
                return Pseudonym.objects.create(
                    user=acting_user, name=name, created=timezone.now()
                )
            if found.name != name:
                found.name = name
                found.save(update_fields=["name"])
    except IntegrityError:
        raise ValidationError(
            {"name": _("Someone already posts under this pseudonym. Choose another.")},
            code="taken",
        ) from None
    return found


def for_new_post(
    user: Any, thread: Thread | None, under_pseudonym: bool | None
) -> Pseudonym | None:
    """Return the pseudonym a new post by `user` is written under (None: their
    name). `under_pseudonym` None (a reply by email) signs it as their last
    post in `thread` was; raise ValidationError when they may not."""
    if under_pseudonym is None:
        under_pseudonym = thread is not None and used_in_thread(user, thread)
        if under_pseudonym and not may_use_pseudonym(user):
            raise ValidationError(
                _(
                    "You wrote in this thread under your pseudonym, which you may no longer "
                    "use. Reply on the Hub's site, where you choose how to sign."
                ),
                code="pseudonym_ended",
            )
    if not under_pseudonym:
        return None
    if not may_use_pseudonym(user):
        raise ValidationError(
            {
                "under_pseudonym": _(
                    "Only members of a survivor-led organisation may post under a pseudonym."
                )
            },
            code="pseudonym_forbidden",
        )
    found = pseudonym_of(user)
    if found is None:
        raise ValidationError(
            {"under_pseudonym": _("Choose your pseudonym first, on your pseudonym page.")},
            code="no_pseudonym",
        )
    return found


@dataclass(frozen=True)
class Offer:
    """What a post form offers `user` in a thread: their pseudonym to sign
    under (None: nothing to offer), whether they last wrote there under
    it, and whether they did so and may no longer."""

    pseudonym: Pseudonym | None = None
    may_use: bool = False
    used_here: bool = False
    ended: bool = False


def offered(user: Any) -> Pseudonym | None:
    """The pseudonym a form offers `user` to post under (None: none)."""
    if not getattr(user, "is_authenticated", False) or not may_use_pseudonym(user):
        return None
    return pseudonym_of(user)


def offer(user: Any, thread: Thread | None = None) -> Offer:
    if not getattr(user, "is_authenticated", False):
        return Offer()
    may_use = may_use_pseudonym(user)
    used_here = thread is not None and used_in_thread(user, thread)
    return Offer(
        pseudonym=pseudonym_of(user) if may_use else None,
        may_use=may_use,
        used_here=used_here,
        ended=used_here and not may_use,
    )


def list_pseudonyms(user: Any, page_number: Any) -> Page:
    """Return a page of every pseudonym with how many posts were written
    under it, for the Secretariat (no account named: `reveal` does that)."""
    if not is_secretariat(user):
        raise ValidationError(_("Only the Secretariat may do this."), code="forbidden")
    rows = Pseudonym.objects.annotate(post_count=Count("posts")).order_by(Lower("name"), "pk")
    return Paginator(rows, PAGE_SIZE).get_page(page_number)


@service
def reveal(pseudonym: Pseudonym, *, acting_user: Any) -> Any:
    """Return the account behind `pseudonym` (the Secretariat only),
    writing the look in the audit log."""
    from auditlog.models import LogEntry
    from django.contrib.contenttypes.models import ContentType

    if not is_secretariat(acting_user):
        raise ValidationError(_("Only the Secretariat may do this."), code="forbidden")
    LogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(Pseudonym),
        object_pk=str(pseudonym.pk),
        object_id=pseudonym.pk,
        object_repr=str(pseudonym)[:200],
        action=LogEntry.Action.ACCESS,
        actor=acting_user,
        additional_data={"revealed": "account"},
    )
    return pseudonym.user
