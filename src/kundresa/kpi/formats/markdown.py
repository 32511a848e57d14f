"""`--format md`: the KPI report as GitHub-flavoured Markdown tables, in one language."""

from __future__ import annotations

from kundresa.kpi.formats.sheets import Sheet, report_sheets
from kundresa.kpi.result import KpiResult


def to_md(result: KpiResult, language: str, currency: str | None) -> bytes:
    """Return the report's tables as Markdown, the first as `##` and the rest as `###`."""
    sheets = report_sheets(result, language, currency)
    blocks = [_table(sheet, "###" if index else "##") for index, sheet in enumerate(sheets)]
    return ("\n\n".join(blocks) + "\n").encode("utf-8")


def _table(sheet: Sheet, heading: str) -> str:
    align = ["---:" if numeric else "---" for numeric in sheet.numeric]
    rows = [
        f"{heading} {_cell(sheet.title)}",
        "",
        "| " + " | ".join(_cell(h) for h in sheet.headers) + " |",
        "|" + "|".join(align) + "|",
    ]
    rows += ["| " + " | ".join(_cell(c.text) for c in row) + " |" for row in sheet.rows]
    return "\n".join(rows)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ").replace("\r", "")
