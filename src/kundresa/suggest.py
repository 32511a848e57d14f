"""Did-you-mean suggestions for misspelt names."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(word: str, candidates: Iterable[str]) -> str | None:
    """Return the candidate closest to `word`, or None when nothing is close."""
    options = sorted(set(candidates))
    # One wrong letter in a two-letter code is half of it; still worth suggesting.
    cutoff = 0.5 if len(word) <= 3 else 0.6
    matches = difflib.get_close_matches(word, options, n=1, cutoff=cutoff)
    if not matches:
        lowered = {option.lower(): option for option in options}
        found = difflib.get_close_matches(word.lower(), lowered, n=1, cutoff=cutoff)
        matches = [lowered[m] for m in found]
    return matches[0] if matches else None


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """Return ` (did you mean 'x'?)` for the closest candidate, or an empty string."""
    match = closest(word, candidates)
    return f" (did you mean '{match}'?)" if match else ""
