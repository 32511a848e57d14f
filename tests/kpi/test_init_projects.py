"""`kundresa kpi` runs at once on every project that `kundresa init` writes."""

from __future__ import annotations

import pytest

from kundresa.kpi import compute_kpis

from support import REPO

INIT = REPO / "src" / "kundresa" / "scaffolds"
PROJECTS = sorted(
    (folder.parent.name, folder.name)
    for folder in INIT.glob("*/*")
    if (folder / "kundresa.yaml").is_file()
)


@pytest.mark.parametrize(("template", "language"), PROJECTS)
def test_every_init_project_measures_cleanly(template, language, make_project):
    root = make_project(language, template)
    result = compute_kpis(root)
    assert result.problems == [], result.warnings
    assert result.warnings == [] or all("target" in w for w in result.warnings)
    for name in ("customers", "orders", "revenue", "repeat_rate", "churn_rate", "clv"):
        assert result.metrics[name] is not None, name
    assert result.metrics["customers"] > 0
    config = result.sources
    assert "sales" in config
    if "survey" in config:
        assert result.metrics["nps"] is not None
    if "funnel" in config:
        assert result.funnel
    assert result.targets, "an init journey should show KPI targets"


def test_languages_of_one_template_agree(make_project):
    """The sample data differ only in dialect and currency between languages."""
    seen = {}
    for template, language in PROJECTS:
        metrics = compute_kpis(make_project(language, template, name=f"{template}-{language}"))
        key = {k: metrics.metrics[k] for k in ("customers", "orders", "repeat_rate", "nps")}
        seen.setdefault(template, []).append(key)
    for template, keys in seen.items():
        assert all(k == keys[0] for k in keys), template
