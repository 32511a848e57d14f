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
    by: str | None, start: dt.date | None, end: dt.date | None, *, by_order: bool = False
) -> Callable[[str, Mapping[str, str]], str]:
    """Return the aggregation that reads parsed sales rows into one row per order.

    Rows outside `--from/--to` are left out; unreadable rows are only counted (`bad_rows`,
    in the row whose customer is NULL). With `by_order` (and no breakdown) the rows are
    grouped by order id alone, a cheaper key, keeping the lowest and highest customer id so
    that an order id shared by two customers can be noticed (`customer_hi`).
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
        customer = f"CASE WHEN {good} THEN customer_id END AS customer_id"
        customer_hi = "NULL AS customer_hi"
        if by_order and by in {None, "cohort"} and "order_id" in columns:
            customer = f"min(customer_id) FILTER (WHERE {good}) AS customer_id"
            customer_hi = f"max(customer_id) FILTER (WHERE {good}) AS customer_hi"
        keys = f"""CASE WHEN {good} THEN {segment} END AS seg,
               CASE WHEN {good} THEN {first} END AS seg_start,"""
        if by is None or by == "cohort":
            # No breakdown while reading: no segment columns, which would only cost memory
            # (`_rows` names the one segment itself).
            keys = ""
        return f"""
        SELECT {keys}
               {customer}, {customer_hi},
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
    unique_orders: bool = True  # no order id was read with two customers

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


def shared_order_ids(con: duckdb.DuckDBPyConnection) -> bool:
    """Return True when an order id was read with two customer ids (grouped by order)."""
    row = con.execute(
        "SELECT count(*) FROM sales WHERE customer_hi IS NOT NULL AND customer_hi <> customer_id"
    ).fetchone()
    return bool(row and row[0])


#: Cohort months are kept as bits of one 128-bit integer per customer, so windows up to this
#: many months long take the quick path.
_BIT_MONTHS = 126


def overall(con: duckdb.DuckDBPyConnection, scope: Scope) -> tuple[dict[str, Value], list[Cohort]]:
    """Return the metrics without a breakdown and the cohorts, from one table per customer.

    The table has one row per order (or per customer and day without order ids), so a
    customer's orders are counted without DISTINCT, and the months each customer bought in
    are kept as bits for the cohort table.
    """
    window = scope.window
    start_month = window.start.replace(day=1)
    last = _months(start_month, window.end)
    if not scope.one_row_per_order or last > _BIT_MONTHS:
        metrics = segment_metrics(con, scope).get("all", _empty(window))
        return metrics, cohorts(con, scope)
    orders = "count(*) FILTER (WHERE order_rows > 0)" if scope.order_ids else "sum(order_rows)"
    total = orders
    if scope.order_ids and not scope.unique_orders:
        total = "count(DISTINCT order_key) FILTER (WHERE order_rows > 0)"
    month = f"date_diff('month', DATE '{start_month}', first_day)"
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE customers AS
        SELECT customer_id, {orders} AS orders, min(first_day) AS first_day,
               max(last_day) AS last_day,
               bit_or(CASE WHEN order_rows > 0 THEN 1::HUGEINT << {month} END) AS months
        FROM sales WHERE customer_id IS NOT NULL GROUP BY customer_id"""
    )
    half = window.days // 2
    boundary = f"DATE '{window.start + dt.timedelta(days=half)}'"
    row = con.execute(
        f"""SELECT count(*), count(*) FILTER (WHERE orders >= 2),
               sum(coalesce(date_diff('day', first_day, last_day), 0)),
               count(*) FILTER (WHERE first_day < {boundary}),
               count(*) FILTER (WHERE first_day < {boundary} AND last_day < {boundary}),
               (SELECT sum(revenue) FROM sales WHERE customer_id IS NOT NULL),
               (SELECT {total} FROM sales WHERE customer_id IS NOT NULL)
        FROM customers"""
    ).fetchone()
    assert row is not None
    customers, repeaters, span, base, churned, revenue, orders_n = row
    metrics = derive(
        customers=int(customers),
        orders=int(orders_n or 0),
        revenue=Decimal(revenue or 0),
        repeaters=int(repeaters),
        span_days=int(span or 0),
        window_days=window.days,
        churn_base=int(base),
        churned=int(churned),
    )
    return metrics, _cohort_table(_month_buyers(con, month, last), start_month, last)


def _month_buyers(
    con: duckdb.DuckDBPyConnection, month: str, last: int
) -> dict[tuple[int, int], int]:
    """Return buyer counts by (cohort month offset, months since) from the month bits.

    One pass over the customers: a sum per month bit, per cohort (no row per customer and
    month, which costs several times more).
    """
    bits = ", ".join(f"sum(((months >> {m}) & 1)::INTEGER)" for m in range(last + 1))
    rows = con.execute(
        f"SELECT {month} AS cohort, {bits} FROM customers WHERE first_day IS NOT NULL "
        "GROUP BY cohort"
    ).fetchall()
    counts: dict[tuple[int, int], int] = {}
    for cohort, *buyers in rows:
        # The sum of bit m is the number of the cohort's customers buying in month m.
        for k, n in enumerate(buyers[cohort:]):
            if n:
                counts[int(cohort), k] = int(n)
    return counts


def _empty(window: Window) -> dict[str, Value]:
    return derive(
        customers=0,
        orders=0,
        revenue=Decimal(0),
        repeaters=0,
        span_days=0,
        window_days=window.days,
        churn_base=0,
        churned=0,
    )


def _cohort_table(
    counts: dict[tuple[int, int], int], start_month: dt.date, last: int
) -> list[Cohort]:
    """Return cohorts from buyer counts by (cohort month offset, months since)."""
    out = []
    for offset in sorted({c for c, k in counts if k == 0}):
        size = counts[offset, 0]
        month = _add_months(start_month, offset)
        cells: list[Decimal | None] = [
            Decimal(counts.get((offset, k), 0)) / size if offset + k <= last else None
            for k in range(last + 1)
        ]
        out.append(Cohort(month.strftime("%Y-%m"), size, cells))
    return out


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


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
    # Grouped by the month's first day, named in Python: no text is made per order.
    rows = con.execute(
        "SELECT date_trunc('month', coalesce(first_day, any_day))::DATE AS m, sum(revenue) "
        "FROM sales WHERE customer_id IS NOT NULL GROUP BY m ORDER BY m"
    ).fetchall()
    return [Month(m.strftime("%Y-%m"), Decimal(revenue)) for m, revenue in rows]
