"""The pieces under the templates: links, numbers, KPI results, chart geometry."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from kundresa.errors import InputError
from kundresa.kpi.saved import read_kpi_result
from kundresa.labels import _ROWS, LANGUAGES, labels_for
from kundresa.render import charts
from kundresa.render.text import safe_url


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/x", "https://example.org/x"),
        ("mailto:info@example.org", "mailto:info@example.org"),
        ('https://example.org/a?b="1"', "https://example.org/a?b=%221%22"),
        ("https://a.se/<script>", "https://a.se/%3Cscript%3E"),
        ("http://bücher.de/", "http://xn--bcher-kva.de/"),
        ("javascript:alert(1)", None),
        ("JavaScript:alert(1)", None),
        ("java\tscript:alert(1)", None),
        ("  javascript:alert(1)", None),
        ("data:text/html,<b>x</b>", None),
        ("vbscript:x", None),
        ("//evil.example/x", None),
        ("/relative/path", None),
        ("https://", None),
        ("https://exa mple.org", None),
        ("mailto:", None),
        ("", None),
        (None, None),
    ],
)
def test_only_http_and_mailto_urls_are_links(url: str | None, expected: str | None) -> None:
    assert safe_url(url) == expected


def test_every_label_exists_in_every_language() -> None:
    for key, texts in _ROWS.items():
        assert len(texts) == len(LANGUAGES) and all(texts), key
    assert labels_for("da")["lane_pain_points"] == "Smertepunkter"


def test_kpi_results_keep_known_metrics_and_ignore_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "results.json"
    path.write_text(
        json.dumps(
            {
                "metrics": {"nps": 41.5, "repeat_rate": 0.3, "churn_rate": None, "extra": "x"},
                "by": {"event": []},
            }
        )
    )
    assert read_kpi_result(path).metrics == {"nps": Decimal("41.5"), "repeat_rate": Decimal("0.3")}


def test_missing_kpi_results_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read the KPI results"):
        read_kpi_result(tmp_path / "nope.json")


def test_the_emotion_chart_puts_each_point_under_its_step() -> None:
    series = charts.SeriesInput("s0", "A", [5, None, 1, 3], ["a", "b", "c", "d"])
    chart = charts.emotion_chart([series], 0, 4, [0, 2])
    assert chart.width == 4 * charts.STEP_WIDTH
    (curve,) = chart.curves
    assert [m.x for m in curve.markers] == ["84", "420", "588"]
    assert [m.y for m in curve.markers] == [
        charts.fmt(charts.score_y(5)),
        charts.fmt(charts.score_y(1)),
        charts.fmt(charts.score_y(3)),
    ]
    # The gap at step 2 breaks the line into two pieces.
    assert curve.path.count("M") == 2
    assert chart.dividers == ["336"]
    assert charts.score_y(5) < charts.score_y(1)


def test_a_band_continues_the_line_from_the_step_before() -> None:
    series = charts.SeriesInput("s0", "A", [2, 4, 3], ["a", "b", "c"])
    chart = charts.emotion_chart([series], 1, 3, [0])
    # It starts at the band's left edge, at the height of the step before.
    assert chart.curves[0].path.startswith(f"M0 {charts.fmt(charts.score_y(2))}")


def test_a_band_ends_the_line_at_its_edge_at_the_next_steps_height() -> None:
    series = charts.SeriesInput("s0", "A", [2, 4, 3, 1], ["a", "b", "c", "d"])
    chart = charts.emotion_chart([series], 0, 2, [0])
    end = chart.curves[0].path.split()[-2:]
    assert end == [charts.fmt(chart.width), charts.fmt(charts.score_y(3))]


def test_the_matrix_puts_quick_wins_top_left() -> None:
    matrix = charts.matrix(
        [charts.Placed(1, "high", "low", "x"), charts.Placed(2, "low", "high", "y")]
    )
    by_name = {cell.quadrant: cell for cell in matrix.cells}
    assert [d.number for d in by_name["quick_wins"].dots] == [1]
    assert [d.number for d in by_name["think_twice"].dots] == [2]
    assert float(by_name["quick_wins"].x) < float(by_name["think_twice"].x)
    assert float(by_name["quick_wins"].y) < float(by_name["think_twice"].y)


def test_a_crowded_matrix_cell_says_how_many_more() -> None:
    many = [charts.Placed(i, "high", "low", str(i)) for i in range(1, 21)]
    cell = next(c for c in charts.matrix(many).cells if c.quadrant == "quick_wins")
    assert len(cell.dots) == 11 and cell.more == "+9"


def test_the_index_curve_keeps_gaps() -> None:
    (line,) = charts.sparkline([("s0", [5, 3, None, 1])])
    assert line.key == "s0"
    assert line.path == "M0 4 L100 24 M300 44"
