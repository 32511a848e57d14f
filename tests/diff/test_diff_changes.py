"""Each kind of change, made in a real git repository and committed, in all three formats.

The expected records are written out by hand from the edit, never taken from a run.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from kundresa.diff import diff_project
from kundresa.diff.reporters import REPORTERS

from .repository import Repository, make_repository


@dataclass
class Case:
    """An edit, the change records it must give, and a line of the text and md formats."""

    edit: Callable[[Repository], None]
    records: list[dict[str, Any]]
    text: str
    md: str


def _reword(repo: Repository) -> None:
    repo.edit("journeys/konsert.yaml", "Ser en reel med artisten", "Ser en kort reel med artisten")


def _move_to_other_phase(repo: Repository) -> None:
    step = "      - touchpoint: sms\n        action: Får ett tack-SMS dagen efter\n"
    step += "        emotion: {petra: 4, olle: 4}\n"
    repo.edit("journeys/konsert.yaml", step, "")
    repo.edit(
        "journeys/konsert.yaml",
        "        emotion: {petra: 3, olle: 2}\n",
        "        emotion: {petra: 3, olle: 2}\n" + step,
    )


def _emotion(repo: Repository) -> None:
    repo.edit(
        "journeys/konsert.yaml", "emotion: {petra: 3, olle: 2}", "emotion: {petra: 5, olle: 2}"
    )


def _pain_point_and_opportunity(repo: Repository) -> None:
    repo.edit(
        "journeys/konsert.yaml",
        "pain_points: [Hittar inte datum i inlägget]",
        "pain_points: [Hittar inte datum i inlägget, Länken går till startsidan]",
    )
    repo.edit(
        "journeys/konsert.yaml",
        "        opportunities:\n"
        "          - {text: Datum i första bildrutan, value: high, effort: low}\n",
        "",
    )


def _target(repo: Repository) -> None:
    repo.edit("journeys/konsert.yaml", 'target: ">= 40"', 'target: ">= 45"')


def _plan_status(repo: Repository) -> None:
    repo.edit("journeys/konsert.yaml", "status: todo", "status: doing")


def _touchpoints(repo: Repository) -> None:
    repo.edit("touchpoints/touchpoints.yaml", "owner: Marknad", "owner: Kommunikation")
    repo.edit(
        "touchpoints/touchpoints.yaml",
        "feedback: true}\n",
        "feedback: true}\n  - {id: kassa, name: Kassan, channel: box-office, medium: physical}\n",
    )


def _persona(repo: Repository) -> None:
    repo.edit("personas/petra.yaml", "age: 34", "age: 35")
    (repo.project / "personas/olle.yaml").unlink()


def _settings(repo: Repository) -> None:
    repo.edit("kundresa.yaml", "currency: SEK", "currency: NOK")


def _phases(repo: Repository) -> None:
    repo.edit("journeys/konsert.yaml", "name: Beslut", "name: Köp")
    repo.edit(
        "journeys/konsert.yaml",
        "  - id: efter\n",
        "  - id: infor\n    name: Inför eventet\n    steps:\n"
        "      - {touchpoint: sms, action: Får en påminnelse, emotion: 4}\n  - id: efter\n",
    )


def _swap_phases(repo: Repository) -> None:
    text = (repo.project / "journeys/konsert.yaml").read_text(encoding="utf-8")
    head, rest = text.split("  - id: medvetenhet\n")
    first, rest = rest.split("  - id: beslut\n")
    second, tail = rest.split("  - id: efter\n")
    swapped = f"{head}  - id: beslut\n{second}  - id: medvetenhet\n{first}  - id: efter\n{tail}"
    repo.write("journeys/konsert.yaml", swapped)


def _reorder_within_phase(repo: Repository) -> None:
    sms = "      - touchpoint: sms\n        action: Får ett tack-SMS dagen efter\n"
    sms += "        emotion: {petra: 4, olle: 4}\n"
    repo.edit("journeys/konsert.yaml", sms, "")
    repo.edit("journeys/konsert.yaml", "        kpis: [nps]\n", "        kpis: [nps]\n" + sms)


def _journey_added_and_fields(repo: Repository) -> None:
    repo.write(
        "journeys/vinter.yaml",
        "kind: journey\nid: vinter\ntitle: Vinterkonsert\n"
        "phases: [{id: kop, name: Köp, steps: [{touchpoint: webshop, action: Köper}]}]\n",
    )
    repo.edit("journeys/konsert.yaml", "state: current\n", "state: current\nowner: Marknad\n")


def _goal_and_opportunity_size(repo: Repository) -> None:
    repo.edit(
        "journeys/konsert.yaml",
        "kpis:\n  - id: nps",
        "goals:\n  - {text: Nöjdare besökare, kpi: nps}\nkpis:\n  - id: nps",
    )
    repo.commit("Add a goal")
    repo.edit("journeys/konsert.yaml", "text: Nöjdare besökare", "text: Fler rekommenderar oss")
    repo.edit("journeys/konsert.yaml", "value: high, effort: low", "value: high, effort: medium")


def _step_added_and_removed(repo: Repository) -> None:
    repo.edit(
        "journeys/konsert.yaml",
        "      - touchpoint: enkat\n        action: Svarar på enkäten om kvällen\n"
        "        emotion: {petra: 3, olle: 3}\n        kpis: [nps]\n",
        "      - touchpoint: instagram\n        action: Delar en bild från konserten\n",
    )


CASES = {
    "a reworded step is one change": Case(
        _reword,
        [
            {
                "change": "changed",
                "kind": "step",
                "phase": "Medvetenhet",
                "field": "action",
                "before": "Ser en reel med artisten",
                "after": "Ser en kort reel med artisten",
            }
        ],
        '~ changed step "Ser en kort reel med artisten": action "Ser en reel med artisten" → '
        '"Ser en kort reel med artisten"',
        "- **changed** step “Ser en kort reel med artisten”: action “Ser en reel med artisten”"
        " → “Ser en kort reel med artisten”",
    ),
    "a step moved to another phase is one move": Case(
        _move_to_other_phase,
        [
            {
                "change": "moved",
                "kind": "step",
                "phase": "Beslut",
                "step": "Får ett tack-SMS dagen efter",
                "field": "phase",
                "before": "Efter eventet",
                "after": "Beslut",
            }
        ],
        '> moved step "Får ett tack-SMS dagen efter": "Efter eventet" → "Beslut"',
        "- **moved** step “Får ett tack-SMS dagen efter”: “Efter eventet” → “Beslut”",
    ),
    "an emotion change names the persona": Case(
        _emotion,
        [
            {
                "change": "changed",
                "kind": "emotion",
                "phase": "Beslut",
                "step": "Köper två biljetter i webbshoppen",
                "persona": "petra",
                "before": 3,
                "after": 5,
            }
        ],
        '~ changed emotion of Pop-Petra at "Köper två biljetter i webbshoppen": 3 → 5',
        "| Beslut | 3 → 5 (+2) | 2 → 2 (±0) |",
    ),
    "pain points and opportunities added or removed": Case(
        _pain_point_and_opportunity,
        [
            {"change": "added", "kind": "pain_point", "after": "Länken går till startsidan"},
            {"change": "removed", "kind": "opportunity", "before": "Datum i första bildrutan"},
        ],
        '  + added pain point "Länken går till startsidan"',
        "  - **removed** opportunity “Datum i första bildrutan”",
    ),
    "a KPI target changed": Case(
        _target,
        [
            {
                "change": "changed",
                "kind": "kpi",
                "item": "nps",
                "field": "target",
                "before": ">= 40",
                "after": ">= 45",
            }
        ],
        '~ changed KPI nps: target ">= 40" → ">= 45"',
        "- **changed** KPI nps: target “\\>= 40” → “\\>= 45”",
    ),
    "a plan item's status changed": Case(
        _plan_status,
        [
            {
                "change": "changed",
                "kind": "plan",
                "field": "status",
                "before": "todo",
                "after": "doing",
            }
        ],
        '~ changed plan item "Sätt upp SMS-påminnelse dagen före": status "todo" → "doing"',
        "- **changed** plan item “Sätt upp SMS-påminnelse dagen före”: status “todo” → “doing”",
    ),
    "touchpoints added and changed": Case(
        _touchpoints,
        [
            {
                "change": "changed",
                "kind": "touchpoint",
                "item": "instagram",
                "field": "owner",
                "before": "Marknad",
                "after": "Kommunikation",
            },
            {"change": "added", "kind": "touchpoint", "item": "kassa"},
        ],
        "+ added touchpoint kassa (kartor/touchpoints/touchpoints.yaml)",
        "- **changed** touchpoint instagram: owner “Marknad” → “Kommunikation”",
    ),
    "personas changed field by field and removed": Case(
        _persona,
        [
            {"change": "removed", "kind": "persona", "item": "olle"},
            {
                "change": "changed",
                "kind": "persona",
                "item": "petra",
                "field": "age",
                "before": 34,
                "after": 35,
            },
        ],
        "~ changed persona petra: age 34 → 35",
        "- **removed** persona olle (kartor/personas/olle.yaml)",
    ),
    "project settings": Case(
        _settings,
        [
            {
                "change": "changed",
                "kind": "project",
                "field": "currency",
                "before": "SEK",
                "after": "NOK",
            }
        ],
        '~ changed setting: currency "SEK" → "NOK"',
        "- **changed** setting: currency “SEK” → “NOK”",
    ),
    "phases renamed and added": Case(
        _phases,
        [
            {
                "change": "changed",
                "kind": "phase",
                "phase": "Köp",
                "field": "name",
                "before": "Beslut",
                "after": "Köp",
            },
            {"change": "added", "kind": "phase", "phase": "Inför eventet"},
            {
                "change": "added",
                "kind": "step",
                "phase": "Inför eventet",
                "step": "Får en påminnelse",
            },
        ],
        '~ changed phase: name "Beslut" → "Köp"',
        "  - **added** phase",
    ),
    "phases moved": Case(
        _swap_phases,
        [
            {
                "change": "moved",
                "kind": "phase",
                "phase": "Beslut",
                "field": "position",
                "before": 2,
                "after": 1,
            }
        ],
        "> moved phase: position 2 → 1",
        "  - **moved** phase: position 2 → 1",
    ),
    "a step moved within its phase": Case(
        _reorder_within_phase,
        [
            {
                "change": "moved",
                "kind": "step",
                "phase": "Efter eventet",
                "field": "position",
                "before": 2,
                "after": 1,
            }
        ],
        '> moved step "Svarar på enkäten om kvällen": position 2 → 1',
        "- **moved** step “Svarar på enkäten om kvällen”: position 2 → 1",
    ),
    "a journey added, and a journey's own field": Case(
        _journey_added_and_fields,
        [
            {
                "change": "changed",
                "kind": "journey",
                "journey": "konsert",
                "field": "owner",
                "before": None,
                "after": "Marknad",
            },
            {
                "change": "added",
                "kind": "journey",
                "journey": "vinter",
                "after": "Vinterkonsert",
                "file": "kartor/journeys/vinter.yaml",
            },
        ],
        '+ added journey vinter "Vinterkonsert"',
        "- **changed** journey: owner none → “Marknad”",
    ),
    "a goal reworded and an opportunity resized": Case(
        _goal_and_opportunity_size,
        [
            {
                "change": "changed",
                "kind": "opportunity",
                "field": "effort",
                "before": "low",
                "after": "medium",
            },
            {
                "change": "changed",
                "kind": "goal",
                "item": "Fler rekommenderar oss",
                "field": "text",
                "before": "Nöjdare besökare",
                "after": "Fler rekommenderar oss",
            },
        ],
        '~ changed opportunity "Datum i första bildrutan" at "Ser en reel med artisten": effort'
        ' "low" → "medium"',
        "- **changed** goal “Fler rekommenderar oss”: text “Nöjdare besökare” → “Fler"
        " rekommenderar oss”",
    ),
    "steps added and removed": Case(
        _step_added_and_removed,
        [
            {
                "change": "removed",
                "kind": "step",
                "phase": "Efter eventet",
                "step": "Svarar på enkäten om kvällen",
            },
            {
                "change": "added",
                "kind": "step",
                "phase": "Efter eventet",
                "step": "Delar en bild från konserten",
            },
        ],
        '- removed step "Svarar på enkäten om kvällen"',
        "  - **added** step “Delar en bild från konserten”",
    ),
}


@pytest.fixture
def repository(tmp_path: Path) -> Repository:
    return make_repository(tmp_path / "repo")


@pytest.mark.parametrize("name", list(CASES))
def test_each_change_in_every_format(repository: Repository, name: str) -> None:
    case = CASES[name]
    case.edit(repository)
    repository.commit(name)
    result = diff_project("HEAD~1", "HEAD", project=repository.project)

    records = json.loads(REPORTERS["json"](result, False))["changes"]
    picked = [
        {key: record[key] for key in want}
        for record, want in zip(records, case.records, strict=False)
    ]
    assert picked == case.records
    assert len(records) == len(case.records)
    assert all(record["journey"] in (None, "konsert", "vinter") for record in records)
    assert any(case.text in line for line in REPORTERS["text"](result, False).splitlines())
    assert any(case.md in line for line in REPORTERS["md"](result, False).splitlines())
