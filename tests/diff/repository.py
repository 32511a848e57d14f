"""A real git repository holding a small project, edited and committed step by step."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

CONFIG = """\
version: 1
name: Sommarscen
language: sv
currency: SEK
"""

TOUCHPOINTS = """\
kind: touchpoints
touchpoints:
  - {id: instagram, name: Instagram, channel: social, medium: digital, owner: Marknad}
  - {id: webshop, name: Webbshop, channel: web, medium: digital, owner: Webb, conversion: true}
  - {id: sms, name: SMS, channel: sms, medium: digital, owner: CRM}
  - {id: enkat, name: Enkät, channel: email, medium: digital, owner: CRM, feedback: true}
"""

PETRA = """\
kind: persona
id: petra
name: Pop-Petra
age: 34
needs: [Bra platser]
"""

OLLE = """\
kind: persona
id: olle
name: Opera-Olle
age: 67
"""

JOURNEY = """\
kind: journey
id: konsert
title: Sommarkonsert
state: current
personas: [petra, olle]
kpis:
  - id: nps
    metric: nps
    target: ">= 40"
phases:
  - id: medvetenhet
    name: Medvetenhet
    steps:
      - touchpoint: instagram
        action: Ser en reel med artisten
        emotion: {petra: 4, olle: 2}
        pain_points: [Hittar inte datum i inlägget]
        opportunities:
          - {text: Datum i första bildrutan, value: high, effort: low}
  - id: beslut
    name: Beslut
    steps:
      - touchpoint: webshop
        action: Köper två biljetter i webbshoppen
        emotion: {petra: 3, olle: 2}
  - id: efter
    name: Efter eventet
    steps:
      - touchpoint: sms
        action: Får ett tack-SMS dagen efter
        emotion: {petra: 4, olle: 4}
      - touchpoint: enkat
        action: Svarar på enkäten om kvällen
        emotion: {petra: 3, olle: 3}
        kpis: [nps]
plan:
  - text: Sätt upp SMS-påminnelse dagen före
    owner: CRM
    due: 2026-05-01
    budget: 5000
    status: todo
"""

FILES = {
    "kundresa.yaml": CONFIG,
    "touchpoints/touchpoints.yaml": TOUCHPOINTS,
    "personas/petra.yaml": PETRA,
    "personas/olle.yaml": OLLE,
    "journeys/konsert.yaml": JOURNEY,
}


@dataclass
class Repository:
    """A git repository whose folder `project` (below the top) holds the project."""

    top: Path
    project: Path

    def git(self, *args: str) -> str:
        """Run git in the repository and return its output."""
        done = subprocess.run(
            ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
            cwd=self.top,
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout

    def write(self, relative: str, text: str) -> None:
        """Write a file of the project."""
        path = self.project / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def edit(self, relative: str, old: str, new: str) -> None:
        """Replace text that must be in a file of the project exactly once."""
        path = self.project / relative
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} is not once in {relative}"
        path.write_text(text.replace(old, new), encoding="utf-8")

    def commit(self, message: str) -> None:
        """Commit every change in the working tree."""
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message)


def make_repository(top: Path, subfolder: str = "kartor") -> Repository:
    """Create a repository with the project in `subfolder`, committed once."""
    top.mkdir()
    subprocess.run(["git", "-c", "init.defaultBranch=main", "init", "-q"], cwd=top, check=True)
    repository = Repository(top, top / subfolder)
    for relative, text in FILES.items():
        repository.write(relative, text)
    (top / "README.md").write_text("Kartor\n", encoding="utf-8")
    repository.commit("Map the summer concert")
    return repository
