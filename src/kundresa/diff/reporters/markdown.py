"""The md format, for a pull-request comment: a summary line, then per journey a list.

Each journey's changes are listed by phase and step, with the mean emotion per phase as a
small table.

User text is escaped, so a step that contains `*`, `|` or `<` cannot break the comment.
"""

from __future__ import annotations

import re

from kundresa.diff.records import Change, DiffResult, JourneyDiff
from kundresa.diff.reporters.wording import Group, emotion_table, grouped, phrase, summary

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")
#: GitHub refuses a comment longer than 65,536 characters; leave room for the last line.
COMMENT_LIMIT = 64_000
_CHANGE_LINE = re.compile(r"^\s*- (\*\*(added|removed|changed|moved)\*\* |.* cannot be read at )")


def render(result: DiffResult, color: bool = False) -> str:
    """Return the diff as GitHub-flavoured Markdown (`color` is not used)."""
    del color
    labels = {"before": f"`{result.before}`", "after": f"`{result.after}`"}
    out = [f"**kundresa diff** {escape(summary(result))}"]
    for journey in result.journeys:
        out += ["", f"#### {escape(journey.journey)}: {escape(journey.title)}", ""]
        out += _journey(journey, result, labels)
        out += _table(journey)
    if result.others:
        out += ["", "#### Touchpoints, personas, settings and files", ""]
        out += [_item(change, result, labels, 0) for change in result.others]
    return _within_limit(out)


def _within_limit(lines: list[str]) -> str:
    """Join the lines; past the size of a comment, say how many changes are left out."""
    text = "".join(line + "\n" for line in lines)
    if len(text) <= COMMENT_LIMIT:
        return text
    kept: list[str] = []
    size = 0
    for line in lines:
        if size + len(line) + 1 > COMMENT_LIMIT:
            break
        kept.append(line)
        size += len(line) + 1
    left = sum(1 for line in lines[len(kept) :] if _CHANGE_LINE.match(line))
    note = (
        f"*… and {left} more change{'s' if left != 1 else ''}: a comment holds no more. "
        "Run `kundresa diff` for the whole list.*"
    )
    return "".join(line + "\n" for line in [*kept, "", note])


def escape(text: str) -> str:
    """Return user text that Markdown shows as it is, on one line."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _journey(journey: JourneyDiff, result: DiffResult, labels: dict[str, str]) -> list[str]:
    lines = []
    for phase, groups in grouped(journey.changes):
        depth = 0
        if phase is not None:
            lines.append(f"- **{escape(phase)}**")
            depth = 1
        for group in groups:
            lines += _group(group, result, labels, depth)
    return lines


def _group(group: Group, result: DiffResult, labels: dict[str, str], depth: int) -> list[str]:
    if group.step is None or len(group.changes) == 1:
        return [_item(change, result, labels, depth) for change in group.changes]
    head = f"{'  ' * depth}- step {_quote(group.step)}"
    return [head] + [_item(c, result, labels, depth + 1, show_step=False) for c in group.changes]


def _item(
    change: Change,
    result: DiffResult,
    labels: dict[str, str],
    depth: int,
    show_step: bool = True,
) -> str:
    verb = "" if change.change == "unreadable" else f"**{change.change}** "
    text = phrase(change, _quote, labels, result.personas, show_phase=False, show_step=show_step)
    return f"{'  ' * depth}- {verb}{text}"


def _table(journey: JourneyDiff) -> list[str]:
    headers, rows = emotion_table(journey)
    if not rows:
        return []
    lines = [
        "",
        "Mean emotion per phase, before → after:",
        "",
        "| Phase | " + " | ".join(escape(h) for h in headers) + " |",
        "|---|" + "---|" * len(headers),
    ]
    for phase, *cells in rows:
        lines.append(f"| {escape(phase)} | " + " | ".join(cells) + " |")
    return lines


def _quote(text: str) -> str:
    return f"“{escape(text)}”"
