"""Render a project: choose the pages, fill the templates, and write the files atomically.

The site is `index`, `journeys/<id>` and `personas/<id>` (`.html` or `.md`). Rendering one
journey writes only its page, at the same place, so it slots into a site made before.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from jinja2 import Environment

from kundresa.errors import InputError
from kundresa.files import write_atomic
from kundresa.kpi.result import KpiResult
from kundresa.kpi.saved import read_kpi_result, result_from_numbers
from kundresa.labels import labels_for
from kundresa.models import Journey
from kundresa.project import Project
from kundresa.render import charts
from kundresa.render.environment import fill, make_environment
from kundresa.render.journey import journey_view
from kundresa.render.kpis import lowest_csat, touchpoint_scores
from kundresa.render.personas import Link, PersonaView, persona_view
from kundresa.render.report import kpi_page
from kundresa.render.views import Context, JourneyView
from kundresa.suggest import did_you_mean

#: What the map's actual figures come from: a computed result, a saved one, or numbers.
KpiSource = KpiResult | Path | Mapping[str, float | Decimal | int] | None
#: The folder, below the project root, that `render` writes to unless told otherwise.
SITE_FOLDER = "site"


@dataclass(frozen=True)
class JourneyEntry:
    """A journey as listed on the index page."""

    title: str
    href: str
    state_key: str
    state: str
    owner: str | None
    phases: int
    steps: int
    personas: list[str]
    curve: list[charts.SparkLine]


def render_project(  # noqa: PLR0917 - the public API takes them by position too
    project: Project,
    journey: str | Path | None = None,
    fmt: str = "html",
    out: Path | None = None,
    lang: str | None = None,
    kpi_results: KpiSource = None,
    templates_dir: Path | None = None,
    on_warning: Callable[[str], None] | None = None,
) -> list[Path]:
    """Render the project's journeys as maps and write them; return the files written.

    With no `journey`, write the whole site into `out` (default: `site/` in the project):
    an index page, one page per journey and one per persona. With a journey id or file,
    write only that journey's page; if `out` then ends in `.html` or `.md`, it is the file.

    Raises:
        InputError: the project has errors, the journey is unknown, or an option is bad.
    """
    folder = out if out is not None else project.root / SITE_FOLDER
    single_file = journey is not None and out is not None and out.suffix in {".html", ".md"}
    if single_file and folder.suffix != f".{fmt}":
        raise InputError(
            f"--out {folder} does not end in .{fmt}",
            hint=f"name the file *.{fmt}, or pass --format {folder.suffix[1:]}",
        )
    pages = render_pages(
        project,
        journey,
        fmt=fmt,
        lang=lang,
        kpi_results=kpi_results,
        templates_dir=templates_dir,
        on_warning=on_warning,
    )
    if single_file:
        written = {folder: next(iter(pages.values()))}
    else:
        written = {folder / relative: data for relative, data in pages.items()}
    for path, data in written.items():
        write_atomic(path, data)
    return list(written)


def render_pages(
    project: Project,
    journey: str | Path | None = None,
    *,
    fmt: str = "html",
    lang: str | None = None,
    kpi_results: KpiSource = None,
    templates_dir: Path | None = None,
    on_warning: Callable[[str], None] | None = None,
) -> dict[str, bytes]:
    """Return the pages `render_project` writes, by path relative to the output folder.

    A page of the whole site links to the index and the persona pages; a journey rendered
    on its own links to nothing else, as the pages it would link to may not exist.
    """
    refuse_problems(project)
    language = lang or project.config.language.value
    labels = labels_for(language)
    environment = make_environment(fmt, templates_dir)
    chosen = [find_journey(project, journey)] if journey is not None else _all_journeys(project)
    links = journey is None
    persona_href = {p.model.id: f"../personas/{p.model.id}.{fmt}" for p in project.personas}
    results = _results(kpi_results)
    context = Context(
        labels=labels,
        language=language,
        currency=project.config.currency,
        personas={key: p.model for key, p in project.persona_index.items()},
        touchpoints={key: t.model for key, t in project.touchpoint_index.items()},
        results=results,
        scores=touchpoint_scores(results, language),
        persona_href=persona_href if links else {},
        journeys={key: j.model for key, j in project.journey_index.items()},
        on_warning=on_warning,
    )
    common: dict[str, Any] = {
        "t": labels,
        "lang": language,
        "project_name": project.config.name,
        "index_href": "../index." + fmt if links else None,
    }
    pages: dict[str, bytes] = {}
    views = [journey_view(one, context) for one in chosen]
    for view in views:
        page = fill(environment, f"journey.{fmt}", journey=view, **common)
        pages[f"journeys/{view.id}.{fmt}"] = page.encode("utf-8")
    if journey is None:
        pages.update(_persona_pages(project, environment, fmt, common))
        has_report = fmt == "html" and results is not None
        if has_report and results is not None:
            shown = kpi_page(results, project.config.name, language, project.config.currency)
            report = fill(
                environment, "kpi.html", page=shown, **{**common, "index_href": "index.html"}
            )
            pages["kpi.html"] = report.encode("utf-8")
        index = fill(
            environment,
            f"index.{fmt}",
            journeys=[_entry(view, fmt) for view in views],
            lowest_csat=lowest_csat(
                results, {k: t.model.name for k, t in project.touchpoint_index.items()}, language
            ),
            personas=[
                persona_view(p.model, labels, href=f"personas/{p.model.id}.{fmt}")
                for p in project.personas
            ],
            kpi_href="kpi.html" if has_report else None,
            **common,
        )
        pages[f"index.{fmt}"] = index.encode("utf-8")
    return pages


def refuse_problems(project: Project) -> None:
    """Raise InputError at the first loading problem, so no map is drawn from a broken file."""
    problems = project.problems
    if not problems:
        return
    first = problems[0]
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    raise InputError(
        f"cannot render: {first.message}{more}",
        hint="run 'kundresa lint' to see every problem",
        path=first.location.path,
        line=first.location.line,
        column=first.location.column,
    )


def find_journey(project: Project, wanted: str | Path) -> Journey:
    """Return the journey with this id, or the one in this file."""
    as_path = Path(wanted)
    if as_path.suffix in {".yaml", ".yml"} or as_path.is_file():
        for loaded in project.documents:
            if isinstance(loaded.model, Journey) and loaded.file.resolve() == as_path.resolve():
                return loaded.model
        raise InputError(
            f"{wanted} is not a journey file of this project",
            hint="pass a file in the project's journeys folder, or a journey id",
        )
    found = project.journey_index.get(str(wanted))
    if found is None:
        ids = [j.model.id for j in project.journeys]
        raise InputError(
            f"no journey '{wanted}'" + did_you_mean(str(wanted), ids),
            hint="journeys here: " + (", ".join(ids) or "none"),
        )
    return found.model


def _all_journeys(project: Project) -> list[Journey]:
    seen: set[str] = set()
    for one in project.journeys:
        if one.model.id in seen:
            where = one.locate("id")
            raise InputError(
                f"two journeys have the id '{one.model.id}'",
                hint="give each journey its own id; 'kundresa lint' shows both",
                path=where.path,
                line=where.line,
                column=where.column,
            )
        seen.add(one.model.id)
    return [one.model for one in project.journeys]


def _results(kpi_results: KpiSource) -> KpiResult | None:
    if kpi_results is None or isinstance(kpi_results, KpiResult):
        return kpi_results
    if isinstance(kpi_results, Path):
        return read_kpi_result(kpi_results)
    return result_from_numbers(kpi_results)


def _entry(view: JourneyView, fmt: str) -> JourneyEntry:
    steps = [step for phase in view.phases for step in phase.steps]
    scores = [
        (line.key, [step.emotions[index].score for step in steps])
        for index, line in enumerate(view.series)
    ]
    return JourneyEntry(
        title=view.title,
        href=f"journeys/{view.id}.{fmt}",
        state_key=view.state_key,
        state=view.state,
        owner=view.owner,
        phases=view.phase_count,
        steps=view.step_count,
        personas=[persona.name for persona in view.personas],
        curve=charts.sparkline(scores),
    )


def _persona_pages(
    project: Project, environment: Environment, fmt: str, common: Mapping[str, Any]
) -> dict[str, bytes]:
    labels = common["t"]
    pages: dict[str, bytes] = {}
    for located in project.personas:
        persona = located.model
        journeys = [
            Link(j.model.title, f"../journeys/{j.model.id}.{fmt}")
            for j in project.journeys
            if persona.id in j.model.personas
        ]
        view: PersonaView = persona_view(persona, labels, journeys=journeys)
        page = fill(environment, f"persona.{fmt}", persona=view, **common)
        pages[f"personas/{persona.id}.{fmt}"] = page.encode("utf-8")
    return pages
