"""Time `kundresa kpi` on a 10-million-row sales export against two baselines, in one run.

    .venv/bin/python bench/kpi.py [--rows N]

Writes bench/out/sales_<N>.csv once (a Nordic Excel export: `;`, decimal comma, UTF-8),
then runs, each in its own process so that peak memory is measured apart:

- kundresa: `kundresa kpi FILE --format json`, every SPEC metric and the cohort table;
- floor: a plain DuckDB scan of the same file (count, sum of amounts, first and last date),
  the least any tool must do to read it;
- pandas: the script a user would write (pyarrow engine), for the same metrics.

It prints the times, kundresa/floor and pandas/kundresa, and the peak memory of each, and
checks that pandas and kundresa agree on the metrics.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
SRC = HERE.parent / "src"

FLOOR = """
import sys, duckdb
con = duckdb.connect()
con.execute("SET enable_progress_bar = false")
print(con.execute(
    "SELECT count(*), sum(Belopp), min(Orderdatum), max(Orderdatum) FROM read_csv(?, "
    "delim=';', header=true, decimal_separator=',')", [sys.argv[1]]).fetchall())
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
    env = {**os.environ, "PYTHONPATH": str(SRC)}
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


def main() -> None:
    """Generate the file, time the three contenders, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs of each")
    args = parser.parse_args()
    path = generate(args.rows)
    size = path.stat().st_size / 1e6
    print(f"{path.relative_to(HERE.parent)}: {args.rows:,} rows, {size:,.0f} MB")
    python = sys.executable
    contenders = {
        "floor (DuckDB scan)": [python, "-c", FLOOR, str(path)],
        "kundresa kpi": [python, "-m", "kundresa", "kpi", str(path), "--format", "json"],
        "pandas (pyarrow)": [python, "-c", PANDAS, str(path)],
    }
    runs: dict[str, list[tuple[float, float, str]]] = {name: [] for name in contenders}
    # Round-robin, best of N: a change in the machine's load falls on every contender.
    for _ in range(args.repeat):
        for name, argv in contenders.items():
            runs[name].append(timed(name.split()[0], argv))
    results = {name: min(times, key=lambda r: r[0]) for name, times in runs.items()}
    for name, (seconds, peak, _) in results.items():
        print(f"  {name:22} {seconds:6.2f} s   peak {peak:6.0f} MB")
    floor, ours, pandas = (results[n][0] for n in contenders)
    print(f"kundresa / floor  = {ours / floor:.2f}x  (target: at most 2x)")
    print(f"pandas / kundresa = {pandas / ours:.2f}x  (target: at least 2x)")
    mine = json.loads(results["kundresa kpi"][2])["metrics"]
    theirs = json.loads(results["pandas (pyarrow)"][2])
    for key in ("customers", "orders", "revenue", "repeat_rate", "avg_lifespan_days", "churn_rate"):
        same = abs(float(mine[key]) - float(theirs[key])) <= 1e-6 * max(1.0, abs(theirs[key]))
        verdict = "ok" if same else "DIFFERS"
        print(f"  {key:18} kundresa {mine[key]!s:>22}  pandas {theirs[key]!s:>22}  {verdict}")


if __name__ == "__main__":
    main()
