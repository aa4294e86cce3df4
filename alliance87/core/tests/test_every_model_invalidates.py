"""Every manager of every Hub model is built on `HubQuerySet`, so that no
bulk write, which sends no signal, can leave a cached page stale."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.db import models

from alliance87.core.invalidation import TableVersion
from alliance87.core.querysets import HubQuerySet

# The counters themselves: a manager that moved a version after each move of
# the version would never stop.
EXEMPT: set[type[models.Model]] = {TableVersion}


def hub_models() -> list[type[models.Model]]:
    """Return every concrete model of the Hub's apps, but the many-to-many
    tables Django creates by itself (their writes send `m2m_changed`)."""
    return [
        model
        for model in apps.get_models()
        if model.__module__.startswith("alliance87.")
        and not model._meta.auto_created
        and model not in EXEMPT
    ]


def test_every_area_has_models_here() -> None:
    labels = {model._meta.app_label for model in hub_models()}
    assert {"core", "countries", "partners", "pathfinders", "events", "groups"} <= labels
    assert {"statements", "applications", "accounts"} <= labels


@pytest.mark.parametrize("model", hub_models(), ids=lambda model: model._meta.label)
def test_every_manager_of_every_model_invalidates_bulk_writes(
    model: type[models.Model],
) -> None:
    assert model._meta.managers, model
    for manager in model._meta.managers:
        queryset_class = type(manager.get_queryset())
        assert issubclass(queryset_class, HubQuerySet), (
            f"{model._meta.label}.{manager.name} returns a {queryset_class.__name__}, "
            "which is not a HubQuerySet: give the model `objects = HubManager()` or "
            "derive its queryset from HubQuerySet."
        )
    assert issubclass(type(model._default_manager.get_queryset()), HubQuerySet)


def test_every_related_manager_invalidates_bulk_writes() -> None:
    """A relation's manager (`group.memberships`, `organisation.themes`)
    is built from the related model's default manager: it invalidates too."""
    checked = 0
    for model in hub_models():
        accessors = [relation.get_accessor_name() for relation in model._meta.related_objects]
        accessors += [field.name for field in model._meta.local_many_to_many]
        for accessor in accessors:
            descriptor = getattr(model, accessor or "", None)
            manager_class = getattr(descriptor, "related_manager_cls", None)
            if manager_class is None:  # one-to-one and hidden relations
                continue
            assert issubclass(manager_class._queryset_class, HubQuerySet), (model, accessor)
            checked += 1
    assert checked > 20
