"""Time `kundresa lint` against yamllint, and kundresa's start-up against bare Python.

    python bench/lint.py [--journeys 1000] [--repeat 7]

Three timings, each in this one run and on the same files:

1. a generated project of 1,000 journeys of about 10 KB each: `kundresa lint` against
   `yamllint -d relaxed` (which checks only YAML syntax and style);
2. start-up as a pre-commit hook feels it: `kundresa lint` on a one-file project against
   yamllint on the same file;
3. `kundresa --version` against `python -c pass`.

Both tools run as `python -m <tool>` with the same interpreter. Python may write .pyc
files, as it does for an installed package, and each command runs once before it is
timed; the median of the timed runs is reported. The two commands of each pair run in
turn, so that a change in load falls on both alike. The generated files go to bench/out/.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
OUT = HERE / "out" / "lint"

CHANNELS = ["web", "social", "email", "box-office", "venue", "sms", "review"]
PHASES = ["awareness", "consideration", "decision", "before", "during", "after", "loyalty"]


def catalogue() -> str:
    lines = ["kind: touchpoints", "touchpoints:"]
    for i, channel in enumerate(CHANNELS):
        for j in range(3):
            ident = f"{channel}-{j}"
            lines += [
                f"  - id: {ident}",
                f"    name: {channel.title()} touchpoint {j}",
                f"    channel: {channel}",
                f"    medium: {'physical' if channel in {'box-office', 'venue'} else 'digital'}",
                f"    owner: Team {i}",
            ]
            if ident == "web-1":
                lines.append("    conversion: true")
            if ident == "email-2":
                lines.append("    feedback: true")
    return "\n".join(lines) + "\n"


def persona(ident: str) -> str:
    return (
        f"kind: persona\nid: {ident}\nname: {ident.title()}\nage: 42\n"
        "needs: [Good seats, Clear information]\ngoals: [A memorable evening]\n"
        "evidence: [Survey 2025, Interviews]\n"
    )


def journey(n: int) -> str:
    """Return a journey of 7 phases of 4 steps: about 10 KB of YAML."""
    out = [
        "kind: journey",
        f"id: journey-{n:04d}",
        f"title: Concert visit number {n}, from the first ad to the next season",
        "owner: Marketing",
        "personas: [pop-petra, opera-olle]",
        "goals:",
        "  - text: More visitors come back next season",
        "    kpi: repeat-rate",
        "kpis:",
        "  - id: repeat-rate",
        "    metric: repeat_rate",
        '    target: ">= 35%"',
        "phases:",
    ]
    for p, phase in enumerate(PHASES):
        out += [f"  - id: {phase}", f"    name: {phase.title()}", "    steps:"]
        for s in range(4):
            if (p, s) == (2, 0):
                touchpoint = "web-1"
            elif (p, s) == (5, 0):
                touchpoint = "email-2"
            else:
                touchpoint = f"{CHANNELS[(p + s) % len(CHANNELS)]}-{s % 3}"
            out += [
                f"      - touchpoint: {touchpoint}",
                f"        action: Step {s + 1} of the {phase} phase",
                "        thoughts: Is this the evening I want?",
                f"        emotion: {{pop-petra: {1 + (p + s) % 5}, opera-olle: {1 + (p * s) % 5}}}",
                "        pain_points:",
                "          - The facts are spread over several pages",
                "        opportunities:",
                "          - text: Date, place and price in one place",
                "            value: high",
                "            effort: low",
            ]
    return "\n".join(out) + "\n"


def write_project(root: Path, journeys: int) -> None:
    """Write a project of `journeys` journeys, two personas and one catalogue."""
    (root / "journeys").mkdir(parents=True, exist_ok=True)
    (root / "personas").mkdir(exist_ok=True)
    (root / "touchpoints").mkdir(exist_ok=True)
    (root / "kundresa.yaml").write_text("version: 1\nname: Bench\n", encoding="utf-8")
    (root / "touchpoints" / "touchpoints.yaml").write_text(catalogue(), encoding="utf-8")
    for ident in ("pop-petra", "opera-olle"):
        (root / "personas" / f"{ident}.yaml").write_text(persona(ident), encoding="utf-8")
    for old in (root / "journeys").glob("*.yaml"):
        old.unlink()
    for n in range(journeys):
        (root / "journeys" / f"journey-{n:04d}.yaml").write_text(journey(n), encoding="utf-8")


def compare(ours: list[str], theirs: list[str], repeat: int) -> tuple[float, float]:
    """Return the median wall times of two commands in seconds, run in turn.

    Each runs once untimed first; then they alternate, so that a change in the machine's
    load falls on both alike.
    """
    env = {**os.environ, "PYTHONPATH": str(SRC), "NO_COLOR": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed package has its .pyc files
    times: dict[int, list[float]] = {0: [], 1: []}
    for i in range(repeat + 1):
        for which, command in enumerate((ours, theirs)):
            start = time.perf_counter()
            subprocess.run(
                command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False
            )
            if i:
                times[which].append(time.perf_counter() - start)
    return statistics.median(times[0]), statistics.median(times[1])


def row(label: str, ours: float, theirs: float, baseline: str, target: str) -> str:
    return (
        f"{label:<34} {ours * 1000:9.0f} ms  {baseline:<16} {theirs * 1000:9.0f} ms  "
        f"ratio {ours / theirs:5.2f}x  (target {target})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--journeys", type=int, default=1000, help="0 times start-up only")
    parser.add_argument("--repeat", type=int, default=7, help="timed runs of the start-ups")
    args = parser.parse_args()

    python = sys.executable
    big, small = OUT / "big", OUT / "one-file"
    (small / "journeys").mkdir(parents=True, exist_ok=True)
    (small / "kundresa.yaml").write_text("version: 1\nname: One file\n", encoding="utf-8")
    (small / "journeys" / "journey.yaml").write_text(journey(1), encoding="utf-8")

    kundresa = [python, "-m", "kundresa"]
    yamllint = [python, "-m", "yamllint", "-d", "relaxed", "-f", "parsable"]
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores")
    if args.journeys:
        write_project(big, args.journeys)
        size = sum(f.stat().st_size for f in (big / "journeys").glob("*.yaml")) / args.journeys
        print(f"{args.journeys} journeys of {size / 1024:.1f} KB each in {big}")
        ours, theirs = compare([*kundresa, "lint", "-p", str(big)], [*yamllint, str(big)], 1)
        print(row(f"kundresa lint, {args.journeys} journeys", ours, theirs, "yamllint", "< 1"))
    one_file = [*yamllint, str(small / "journeys" / "journey.yaml")]
    ours, theirs = compare([*kundresa, "lint", "-p", str(small)], one_file, args.repeat)
    print(row("kundresa lint, one-file project", ours, theirs, "yamllint", "<= 1.5"))
    ours, theirs = compare([*kundresa, "--version"], [python, "-c", "pass"], args.repeat)
    print(row("kundresa --version", ours, theirs, "python -c pass", "< 7"))


if __name__ == "__main__":
    main()
