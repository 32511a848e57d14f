"""KPI targets such as `>= 35%`: a comparison and a value."""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from pydantic import BaseModel, ConfigDict, model_validator

from kundresa.models.vocabulary import Metric

_TARGET = re.compile(r"^\s*(>=|<=|==|=|>|<|≥|≤)\s*([-+−]?[\d\s ]*[\d][.,]?\d*)\s*(%?)\s*$")
_OPERATORS: dict[str, Callable[[Any, Any], bool]] = {
    ">=": operator.ge,
    "<=": operator.le,
    ">": operator.gt,
    "<": operator.lt,
    "==": operator.eq,
}
_ALIASES = {"=": "==", "≥": ">=", "≤": "<="}


class Target(BaseModel):
    """A KPI target: `op` is one of >=, <=, >, <, ==; `percent` when written with `%`."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    op: str
    value: Decimal
    percent: bool = False

    @model_validator(mode="before")
    @classmethod
    def _parse(cls, data: Any) -> Any:
        if isinstance(data, str):
            return parse_target(data)
        if isinstance(data, int | float):
            # Pydantic reports a ValueError as a validation error; a TypeError would escape.
            raise ValueError(  # noqa: TRY004
                f"a target needs a comparison; write it as a text such as '>= {data}'"
            )
        return data

    def threshold(self, metric: Metric) -> Decimal:
        """Return the value to compare the metric's result with (`35%` of a rate is 0.35)."""
        if self.percent and metric.is_rate:
            return self.value / 100
        return self.value

    def is_met(self, actual: Decimal | float, metric: Metric) -> bool:
        """Return True when `actual` meets the target."""
        return _OPERATORS[self.op](Decimal(str(actual)), self.threshold(metric))

    def __str__(self) -> str:
        return f"{self.op} {self.value}{'%' if self.percent else ''}"


def parse_target(text: str) -> dict[str, Any]:
    """Split `>= 35%` into its parts, or raise ValueError with an example."""
    match = _TARGET.match(text)
    if not match:
        raise ValueError(
            f"'{text}' is not a target; write a comparison and a number, such as '>= 35%' or '< 5'"
        )
    op, number, percent = match.groups()
    number = re.sub(r"[\s ]", "", number).replace(",", ".").replace("−", "-")
    try:
        value = Decimal(number)
    except InvalidOperation as exc:  # pragma: no cover - the pattern admits only numbers
        raise ValueError(f"'{text}' has no number a target can use") from exc
    return {"op": _ALIASES.get(op, op), "value": value, "percent": bool(percent)}
