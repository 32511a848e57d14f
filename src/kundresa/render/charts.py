"""SVG geometry for the emotion curve and the opportunity matrix, computed here, not in Jinja.

Coordinates are in SVG user units. The emotion chart of a band of the map is as wide as
its step columns (`STEP_WIDTH` each, the same width the stylesheet gives a column), so a
point sits under the middle of its step.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

#: Width of one step column, in SVG units and CSS pixels (the stylesheet's 10.5rem).
STEP_WIDTH = 168
CHART_HEIGHT = 144
_PAD = 18
#: How far apart (in SVG units) lines run where several series share a score.
_SPREAD = 3.5
_SCORES = (5, 4, 3, 2, 1)
#: Marker shapes by series, so the lines differ by more than their colour.
_SHAPES = ("circle", "square", "diamond", "triangle")


def shape(index: int) -> str:
    """Return the marker shape of the series at `index`."""
    return _SHAPES[index % len(_SHAPES)]


@cache
def fmt(value: float) -> str:
    """Return a coordinate with at most one decimal, the same on every machine."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def score_y(score: float) -> float:
    """Return the y of an emotion score: 5 at the top, 1 at the bottom."""
    return _PAD + (5 - score) * (CHART_HEIGHT - 2 * _PAD) / 4


@dataclass(frozen=True)
class Marker:
    """One point of a curve: where, which shape, and its text for a tooltip."""

    x: str
    y: str
    shape: str
    points: str
    title: str


@dataclass(frozen=True)
class Curve:
    """The line of one series in one band: its path and its markers."""

    key: str
    series: str
    label: str
    path: str
    markers: list[Marker]


@dataclass(frozen=True)
class Gridline:
    """A horizontal line at one score."""

    score: int
    y: str


@dataclass(frozen=True)
class EmotionChart:
    """The emotion chart of one band: size, gridlines, phase dividers and curves."""

    width: int
    height: int
    gridlines: list[Gridline]
    positive_y: str
    negative_y: str
    zone_height: str
    dividers: list[str]
    curves: list[Curve]
    #: The as-is journey's curves, drawn faded under a future journey's (see asis.py).
    faded: list[Curve] = field(default_factory=list)


@dataclass(frozen=True)
class SeriesInput:
    """The scores of one series across every step of the journey (None where not given)."""

    key: str
    label: str
    scores: Sequence[int | None]
    titles: Sequence[str]


def emotion_chart(
    series: Sequence[SeriesInput],
    start: int,
    stop: int,
    phase_starts: Sequence[int],
    faded: Sequence[SeriesInput] = (),
) -> EmotionChart:
    """Return the chart of steps `start` to `stop` (journey indices, stop excluded).

    A curve continues towards the steps just outside the band and ends at the band's
    edge at that step's height, so bands side by side read as one line and no curve
    runs past the paper's edge when printed.
    """
    width = (stop - start) * STEP_WIDTH
    # Lines that share a score would hide each other: each runs a little above or below.
    offsets = [(i - (len(series) - 1) / 2) * _SPREAD for i in range(len(series))]
    curves = [_curve(index, one, start, stop, offsets[index]) for index, one in enumerate(series)]
    return EmotionChart(
        width=width,
        height=CHART_HEIGHT,
        gridlines=[Gridline(score, fmt(score_y(score))) for score in _SCORES],
        positive_y=fmt(score_y(5) - _PAD / 2),
        negative_y=fmt(score_y(2)),
        zone_height=fmt(score_y(4) - score_y(5) + _PAD / 2),
        dividers=[fmt((i - start) * STEP_WIDTH) for i in phase_starts if start < i < stop],
        curves=curves,
        faded=[
            _curve(i, one, start, stop, offsets[i] if i < len(offsets) else 0, bridge=True)
            for i, one in enumerate(faded)
        ],
    )


def _x(index: int, start: int) -> float:
    return (index - start + 0.5) * STEP_WIDTH


def _curve(
    number: int, series: SeriesInput, start: int, stop: int, offset: float, *, bridge: bool = False
) -> Curve:
    """Return one series' line and markers; with `bridge` the line runs on over gaps."""
    scores = series.scores
    first, last = max(start - 1, 0), min(stop + 1, len(scores))
    path: list[str] = []
    previous: tuple[float, float] | None = None
    for index in range(first, last):
        score = scores[index]
        if score is None:
            previous = previous if bridge else None
            continue
        # A neighbour outside the band is drawn at the band's edge.
        x = min(max(_x(index, start), 0.0), (stop - start) * STEP_WIDTH)
        y = score_y(score) + offset
        if previous is None:
            path.append(f"M{fmt(x)} {fmt(y)}")
        else:
            # Horizontal tangents at each point: smooth, and never beyond 1 or 5.
            mid = (previous[0] + x) / 2
            path.append(f"C{fmt(mid)} {fmt(previous[1])} {fmt(mid)} {fmt(y)} {fmt(x)} {fmt(y)}")
        previous = (x, y)
    form = shape(number)
    markers = [
        _marker(form, _x(index, start), score_y(score) + offset, series.titles[index])
        for index in range(start, stop)
        if (score := scores[index]) is not None
    ]
    return Curve(series.key, series.key, series.label, " ".join(path), markers)


def _marker(form: str, x: float, y: float, title: str) -> Marker:
    size = 5.5
    if form == "diamond":
        corners = [(x, y - size - 1), (x + size + 1, y), (x, y + size + 1), (x - size - 1, y)]
    elif form == "triangle":
        corners = [(x, y - size - 1), (x + size + 1, y + size), (x - size - 1, y + size)]
    else:
        corners = []
    points = " ".join(f"{fmt(a)},{fmt(b)}" for a, b in corners)
    return Marker(fmt(x), fmt(y), form, points, title)


# The small curve on the index page --------------------------------------------------------

SPARK_WIDTH = 300
SPARK_HEIGHT = 48


@dataclass(frozen=True)
class SparkLine:
    """One series' whole curve, drawn small."""

    key: str
    path: str


def sparkline(series: Sequence[tuple[str, Sequence[int | None]]]) -> list[SparkLine]:
    """Return each series' scores over the whole journey as a small path (gaps kept)."""
    lines = []
    for key, scores in series:
        step = SPARK_WIDTH / max(len(scores) - 1, 1)
        parts: list[str] = []
        previous: int | None = None
        for index, score in enumerate(scores):
            if score is not None:
                x = index * step if len(scores) > 1 else SPARK_WIDTH / 2
                y = 4 + (5 - score) * (SPARK_HEIGHT - 8) / 4
                parts.append(f"{'M' if previous is None else 'L'}{fmt(x)} {fmt(y)}")
            previous = score
        lines.append(SparkLine(key, " ".join(parts)))
    return lines


# The opportunity matrix ----------------------------------------------------------------

MATRIX_WIDTH = 520
MATRIX_HEIGHT = 420
_LEFT, _TOP, _RIGHT, _BOTTOM = 92, 16, 12, 60
_LEVELS = ("low", "medium", "high")
_DOT = 12
_PER_ROW = 4
_MAX_DOTS = 12


@dataclass(frozen=True)
class Cell:
    """One of the nine cells: its box, its quadrant name (or None) and its dots."""

    x: str
    y: str
    width: str
    height: str
    quadrant: str | None
    label_x: str
    label_y: str
    dots: list[Dot]
    more: str | None
    more_x: str
    more_y: str


@dataclass(frozen=True)
class Dot:
    """One opportunity in the matrix, by its number."""

    x: str
    y: str
    number: int
    title: str


@dataclass(frozen=True)
class AxisTick:
    """A level's name on an axis."""

    x: str
    y: str
    level: str


@dataclass(frozen=True)
class Matrix:
    """The opportunity matrix: cells, axis ticks and titles."""

    width: int
    height: int
    cells: list[Cell]
    x_ticks: list[AxisTick]
    y_ticks: list[AxisTick]
    plot_left: str
    plot_bottom: str
    x_title_x: str
    x_title_y: str
    y_title_x: str
    y_title_y: str


@dataclass(frozen=True)
class Placed:
    """An opportunity to place: its number, value, effort and tooltip text."""

    number: int
    value: str
    effort: str
    title: str


_QUADRANTS = {
    ("high", "low"): "quick_wins",
    ("high", "high"): "big_bets",
    ("low", "low"): "fill_ins",
    ("low", "high"): "think_twice",
}


def quadrant(value: str, effort: str) -> str | None:
    """Return the quadrant a corner cell belongs to, None for the middle cells."""
    return _QUADRANTS.get((value, effort))


def matrix(opportunities: Sequence[Placed]) -> Matrix:
    """Return the 3×3 matrix, effort from left to right and value from bottom to top."""
    plot_w = MATRIX_WIDTH - _LEFT - _RIGHT
    plot_h = MATRIX_HEIGHT - _TOP - _BOTTOM
    cell_w, cell_h = plot_w / 3, plot_h / 3
    cells = []
    for row, value in enumerate(reversed(_LEVELS)):
        for column, effort in enumerate(_LEVELS):
            x, y = _LEFT + column * cell_w, _TOP + row * cell_h
            inside = [o for o in opportunities if o.value == value and o.effort == effort]
            cells.append(_cell(x, y, cell_w, cell_h, name=quadrant(value, effort), inside=inside))
    return Matrix(
        width=MATRIX_WIDTH,
        height=MATRIX_HEIGHT,
        cells=cells,
        x_ticks=[
            AxisTick(fmt(_LEFT + (i + 0.5) * cell_w), fmt(_TOP + plot_h + 20), level)
            for i, level in enumerate(_LEVELS)
        ],
        y_ticks=[
            AxisTick(fmt(_LEFT - 10), fmt(_TOP + (i + 0.5) * cell_h + 4), level)
            for i, level in enumerate(reversed(_LEVELS))
        ],
        plot_left=fmt(_LEFT),
        plot_bottom=fmt(_TOP + plot_h),
        x_title_x=fmt(_LEFT + plot_w / 2),
        x_title_y=fmt(MATRIX_HEIGHT - 8),
        y_title_x=fmt(18),
        y_title_y=fmt(_TOP + plot_h / 2),
    )


def _cell(
    x: float, y: float, w: float, h: float, *, name: str | None, inside: Sequence[Placed]
) -> Cell:
    shown = inside[:_MAX_DOTS] if len(inside) <= _MAX_DOTS else inside[: _MAX_DOTS - 1]
    dots = [Dot(*_slot(x, y, i), o.number, o.title) for i, o in enumerate(shown)]
    more = f"+{len(inside) - len(shown)}" if len(shown) < len(inside) else None
    more_x, more_y = _slot(x, y, _MAX_DOTS - 1)
    return Cell(
        fmt(x), fmt(y), fmt(w), fmt(h), name, fmt(x + 8), fmt(y + 16), dots, more, more_x, more_y
    )


def _slot(x: float, y: float, index: int) -> tuple[str, str]:
    step = 2 * _DOT + 6
    return fmt(x + 24 + (index % _PER_ROW) * step), fmt(y + 40 + (index // _PER_ROW) * step)
