"""
`__in` on integer columns, safe with numbers no column can hold.

Django turns `pk=99999999999999999999999` into "no row" (its
IntegerFieldOverflow), but not `pk__in=[99999999999999999999999]`: SQLite
raises OverflowError and PostgreSQL "integer out of range", and every
multi-select of the Hub (`ModelMultipleChoiceField` looks its choices up
with `pk__in`) answered such a post with a server error. A value outside
the column's range can match no row: it is left out, and a list of nothing
else matches nothing.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db.models import IntegerField
from django.db.models.lookups import In


class IntegerFieldIn(In):
    def process_rhs(self, compiler: Any, connection: Any) -> Any:
        if self.rhs_is_direct_value():
            internal_type = self.lhs.output_field.get_internal_type()
            low, high = connection.ops.integer_field_range(internal_type)
            self.rhs = [value for value in self.rhs if _within(value, low, high)]
            if not self.rhs:
                raise EmptyResultSet
        return super().process_rhs(compiler, connection)


def _within(value: Any, low: int | None, high: int | None) -> bool:
    if not isinstance(value, int):
        return True
    return (low is None or value >= low) and (high is None or value <= high)


def register() -> None:
    IntegerField.register_lookup(IntegerFieldIn)
