"""Sales metrics of SPEC section 6 in DuckDB SQL.

The export is read once (`order_shape`): its rows are aggregated on the fly into one row
per segment, customer and order (per customer and day when there is no order id), so the
file is never stored row by row. Everything else reads that table. Counts and sums come from SQL
(exact DECIMAL for money); the ratios are taken in Python with `Decimal`, so the
definitions read the same here as in the SPEC.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from kundresa.errors import InputError
from kundresa.kpi.result import Cohort, Month, Value, Window, ratio

if TYPE_CHECKING:
    import duckdb

#: `--by` choices: the SQL naming a row's segment while reading, and its first day.
SEGMENTS = ("event", "channel", "month", "quarter", "cohort")
_READ_SEGMENT = {
    "event": ("coalesce(event, '(none)')", "NULL::DATE"),
    "channel": ("coalesce(channel, '(none)')", "NULL::DATE"),
    "month": ("strftime(day, '%Y-%m')", "date_trunc('month', day)::DATE"),
    "quarter": ("strftime(day, '%Y') || '-Q' || quarter(day)", "date_trunc('quarter', day)::DATE"),
}
_PERIOD = {"month": "1 month", "quarter": "3 months"}
# The first half of a window is its first floor(window_days / 2) days.
_HALF = "(date_diff('day', ws, we) + 1) // 2"


def order_shape(
    by: str | None, start: dt.date | None, end: dt.date | None
) -> Callable[[str, Mapping[str, str]], str]:
    """Return the aggregation that reads parsed sales rows into one row per order.

    Rows outside `--from/--to` are left out; unreadable rows are only counted (`bad_rows`,
    in the row whose customer is NULL).
    """

    def shape(select: str, columns: Mapping[str, str]) -> str:
        if by in {"event", "channel"} and by not in columns:
            raise InputError(
                f"cannot break down by {by}: the sales export has no {by} column",
                hint=f"map it with --column {by}=HEADER",
            )
        segment, first = _READ_SEGMENT.get(by or "", ("'all'", "NULL::DATE"))
        # Without order ids every row is an order: rows of a customer on one day are grouped,
        # which keeps the dates the cohorts and the monthly revenue need.
        key = "order_id" if "order_id" in columns else "CAST(day AS VARCHAR)"
        bounds = ["TRUE"]
        if start:
            bounds.append(f"day >= DATE '{start}'")
        if end:
            bounds.append(f"day <= DATE '{end}'")
        good = "problem IS NULL"
        return f"""
        SELECT CASE WHEN {good} THEN {segment} END AS seg,
               CASE WHEN {good} THEN {first} END AS seg_start,
               CASE WHEN {good} THEN customer_id END AS customer_id,
               CASE WHEN {good} THEN {key} END AS order_key,
               min(day) AS any_day,
               min(day) FILTER (WHERE amount >= 0) AS first_day,
               max(day) FILTER (WHERE amount >= 0) AS last_day,
               count(*) FILTER (WHERE amount >= 0) AS order_rows,
               sum(amount) AS revenue,
               count(*) FILTER (WHERE problem IS NOT NULL) AS bad_rows
        FROM ({select})
        WHERE problem IS NOT NULL OR ({" AND ".join(bounds)})
        GROUP BY ALL"""

    return shape


@dataclass(frozen=True)
class Scope:
    """The window, whether orders have ids, and what the table was read by."""

    window: Window
    order_ids: bool
    read_by: str | None

    @property
    def one_row_per_order(self) -> bool:
        """Return True when no order has more than one row in the table for a customer."""
        return self.read_by in {None, "cohort"}


def find_window(
    con: duckdb.DuckDBPyConnection, start: dt.date | None, end: dt.date | None
) -> Window | None:
    """Return the window: first to last order date in scope, unless `--from/--to` set it."""
    row = con.execute(
        "SELECT coalesce(min(first_day), min(any_day)), coalesce(max(last_day), max(any_day)) "
        "FROM sales WHERE customer_id IS NOT NULL"
    ).fetchone()
    first, last = (row[0], row[1]) if row else (None, None)
    first, last = start or first, end or last
    if first is None or last is None:
        return None
    return Window(first, last)


def _rows(scope: Scope, by: str | None) -> str:
    """Return the CTE of orders in scope with their segment and the segment's window."""
    start, end = f"DATE '{scope.window.start}'", f"DATE '{scope.window.end}'"
    segment, ws, we, join = "'all'", start, end, ""
    if by in _PERIOD:
        segment = "seg"
        ws = f"greatest(seg_start, {start})"
        we = f"least((seg_start + INTERVAL {_PERIOD[by]} - INTERVAL 1 day)::DATE, {end})"
    elif by == "cohort":
        segment = "coalesce(strftime(cohort_day, '%Y-%m'), '(none)')"
        join = (
            " LEFT JOIN (SELECT customer_id, min(first_day) AS cohort_day FROM sales "
            "WHERE customer_id IS NOT NULL GROUP BY customer_id) USING (customer_id)"
        )
    elif by is not None:
        segment = "seg"
    return (
        f"WITH o AS (SELECT {segment} AS seg, {ws} AS ws, {we} AS we, customer_id, order_key, "
        f"first_day, last_day, order_rows, revenue FROM sales{join} "
        f"WHERE customer_id IS NOT NULL)"
    )


def segment_metrics(
    con: duckdb.DuckDBPyConnection, scope: Scope, by: str | None = None
) -> dict[str, dict[str, Value]]:
    """Return the sales metrics of each segment (`all` when `by` is None)."""
    if scope.order_ids:
        orders = "count(DISTINCT order_key) FILTER (WHERE order_rows > 0)"
        # One table row per order and customer, unless a breakdown split orders across rows.
        per_customer = (
            "count(*) FILTER (WHERE order_rows > 0)"
            if scope.one_row_per_order or by == scope.read_by
            else orders
        )
    else:
        orders = per_customer = "sum(order_rows)"
    sql = f"""{_rows(scope, by)},
    totals AS (
        SELECT seg, any_value(ws) AS ws, any_value(we) AS we, sum(revenue) AS revenue,
               {orders} AS orders
        FROM o GROUP BY seg),
    customers AS (
        SELECT seg, customer_id, any_value(ws) AS ws, any_value(we) AS we,
               {per_customer} AS orders, min(first_day) AS first_day, max(last_day) AS last_day
        FROM o GROUP BY seg, customer_id),
    by_segment AS (
        SELECT seg, count(*) AS customers, count(*) FILTER (WHERE orders >= 2) AS repeaters,
               sum(coalesce(date_diff('day', first_day, last_day), 0)) AS span_days,
               count(*) FILTER (WHERE date_diff('day', ws, first_day) < {_HALF}) AS churn_base,
               count(*) FILTER (WHERE date_diff('day', ws, first_day) < {_HALF}
                                  AND date_diff('day', ws, last_day) < {_HALF}) AS churned
        FROM customers GROUP BY seg)
    SELECT seg, ws, we, revenue, orders, customers, repeaters, span_days, churn_base, churned
    FROM totals JOIN by_segment USING (seg) ORDER BY seg"""
    out: dict[str, dict[str, Value]] = {}
    for row in con.execute(sql).fetchall():
        seg, ws, we, revenue, orders_n, customers, repeaters, span, base, churned = row
        out[str(seg)] = derive(
            customers=int(customers),
            orders=int(orders_n),
            revenue=Decimal(revenue),
            repeaters=int(repeaters),
            span_days=int(span),
            window_days=(we - ws).days + 1,
            churn_base=int(base),
            churned=int(churned),
        )
    return out


def derive(
    *,
    customers: int,
    orders: int,
    revenue: Decimal,
    repeaters: int,
    span_days: int,
    window_days: int,
    churn_base: int,
    churned: int,
) -> dict[str, Value]:
    """Return the sales metrics from the counts and sums, by the SPEC's definitions."""
    aov = ratio(revenue, orders)
    frequency = ratio(orders, customers)
    lifespan = ratio(span_days, customers)
    clv = None
    if aov is not None and frequency is not None and lifespan is not None and window_days > 0:
        clv = aov * frequency * lifespan / window_days
    return {
        "customers": customers,
        "orders": orders,
        "revenue": revenue,
        "aov": aov,
        "purchase_frequency": frequency,
        "repeat_rate": ratio(repeaters, customers),
        "avg_lifespan_days": lifespan,
        "clv": clv,
        "historic_clv": ratio(revenue, customers),
        "churn_rate": ratio(churned, churn_base),
    }


def cohorts(con: duckdb.DuckDBPyConnection, scope: Scope) -> list[Cohort]:
    """Return, per first-purchase month, the share of the cohort buying in each month.

    An order counts in the month of its first row. A month after the window's last month
    has not been observed: its cell is None, not 0.
    """
    rows = con.execute(
        """WITH months AS (
            SELECT DISTINCT customer_id, date_trunc('month', first_day)::DATE AS month
            FROM sales WHERE customer_id IS NOT NULL AND order_rows > 0),
        firsts AS (SELECT customer_id, min(month) AS cohort FROM months GROUP BY customer_id)
        SELECT cohort, date_diff('month', cohort, month) AS k, count(*) AS buyers
        FROM months JOIN firsts USING (customer_id) GROUP BY ALL ORDER BY cohort, k"""
    ).fetchall()
    last = scope.window.end.replace(day=1)
    sizes: dict[dt.date, int] = {}
    buyers: dict[tuple[dt.date, int], int] = {}
    for cohort, k, count in rows:
        buyers[cohort, int(k)] = int(count)
        if int(k) == 0:
            sizes[cohort] = int(count)
    width = max((_months(c, last) + 1 for c in sizes), default=0)
    out = []
    for cohort, size in sorted(sizes.items()):
        observed = _months(cohort, last) + 1
        cells: list[Decimal | None] = [
            Decimal(buyers.get((cohort, k), 0)) / size if k < observed else None
            for k in range(width)
        ]
        out.append(Cohort(cohort.strftime("%Y-%m"), size, cells))
    return out


def _months(first: dt.date, last: dt.date) -> int:
    return (last.year - first.year) * 12 + last.month - first.month


def months(con: duckdb.DuckDBPyConnection) -> list[Month]:
    """Return revenue per calendar month (of each order's first row) in the window."""
    rows = con.execute(
        "SELECT strftime(coalesce(first_day, any_day), '%Y-%m') AS m, sum(revenue) FROM sales "
        "WHERE customer_id IS NOT NULL GROUP BY m ORDER BY m"
    ).fetchall()
    return [Month(str(m), Decimal(revenue)) for m, revenue in rows]
