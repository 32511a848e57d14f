"""The cohort table: customers by first-purchase month, and who buys in each month since."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

from kundresa.kpi.result import Cohort

if TYPE_CHECKING:
    import duckdb


def cohorts(
    con: duckdb.DuckDBPyConnection, orders: str, *, customers: str | None = None
) -> list[Cohort]:
    """Return, per first-purchase month, the share of the cohort buying in each month.

    Read from every sale of the order rows `orders`, whatever `--from/--to`, so that the
    table is the same however it is asked for. A month after the export's last month has
    not been observed: its cell is None, not 0. With `customers`, the pass over the sales
    also keeps that table: each customer's orders (each one row: `unique_orders`),
    revenue and first and last purchase day, for `segment_metrics`.
    """
    # Each customer's months with a purchase, as bits from the export's first month: one
    # group per customer rather than one per customer and month; then each cohort's count
    # of buyers `k` months on, one sum per `k`.
    month = _months_since_1970("day")
    bought = "status = 'sale' AND customer_id IS NOT NULL"
    span = con.execute(
        f"SELECT min({month}), max({month}) FROM {orders} WHERE {bought} AND order_rows > 0"
    ).fetchone()
    if span is None or span[0] is None:
        return []
    first, spanned = int(span[0]), int(span[1]) - int(span[0]) + 1
    index = f"{month} - {first}"
    purchase = "FILTER (WHERE order_rows > 0)"
    if spanned <= _WORD:
        # The bits in a 128-bit number, shifted to start at the customer's cohort.
        bits, bit = f"bit_or(CAST(1 AS HUGEINT) << ({index})) {purchase}", "(months >> {k}) & 1"
        months = "months >> cohort"
    else:
        bits, months = f"bitstring_agg({index}, 0, {spanned - 1}) {purchase}", "months"
        bit = f"CASE WHEN cohort + {{k}} < {spanned} THEN get_bit(months, cohort + {{k}}) END"
    figures = f"count(*) {purchase} AS orders, sum(revenue) AS revenue, " if customers else ""
    last = f"max(day) {purchase} AS last_day, " if customers else ""
    grouped = (
        f"SELECT customer_id, {figures}min(day) {purchase} AS first_day, {last}{bits} AS months "
        f"FROM {orders} WHERE {bought} GROUP BY customer_id"
    )
    # The cohort is the first purchase's month, worked out once per customer, not per row.
    cohort = f"CAST({_months_since_1970('first_day')} - {first} AS INTEGER)"
    per_customer = f"SELECT *, {cohort} AS cohort FROM ({grouped})"
    if customers:
        con.execute(f"CREATE OR REPLACE TEMP TABLE {customers} AS {per_customer}")
        per_customer = f"SELECT * FROM {customers}"
    sums = ", ".join(f"sum(CAST({bit.format(k=k)} AS INTEGER))" for k in range(spanned))
    rows = con.execute(
        f"""SELECT cohort, {sums} FROM (
            SELECT cohort, {months} AS months FROM ({per_customer}) WHERE cohort IS NOT NULL)
        GROUP BY cohort ORDER BY cohort"""
    ).fetchall()
    # Cohorts and months are counted from the export's first month; the cohort `c` has been
    # observed for `spanned - c` months.
    width = max((spanned - int(row[0]) for row in rows), default=0)
    out = []
    for cohort, size, *later in rows:
        buyers = [size, *later][: spanned - cohort]
        cells: list[Decimal | None] = [Decimal(n) / size for n in buyers]
        cells += [None] * (width - len(cells))
        out.append(Cohort(_month(first + cohort).strftime("%Y-%m"), size, cells))
    return out


def _months_since_1970(day: str) -> str:
    """Return SQL of the number of the month of the date `day`, counted from January 1970."""
    return f"date_diff('month', DATE '1970-01-01', {day})"


#: The longest span of months whose bits fit in a 128-bit number, less its sign bit.
_WORD = 127


def _month(index: int) -> dt.date:
    """Return the first day of the month `index` months after January 1970."""
    return dt.date(1970 + index // 12, index % 12 + 1, 1)
