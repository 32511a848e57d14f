"""Machine and document output of a KPI result, chosen by name: json, csv and md.

The table format is drawn with rich by the command line, which alone imports rich; these
reporters return text and import nothing heavy.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

from kundresa.kpi.numbers import metric_text, percent
from kundresa.kpi.result import METRICS, KpiResult, number

LABELS = {
    "customers": "Customers",
    "orders": "Orders",
    "revenue": "Revenue",
    "aov": "Average order value",
    "purchase_frequency": "Purchase frequency",
    "repeat_rate": "Repeat rate",
    "avg_lifespan_days": "Average lifespan (days)",
    "clv": "CLV",
    "historic_clv": "Historic CLV",
    "churn_rate": "Churn rate",
    "anonymous_orders": "Orders without a customer",
    "anonymous_revenue": "Revenue without a customer",
    "nps": "NPS",
    "csat": "CSAT",
    "conversion": "Conversion",
}


def to_json(result: KpiResult) -> str:
    """Return the result as JSON: `metrics`, `window`, `breakdown`, `targets` and more."""
    return json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"


def to_csv(result: KpiResult) -> str:
    """Return one row per segment and metric: `segment,metric,value` (`all` for the total)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["segment", "metric", "value"])
    for segment, values in [("all", result.metrics), *result.breakdown.items()]:
        for name in METRICS:
            if name in values:
                value = number(values[name])
                writer.writerow([segment, name, "" if value is None else value])
    return out.getvalue()


def to_md(result: KpiResult) -> str:
    """Return a GitHub-flavoured Markdown report: metrics, targets, breakdown, funnel."""
    lang, cur = result.language, result.currency
    lines = ["## KPIs", ""]
    if result.window:
        lines += [f"Window: {result.window.start} to {result.window.end} "
                  f"({result.window.days} days).", ""]  # fmt: skip
    lines += ["| Metric | Value |", "|---|---:|"]
    lines += [
        f"| {LABELS[n]} | {metric_text(n, result.metrics.get(n), lang, cur)} |" for n in METRICS
    ]
    if result.targets:
        lines += ["", "### Targets", "", "| Journey | KPI | Target | Actual | Status |"]
        lines += ["|---|---|---|---:|---|"]
        for t in result.targets:
            actual = metric_text(t.metric, t.actual, lang, cur)
            status = {True: "met", False: "**missed**", None: "no data"}[t.met]
            lines.append(
                f"| {_cell(t.journey)} | {_cell(t.kpi)} | {t.target} | {actual} | {status} |"
            )
    if result.breakdown:
        names = [n for n in METRICS if any(n in v for v in result.breakdown.values())]
        lines += ["", f"### By {result.by}", ""]
        lines += ["| Segment | " + " | ".join(LABELS[n] for n in names) + " |"]
        lines += ["|---|" + "---:|" * len(names)]
        for segment, values in result.breakdown.items():
            cells = [metric_text(n, values.get(n), lang, cur) for n in names]
            lines.append(f"| {_cell(segment)} | " + " | ".join(cells) + " |")
    if result.funnel:
        lines += ["", "### Funnel", "", "| Step | Count | From previous step |", "|---|---:|---:|"]
        for step in result.funnel:
            share = "–" if step.conversion is None else percent(step.conversion * 100, lang)
            lines.append(f"| {_cell(step.step)} | {step.count} | {share} |")
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ").replace("\r", "")


REPORTERS: dict[str, Callable[[KpiResult], str]] = {"json": to_json, "csv": to_csv, "md": to_md}
