"""Sales metrics of SPEC section 6 in DuckDB SQL.

The export is read once (`order_rows`): its rows are aggregated on the fly into one row
per customer, order and day, so the file is never stored row by row; `sales_view` gives
those rows their window and segment for this run, and everything else reads that view.
Counts and sums come from SQL (exact DECIMAL for money); the ratios are taken in Python
with `Decimal`, so the definitions read the same here as in the SPEC.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from kundresa.errors import InputError
from kundresa.kpi.result import Month, Value, Window, ratio

if TYPE_CHECKING:
    import duckdb

#: `--by` choices, and the SQL of a row's segment while reading: its name, or the first
#: day of its period (a date groups faster than its name, given in `segment_metrics`).
SEGMENTS = ("event", "channel", "month", "quarter", "cohort")
#: The first day of a row's month: `date_trunc('month', day)::DATE` in half the time.
_MONTH = "day - (dayofmonth(day) - 1)::INTEGER"
_READ_SEGMENT = {
    "event": "coalesce(event, '(none)')",
    "channel": "coalesce(channel, '(none)')",
    "month": _MONTH,
    "quarter": "date_trunc('quarter', day)::DATE",
}
_PERIOD = {"month": "1 month", "quarter": "3 months"}
#: A period's name, from its first day `seg`.
_LABEL = {
    "month": "strftime(seg, '%Y-%m')",
    "quarter": "strftime(seg, '%Y') || '-Q' || quarter(seg)",
}
# The first half of a window is its first floor(window_days / 2) days.
_HALF = "(date_diff('day', ws, we) + 1) // 2"


def order_rows(keep: frozenset[str]) -> Callable[[str, Mapping[str, str]], str]:
    """Return the aggregation that reads parsed sales rows into one row per order and day.

    Each row of the table has a `status`: `sale`, `bad` (unreadable rows, only counted),
    or why a row is not data (`summary`, `excluded`, `blank`, ...; only counted). Sales are
    keyed by customer, order and day (and the breakdown columns in `keep`), so that the
    table does not depend on `--by`, `--from` or `--to`: `sales_view` reads it for any of
    them, and the cache keeps it.
    """

    def shape(select: str, columns: Mapping[str, str]) -> str:
        # Without order ids every row is an order: rows of a customer on one day are grouped,
        # which keeps the dates the cohorts and the monthly revenue need.
        key = "order_id" if "order_id" in columns else "CAST(day AS VARCHAR)"
        status = "coalesce(skipped, CASE WHEN problem IS NOT NULL THEN 'bad' ELSE 'sale' END)"
        sale = "status = 'sale'"
        dims = [name for name in _DIMENSIONS if name in keep and name in columns]
        keys = ", ".join(
            [f"CASE WHEN {sale} THEN {name} END AS {name}" for name in dims]
            + [
                f"CASE WHEN {sale} THEN customer_id END AS customer_id",
                f"CASE WHEN {sale} THEN {key} END AS order_key",
                f"CASE WHEN {sale} THEN day END AS day",
            ]
        )
        grouped = ", ".join(["status", *dims, "customer_id", "order_key", "day"])
        # `rows` counts the group's rows of the file, which all have the group's status.
        return f"""
        SELECT {grouped}, count(*) FILTER (WHERE amount >= 0) AS order_rows,
               sum(amount) AS revenue, count(*) AS rows
        FROM (SELECT status, {keys}, amount
              FROM (SELECT *, {status} AS status FROM ({select})))
        GROUP BY {grouped}"""

    return shape


def sales_view(
    orders: str,
    columns: Mapping[str, str],
    by: str | None,
    start: dt.date | None,
    end: dt.date | None,
) -> str:
    """Return the SQL creating the view `sales` of the order rows `orders` for this run.

    Each row gets its `state`: `in` (sales in `--from/--to`), `out` (sales outside it),
    or the status of rows that are not sales (`bad`, `summary`, ...); its segment; its
    `order_day` when it holds a purchase; and its calendar month, so that a refund counts
    in the month of its own date.

    Raises:
        InputError: `by` names a breakdown column the export does not have.
    """
    if by in _DIMENSIONS and by not in columns:
        raise InputError(
            f"cannot break down by {by}: the sales export has no {by} column",
            hint=f"map it with --column {by}=HEADER",
        )
    segment = _READ_SEGMENT.get(by or "", "'all'")
    bounds = ["TRUE"]
    if start:
        bounds.append(f"day >= DATE '{start}'")
    if end:
        bounds.append(f"day <= DATE '{end}'")
    sale = "status = 'sale'"
    return f"""CREATE OR REPLACE TEMP VIEW sales AS
        SELECT CASE WHEN NOT {sale} THEN status WHEN {" AND ".join(bounds)} THEN 'in'
                    ELSE 'out' END AS state,
               CASE WHEN {sale} THEN {segment} END AS seg,
               customer_id, order_key, {_MONTH} AS month, day,
               CASE WHEN order_rows > 0 THEN day END AS order_day, order_rows, revenue
        FROM {orders}"""


_DIMENSIONS = ("event", "channel")


@dataclass(frozen=True)
class Scope:
    """The window, whether orders have ids, and whether each is one row (`facts.OrderFacts`)."""

    window: Window
    order_ids: bool
    unique_orders: bool


def find_window(
    con: duckdb.DuckDBPyConnection, start: dt.date | None, end: dt.date | None
) -> Window | None:
    """Return the window: first to last order date in scope, unless `--from/--to` set it."""
    row = con.execute(
        "SELECT coalesce(min(order_day), min(day)), coalesce(max(order_day), max(day)) "
        "FROM sales WHERE state = 'in'"
    ).fetchone()
    first, last = (row[0], row[1]) if row else (None, None)
    first, last = start or first, end or last
    if first is None or last is None:
        return None
    return Window(first, last)


def _rows(scope: Scope, by: str | None) -> str:
    """Return the CTEs of sales in scope with their segment (`o`), and of each segment's
    window (`bounds`), which a period's segment makes shorter."""
    start, end = f"DATE '{scope.window.start}'", f"DATE '{scope.window.end}'"
    # The view names each sale's segment for `--by`; the overall figures are one segment,
    # named without a look at the rows.
    segment, ws, we, join = ("'all'" if by is None else "seg"), start, end, ""
    segments = "'all' AS seg" if by is None else "DISTINCT seg FROM o"
    if by in _PERIOD:
        ws = f"greatest(seg, {start})"
        we = f"least((seg + INTERVAL {_PERIOD[by]} - INTERVAL 1 day)::DATE, {end})"
    elif by == "cohort":
        # A customer's cohort is the month of the first purchase in the whole export, so
        # that it is the same whatever the window.
        segment = "coalesce(strftime(cohort_day, '%Y-%m'), '(none)')"
        join = (
            " LEFT JOIN (SELECT customer_id, min(order_day) AS cohort_day FROM sales "
            "WHERE state IN ('in', 'out') AND customer_id IS NOT NULL GROUP BY customer_id) "
            "USING (customer_id)"
        )
    return (
        f"WITH o AS NOT MATERIALIZED (SELECT {segment} AS seg, customer_id, order_key, "
        "order_day AS first_day, order_day AS last_day, order_rows, revenue "
        f"FROM sales{join} WHERE state = 'in'), "
        f"bounds AS (SELECT seg, {_LABEL.get(by or '', 'seg')} AS label, {ws} AS ws, {we} AS we "
        f"FROM (SELECT {segments}))"
    )


def segment_metrics(
    con: duckdb.DuckDBPyConnection,
    scope: Scope,
    by: str | None = None,
    *,
    customers: str | None = None,
) -> dict[str, dict[str, Value]]:
    """Return the sales metrics of each segment (`all` when `by` is None).

    Sales without a customer id count in revenue and orders; every per-customer figure
    uses the sales that have one. `customers` names a table of each customer's figures
    over every sale, measured already (`cohorts.cohorts`), for the overall figures.
    """
    out: dict[str, dict[str, Value]] = {}
    for row in con.execute(_segment_sql(scope, by, customers)).fetchall():
        seg, ws, we, revenue, orders_n, *counts = row
        customers_n, repeaters, c_orders, c_revenue, span, base, churned, a_orders, a_rev = counts
        out[str(seg)] = derive(
            Sales(
                orders=int(orders_n),
                revenue=Decimal(revenue or 0),
                customers=int(customers_n),
                customer_orders=int(c_orders),
                customer_revenue=Decimal(c_revenue),
                repeaters=int(repeaters),
                span_days=int(span),
                window_days=(we - ws).days + 1,
                churn_base=int(base),
                churned=int(churned),
                anonymous_orders=int(a_orders),
                anonymous_revenue=Decimal(a_rev),
            )
        )
    return out


def _segment_sql(scope: Scope, by: str | None, customers: str | None) -> str:
    """Return the query of `segment_metrics`: one row of counts and sums per segment.

    Each segment's window is joined to its few rows of figures, not carried on every
    order row.
    """

    # Each order once per segment and customer (its days summed) before counting, so that
    # a customer's orders need no DISTINCT; the total does, as two customers may share an
    # order id. When each order is one row, its rows are its orders already.
    def counted(where: str = "TRUE") -> str:
        """Return the count of orders among the rows `where` selects."""
        if not scope.order_ids:
            return f"coalesce(sum(order_rows) FILTER (WHERE {where}), 0)"
        if scope.unique_orders:
            return f"count(*) FILTER (WHERE order_rows > 0 AND {where})"
        return f"count(DISTINCT order_key) FILTER (WHERE order_rows > 0 AND {where})"

    per_order = (
        "MATERIALIZED (SELECT seg, customer_id, order_key, sum(revenue) AS revenue, "
        "min(first_day) AS first_day, max(last_day) AS last_day, "
        "sum(order_rows) AS order_rows FROM o GROUP BY seg, customer_id, order_key)"
    )
    if scope.order_ids and scope.unique_orders:
        per_order = "NOT MATERIALIZED (SELECT * FROM o)"
    # Per customer each order is one row of `per_order` already.
    customer_orders = (
        "count(*) FILTER (WHERE order_rows > 0)" if scope.order_ids else "sum(order_rows)"
    )
    # When each order is one row, the groups of each customer, and of each segment's sales
    # without a customer, add up to the segment's totals: no second pass over the orders.
    summed = customers is None and (scope.unique_orders or not scope.order_ids)
    measured = (
        f"SELECT seg, customer_id, {customer_orders} AS orders, sum(revenue) AS revenue, "
        "min(first_day) AS first_day, max(last_day) AS last_day FROM per_order "
        f"{'' if summed else 'WHERE customer_id IS NOT NULL '}GROUP BY seg, customer_id"
    )
    if customers:
        measured = f"SELECT 'all' AS seg, * EXCLUDE (months, cohort) FROM {customers}"
    early = f"date_diff('day', ws, first_day) < {_HALF}"
    late = f"date_diff('day', ws, last_day) < {_HALF}"
    known = "customer_id IS NOT NULL"
    totals = f"""totals AS (
        SELECT seg, sum(revenue) AS revenue, {counted()} AS orders,
               sum(revenue) FILTER (WHERE customer_id IS NULL) AS anonymous_revenue,
               {counted("customer_id IS NULL")} AS anonymous_orders
        FROM per_order GROUP BY seg),"""
    summed_totals = (
        "sum(revenue) AS revenue, sum(orders) AS orders, "
        "sum(revenue) FILTER (WHERE customer_id IS NULL) AS anonymous_revenue, "
        "sum(orders) FILTER (WHERE customer_id IS NULL) AS anonymous_orders,"
    )
    return f"""{_rows(scope, by)},
    per_order AS {per_order},
    {"" if summed else totals}
    customers AS ({measured}),
    by_segment AS (
        SELECT seg, {summed_totals if summed else ""}
               count(customer_id) AS customers,
               count(customer_id) FILTER (WHERE orders >= 2) AS repeaters,
               sum(orders) FILTER (WHERE {known}) AS customer_orders,
               sum(revenue) FILTER (WHERE {known}) AS customer_revenue,
               sum(coalesce(date_diff('day', first_day, last_day), 0)) FILTER (WHERE {known})
                   AS span_days,
               count(customer_id) FILTER (WHERE {early}) AS churn_base,
               count(customer_id) FILTER (WHERE {early} AND {late}) AS churned
        FROM customers JOIN bounds USING (seg) GROUP BY seg)
    SELECT label, ws, we, revenue, orders, coalesce(customers, 0), coalesce(repeaters, 0),
           coalesce(customer_orders, 0), coalesce(customer_revenue, 0), coalesce(span_days, 0),
           coalesce(churn_base, 0), coalesce(churned, 0), coalesce(anonymous_orders, 0),
           coalesce(anonymous_revenue, 0)
    FROM {"by_segment" if summed else "totals"} JOIN bounds USING (seg)
    {"" if summed else "LEFT JOIN by_segment USING (seg)"} ORDER BY label"""


@dataclass(frozen=True)
class Sales:
    """The counts and sums the sales metrics are taken from."""

    orders: int
    revenue: Decimal
    customers: int
    customer_orders: int
    customer_revenue: Decimal
    repeaters: int
    span_days: int
    window_days: int
    churn_base: int
    churned: int
    anonymous_orders: int = 0
    anonymous_revenue: Decimal = Decimal(0)


def derive(sales: Sales) -> dict[str, Value]:
    """Return the sales metrics from the counts and sums, by the SPEC's definitions."""
    historic = ratio(sales.customer_revenue, sales.customers)
    lifespan = ratio(sales.span_days, sales.customers)
    clv = None
    if historic is not None and lifespan is not None and sales.window_days > 0:
        clv = historic * lifespan / sales.window_days
    return {
        "customers": sales.customers,
        "orders": sales.orders,
        "revenue": sales.revenue,
        "aov": ratio(sales.revenue, sales.orders),
        "purchase_frequency": ratio(sales.customer_orders, sales.customers),
        "repeat_rate": ratio(sales.repeaters, sales.customers),
        "avg_lifespan_days": lifespan,
        "clv": clv,
        "historic_clv": historic,
        "churn_rate": ratio(sales.churned, sales.churn_base),
        "anonymous_orders": sales.anonymous_orders,
        "anonymous_revenue": sales.anonymous_revenue,
    }


def months(con: duckdb.DuckDBPyConnection) -> list[Month]:
    """Return revenue per calendar month in the window, each sale in its own date's month."""
    rows = con.execute(
        "SELECT month, sum(revenue) FROM sales WHERE state = 'in' GROUP BY month ORDER BY month"
    ).fetchall()
    return [Month(m.strftime("%Y-%m"), Decimal(revenue)) for m, revenue in rows]
