"""What the rules look at: the loaded project, the lint settings and indexes of its ids."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kundresa.models import Persona, Touchpoint
    from kundresa.models.config import LintSettings
    from kundresa.project import LoadedDocument, Located, Project


@dataclass
class Context:
    """The project being linted, with the ids of each kind indexed once for every rule."""

    project: Project
    #: The day maps are judged on, for KR303.
    today: dt.date = field(default_factory=dt.date.today)

    @property
    def settings(self) -> LintSettings:
        """Return the `lint:` settings of kundresa.yaml."""
        return self.project.config.lint

    @property
    def touchpoints(self) -> dict[str, Located[Touchpoint]]:
        """Return each touchpoint by id; the first wins where an id is used twice."""
        return self.project.touchpoint_index

    @cached_property
    def catalogue_complete(self) -> bool:
        """Return True when every touchpoint file is whole, so every channel is known.

        The rules about conversion points, feedback and channels wait while one is not.
        """
        return not any(
            loaded.expected_kind == "touchpoints" and not loaded.complete
            for loaded in self.project.documents
        )

    @cached_property
    def journeys_complete(self) -> bool:
        """Return True when every journey (or file that may be one) is whole."""
        return all(
            loaded.complete
            for loaded in self.project.documents
            if loaded.expected_kind in {"journey", None}
        )

    @cached_property
    def unreadable_ids(self) -> dict[str, set[str]]:
        """Return the ids written in parts that failed to load, by kind (persona, touchpoint).

        A reference to one of them is not reported as unknown: the file's own errors are.
        An id that is not a valid slug stands for the slug it suggests too, since that is
        what a journey refers to (`Familje-Fredrik` for `familje-fredrik`).
        """
        from kundresa.validation import slugify

        found: dict[str, set[str]] = {"persona": set(), "touchpoint": set()}
        for loaded in self.project.documents:
            data = loaded.document.data
            if loaded.complete or not isinstance(data, dict):
                continue
            if loaded.expected_kind == "persona":
                found["persona"].add(str(data.get("id")))
            elif loaded.expected_kind == "touchpoints" and isinstance(
                data.get("touchpoints"), list
            ):
                found["touchpoint"].update(
                    str(item.get("id")) for item in data["touchpoints"] if isinstance(item, dict)
                )
        return {kind: ids | {slugify(i) for i in ids} for kind, ids in found.items()}

    @cached_property
    def hiding_files(self) -> dict[str, list[LoadedDocument]]:
        """Return the files whose ids cannot be known at all, by kind (persona, touchpoint).

        While one of them cannot be read, a reference of its kind may name an id in it, so
        unknown references of that kind are counted, not reported one by one.
        """
        found: dict[str, list[LoadedDocument]] = {"persona": [], "touchpoint": []}
        for loaded in self.project.documents:
            if isinstance(loaded.document.data, dict):
                continue
            if loaded.expected_kind == "persona":
                found["persona"].append(loaded)
            elif loaded.expected_kind == "touchpoints":
                found["touchpoint"].append(loaded)
        return found

    @property
    def personas(self) -> dict[str, Located[Persona]]:
        """Return each persona by id; the first wins where an id is used twice."""
        return self.project.persona_index
