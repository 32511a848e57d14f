"""Time `kundresa render` on a generated 1,000-step journey against loading the same project.

    python bench/render.py [--steps 1000] [--repeat 7]

The project (bench/out/render/) has one journey of `--steps` steps in 20 phases, three
personas with an emotion each at every step, pain points, sized opportunities and KPIs
at many steps. In this one run and on the same files it times, in-process:

1. the baseline: `load_project` (reading and validating every YAML file);
2. `render_project` to HTML (views, SVG, templates and atomic writes), project loaded;
3. the same to Markdown with its Mermaid block;

and, end to end as a user runs it, `python -m kundresa render` against
`python -m kundresa --version`. Each is run once before it is timed; the median of the
timed runs is reported, and the ratio of each render to the baseline.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
OUT = HERE / "out" / "render"
PERSONAS = ("pop-petra", "opera-olle", "familje-frida")
CHANNELS = ("web", "social", "email", "sms", "box-office", "venue", "review")

sys.path.insert(0, str(SRC))


def write_project(root: Path, steps: int) -> None:
    """Write a project with one journey of `steps` steps."""
    if root.exists():
        shutil.rmtree(root)
    (root / "journeys").mkdir(parents=True)
    (root / "personas").mkdir()
    (root / "touchpoints").mkdir()
    (root / "kundresa.yaml").write_text("version: 1\nname: Bench\nlanguage: sv\n")
    for ident in PERSONAS:
        (root / "personas" / f"{ident}.yaml").write_text(
            f"kind: persona\nid: {ident}\nname: {ident.title()}\nage: 40\n"
            "needs: [Bra platser, Tydlig information]\ninterests: [Musik, Teater]\n"
        )
    lines = ["kind: touchpoints", "touchpoints:"]
    for i, channel in enumerate(CHANNELS):
        medium = "physical" if channel in {"box-office", "venue"} else "digital"
        lines += [
            f"  - id: tp-{i}",
            f"    name: {channel.title()} {i}",
            f"    channel: {channel}",
            f"    medium: {medium}",
            f"    owner: Team {i}",
            f"    conversion: {'true' if i == 2 else 'false'}",
        ]
    (root / "touchpoints" / "touchpoints.yaml").write_text("\n".join(lines) + "\n")
    (root / "journeys" / "long.yaml").write_text(journey(steps))


def journey(steps: int) -> str:
    """Return a journey of `steps` steps in 20 phases, with every lane filled often."""
    phases = 20
    lines = [
        "kind: journey",
        "id: long",
        "title: En mycket lång kundresa",
        f"personas: [{', '.join(PERSONAS)}]",
        "kpis:",
        "  - id: nps",
        "    metric: nps",
        '    target: ">= 40"',
        "  - id: aterkop",
        "    metric: repeat_rate",
        '    target: ">= 35%"',
        "phases:",
    ]
    levels = ("low", "medium", "high")
    for p in range(phases):
        lines += [f"  - id: fas-{p}", f"    name: Fas {p + 1}", "    steps:"]
        for s in range(steps * p // phases, steps * (p + 1) // phases):
            scores = ", ".join(
                f"{ident}: {(s * (i + 2)) % 5 + 1}" for i, ident in enumerate(PERSONAS)
            )
            lines += [
                f"      - touchpoint: tp-{s % len(CHANNELS)}",
                f"        action: Kunden gör steg {s + 1} och läser, jämför, väljer",
                f"        thoughts: Tanke nummer {s + 1} om det här steget",
                f"        emotion: {{{scores}}}",
            ]
            if s % 2 == 0:
                lines.append(f"        pain_points: [Krångligt moment {s + 1}]")
                lines += [
                    "        opportunities:",
                    f"          - text: Förenkla moment {s + 1}",
                    f"            value: {levels[s % 3]}",
                    f"            effort: {levels[(s // 3) % 3]}",
                ]
            if s % 5 == 0:
                lines.append("        kpis: [nps, aterkop]")
    return "\n".join(lines) + "\n"


def median_time(action: Callable[[], object], repeat: int) -> float:
    """Run `action` once, then `repeat` times; return the median in seconds."""
    action()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def command(*args: str) -> Callable[[], object]:
    env = {"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"}
    return lambda: subprocess.run(
        [sys.executable, "-m", "kundresa", *args], check=True, capture_output=True, env=env
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    from kundresa import load_project
    from kundresa.render import render_project

    write_project(OUT, args.steps)
    project = load_project(project=OUT)
    assert not project.problems, project.problems[0]
    site = OUT / "site"

    load = median_time(lambda: load_project(project=OUT), args.repeat)
    html = median_time(lambda: render_project(project, "long", out=site), args.repeat)
    md = median_time(lambda: render_project(project, "long", fmt="md", out=site), args.repeat)
    size = (site / "journeys" / "long.html").stat().st_size

    cli = median_time(command("render", "long", "--project", str(OUT)), args.repeat)
    version = median_time(command("--version"), args.repeat)

    print(f"{args.steps} steps, 3 personas; median of {args.repeat} runs")
    print(f"  load_project (baseline)      {load * 1000:8.1f} ms")
    label = f"render HTML ({size / 1e6:.1f} MB)"
    print(f"  {label:<29}{html * 1000:8.1f} ms   {html / load:5.2f}x load")
    print(f"  render Markdown + Mermaid    {md * 1000:8.1f} ms   {md / load:5.2f}x load")
    print(f"  kundresa render (command)    {cli * 1000:8.1f} ms")
    print(f"  kundresa --version           {version * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
