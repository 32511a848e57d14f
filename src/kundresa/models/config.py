"""The model of kundresa.yaml: project settings, data sources and lint settings."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from kundresa.diagnostics import Severity
from kundresa.models.vocabulary import Language, Strict

#: The file that marks a project's root folder.
CONFIG_FILE = "kundresa.yaml"


class Paths(Strict):
    """Folders (relative to the project root) that hold each kind of document."""

    journeys: str = "journeys"
    personas: str = "personas"
    touchpoints: str = "touchpoints"


class Source(Strict):
    """An exported data file and how to read it; dialect fields are detected when absent."""

    path: str
    columns: dict[str, str] = Field(
        default_factory=dict,
        description="Canonical column name to the header in your export, e.g. amount: Belopp.",
    )
    delimiter: str | None = None
    decimal: Literal[",", "."] | None = None
    encoding: str | None = None
    date_format: str | None = None
    preset: Literal["shopify", "eventbrite"] | None = Field(
        default=None, description="Read a system's standard export: shopify or eventbrite."
    )
    exclude: dict[str, list[str]] = Field(
        default_factory=dict,
        description="Rows to leave out by column value, e.g. Financial Status: [voided]; "
        "'*' matches any value that is not blank.",
    )
    scale: dict[str, int] = Field(
        default_factory=dict,
        description="Survey answers written as words, and their scores, e.g. Toppen: 5.",
    )
    sheet: str | None = Field(default=None, description="The sheet of an .xlsx file to read.")


class Sources(Strict):
    """Where sales, survey and funnel data come from."""

    sales: Source | None = None
    survey: Source | None = None
    funnel: Source | None = None


class LintSettings(Strict):
    """Per-rule severities (`off` to silence) and rule parameters."""

    rules: dict[Annotated[str, StringConstraints(pattern=r"^KR\d{3}$")], Severity] = Field(
        default_factory=dict
    )
    max_channels: int = Field(
        default=8, ge=1, description="KR208 warns when a journey uses more channels."
    )


class ProjectConfig(Strict):
    """The settings in kundresa.yaml."""

    version: Literal[1] = 1
    name: str
    language: Language = Field(
        default=Language.EN, description="Language of map and report labels: sv, da, nb, en."
    )
    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")] = Field(
        default="SEK", description="ISO 4217 currency code of sales amounts."
    )
    paths: Paths = Field(default_factory=Paths)
    sources: Sources = Field(default_factory=Sources)
    lint: LintSettings = Field(default_factory=LintSettings)
