"""The text format, for a terminal: each journey's changes by phase and step, and its mean
emotion per phase."""

from __future__ import annotations

from kundresa.diff.records import Change, DiffResult, JourneyDiff
from kundresa.diff.reporters.wording import Group, emotion_table, grouped, phrase, summary

_MARKS = {
    "added": ("+", "32"),
    "removed": ("-", "31"),
    "changed": ("~", "33"),
    "moved": (">", "36"),
    "unreadable": ("!", "1;31"),
}


class _Writer:
    """Collects the lines, with the labels and colour setting every line needs."""

    def __init__(self, result: DiffResult, color: bool) -> None:
        self.result = result
        self.color = color
        self.labels = {"before": result.before, "after": result.after}
        self.lines: list[str] = []

    def change(self, change: Change, indent: int, show_step: bool = True) -> None:
        mark, colour = _MARKS[change.change]
        verb = "" if change.change == "unreadable" else f"{change.change} "
        text = phrase(
            change,
            _quote,
            self.labels,
            self.result.personas,
            show_phase=False,
            show_step=show_step,
        )
        self.lines.append(f"{' ' * indent}{paint(mark, colour, self.color)} {verb}{text}")

    def group(self, group: Group, indent: int) -> None:
        if group.step is None or len(group.changes) == 1:
            for change in group.changes:
                self.change(change, indent)
            return
        self.lines.append(f"{' ' * indent}step {_quote(group.step)}")
        for change in group.changes:
            self.change(change, indent + 2, show_step=False)

    def journey(self, journey: JourneyDiff) -> None:
        self.lines += ["", paint(f"journey {journey.journey}: {journey.title}", "1", self.color)]
        for phase, groups in grouped(journey.changes):
            indent = 2
            if phase is not None:
                self.lines.append(f"  {paint(phase, '1', self.color)}")
                indent = 4
            for group in groups:
                self.group(group, indent)
        self.emotions(journey)

    def emotions(self, journey: JourneyDiff) -> None:
        headers, rows = emotion_table(journey)
        if not rows:
            return
        table = [["phase", *headers], *rows]
        widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
        self.lines.append("  mean emotion per phase, before → after:")
        for row in table:
            cells = "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
            self.lines.append(f"    {cells.rstrip()}")


def render(result: DiffResult, color: bool = False) -> str:
    """Return the diff as lines for a terminal; ANSI colour only when `color`."""
    writer = _Writer(result, color)
    writer.lines.append(paint(summary(result), "1", color))
    for journey in result.journeys:
        writer.journey(journey)
    if result.others:
        writer.lines += ["", paint("touchpoints, personas, settings and files", "1", color)]
        for change in result.others:
            writer.change(change, 2)
    return "".join(line + "\n" for line in writer.lines)


def _quote(text: str) -> str:
    return f'"{" ".join(text.split())}"'


def paint(text: str, code: str, enabled: bool) -> str:
    """Return `text` in an ANSI colour when `enabled`."""
    return f"\x1b[{code}m{text}\x1b[0m" if enabled else text
