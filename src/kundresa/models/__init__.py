"""Pydantic models of the project files: kundresa.yaml, personas, touchpoints and journeys."""

from pydantic import BaseModel

from kundresa.models.config import ProjectConfig
from kundresa.models.journey import Goal, Journey, Kpi, Opportunity, Phase, PlanItem, Step
from kundresa.models.persona import Persona
from kundresa.models.target import Target
from kundresa.models.touchpoint import Touchpoint, TouchpointCatalogue
from kundresa.models.vocabulary import (
    Channel,
    ContentRole,
    Level,
    Medium,
    Metric,
    Ownership,
)

#: The model of each document kind, by the value of its top-level `kind:`.
DOCUMENT_MODELS: dict[str, type[BaseModel]] = {
    "journey": Journey,
    "persona": Persona,
    "touchpoints": TouchpointCatalogue,
}

__all__ = [
    "DOCUMENT_MODELS",
    "Channel",
    "ContentRole",
    "Goal",
    "Journey",
    "Kpi",
    "Level",
    "Medium",
    "Metric",
    "Opportunity",
    "Ownership",
    "Persona",
    "Phase",
    "PlanItem",
    "ProjectConfig",
    "Step",
    "Target",
    "Touchpoint",
    "TouchpointCatalogue",
]
