"""Presets: how the standard exports of Shopify and Eventbrite are read (SPEC 6.1).

A preset names the export's columns, how its dates are written and which rows are not
sales; anything the user maps or excludes as well comes on top.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from kundresa.errors import ConfigError
from kundresa.kpi.notation import DateOrder

if TYPE_CHECKING:
    from kundresa.kpi.spec import SourceSpec

#: An `exclude:` value that matches any cell that is not blank ("Cancelled at" set).
ANY_VALUE = "*"


@dataclass(frozen=True)
class Preset:
    """The columns, date order and row filters of one system's standard export.

    `only` keeps the rows whose column holds one of the values; `line_items` says that a
    row without an amount continues the order above it (not an unreadable row).
    """

    columns: Mapping[str, str]
    exclude: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    only: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    date_order: DateOrder | None = None
    line_items: bool = False


PRESETS: dict[str, Preset] = {
    # Admin > Orders > Export: one row per line item; the order's Total, Financial Status
    # and Refunded Amount are on its first row only. "Created at" is kept as written.
    "shopify": Preset(
        columns={
            "order_id": "Name",
            "customer_id": "Email",
            "date": "Created at",
            "amount": "Total",
            "refund": "Refunded Amount",
        },
        exclude={"Financial Status": ("voided", "refunded"), "Cancelled at": (ANY_VALUE,)},
        line_items=True,
    ),
    # The attendee report: one row per ticket, its own Total Paid; US month-first dates.
    "eventbrite": Preset(
        columns={
            "order_id": "Order #",
            "customer_id": "Email",
            "date": "Order Date",
            "amount": "Total Paid",
        },
        only={"Attendee Status": ("attending", "checked in")},
        date_order=DateOrder(day_first=False),
    ),
}


def find_preset(name: str, display: str) -> Preset:
    """Return the preset of this name.

    Raises:
        ConfigError: no preset has the name.
    """
    preset = PRESETS.get(name.strip().casefold())
    if preset is None:
        raise ConfigError(
            f"there is no preset '{name}'", hint=f"use {' or '.join(PRESETS)}", path=display
        )
    return preset


def with_preset(spec: SourceSpec, name: str | None) -> SourceSpec:
    """Return the spec read by the named preset; what the spec says itself wins."""
    if name is None:
        return spec
    preset = find_preset(name, spec.display)
    return replace(
        spec,
        columns={**preset.columns, **spec.columns},
        exclude={**preset.exclude, **spec.exclude},
        only=preset.only,
        date_order=spec.date_order or preset.date_order,
        line_items=preset.line_items,
    )
