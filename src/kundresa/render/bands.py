"""Cut a journey's steps into bands that fit the width of an A3 landscape page.

A band holds at most `BAND_STEPS` steps: whole phases while they fit, and a phase longer
than a band in pieces (marked as continued). Each band has its own emotion chart.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from kundresa.models import Journey, Phase
from kundresa.render import charts
from kundresa.render.views import Band, PhaseSpan, PhaseView, StepView

#: Steps per band: 8 columns of 10.5rem beside the lane names fit 400 mm of A3 paper.
BAND_STEPS = 8


def columns(phase: Phase) -> int:
    """Return how many columns a phase takes: one per step, and one when it has none."""
    return len(phase.steps) or 1


def cut_bands(
    journey: Journey,
    steps: Sequence[StepView],
    inputs: Sequence[charts.SeriesInput],
    t: Mapping[str, str],
    faded: Sequence[charts.SeriesInput] = (),
) -> list[Band]:
    """Cut the columns into bands: whole phases while they fit, long phases in pieces.

    `steps` and each series in `inputs` have one entry per column (see `columns`).
    """
    ranges: list[tuple[int, int]] = []
    start = 0
    phase_starts: list[int] = []
    for phase in journey.phases:
        phase_starts.append(start)
        start += columns(phase)
    cuts = [0]
    for begin, phase in zip(phase_starts, journey.phases, strict=True):
        end = begin + columns(phase)
        if end - cuts[-1] > BAND_STEPS and begin > cuts[-1]:
            cuts.append(begin)
        while end - cuts[-1] > BAND_STEPS:
            cuts.append(cuts[-1] + BAND_STEPS)
    total = len(steps)
    ranges = [(a, b) for a, b in zip(cuts, [*cuts[1:], total], strict=True) if b > a]
    bands = []
    for number, (a, b) in enumerate(ranges, start=1):
        spans = []
        for p, (begin, phase) in enumerate(zip(phase_starts, journey.phases, strict=True)):
            lo, hi = max(begin, a), min(begin + columns(phase), b)
            if hi > lo:
                spans.append(
                    PhaseSpan(phase.id, phase.name, phase.description, hi - lo, lo > begin, p + 1)
                )
        bands.append(
            Band(
                number,
                b - a,
                spans,
                list(steps[a:b]),
                charts.emotion_chart(inputs, a, b, phase_starts, faded),
                _summary(steps[a:b], t),
            )
        )
    return bands


def phase_views(journey: Journey, steps: Sequence[StepView]) -> list[PhaseView]:
    """Return each phase with its steps, for outputs that list rather than draw the map."""
    views = []
    start = 0
    for number, phase in enumerate(journey.phases, start=1):
        end = start + columns(phase)
        shown = [step for step in steps[start:end] if not step.empty]
        views.append(PhaseView(phase.id, number, phase.name, phase.description, shown))
        start = end
    return views


def _summary(steps: Sequence[StepView], t: Mapping[str, str]) -> str:
    """Return the scores of a band in words: the chart's text alternative."""
    if not steps:
        return ""
    lines = []
    for index, emotion in enumerate(steps[0].emotions):
        scores = []
        for step in steps:
            if step.empty:
                continue
            score = step.emotions[index].score
            said = t["not_given"] if score is None else f"{score} {t['of_5']}"
            scores.append(f"{t['step']} {step.number}: {said}")
        lines.append(f"{emotion.label}: {'; '.join(scores)}.")
    return " ".join(lines)
