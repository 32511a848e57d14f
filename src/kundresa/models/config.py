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

    journeys: str = Field(default="journeys", description="The folder of journey files.")
    personas: str = Field(default="personas", description="The folder of persona files.")
    touchpoints: str = Field(
        default="touchpoints", description="The folder of touchpoint catalogues."
    )


class Source(Strict):
    """An exported data file and how to read it; dialect fields are detected when absent."""

    path: str = Field(
        description="The exported file, relative to the project, such as data/sales.csv."
    )
    columns: dict[str, str] = Field(
        default_factory=dict,
        description="Canonical column name to the header in your export, e.g. amount: Belopp.",
    )
    delimiter: str | None = Field(
        default=None, description="The column separator, such as ';'; detected when left out."
    )
    decimal: Literal[",", "."] | None = Field(
        default=None,
        description="The decimal mark of amounts: ',' or '.'; detected when left out.",
    )
    encoding: str | None = Field(
        default=None,
        description="The file's text encoding, such as utf-8 or windows-1252; "
        "detected when left out.",
    )
    date_format: str | None = Field(
        default=None,
        description="How dates are written, such as %d.%m.%Y; detected when left out.",
    )
    preset: Literal["shopify", "eventbrite"] | None = Field(
        default=None,
        description="Read a system's standard export as it is: shopify (Export orders) or "
        "eventbrite (attendee report); sets the columns, dates and filters.",
    )
    exclude: dict[str, list[str]] = Field(
        default_factory=dict,
        description="Rows to leave out by column value, e.g. Financial Status: [voided]; "
        "'*' matches any value that is not blank.",
    )
    scale: dict[str, int] = Field(
        default_factory=dict,
        description="Survey answers written as words, and their scores, such as Toppen: 5 "
        "(the usual satisfaction labels in en, sv, da and nb are known already).",
    )
    sheet: str | None = Field(
        default=None, description="The sheet of an .xlsx workbook to read (default: the first)."
    )


class Sources(Strict):
    """Where sales, survey and funnel data come from."""

    sales: Source | None = Field(
        default=None, description="Orders exported from a ticketing system or web shop."
    )
    survey: Source | None = Field(
        default=None, description="Survey answers with NPS and CSAT scores."
    )
    funnel: Source | None = Field(
        default=None, description="Counts per funnel step, such as from web analytics."
    )


class LintSettings(Strict):
    """Per-rule severities (`off` to silence) and rule parameters."""

    rules: dict[Annotated[str, StringConstraints(pattern=r"^KR\d{3}$")], Severity] = Field(
        default_factory=dict,
        description="A severity per rule code: error, warning, info, or off to silence it, "
        "such as {KR208: off}.",
    )
    max_channels: int = Field(
        default=8, ge=1, description="KR208 warns when a journey uses more channels."
    )
    max_age_days: int = Field(
        default=365, ge=1, description="KR303 warns when a map was reviewed longer ago."
    )


class ProjectConfig(Strict):
    """The settings in kundresa.yaml."""

    version: Literal[1] = Field(
        default=1, description="The version of this file's format; always 1."
    )
    name: str = Field(
        description="The name of the organisation or project, such as Sommarscen Göteborg."
    )
    language: Language = Field(
        default=Language.EN, description="Language of map and report labels: sv, da, nb, en."
    )
    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")] = Field(
        default="SEK",
        description="ISO 4217 currency code of sales amounts, such as SEK, DKK, NOK or EUR.",
        json_schema_extra={
            "patternErrorMessage": "Not a currency code: use three capital letters, such as SEK."
        },
    )
    paths: Paths = Field(
        default_factory=Paths, description="Folders that hold each kind of document."
    )
    sources: Sources = Field(
        default_factory=Sources,
        description="Exported data files that kundresa kpi measures the journeys with.",
    )
    lint: LintSettings = Field(
        default_factory=LintSettings, description="Settings of kundresa lint's rules."
    )
