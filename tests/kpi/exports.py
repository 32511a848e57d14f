"""Sales exports for the kpi tests: the hand-computed fixture and a CSV writer."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

#: The hand-computed sales fixture (SPEC 6 definitions worked out in test_metrics.py).
SALES_HEADER = ("order_id", "customer_id", "date", "amount", "event", "channel")
SALES_ROWS: list[tuple[str, ...]] = [
    ("O1", "Åsa", "2025-01-01", "100.00", "Vårkonsert", "web"),
    ("O1", "Åsa", "2025-01-01", "50.00", "Vårkonsert", "web"),  # one order over two rows
    ("O2", "Åsa", "2025-01-08", "1200.00", "Café €uro", "app"),
    ("O3", "Björn", "2025-01-02", "80.00", "Vårkonsert", "web"),
    ("R1", "Björn", "2025-01-03", "-30.00", "Vårkonsert", "web"),  # a refund: not an order
    ("O4", "Cecilia", "2025-01-04", "0.00", "Vårkonsert", "box office"),  # zero-value order
    ("O5", "Dag", "2025-01-07", "120.00", "Café €uro", "app"),  # first buys in 2nd half
    ("O6", "Dag", "2025-01-10", "60.00", "Café €uro", "app"),
    ("O7", "Eva", "2025-01-05", "40.00", "Vårkonsert", "web"),
]


def write_csv(
    path: Path,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    delimiter: str = ",",
    encoding: str = "utf-8",
    newline: str = "\n",
) -> Path:
    """Write a CSV export by hand (quoting only where a delimiter or quote needs it)."""

    def cell(value: str) -> str:
        if delimiter in value or '"' in value or "\n" in value:
            return '"' + value.replace('"', '""') + '"'
        return value

    lines = [delimiter.join(cell(v) for v in row) for row in [header, *rows]]
    path.write_bytes((newline.join(lines) + newline).encode(encoding))
    return path
