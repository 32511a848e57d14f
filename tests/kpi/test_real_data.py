"""kundresa's metrics on real purchases agree with an independent computation.

The data is the CDNOW master file (69,659 purchases by 23,570 customers of an online CD
shop, January 1997 to June 1998; Fader and Hardie), shipped inside the `lifetimes`
package. The reference below is plain Python with `Decimal`, written from SPEC section 6
without any of kundresa's code.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pytest

from kundresa.kpi import compute_kpis


def cdnow() -> Path:
    spec = importlib.util.find_spec("lifetimes")  # found, not imported: only its data is used
    if spec is None or not spec.submodule_search_locations:
        pytest.skip("the lifetimes package (test extra) is not installed")
    return Path(spec.submodule_search_locations[0]) / "datasets" / "CDNOW_master.txt"


def cdnow_nordic(path: Path) -> Path:
    """Write the CDNOW purchases as a Nordic export: `;`, decimal comma, 20250301 dates."""
    rows = [line.split() for line in cdnow().read_text(encoding="ascii").splitlines()[1:]]
    body = [f"{c};{d};{a.replace('.', ',')}" for c, d, _cds, a in rows]
    path.write_text("\n".join(["Kund-ID;Datum;Belopp", *body]) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def purchases() -> list[tuple[str, dt.date, Decimal]]:
    rows = []
    for line in cdnow().read_text(encoding="ascii").splitlines()[1:]:
        customer, day, _cds, amount = line.split()
        rows.append((customer, dt.datetime.strptime(day, "%Y%m%d").date(), Decimal(amount)))
    assert len(rows) == 69_659
    return rows


@pytest.fixture(scope="module")
def export(purchases, tmp_path_factory) -> Path:
    """The same purchases as a shop would export them: `;`, decimal comma, 19970101 dates."""
    path = tmp_path_factory.mktemp("cdnow") / "cdnow.csv"
    lines = ["Kund-ID;Datum;Belopp"]
    lines += [f"{c};{d:%Y%m%d};{str(a).replace('.', ',')}" for c, d, a in purchases]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def reference(purchases):
    """Compute SPEC 6's sales metrics the plain way."""
    orders = [(c, d, a) for c, d, a in purchases if a >= 0]
    start, end = min(d for _, d, _ in orders), max(d for _, d, _ in orders)
    days = (end - start).days + 1
    per: dict[str, list[dt.date]] = defaultdict(list)
    for customer, day, _ in orders:
        per[customer].append(day)
    customers = len({c for c, _, _ in purchases})
    revenue = sum((a for _, _, a in purchases), Decimal(0))
    spans = sum((max(ds) - min(ds)).days for ds in per.values())
    boundary = start + dt.timedelta(days=days // 2)
    base = [c for c, ds in per.items() if min(ds) < boundary]
    churned = [c for c in base if max(per[c]) < boundary]
    aov = revenue / len(orders)
    frequency = Decimal(len(orders)) / customers
    lifespan = Decimal(spans) / customers
    return {
        "window": (start, end),
        "customers": customers,
        "orders": len(orders),
        "revenue": revenue,
        "aov": aov,
        "purchase_frequency": frequency,
        "repeat_rate": Decimal(sum(len(ds) >= 2 for ds in per.values())) / customers,
        "avg_lifespan_days": lifespan,
        "clv": aov * frequency * lifespan / days,
        "historic_clv": revenue / customers,
        "churn_rate": Decimal(len(churned)) / len(base),
    }


def reference_cohorts(purchases, end: dt.date) -> dict[str, list[Decimal | None]]:
    def index(day: dt.date) -> int:
        return day.year * 12 + day.month - 1

    months: dict[str, set[int]] = defaultdict(set)
    for customer, day, amount in purchases:
        if amount >= 0:
            months[customer].add(index(day))
    cohorts: dict[int, list[set[int]]] = defaultdict(list)
    for bought in months.values():
        cohorts[min(bought)].append(bought)
    width = max(index(end) - first + 1 for first in cohorts)
    table = {}
    for first, members in sorted(cohorts.items()):
        cells: list[Decimal | None] = []
        for k in range(width):
            if first + k > index(end):
                cells.append(None)
            else:
                cells.append(Decimal(sum(first + k in m for m in members)) / len(members))
        table[f"{first // 12}-{first % 12 + 1:02d}"] = cells
    return table


def test_sales_metrics_match_an_independent_computation(purchases, export):
    expected = reference(purchases)
    result = compute_kpis(sales=export)
    assert result.warnings == []
    assert (result.window.start, result.window.end) == expected.pop("window")
    assert result.metrics["customers"] == 23_570
    for name, value in expected.items():
        assert result.metrics[name] == pytest.approx(value, rel=Decimal("1e-20")), name
    assert result.metrics["revenue"] == expected["revenue"]  # exact, to the cent


def test_cohort_retention_matches(purchases, export):
    result = compute_kpis(sales=export)
    expected = reference_cohorts(purchases, result.window.end)
    assert {c.month: c.retention for c in result.cohorts} == expected
    # CDNOW customers all first bought in January-March 1997: three cohorts, 18 months.
    assert len(result.cohorts) == 3
    assert result.cohorts[0].retention[17] is not None


def test_monthly_revenue_matches(purchases, export):
    expected: dict[str, Decimal] = defaultdict(Decimal)
    for _, day, amount in purchases:
        expected[f"{day:%Y-%m}"] += amount
    months = compute_kpis(sales=export).months
    assert {m.month: m.revenue for m in months} == expected
