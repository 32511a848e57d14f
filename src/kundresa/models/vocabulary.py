"""The fixed words of the file formats: slugs, channels, enums and metric names."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

#: The schema keyword a model uses to mark where an id of a kind is referenced; the
#: project's own schemas offer that kind's ids there (kundresa.ids).
IDS_KEYWORD = "x-kundresa-ids"
#: An id: lowercase letters a-z, digits and single hyphens, such as `pop-petra`.
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
#: What an editor says of a bad id, in place of the pattern itself.
SLUG_MESSAGE = "Not a valid id: use lowercase letters a-z, digits and '-', such as pop-petra."
Slug = Annotated[
    str,
    StringConstraints(pattern=SLUG_PATTERN),
    Field(json_schema_extra={"patternErrorMessage": SLUG_MESSAGE}),
]


class Strict(BaseModel):
    """Base of every file model: unknown fields are errors, numbers may stand for text."""

    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True, frozen=True)


class Channel(StrEnum):
    """Where a touchpoint happens."""

    WEB = "web"
    APP = "app"
    SOCIAL = "social"
    EMAIL = "email"
    SMS = "sms"
    ADS = "ads"
    SEARCH = "search"
    INFLUENCER = "influencer"
    REVIEW = "review"
    PRINT = "print"
    OUTDOOR = "outdoor"
    TV_RADIO = "tv-radio"
    PHONE = "phone"
    CHAT = "chat"
    BOX_OFFICE = "box-office"
    VENUE = "venue"
    PARTNER = "partner"
    WORD_OF_MOUTH = "word-of-mouth"
    OTHER = "other"


class Medium(StrEnum):
    """Whether a touchpoint is online or offline."""

    DIGITAL = "digital"
    PHYSICAL = "physical"


class Ownership(StrEnum):
    """Who controls a touchpoint: the brand, a paid partner, or other customers."""

    OWNED = "owned"
    PAID = "paid"
    EARNED = "earned"


class ContentRole(StrEnum):
    """Hero (stand out), help (answer a need) or hub (the trusted home base)."""

    HERO = "hero"
    HELP = "help"
    HUB = "hub"


class Level(StrEnum):
    """A rough size for an opportunity's value or effort."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class JourneyState(StrEnum):
    """Whether a journey maps today's experience or the one planned."""

    CURRENT = "current"
    FUTURE = "future"


class PlanStatus(StrEnum):
    """How far a plan item has come."""

    TODO = "todo"
    DOING = "doing"
    DONE = "done"


class Language(StrEnum):
    """Languages of map and report labels."""

    SV = "sv"
    DA = "da"
    NB = "nb"
    EN = "en"


class Metric(StrEnum):
    """KPI metric names computed by `kundresa kpi` (SPEC section 6), or `custom`."""

    CUSTOMERS = "customers"
    ORDERS = "orders"
    REVENUE = "revenue"
    AOV = "aov"
    PURCHASE_FREQUENCY = "purchase_frequency"
    REPEAT_RATE = "repeat_rate"
    AVG_LIFESPAN_DAYS = "avg_lifespan_days"
    CLV = "clv"
    HISTORIC_CLV = "historic_clv"
    CHURN_RATE = "churn_rate"
    ANONYMOUS_ORDERS = "anonymous_orders"
    ANONYMOUS_REVENUE = "anonymous_revenue"
    NPS = "nps"
    CSAT = "csat"
    CONVERSION = "conversion"
    CUSTOM = "custom"

    @property
    def is_rate(self) -> bool:
        """Return True for metrics that are a share from 0 to 1, so `35%` means 0.35."""
        return self in {Metric.REPEAT_RATE, Metric.CHURN_RATE, Metric.CONVERSION}
