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
from kundresa.kpi.result import Cohort, Month, Value, Window, ratio

if TYPE_CHECKING:
    import duckdb

#: `--by` choices, and the SQL of a row's segment while reading: its name, or the first
#: day of its period (a date groups faster than its name, given in `segment_metrics`).
SEGMENTS = ("event", "channel", "month", "quarter", "cohort")
_READ_SEGMENT = {
    "event": "coalesce(event, '(none)')",
    "channel": "coalesce(channel, '(none)')",
    "month": "date_trunc('month', day)::DATE",
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
               customer_id, order_key, date_trunc('month', day)::DATE AS month, day,
               CASE WHEN order_rows > 0 THEN day END AS order_day, order_rows, revenue
        FROM {orders}"""


_DIMENSIONS = ("event", "channel")


@dataclass(frozen=True)
class Scope:
    """The window, whether orders have ids, and whether each is one row (`OrderFacts`)."""

    window: Window
    order_ids: bool
    unique_orders: bool


@dataclass(frozen=True)
class Overall:
    """The figures of every sale in the export (no `--from/--to`, no `--by`)."""

    window: Window
    metrics: dict[str, Value]
    months: list[Month]


@dataclass(frozen=True)
class OrderFacts:
    """What the order rows say whatever the window and segment, kept with them in the cache.

    `unique_orders`: no two rows with a purchase share an order id, so that each order is
    one row in any window and segment, and is counted without grouping by its id.
    `overall`: the figures without `--from/--to`, None when no order can be read; a run
    from the cache takes them as they are.
    """

    unique_orders: bool
    cohorts: list[Cohort]
    overall: Overall | None


def order_facts(
    con: duckdb.DuckDBPyConnection,
    orders: str,
    columns: Mapping[str, str],
    *,
    overall: bool = True,
) -> OrderFacts:
    """Return the facts of the order rows `orders` (the table `order_rows` makes).

    The `overall` figures are measured only when asked for, from the view `sales` of
    every sale (`sales_view`), which is left behind.
    """
    order_ids = "order_id" in columns
    unique = order_ids and _unique_orders(con, orders)
    # When each order is one row, one pass per customer gives the cohorts and the overall
    # figures' per-customer part alike.
    customers = "sales_customers" if overall and unique else None
    found = cohorts(con, orders, customers=customers)
    if not overall:
        return OrderFacts(unique, found, None)
    con.execute(sales_view(orders, columns, None, None, None))
    window = find_window(con, None, None)
    if window is None:
        return OrderFacts(unique, found, None)
    scope = Scope(window, order_ids, unique_orders=unique)
    metrics = segment_metrics(con, scope, customers=customers if found else None)
    return OrderFacts(unique, found, Overall(window, metrics.get("all", {}), months(con)))


def _unique_orders(con: duckdb.DuckDBPyConnection, orders: str) -> bool:
    # Ids that read as numbers from a short range, as order numbers usually do, are
    # distinct when their numbers are: one bit for each number of the range marks them.
    # Distinct hashes prove distinct ids too. Either may miss distinct ids (`7` and `07`,
    # two ids sharing a hash); then the answer is only False, and orders are grouped by id.
    number = "TRY_CAST(order_key AS BIGINT)"
    bought = f"FROM {orders} WHERE status = 'sale' AND order_rows > 0"
    row = con.execute(f"SELECT min({number}), max({number}), count({number}), count(*) {bought}")
    low, high, numbers, count = row.fetchone() or (None, None, 0, 0)
    if numbers == count and low is not None and high - low < _DENSE_IDS:
        sql = f"SELECT bit_count(bitstring_agg({number}, {low}, {high})) {bought}"
    else:
        sql = f"SELECT count(DISTINCT hash(order_key)) {bought}"
    found = con.execute(sql).fetchone()
    return bool(found and found[0] == count)


#: The widest range of order numbers proved distinct by a bit for each (16 MB).
_DENSE_IDS = 1 << 27


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
    uses the sales that have one. Each segment's window is joined to its few rows of
    totals, not carried on every order row. `customers` names a table of each customer's
    figures over every sale, measured already (`cohorts`), for the overall figures.
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
    measured = (
        f"SELECT seg, customer_id, {customer_orders} AS orders, sum(revenue) AS revenue, "
        "min(first_day) AS first_day, max(last_day) AS last_day "
        "FROM per_order WHERE customer_id IS NOT NULL GROUP BY seg, customer_id"
    )
    if customers:
        measured = f"SELECT 'all' AS seg, * EXCLUDE (months, cohort) FROM {customers}"
    early = f"date_diff('day', ws, first_day) < {_HALF}"
    sql = f"""{_rows(scope, by)},
    per_order AS {per_order},
    totals AS (
        SELECT seg, sum(revenue) AS revenue, {counted()} AS orders,
               sum(revenue) FILTER (WHERE customer_id IS NULL) AS anonymous_revenue,
               {counted("customer_id IS NULL")} AS anonymous_orders
        FROM per_order GROUP BY seg),
    customers AS ({measured}),
    by_segment AS (
        SELECT seg, count(*) AS customers, count(*) FILTER (WHERE orders >= 2) AS repeaters,
               sum(orders) AS customer_orders, sum(revenue) AS customer_revenue,
               sum(coalesce(date_diff('day', first_day, last_day), 0)) AS span_days,
               count(*) FILTER (WHERE {early}) AS churn_base,
               count(*) FILTER (WHERE {early} AND date_diff('day', ws, last_day) < {_HALF})
                   AS churned
        FROM customers JOIN bounds USING (seg) GROUP BY seg)
    SELECT label, ws, we, revenue, orders, coalesce(customers, 0), coalesce(repeaters, 0),
           coalesce(customer_orders, 0), coalesce(customer_revenue, 0), coalesce(span_days, 0),
           coalesce(churn_base, 0), coalesce(churned, 0), coalesce(anonymous_orders, 0),
           coalesce(anonymous_revenue, 0)
    FROM totals JOIN bounds USING (seg) LEFT JOIN by_segment USING (seg) ORDER BY label"""
    out: dict[str, dict[str, Value]] = {}
    for row in con.execute(sql).fetchall():
        seg, ws, we, revenue, orders_n, *counts = row
        customers, repeaters, c_orders, c_revenue, span, base, churned, a_orders, a_rev = counts
        out[str(seg)] = derive(
            Sales(
                orders=int(orders_n),
                revenue=Decimal(revenue or 0),
                customers=int(customers),
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
    month = "date_diff('month', DATE '1970-01-01', day)"
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
    figures = (
        f"count(*) {purchase} AS orders, sum(revenue) AS revenue, "
        f"min(day) {purchase} AS first_day, max(day) {purchase} AS last_day, "
        if customers
        else ""
    )
    per_customer = (
        f"SELECT customer_id, {figures}{bits} AS months, CAST(min({index}) {purchase} AS INTEGER)"
        f" AS cohort FROM {orders} WHERE {bought} GROUP BY customer_id"
    )
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


#: The longest span of months whose bits fit in a 128-bit number, less its sign bit.
_WORD = 127


def _month(index: int) -> dt.date:
    """Return the first day of the month `index` months after January 1970."""
    return dt.date(1970 + index // 12, index % 12 + 1, 1)


def months(con: duckdb.DuckDBPyConnection) -> list[Month]:
    """Return revenue per calendar month in the window, each sale in its own date's month."""
    rows = con.execute(
        "SELECT month, sum(revenue) FROM sales WHERE state = 'in' GROUP BY month ORDER BY month"
    ).fetchall()
    return [Month(m.strftime("%Y-%m"), Decimal(revenue)) for m, revenue in rows]
