"""The `table` format of `kundresa kpi`: rich tables on stdout, figures in the project's
language and currency."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from kundresa.kpi.formats import LABELS
from kundresa.kpi.numbers import metric_text, percent
from kundresa.kpi.result import METRICS, KpiResult

_PER_TABLE = 4
_STATUS = {True: "[green]met[/]", False: "[bold red]missed[/]", None: "[yellow]no data[/]"}


def print_tables(result: KpiResult) -> None:
    """Print the metrics, the targets, the breakdown and the funnel as tables."""
    console = Console()
    lang, cur = result.language, result.currency
    title = "KPIs"
    if result.window:
        title += f" {result.window.start} – {result.window.end} ({result.window.days} days)"
    table = Table(title=title, title_justify="left")
    table.add_column("Metric")
    table.add_column("Value", justify="right")
    for name in METRICS:
        table.add_row(LABELS[name], metric_text(name, result.metrics.get(name), lang, cur))
    console.print(table)
    if result.targets:
        targets = Table(title="Targets", title_justify="left")
        for heading in ("Journey", "KPI", "Target", "Actual", "Status"):
            targets.add_column(heading, justify="right" if heading == "Actual" else "left")
        for t in result.targets:
            actual = metric_text(t.metric, t.actual, lang, cur)
            targets.add_row(escape(t.journey), escape(t.kpi), t.target, actual, _STATUS[t.met])
        console.print(targets)
    if result.breakdown:
        names = [n for n in METRICS if any(n in v for v in result.breakdown.values())]
        segments = list(result.breakdown.items())
        # Metrics as rows and a few segments as columns keep the table readable on 80 columns.
        for i in range(0, len(segments), _PER_TABLE):
            part = segments[i : i + _PER_TABLE]
            breakdown = Table(title=f"By {result.by}", title_justify="left")
            breakdown.add_column("Metric")
            for segment, _ in part:
                breakdown.add_column(escape(segment), justify="right", overflow="fold")
            for name in names:
                cells = [metric_text(name, values.get(name), lang, cur) for _, values in part]
                breakdown.add_row(LABELS[name], *cells)
            console.print(breakdown)
    if result.funnel:
        funnel = Table(title="Funnel", title_justify="left")
        funnel.add_column("Step")
        funnel.add_column("Count", justify="right")
        funnel.add_column("From previous", justify="right")
        for step in result.funnel:
            share = "–" if step.conversion is None else percent(step.conversion * 100, lang)
            funnel.add_row(escape(step.step), str(step.count), share)
        console.print(funnel)
