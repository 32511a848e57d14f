"""`kundresa diff`: what changed in a project's journeys, in the domain's words (SPEC 7).

`git` reads a project at a revision, `snapshot` indexes its documents by kind and id,
`matching` pairs phases and steps, `journeys`, `plan`, `emotion` and `catalogue` turn
the pairs into change records, and `reporters` write them as text, Markdown or JSON.
"""

from kundresa.diff.compare import compare_journeys, diff_revisions, diff_snapshots
from kundresa.diff.pair import diff_project, find_journey
from kundresa.diff.records import Change, DiffResult, JourneyDiff, PhaseEmotion

__all__ = [
    "Change",
    "DiffResult",
    "JourneyDiff",
    "PhaseEmotion",
    "compare_journeys",
    "diff_project",
    "diff_revisions",
    "diff_snapshots",
    "find_journey",
]
