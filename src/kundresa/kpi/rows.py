"""Rows of an export that are not sales or answers: blank, summary, header, excluded.

Such rows are named in a `skipped` column while the file is read, and counted apart from
the unreadable rows (SPEC 6.1): a `Totalt` line is not a bad row, and `exclude:` or a
preset's filters leave rows out on purpose.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from kundresa.kpi import columns as cols
from kundresa.kpi.notation import text_sql
from kundresa.kpi.presets import ANY_VALUE
from kundresa.kpi.values import literal

if TYPE_CHECKING:
    from kundresa.kpi.spec import SourceSpec

#: Per table of rows: unreadable, summary, excluded and data rows.
ROW_COUNTS = (
    "count(*) FILTER (WHERE problem IS NOT NULL) AS bad_rows, "
    "count(*) FILTER (WHERE skipped = 'summary') AS skipped_rows, "
    "count(*) FILTER (WHERE skipped = 'excluded') AS excluded_rows, "
    "count(*) FILTER (WHERE skipped IS NULL) AS read_rows"
)
#: The same, of a table with a row's `status` and a count of `rows` of the file.
GROUPED_ROW_COUNTS = (
    "sum(rows) FILTER (WHERE status = 'bad'), sum(rows) FILTER (WHERE status = 'summary'), "
    "sum(rows) FILTER (WHERE status = 'excluded'), "
    "sum(rows) FILTER (WHERE status IN ('sale', 'bad'))"
)
#: A row empty in the cells a read looks at, which may have a value in another (`skip_sql`).
UNSEEN = "unseen"
#: A summary row's first cell: Total, Totalt, Summa, Sum, I alt (with or without a colon).
SUMMARY = r"(total|totalt|summa|sum|i alt|totalsum|grand total)\s*:?"


def skip_sql(
    refs: list[str],
    second_header: Sequence[str] | None,
    *,
    filters: Sequence[str] = (),
    line_item: str | None = None,
    seen: Sequence[str] | None = None,
) -> str:
    """Return SQL naming why a row is not a sale or answer, else NULL.

    `summary`, `blank` and `header` rows are not data; `excluded` rows are data that the
    source's filters leave out; a `line item` continues the order above it. With `seen`,
    the only cells a read looks at, a row empty in those is `UNSEEN` rather than blank:
    a read of every cell must tell whether it is.
    """
    first = f"lower({text_sql(refs[0])})"
    cells = ", ".join(f"nullif({text_sql(r)}, '')" for r in seen or refs)
    blank = UNSEEN if seen else "blank"
    # A first cell that begins with a digit (an order number) is no summary, and one that
    # begins with neither a space nor its end is not blank: the cheap tests spare almost
    # every row the pattern and the look at every cell.
    text = f"CAST({refs[0]} AS VARCHAR)"
    digit = f"({text} >= '0' AND {text} < ':')"
    filled = f"coalesce({text} <> '' AND NOT prefix({text}, ' '), false)"
    whens = [
        f"WHEN NOT coalesce({digit}, false) "
        f"AND regexp_full_match(coalesce({first}, ''), '{SUMMARY}') THEN 'summary'",
        f"WHEN NOT {filled} AND coalesce({cells}) IS NULL THEN '{blank}'",
    ]
    if second_header is not None:
        same = [
            f"coalesce({text_sql(r)}, '') = {literal(v.strip())}"
            for r, v in zip(refs, second_header, strict=False)
        ]
        whens.append(f"WHEN {' AND '.join(same)} THEN 'header'")
    if line_item is not None:
        whens.append(f"WHEN nullif({text_sql(line_item)}, '') IS NULL THEN 'line item'")
    whens += [f"WHEN {condition} THEN 'excluded'" for condition in filters]
    return f"CASE {' '.join(whens)} END"


def filter_sql(spec: SourceSpec, headers: Sequence[str], refs: Mapping[str, str]) -> list[str]:
    """Return SQL conditions true for a row that `exclude` (or `only`) leaves out.

    Raises:
        InputError: a filter names a column the file does not have.
    """
    conditions = []
    for rules, keep in ((spec.exclude, False), (spec.only, True)):
        for column, values in rules.items():
            header = cols.match_header(column, headers)
            if header is None:
                raise cols.missing_columns(
                    [("exclude" if not keep else "a filter", column)], headers, spec.display
                )
            cell = f"lower(coalesce({text_sql(refs[header])}, ''))"
            words = ", ".join(literal(v.strip().casefold()) for v in values if v != ANY_VALUE)
            tests = [f"{cell} IN ({words})"] if words else []
            if ANY_VALUE in values:
                tests.append(f"{cell} <> ''")
            matched = " OR ".join(tests) or "FALSE"
            conditions.append(f"NOT ({matched})" if keep else f"({matched})")
    return conditions
