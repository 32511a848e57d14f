"""`kundresa lint`: check the project's files and report the findings."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kundresa.cli.options import LintFormat, ProjectOption, QuietOption, note, use_colour

EXIT_FINDINGS = 1


def lint(
    *,
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Report only on these files or folders (references still resolve "
            "against the whole project).",
            show_default=False,
        ),
    ] = None,
    project: ProjectOption = None,
    output_format: Annotated[
        LintFormat, typer.Option("--format", "-f", help="Output format on stdout.")
    ] = LintFormat.TEXT,
    select: Annotated[
        list[str] | None,
        typer.Option(
            "--select",
            help="Run only these rules: codes, names or prefixes such as KR2 (comma-separated "
            "or repeated).",
            show_default=False,
        ),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option("--ignore", help="Do not run these rules.", show_default=False),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit 1 on warnings too, not only on errors.")
    ] = False,
    list_rules: Annotated[
        bool, typer.Option("--list-rules", help="List every rule and exit.")
    ] = False,
    quiet: QuietOption = False,
) -> None:
    """Check journeys, personas and touchpoints: syntax, schema, references and quality.

    Exits 0 when clean or with only warnings and info, 1 on errors (or warnings with
    --strict), 2 on a usage or configuration error.
    """
    from kundresa.lint.reporters import get_reporter

    reporter = get_reporter(output_format.value)
    if list_rules:
        from kundresa.lint.reporters.rule_list import render_rules

        typer.echo(render_rules(output_format.value), nl=False)
        return

    from kundresa.lint import lint_project
    from kundresa.lint.reporters import Report, summary
    from kundresa.project import load_project

    start = _start(paths) if project is None else None
    loaded = load_project(start=start, project=project)
    findings = lint_project(loaded, paths, select, ignore)
    report = Report.of(loaded, findings)
    colour = use_colour()
    # click strips colour codes from output that is not a terminal unless told otherwise.
    typer.echo(reporter(report, colour), nl=False, color=colour)
    note(summary(report), quiet=quiet)
    if report.failed(strict=strict):
        raise typer.Exit(EXIT_FINDINGS)


def _start(paths: list[Path] | None) -> Path | None:
    """Return the project folder of the first path that lies in one; None to start here.

    pre-commit passes every changed YAML file, workflows outside the project among them.
    """
    from kundresa.models.config import CONFIG_FILE

    for path in paths or ():
        folder = (path if path.is_dir() else path.parent).resolve()
        for candidate in (folder, *folder.parents):
            if (candidate / CONFIG_FILE).is_file():
                return candidate
    return None
