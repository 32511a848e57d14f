"""Check the KPI targets of a project's journeys against the measured metrics."""

from __future__ import annotations

from collections.abc import Mapping

from kundresa.errors import ConfigError
from kundresa.figures import Interval, target_status
from kundresa.kpi.result import TargetCheck, Value
from kundresa.models.vocabulary import Metric
from kundresa.project import Project
from kundresa.suggest import did_you_mean


def check_targets(
    project: Project,
    metrics: Mapping[str, Value],
    intervals: Mapping[str, Interval],
    journey: str | None = None,
) -> list[TargetCheck]:
    """Return each targeted KPI of the journey (or of every journey) with its status.

    A `custom` KPI is checked against the value written in the journey. A KPI whose metric
    has no data (say, no survey export for `nps`) has no data; a survey score whose 95%
    interval holds the target is uncertain.

    Raises:
        ConfigError: `journey` names no journey of the project.
    """
    journeys = [located.model for located in project.journeys]
    if journey is not None:
        journeys = [j for j in journeys if j.id == journey]
        if not journeys:
            ids = [located.model.id for located in project.journeys]
            raise ConfigError(
                f"no journey '{journey}'" + did_you_mean(journey, ids),
                hint=f"the journeys are: {', '.join(ids) or 'none'}",
            )
    checks = []
    for item in journeys:
        for kpi in item.kpis:
            if kpi.target is None:
                continue
            custom = kpi.metric is Metric.CUSTOM
            actual: Value = kpi.value if custom else metrics.get(kpi.metric.value)
            interval = None if custom else intervals.get(kpi.metric.value)
            status = target_status(kpi.target, kpi.metric, actual, interval)
            checks.append(
                TargetCheck(
                    item.id, kpi.id, kpi.metric.value, str(kpi.target), actual, status, interval
                )
            )
    return checks
