"""`kundresa cache clear`: forget every export that `kpi` keeps between runs."""

from __future__ import annotations

from typing import Annotated

import typer

from kundresa.cli.options import CacheAction, QuietOption, note


def cache(
    action: Annotated[CacheAction, typer.Argument(help="clear: remove every cached export.")],
    *,
    quiet: QuietOption = False,
) -> None:
    """Manage the cache of parsed exports that makes a second `kpi` run instant."""
    from kundresa.kpi.cache import cache_dir, clear

    if action is CacheAction.CLEAR:
        removed = clear()
        entries = "export" if removed == 1 else "exports"
        note(f"Removed {removed} cached {entries} from {cache_dir()}.", quiet=quiet)
