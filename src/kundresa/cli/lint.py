"""`kundresa lint`: check the project's files and report the findings."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kundresa.cli.options import LintFormat, ProjectOption, QuietOption, note, use_colour

if TYPE_CHECKING:
    from kundresa.errors import KundresaError
    from kundresa.lint.reporters import Report, Reporter

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
    from kundresa.lint.reporters import get_reporter, summary

    reporter = get_reporter(output_format.value)
    if list_rules:
        from kundresa.lint.reporters.rule_list import render_rules

        typer.echo(render_rules(output_format.value), nl=False)
        return

    from kundresa.errors import KundresaError

    try:
        report = _run(paths, project, select, ignore)
    except KundresaError as error:
        if output_format != LintFormat.TEXT:
            # CI reads stdout: a valid document that records the error, never an empty file.
            _write_error(reporter, error)
        raise
    colour = use_colour()
    # click strips colour codes from output that is not a terminal unless told otherwise.
    typer.echo(reporter(report, colour), nl=False, color=colour)
    if output_format == LintFormat.GITHUB:
        _write_step_summary(report)
    note(summary(report), quiet=quiet)
    if report.failed(strict=strict):
        raise typer.Exit(EXIT_FINDINGS)


def _run(
    paths: list[Path] | None,
    project: Path | None,
    select: list[str] | None,
    ignore: list[str] | None,
) -> Report:
    """Lint the project (or, given paths, each project they lie in) into one report."""
    from kundresa.lint import lint_paths, lint_project
    from kundresa.lint.reporters import Report
    from kundresa.project import load_project

    if paths and project is None:
        return Report.of(lint_paths(paths, select, ignore))
    loaded = load_project(project=project)
    return Report.of([(loaded, lint_project(loaded, paths, select, ignore))])


def _write_error(reporter: Reporter, error: KundresaError) -> None:
    from kundresa.lint.reporters import Report
    from kundresa.project import path_base

    typer.echo(reporter(Report([], base=path_base(Path.cwd()), error=error), False), nl=False)


def _write_step_summary(report: Report) -> None:
    """Append every finding to the job summary when GitHub would not show them all."""
    from kundresa.lint.reporters.github import over_limit, step_summary

    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target and over_limit(report):
        # GitHub's protocol: each step appends Markdown to the file it names.
        with Path(target).open("a", encoding="utf-8") as handle:
            handle.write(step_summary(report))
