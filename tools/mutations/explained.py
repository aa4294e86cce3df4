"""The survivors that are redundant (another check already applies), or not
a visibility check at all, with the reason."""

from __future__ import annotations

# Surviving mutants whose check is redundant (another check already
# applies), or not a visibility check at all, with the reason. Keyed by
# `Mutant.key` (file, function, kind of check, its code, the replacement),
# which does not change when lines move; a key that names no current site is
# reported at each run (`stale_explanations`) and fails the tool's tests.
_V = "alliance87/core/visibility.py"
_P = "alliance87/pathfinders/selectors/detail.py"
_E = "alliance87/events/selectors/record.py"


def _unfiltered(path: str, function: str, model: str) -> str:
    """The key of the mutant that drops `<model>.objects.visible_to(user)`."""
    call = f"{model}.objects.visible_to(user)"
    return f"{path}::{function}::visible_to::{call}::{model}.objects.all()::1"


_ONE_CAMPAIGN = (
    "Redundant on every way out: a campaign's submissions and planned activities are "
    "read only for one campaign (`filter(campaign=...)`: its page, review queue, "
    "calendar and the API's campaign) that was first found through "
    "`Campaign.objects.visible_to` (a hidden campaign answers 404), so this filter asks "
    "again what was asked. It guards a caller that would list them across campaigns; "
    "none does."
)
_C = "alliance87/campaigns/models.py"
_ONE_CAMPAIGN_KEYS = (
    f"{_C}::SubmissionQuerySet.visible_to::filter::self.filter( _reviewed_q(user, "
    "audience), campaign__in=Campaign.objects.visible_to(user) )::self.filter("
    "_reviewed_q(user, audience))::1",
    f"{_C}::SubmissionQuerySet.visible_to::visible_to::Campaign.objects.visible_to(user)"
    "::Campaign.objects.all()::1",
    f"{_C}::PlannedActivityQuerySet.visible_to::filter::self.filter( _reviewed_q(user, "
    "audience), campaign__in=Campaign.objects.visible_to(user), organisation__in="
    "Organisation.objects.visible_to(user), )::self.filter(_reviewed_q(user, audience), "
    "organisation__in=Organisation.objects.visible_to(user))::1",
    f"{_C}::PlannedActivityQuerySet.visible_to::visible_to::Campaign.objects.visible_to("
    "user)::Campaign.objects.all()::1",
)
_SAME_AS_ROADMAP = (
    "Redundant: these rows are read only under a roadmap that `Roadmap.visible_to` has "
    "already let through, and a priority area, action or progress update has no "
    "visibility of its own: its rule is its roadmap's (pathfinder seen, roadmap seen "
    "and adopted, or the user is the country's focal point), the same test again."
)
_SECRETARIAT_RECORDS = (
    "Redundant: only the Secretariat may record an event (`recordable_event` requires "
    "the `record` right, which no rule grants anyone else), and the Secretariat sees "
    "every row; anyone else gets the refusal's 404 before this is read."
)
_AFTER_ROADMAP = (
    " (The roadmap's actions' downloads, `api/opendata/tables.py`, read the roadmap "
    "with `get_roadmap_for_user` first.)"
)
EXPLAINED: dict[str, str] = {
    f"{_V}::is_secretariat::operand::user is not None::True::1": (
        "Redundant on every way out: `audience_for` answers for None itself before it "
        "asks `is_secretariat`, and the other callers pass a request's user (the "
        "middleware tests for None first). It guards direct calls only."
    ),
    f"{_V}::is_secretariat::operand::user.is_authenticated::True::1": (
        "Redundant: an anonymous user is neither active nor staff, so the operands "
        "after it already answer no."
    ),
    f"{_V}::is_secretariat::operand::user.is_active::True::1": (
        "Redundant for visibility: `audience_for` turns an inactive user away before "
        "it asks `is_secretariat`, and no request carries an inactive user (the "
        "authentication backend refuses them: the `inactive` persona, former staff, "
        "checks that). It still matters to the back office's permission backend "
        "(`SecretariatPermissions`), which is not a way out of this matrix."
    ),
    f"{_V}::_signed_in::operand::bool(user.is_authenticated)::True::1": (
        "Redundant: an anonymous user is not active either, so `bool(user.is_active)` "
        "turns it away all the same."
    ),
    f"{_V}::_signed_in::operand::bool(user.is_active)::True::1": (
        "Redundant on every way out: no request carries an inactive user (the "
        "authentication backends drop them from every session: the `inactive` "
        "persona, former staff of the member's organisation, in every matrix group, "
        "checks that), so only a direct call with an inactive user object reaches it; "
        "the community's notifications and digests, which read on people's behalf "
        "(`audiences_for`), choose active accounts only before they ask "
        "(`community/notify`: fanout, digests, base)."
    ),
    f"{_V}::audience_for::condition::cached is not None::False::1": (
        "Not a check: the audience cached on the user object. Without it the audience "
        "is computed again, the same."
    ),
    f"{_V}::_audience::operand::secretariat::False::1": (
        "Redundant: it marks the Secretariat a partner too, but every rule asks "
        "`is_secretariat` first (`visible_q`, `can_see`, the events' and pathfinders' "
        "`visible_to`), so `is_partner` is never read for the Secretariat."
    ),
    f"{_V}::visible_q::operand::audience.group_ids::True::1": (
        "Redundant: with no group, the members clause filters on `<group>__in=[]`, "
        "which matches no row; the test only spares the database that clause."
    ),
    # `actions_visible_to` serves the country page's priorities, the
    # printable roadmap and the actions CSV (after `get_roadmap_for_user`).
    _unfiltered(_P, "actions_visible_to", "ProgressUpdate"): _SAME_AS_ROADMAP + _AFTER_ROADMAP,
    _unfiltered(_P, "actions_visible_to", "Action"): _SAME_AS_ROADMAP + _AFTER_ROADMAP,
    _unfiltered(_P, "_priorities_prefetch", "Action"): _SAME_AS_ROADMAP,
    _unfiltered(_P, "_priorities_prefetch", "PriorityArea"): _SAME_AS_ROADMAP,
    **{
        _unfiltered(_E, "record_page", model): _SECRETARIAT_RECORDS
        for model in ("AgendaItem", "Exchange", "Decision", "ActionItem", "Document")
    },
    _unfiltered(_E, "get_record_row_for_user", "model"): _SECRETARIAT_RECORDS,
    _unfiltered(_P, "get_action_for_user", "Action"): (
        "Redundant: its two callers (`edit_action`, `add_progress`) first require the "
        "right to edit the pathfinder, so only its current focal points and the "
        "Secretariat get here, and both see every action of that pathfinder; anyone "
        "else gets the same 404 either way."
    ),
    **{
        f"alliance87/api/endpoints/records.py::{function}::visible_to::"
        f"{model}.objects.visible_to(caller(request))::{model}.objects.all()::1": (
            "Redundant: its callers, the API's writes of the record's rows "
            "(`record_rows`: agenda items, exchanges, action items), first read the "
            "meeting through `recordable`, which requires the `record` right that only "
            "the Secretariat holds; the Secretariat sees every organisation and person, "
            "so the names it may give are all it could see anyway."
        )
        for function, model in (("organisation", "Organisation"), ("person", "Person"))
    },
    _unfiltered("alliance87/api/endpoints/community_spaces.py", "_linked", "Group"): (
        "Redundant: a space is created or changed through the API by the Secretariat "
        "alone (anyone else is refused first: 403, or 404 for a space they may not "
        "see), and the Secretariat sees every group."
    ),
    _unfiltered("alliance87/api/endpoints/events.py", "close_action_item", "ActionItem"): (
        "Redundant: the item was read through `get_action_item_for_user(user, item_id)` "
        "(its visibility checked, a hidden item answers 404) and the `close` right "
        "required before the write; this reads the same row again to answer with it."
    ),
    **dict.fromkeys(_ONE_CAMPAIGN_KEYS, _ONE_CAMPAIGN),
}
