"""`lint_project`: run the selected rules over a loaded project and return the findings.

`lint_paths` does the same for files that may lie in several projects, as pre-commit
passes them: each project lints its own files, and files outside any project are skipped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kundresa.diagnostics import Diagnostic, Severity
from kundresa.errors import ConfigError, InputError
from kundresa.lint.context import Context
from kundresa.lint.registry import RULES, RULES_BY_CODE, expand, get_rule, split_words
from kundresa.lint.rule import Rule
from kundresa.lint.suppression import disabled_codes
from kundresa.suggest import did_you_mean

if TYPE_CHECKING:
    from kundresa.project import Project
    from kundresa.yamlio import Document


def lint_paths(
    paths: Sequence[Path],
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
) -> list[tuple[Project, list[Diagnostic]]]:
    """Lint the projects that `paths` lie in, each reporting only on its own paths.

    A path outside any project (a workflow file, the pre-commit config) is skipped, so
    a commit that touches only such files passes. Returns each project with its findings.

    Raises:
        InputError: a path does not exist.
        ConfigError: an option or a project's `lint.rules` names no rule.
    """
    from kundresa.project import load_project, project_folder

    groups: dict[Path, list[Path]] = {}
    for path in paths:
        if not path.exists():
            raise InputError(f"{path}: no such file or folder", hint="check the path")
        root = project_folder(path)
        if root is not None:
            groups.setdefault(root, []).append(path)
    results = []
    for root, inside in sorted(groups.items()):
        project = load_project(project=root)
        results.append((project, lint_project(project, inside, select, ignore)))
    return results


def lint_project(
    project: Project,
    paths: Sequence[Path] | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
) -> list[Diagnostic]:
    """Check a loaded project and return its findings, sorted by file, line and column.

    Args:
        project: the project, as `load_project` returns it.
        paths: report only findings in these files or folders; references still
            resolve against the whole project.
        select: codes, names or code prefixes (KR2) of the rules to run; all when empty.
            Naming a rule here runs it even where kundresa.yaml turns it off.
        ignore: codes, names or prefixes of rules not to run.

    Raises:
        ConfigError: an option or `lint.rules` in kundresa.yaml names no rule.
        InputError: a path does not exist.
    """
    severities = rule_severities(project, select, ignore)
    context = Context(project)
    findings = [
        Diagnostic(f.location, rule.code, rule.name, severity, f.message, f.hint, f.suggestion)
        for rule, severity in severities.items()
        for f in rule.check(context)
    ]
    if paths:
        findings = _within(project, findings, paths)
    return sorted(_unsilenced(project, findings), key=Diagnostic.sort_key)


def rule_severities(
    project: Project, select: Iterable[str] | None = None, ignore: Iterable[str] | None = None
) -> dict[Rule, Severity]:
    """Return each rule to run with its severity, from kundresa.yaml and the options."""
    configured = _configured(project)
    selected = split_words(select)
    chosen = [r for word in selected for r in expand(word, "--select")] if selected else RULES
    ignored = {r for word in split_words(ignore) for r in expand(word, "--ignore")}
    named = {get_rule(word) for word in selected} - {None}
    result: dict[Rule, Severity] = {}
    for rule in sorted(set(chosen) - ignored, key=lambda r: r.code):
        severity = configured.get(rule.code, rule.severity)
        if severity is Severity.OFF and rule in named:
            severity = rule.severity  # the command line overrides the file
        if severity is not Severity.OFF:
            result[rule] = severity
    return result


def _configured(project: Project) -> dict[str, Severity]:
    rules = project.config.lint.rules
    for code in rules:
        if code not in RULES_BY_CODE:
            where = project.config_document.locate("lint", "rules", code, key=True)
            raise ConfigError(
                f"lint.rules: no rule '{code}'" + did_you_mean(code, RULES_BY_CODE),
                hint="run 'kundresa lint --list-rules' to see every code",
                path=where.path,
                line=where.line,
                column=where.column,
            )
    return dict(rules)


def _within(
    project: Project, findings: list[Diagnostic], paths: Sequence[Path]
) -> list[Diagnostic]:
    """Keep the findings in files at or below `paths`."""
    wanted = []
    for path in paths:
        if not path.exists():
            raise InputError(f"{path}: no such file or folder", hint="check the path")
        wanted.append(path.resolve())
    files = {d.document.path: d.file.resolve() for d in project.documents}
    files[project.config_document.path] = (project.root / "kundresa.yaml").resolve()

    def inside(display: str) -> bool:
        file = files.get(display)
        return file is not None and any(file == p or file.is_relative_to(p) for p in wanted)

    return [f for f in findings if inside(f.location.path)]


def _unsilenced(project: Project, findings: list[Diagnostic]) -> list[Diagnostic]:
    """Drop the findings silenced by a `# kundresa: disable=` comment on their line."""
    documents: dict[str, Document] = {d.document.path: d.document for d in project.documents}
    kept = []
    for finding in findings:
        document = documents.get(finding.location.path)
        line = finding.location.line
        silenced = (
            document is not None
            and 0 < line <= len(document.lines)
            and finding.code in disabled_codes(document.lines[line - 1])
        )
        if not silenced:
            kept.append(finding)
    return kept
