"""The json format, for machines: SPEC 7's `changes` records and the emotion per phase."""

from __future__ import annotations

import json
from typing import Any

from kundresa.diff.records import DiffResult


def render(result: DiffResult, color: bool = False) -> str:
    """Return the diff as one JSON document (`color` is not used)."""
    del color
    document: dict[str, Any] = {
        "before": result.before,
        "after": result.after,
        "changed": result.changed,
        "changes": [change.record() for change in result.changes],
        "emotion": [
            {
                "journey": journey.journey,
                "phase": row.phase,
                "persona": row.persona,
                "before": row.before,
                "after": row.after,
            }
            for journey in result.journeys
            for row in journey.emotions
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
