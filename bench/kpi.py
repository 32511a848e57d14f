"""Time `kundresa kpi` on a 10-million-row sales export against four baselines, in one run.

    .venv/bin/python bench/kpi.py [--rows N] [--repeat N]

Writes bench/out/sales_<N>.csv once (a Nordic Excel export: `;`, decimal comma, UTF-8),
then runs, each in its own process so that peak memory is measured apart, round-robin:

- floor: a plain DuckDB scan of the same file (count, sum of amounts, first and last date),
  the least any tool must do to read it;
- expert DuckDB: the single query an expert would write by hand for the same exact figures
  (orders grouped, then customers), with the file's format given rather than detected;
- Polars: the same as a lazy CSV scan with two group-bys (`pip install -e '.[bench]'`);
- kundresa: `kundresa kpi FILE --format json --no-cache`, every SPEC metric and the
  cohort table, read from the file;
- kundresa first: the same with the cache, emptied before each run (read and kept);
- kundresa again, kundresa again --by month: the same once more, from the cache;
- pandas: the script a user would write (pyarrow engine), for the same metrics.

The cache is bench/out/cache (KUNDRESA_CACHE_DIR), never the user's.

It prints the times, the peak memory of each and kundresa's ratio to every baseline, and
checks that every baseline agrees with kundresa on the core figures to the last digit.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
SRC = HERE.parent / "src"
CACHE = OUT / "cache"

FLOOR = """
import sys, duckdb
con = duckdb.connect()
con.execute("SET enable_progress_bar = false")
print(con.execute(
    "SELECT count(*), sum(Belopp), min(Orderdatum), max(Orderdatum) FROM read_csv(?, "
    "delim=';', header=true, decimal_separator=',')", [sys.argv[1]]).fetchall())
"""

EXPERT = """
import json, sys, duckdb
con = duckdb.connect()
con.execute("SET enable_progress_bar = false")
con.execute(\"\"\"CREATE TEMP TABLE orders AS
    SELECT Ordernummer AS o, "Kund-ID" AS c, min(Orderdatum) FILTER (Belopp >= 0) AS d,
           sum(Belopp) AS amount, count(*) FILTER (Belopp >= 0) > 0 AS is_order
    FROM read_csv(?, delim=';', header=true, decimal_separator=',',
                  columns={'Ordernummer': 'BIGINT', 'Kund-ID': 'BIGINT', 'Orderdatum': 'DATE',
                           'Belopp': 'DECIMAL(18,2)', 'Evenemang': 'VARCHAR', 'Kanal': 'VARCHAR'})
    GROUP BY ALL\"\"\", [sys.argv[1]])
start, end = con.execute("SELECT min(d), max(d) FROM orders WHERE is_order").fetchone()
days = (end - start).days + 1
half = days // 2
row = con.execute(\"\"\"
    WITH customers AS (
        SELECT c, count(*) FILTER (is_order) AS n, sum(amount) AS amount,
               datediff('day', min(d), max(d)) AS span,
               bool_or(d < $start + $half::INTEGER) AS early,
               bool_or(d >= $start + $half::INTEGER) AS late
        FROM orders GROUP BY c)
    SELECT count(*), sum(n), sum(amount), count(*) FILTER (n >= 2), sum(span),
           count(*) FILTER (early), count(*) FILTER (early AND NOT late)
    FROM customers\"\"\", {"start": start, "half": half}).fetchone()
customers, orders, revenue, repeaters, span, early, churned = row
cells = con.execute("SELECT count(*) FROM (SELECT DISTINCT c, date_trunc('month', d) FROM orders "
                    "WHERE is_order)").fetchone()[0]
print(json.dumps({"customers": customers, "orders": int(orders), "revenue": str(revenue),
                  "repeat_rate": repeaters / customers, "avg_lifespan_days": int(span) / customers,
                  "churn_rate": churned / early, "cohort_cells": cells}))
"""

POLARS = """
import json, sys
import polars as pl

raw = pl.scan_csv(sys.argv[1], separator=";", decimal_comma=True,
                  schema_overrides={"Orderdatum": pl.Date, "Belopp": pl.Decimal(18, 2)})
orders = (raw.group_by("Ordernummer", "Kund-ID")
          .agg(pl.col("Orderdatum").filter(pl.col("Belopp") >= 0).min().alias("d"),
               pl.col("Belopp").sum().alias("amount"),
               (pl.col("Belopp") >= 0).any().alias("is_order"))
          .collect())
real = orders.filter("is_order")
start, end = real["d"].min(), real["d"].max()
days = (end - start).days + 1
cut = start + __import__("datetime").timedelta(days=days // 2)
per = orders.group_by("Kund-ID").agg(
    pl.col("is_order").sum().alias("n"), pl.col("amount").sum().alias("amount"),
    (pl.col("d").max() - pl.col("d").min()).dt.total_days().alias("span"),
    (pl.col("d") < cut).any().alias("early"), (pl.col("d") >= cut).any().alias("late"))
customers = per.height
early = per.filter("early")
cells = real.select("Kund-ID", pl.col("d").dt.truncate("1mo")).unique().height
print(json.dumps({"customers": customers, "orders": int(per["n"].sum()),
                  "revenue": str(per["amount"].sum()),
                  "repeat_rate": per.filter(pl.col("n") >= 2).height / customers,
                  "avg_lifespan_days": int(per["span"].fill_null(0).sum()) / customers,
                  "churn_rate": early.filter(~pl.col("late")).height / early.height,
                  "cohort_cells": cells}))
"""

PANDAS = """
import json, sys
import pandas as pd

df = pd.read_csv(sys.argv[1], sep=";", decimal=",", engine="pyarrow")
df["Orderdatum"] = pd.to_datetime(df["Orderdatum"], format="%Y-%m-%d")
orders = df[df["Belopp"] >= 0]
start, end = orders["Orderdatum"].min(), orders["Orderdatum"].max()
window_days = (end - start).days + 1
customers = df["Kund-ID"].nunique()
n_orders = orders["Ordernummer"].nunique()
revenue = df["Belopp"].sum()
per = orders.groupby("Kund-ID").agg(
    n=("Ordernummer", "nunique"), first=("Orderdatum", "min"), last=("Orderdatum", "max"))
repeat = (per["n"] >= 2).sum() / customers
lifespan = (per["last"] - per["first"]).dt.days.sum() / customers
half = start + pd.Timedelta(days=window_days // 2)
first_half = set(orders.loc[orders["Orderdatum"] < half, "Kund-ID"])
second_half = set(orders.loc[orders["Orderdatum"] >= half, "Kund-ID"])
churn = len(first_half - second_half) / len(first_half)
months = orders.assign(m=orders["Orderdatum"].dt.to_period("M"))[["Kund-ID", "m"]].drop_duplicates()
months["cohort"] = months.groupby("Kund-ID")["m"].transform("min")
cohorts = months.groupby(["cohort", "m"]).size()
aov = revenue / n_orders
print(json.dumps({"customers": int(customers), "orders": int(n_orders),
                  "revenue": round(float(revenue), 2), "repeat_rate": float(repeat),
                  "avg_lifespan_days": float(lifespan), "churn_rate": churn,
                  "clv": float(aov * n_orders / customers * lifespan / window_days),
                  "cohort_cells": int(len(cohorts))}))
"""


def generate(rows: int) -> Path:
    """Write the sales export once; DuckDB writes it in seconds rather than minutes."""
    path = OUT / f"sales_{rows}.csv"
    if path.exists():
        return path
    import duckdb

    OUT.mkdir(parents=True, exist_ok=True)
    customers = max(rows // 10, 1)
    tmp = path.with_suffix(".tmp")
    con = duckdb.connect()
    con.execute("SET enable_progress_bar = false")
    con.execute(
        f"""COPY (
            SELECT 100000 + i * 2 // 3 AS Ordernummer,
                   100000 + hash(i * 2 // 3) % {customers} AS "Kund-ID",
                   strftime(DATE '2024-01-01' + CAST(hash(i * 2 // 3 + 7) % 730 AS INTEGER),
                            '%Y-%m-%d') AS Orderdatum,
                   replace(printf('%.2f', CASE WHEN i % 100 = 0 THEN -1 ELSE 1 END
                                          * (50 + (hash(i) % 200000) / 100.0)), '.', ',')
                       AS Belopp,
                   'Konsert ' || (hash(i * 2 // 3 + 3) % 40) AS Evenemang,
                   ['Webb', 'App', 'Kassa'][CAST(1 + hash(i) % 3 AS BIGINT)] AS Kanal
            FROM range({rows}) t(i)
        ) TO '{tmp}' (FORMAT csv, DELIMITER ';', HEADER)"""
    )
    tmp.replace(path)
    return path


def timed(name: str, argv: list[str]) -> tuple[float, float, str]:
    """Run `argv`; return wall seconds, peak memory (MB, from the kernel) and its stdout."""
    env = {**os.environ, "PYTHONPATH": str(SRC), "KUNDRESA_CACHE_DIR": str(CACHE)}
    if name == "kundresa-first":
        shutil.rmtree(CACHE, ignore_errors=True)
    start = time.perf_counter()
    out_path = OUT / f"{name}.out"
    with out_path.open("wb") as out:
        process = subprocess.Popen(argv, stdout=out, stderr=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"{name} exited {code}")
    return seconds, usage.ru_maxrss / 1024, out_path.read_text(encoding="utf-8")


CORE = ("customers", "orders", "revenue", "repeat_rate", "avg_lifespan_days", "churn_rate")


def agrees(mine: object, theirs: object) -> bool:
    """Tell whether two figures are the same to the last digit (floats to 1e-12, relative)."""
    if isinstance(mine, int | str) and isinstance(theirs, int | str):
        return Decimal(str(mine)) == Decimal(str(theirs))
    a, b = float(mine), float(theirs)  # type: ignore[arg-type]
    return abs(a - b) <= 1e-12 * max(1.0, abs(b))


def main() -> None:
    """Generate the file, time the contenders round-robin, print the figures and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs of each")
    args = parser.parse_args()
    path = generate(args.rows)
    size = path.stat().st_size / 1e6
    print(f"{path.relative_to(HERE.parent)}: {args.rows:,} rows, {size:,.0f} MB")
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    python = sys.executable
    command = [python, "-m", "kundresa", "kpi", str(path), "--format", "json"]
    contenders = {
        "floor": [python, "-c", FLOOR, str(path)],
        "expert DuckDB": [python, "-c", EXPERT, str(path)],
        "Polars": [python, "-c", POLARS, str(path)],
        "kundresa": [*command, "--no-cache"],
        "kundresa first": command,
        "kundresa again": command,
        "again --by month": [*command, "--by", "month"],
        "pandas": [python, "-c", PANDAS, str(path)],
    }
    runs: dict[str, list[tuple[float, float, str]]] = {name: [] for name in contenders}
    # Round-robin, best of N: a change in the machine's load falls on every contender.
    for _ in range(args.repeat):
        for name, argv in contenders.items():
            runs[name].append(timed("-".join(name.lower().split()[:2]), argv))
    results = {name: min(times, key=lambda r: r[0]) for name, times in runs.items()}
    ours = results["kundresa"][0]
    for name, (seconds, peak, _) in results.items():
        ours_too = name.startswith(("kundresa", "again"))
        ratio = "" if ours_too else f"   kundresa / {name} = {ours / seconds:.2f}x"
        print(f"  {name:14} {seconds:6.2f} s   peak {peak:6.0f} MB{ratio}")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print("targets: kundresa <= 1.25x expert DuckDB, <= 1.0x Polars, peak < 1 GB")
    first = results["kundresa first"][0]
    for name in ("kundresa again", "again --by month"):
        print(f"  {name} / kundresa first = {results[name][0] / first:.2f}x (target <= 0.3x)")
    mine = json.loads(results["kundresa"][2])["metrics"]
    for name in ("kundresa first", "kundresa again"):
        same = json.loads(results[name][2])["metrics"] == mine
        print(f"  {name:14} figures {'identical' if same else 'DIFFER'} to kundresa --no-cache")
    for name in ("expert DuckDB", "Polars", "pandas"):
        theirs = json.loads(results[name][2])
        for key in CORE:
            verdict = "ok" if agrees(mine[key], theirs[key]) else "DIFFERS"
            print(f"  {name:14} {key:18} {mine[key]!s:>22} {theirs[key]!s:>22}  {verdict}")


if __name__ == "__main__":
    main()
