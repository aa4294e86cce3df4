"""
Who may do what in the community (the Secretariat may do everything:
core.permissions asks no rule for it).

Every rule here assumes the view has already read the object through
`visible_to(user)`: a person who cannot see a space gets its 404 before
any rule is asked.

- post in a space (start a thread, reply, join, mark helpful): a member of
  a partner organisation, or a member of the space's group, while the space
  is open and they are not suspended from it (community/moderation/);
- moderate a space (pin, close): its moderators, named by the Secretariat;
- edit a post: its author, while the space is open;
- accept an answer to a question: the person who asked it, or a
  moderator;
- flag a post: whoever reads it, signed in, but its author, while they
  are not suspended from its space.
"""

from __future__ import annotations

from typing import Any

from alliance87.community.models import Post, Space, SpaceMember, SpaceRole, Thread, standing
from alliance87.core import hooks
from alliance87.core.visibility import audience_for


def may_post(user: Any, space: Any) -> bool:
    if not isinstance(space, Space) or space.is_archived:
        return False
    audience = audience_for(user)
    return (
        audience.is_partner
        or (space.group_id is not None and space.group_id in audience.group_ids)
    ) and space.pk not in standing(user).suspended


def is_moderator(user: Any, space: Any) -> bool:
    if not isinstance(space, Space):
        return False
    return SpaceMember.objects.filter(space=space, user=user, role=SpaceRole.MODERATOR).exists()


def may_edit_post(user: Any, post: Any) -> bool:
    return (
        isinstance(post, Post)
        and post.author_id == user.pk
        and not post.thread.space.is_archived
        and may_post(user, post.thread.space)
    )


def may_accept(user: Any, thread: Any) -> bool:
    return isinstance(thread, Thread) and (
        thread.author_id == user.pk or is_moderator(user, thread.space)
    )


def may_flag(user: Any, post: Any) -> bool:
    return (
        isinstance(post, Post)
        and post.author_id != user.pk
        and post.thread.space_id not in standing(user).suspended
    )


def register_rules() -> None:
    hooks.PERMISSION_RULES.register(hooks.PermissionRule("post", Space, may_post))
    hooks.PERMISSION_RULES.register(hooks.PermissionRule("moderate", Space, is_moderator))
    hooks.PERMISSION_RULES.register(hooks.PermissionRule("edit", Post, may_edit_post))
    hooks.PERMISSION_RULES.register(hooks.PermissionRule("accept", Thread, may_accept))
    hooks.PERMISSION_RULES.register(hooks.PermissionRule("flag", Post, may_flag))
