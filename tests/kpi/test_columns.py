"""The headers kundresa writes in each language are ones kpi recognises as their column."""

from __future__ import annotations

import pytest

from kundresa.kpi.columns import CANONICAL, HEADERS, recognise


@pytest.mark.parametrize("language", ["sv", "da", "nb", "en"])
def test_every_header_of_a_language_is_recognised_as_its_column(language):
    for kind, headers in HEADERS[language].items():
        assert set(headers) <= set(CANONICAL[kind])
        assert recognise(kind, list(headers.values())) == headers
