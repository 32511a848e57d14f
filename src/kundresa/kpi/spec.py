"""What to read: an export's place and how it is written, as configured or given."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kundresa.kpi.notation import DateOrder


@dataclass(frozen=True)
class SourceSpec:
    """An export to read: where it is, how it is named in messages, and how it is written."""

    path: Path
    display: str
    columns: Mapping[str, str] = field(default_factory=dict)
    delimiter: str | None = None
    decimal: str | None = None
    encoding: str | None = None
    date_format: str | None = None
    date_order: DateOrder | None = None
    scale: Mapping[str, int] = field(default_factory=dict)
    sheet: str | None = None
    exclude: Mapping[str, Sequence[str]] = field(default_factory=dict)
    # Set by a preset: the rows to keep, and whether rows without an amount are line items.
    only: Mapping[str, Sequence[str]] = field(default_factory=dict)
    line_items: bool = False


@dataclass(frozen=True)
class ReadOptions:
    """How the files given on the command line are written, when detection is not wanted."""

    delimiter: str | None = None
    decimal: str | None = None
    encoding: str | None = None
    date_format: str | None = None
    sheet: str | None = None
    preset: str | None = None
