"""Sales metrics of SPEC section 6 in DuckDB SQL, over the table `reader` loaded.

Every query reads the loaded table, never the file again. Counts and sums come from SQL
(exact DECIMAL for money); the ratios are taken in Python with `Decimal`, so the
definitions read the same here as in the SPEC.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from kundresa.kpi.result import Cohort, Month, Value, Window, ratio

if TYPE_CHECKING:
    import duckdb

#: `--by` choices, and the SQL naming each row's segment.
SEGMENTS = {
    "event": "coalesce(event, '(none)')",
    "channel": "coalesce(channel, '(none)')",
    "month": "strftime(day, '%Y-%m')",
    "quarter": "strftime(day, '%Y') || '-Q' || quarter(day)",
    "cohort": "coalesce(strftime(first_day, '%Y-%m'), '(none)')",
}
# Month and quarter segments each have their own window: the part of the period in scope.
_PERIOD = {"month": "month", "quarter": "quarter"}
# The first half of a window is its first floor(window_days / 2) days.
_HALF = "(date_diff('day', ws, we) + 1) // 2"


@dataclass(frozen=True)
class Scope:
    """Which rows count: the window, and whether orders are counted by order id."""

    window: Window
    order_ids: bool

    def where(self) -> str:
        """Return the SQL condition that selects the readable rows in the window."""
        return (
            f"problem IS NULL AND day BETWEEN DATE '{self.window.start}' "
            f"AND DATE '{self.window.end}'"
        )


def find_window(
    con: duckdb.DuckDBPyConnection, start: dt.date | None, end: dt.date | None
) -> Window | None:
    """Return the window: first to last order date in scope, unless `--from/--to` set it."""
    bounds = ["problem IS NULL"]
    if start:
        bounds.append(f"day >= DATE '{start}'")
    if end:
        bounds.append(f"day <= DATE '{end}'")
    where = " AND ".join(bounds)
    row = con.execute(
        "SELECT coalesce(min(day) FILTER (WHERE amount >= 0), min(day)), "
        "coalesce(max(day) FILTER (WHERE amount >= 0), max(day)) "
        f"FROM sales WHERE {where}"
    ).fetchone()
    first, last = (row[0], row[1]) if row else (None, None)
    first, last = start or first, end or last
    if first is None or last is None:
        return None
    return Window(first, last)


def _base(scope: Scope, by: str | None) -> str:
    """Return the CTEs that select the rows in scope with their segment and its window."""
    key = "order_id" if scope.order_ids else "NULL"
    segment = SEGMENTS[by] if by else "'all'"
    start, end = f"DATE '{scope.window.start}'", f"DATE '{scope.window.end}'"
    ws, we = start, end
    if by in _PERIOD:
        unit = _PERIOD[by]
        ws = f"greatest(date_trunc('{unit}', day)::DATE, {start})"
        we = f"least((date_trunc('{unit}', day) + INTERVAL 1 {unit} - INTERVAL 1 day)::DATE, {end})"
    firsts = ""
    source = "sales"
    if by == "cohort":
        firsts = (
            f", firsts AS (SELECT customer_id, min(day) FILTER (WHERE amount >= 0) AS first_day "
            f"FROM sales WHERE {scope.where()} GROUP BY customer_id)"
        )
        source = "sales JOIN firsts USING (customer_id)"
    return (
        f"WITH base AS (SELECT 1){firsts}, scope AS ("
        f"SELECT {segment} AS seg, customer_id, {key} AS order_key, day, amount, "
        f"amount >= 0 AS is_order, {ws} AS ws, {we} AS we FROM {source} WHERE {scope.where()})"
    )


def segment_metrics(
    con: duckdb.DuckDBPyConnection, scope: Scope, by: str | None = None
) -> dict[str, dict[str, Value]]:
    """Return the sales metrics of each segment (`all` when `by` is None)."""
    orders = (
        "count(DISTINCT order_key) FILTER (WHERE is_order)"
        if scope.order_ids
        else "count(*) FILTER (WHERE is_order)"
    )
    sql = f"""{_base(scope, by)},
    seg_totals AS (
        SELECT seg, any_value(ws) AS ws, any_value(we) AS we, sum(amount) AS revenue,
               {orders} AS orders
        FROM scope GROUP BY seg),
    customers AS (
        SELECT seg, customer_id, {orders} AS orders,
               date_diff('day', min(day) FILTER (WHERE is_order),
                                max(day) FILTER (WHERE is_order)) AS span,
               bool_or(is_order AND date_diff('day', ws, day) < {_HALF}) AS first_half,
               bool_or(is_order AND date_diff('day', ws, day) >= {_HALF}) AS second_half
        FROM scope GROUP BY seg, customer_id),
    seg_customers AS (
        SELECT seg, count(*) AS customers, count(*) FILTER (WHERE orders >= 2) AS repeaters,
               sum(coalesce(span, 0)) AS span_days,
               count(*) FILTER (WHERE first_half) AS churn_base,
               count(*) FILTER (WHERE first_half AND NOT second_half) AS churned
        FROM customers GROUP BY seg)
    SELECT seg, ws, we, revenue, orders, customers, repeaters, span_days, churn_base, churned
    FROM seg_totals JOIN seg_customers USING (seg) ORDER BY seg"""
    out: dict[str, dict[str, Value]] = {}
    for row in con.execute(sql).fetchall():
        seg, ws, we, revenue, orders_n, customers, repeaters, span, base, churned = row
        days = (we - ws).days + 1
        out[str(seg)] = derive(
            customers=int(customers),
            orders=int(orders_n),
            revenue=Decimal(revenue),
            repeaters=int(repeaters),
            span_days=int(span),
            window_days=days,
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

    A month after the window's last month has not been observed: its cell is None, not 0.
    """
    rows = con.execute(
        f"""WITH months AS (
            SELECT DISTINCT customer_id, date_trunc('month', day)::DATE AS month
            FROM sales WHERE {scope.where()} AND amount >= 0),
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


def months(con: duckdb.DuckDBPyConnection, scope: Scope) -> list[Month]:
    """Return revenue and orders per calendar month in the window."""
    orders = (
        "count(DISTINCT order_id) FILTER (WHERE amount >= 0)"
        if scope.order_ids
        else "count(*) FILTER (WHERE amount >= 0)"
    )
    rows = con.execute(
        f"SELECT strftime(day, '%Y-%m') AS m, sum(amount), {orders} FROM sales "
        f"WHERE {scope.where()} GROUP BY m ORDER BY m"
    ).fetchall()
    return [Month(str(m), Decimal(revenue), int(n)) for m, revenue, n in rows]
