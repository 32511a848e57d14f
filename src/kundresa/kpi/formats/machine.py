"""The machine outputs of a KPI result: JSON and CSV, in English keys and plain numbers.

They take a language and currency like every reporter, and ignore them: machines read
`0.35`, not `35,0 %`.
"""

from __future__ import annotations

import csv
import io
import json

from kundresa.kpi.result import METRICS, KpiResult, intervals_dict, number


def to_json(result: KpiResult, language: str, currency: str | None) -> bytes:
    """Return the result as JSON: `metrics`, `intervals`, `window`, `breakdown`, `targets`."""
    del language, currency
    return (json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def to_csv(result: KpiResult, language: str, currency: str | None) -> bytes:
    """Return one row per segment and metric: `segment,metric,value,n,low,high`.

    `all` is the total; n, low and high are the 95% interval of NPS and CSAT.
    """
    del language, currency
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["segment", "metric", "value", "n", "low", "high"])
    segments = [("all", result.metrics, result.intervals)]
    segments += [
        (segment, values, result.segment_intervals.get(segment, {}))
        for segment, values in result.breakdown.items()
    ]
    for segment, values, intervals in segments:
        found = intervals_dict(intervals)
        for name in METRICS:
            if name not in values:
                continue
            value = number(values[name])
            bounds = found.get(name, {})
            writer.writerow(
                [segment, name, "" if value is None else value]
                + ["" if bounds.get(k) is None else bounds[k] for k in ("n", "low", "high")]
            )
    return out.getvalue().encode("utf-8")
