"""A future journey's map drawn over its as-is journey, checked on the Aarhus example."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from support import REPO, run_kundresa

AARHUS = REPO / "examples" / "teater-aarhus"


class _Map(HTMLParser):
    """Collects the faded curves' point titles, the step marks and the removed pains."""

    def __init__(self) -> None:
        super().__init__()
        self.faded: dict[str, list[str]] = {}
        self.marks: list[str] = []
        self.removed: list[str] = []
        self._series: str | None = None
        self._in: str | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        classes = (found.get("class") or "").split()
        if tag == "g" and "faded" in classes:
            self._series = found.get("data-series")
        elif tag == "title" and self._series:
            self._in, self._text = "title", ""
        elif tag == "span" and "change" in classes and self._in is None:
            self._in, self._text = "mark", ""
        elif tag == "s":
            self._in, self._text = "removed", ""

    def handle_data(self, data: str) -> None:
        if self._in:
            self._text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "g":
            self._series = None
        if self._in == "title" and tag == "title" and self._series:
            self.faded.setdefault(self._series, []).append(self._text)
        elif self._in == "mark" and tag == "span":
            self.marks.append(self._text)
        elif self._in == "removed" and tag == "s":
            self.removed.append(self._text)
        else:
            return
        self._in = None


def _render(journey: str, out: Path) -> _Map:
    done = run_kundresa("render", journey, "-p", AARHUS, "--out", out)
    assert done.returncode == 0, done.stderr
    parsed = _Map()
    parsed.feed((out / "journeys" / f"{journey}.html").read_text(encoding="utf-8"))
    return parsed


def test_the_future_map_draws_todays_curves_faded_under_its_own(tmp_path: Path) -> None:
    found = _render("abonnent-fremtid", tmp_path)
    # By hand: the as-is steps that the plan keeps (same touchpoint in the same phase), in
    # the plan's order, each drawn once for Karina (the second series, s1).
    kept = [
        "Får det trykte sæsonkatalog med posten i april",
        "Prøver at logge ind på Mit Teater for at se pladserne",
        "Ringer til billettelefonen for at forny",
        "Betaler, private med kort og virksomheder med faktura",
        "Viser abonnementskortet ved salsdøren",
        "Ser sæsonens forestillinger fra de faste pladser",
    ]
    assert found.faded["s1"] == [f"i dag · Erhvervskunden Karina: {action}" for action in kept]
    assert len(found.faded["s0"]) == len(kept)
    # Legend first, then per step: 10 steps are new, 6 are kept and changed.
    assert found.marks[:2] == ["nyt", "ændret"]
    assert sorted(found.marks[2:]) == ["nyt"] * 10 + ["ændret"] * 6
    # Every pain point of today's journey is gone from the plan (18 in abonnent.yaml).
    assert len(found.removed) == 18
    assert found.removed[0] == (
        "Kataloget kommer samme dag, som fornyelsen åbner, så der er ikke tid til at vælge"
    )


def test_a_current_journey_map_has_no_overlay(tmp_path: Path) -> None:
    found = _render("abonnent", tmp_path)
    assert (found.faded, found.marks, found.removed) == ({}, [], [])


def test_the_future_journey_in_markdown_lists_the_pains_it_removes() -> None:
    done = run_kundresa("render", "abonnent-fremtid", "-p", AARHUS, "--format", "md", "--out", "-")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "Forbedrer: Abonnenten fornyer sit abonnement." in lines
    assert (
        "- ~~Login kræver en ny adgangskode hvert år~~ (Overvejer · Prøver at logge ind på "
        "Mit Teater for at se pladserne)" in lines
    )
    assert "### Trin 1. Bliver inviteret til sæsonpræsentationen på store scene (nyt)" in lines
    assert "### Trin 2. Får sæsonkataloget to uger før fornyelsen åbner (ændret)" in lines
