"""The positioned YAML loader: values, positions, YAML 1.2 scalars and hostile input."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from kundresa.yamlio import MAX_FILE_BYTES, parse_yaml, read_yaml


def codes(document) -> list[str]:
    return [f"{p.location}: {p.code}" for p in document.problems]


def test_every_key_and_value_keeps_its_line_and_column():
    document = parse_yaml(
        b"phases:\n  - id: a\n    steps:\n      - action: Ser en reel\n", "j.yaml"
    )
    assert document.data == {"phases": [{"id": "a", "steps": [{"action": "Ser en reel"}]}]}
    assert str(document.locate("phases", 0, "steps", 0, "action")) == "j.yaml:4:17"
    assert str(document.locate("phases", 0, "steps", 0, "action", key=True)) == "j.yaml:4:9"
    assert str(document.locate("phases", 0, "id")) == "j.yaml:2:9"


def test_locating_a_path_without_a_position_falls_back_to_its_parent():
    document = parse_yaml(b"a:\n  b: 1\n", "x.yaml")
    assert str(document.locate("a", "missing", 3)) == "x.yaml:2:3"


@pytest.mark.parametrize("text", ["NO", "no", "off", "yes", "On", "y", "n"])
def test_yaml_1_1_booleans_stay_text(text):
    assert parse_yaml(f"land: {text}\n".encode(), "x.yaml").data == {"land": text}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("true", True),
        ("False", False),
        ("~", None),
        ("null", None),
        ("42", 42),
        ("-7", -7),
        ("0x1F", 31),
        ("0o17", 15),
        ("3.5", 3.5),
        ("1e3", 1000.0),
        ("'42'", "42"),
        ('"true"', "true"),
        ("!!str 42", "42"),
        ("2026-05-01", "2026-05-01"),
        ("01:30", "01:30"),
        ("012", 12),
    ],
)
def test_scalars_resolve_by_the_yaml_1_2_core_schema(text, value):
    assert parse_yaml(f"v: {text}\n".encode(), "x.yaml").data == {"v": value}


def test_a_syntax_error_is_reported_at_its_line_and_column():
    document = parse_yaml(b"kind: journey\ntitle: [Sommar\nid: x\n", "j.yaml")
    assert codes(document) == ["j.yaml:2:8: KR001"]
    assert document.data is None
    assert "the list that starts with '[' here is not closed" in document.problems[0].message


def test_a_tab_in_the_indentation_gets_a_hint():
    document = parse_yaml(b"a:\n\tb: 1\n", "t.yaml")
    assert codes(document) == ["t.yaml:2:1: KR001"]
    assert document.problems[0].hint == "indent with spaces, not tabs"


def test_a_duplicate_key_is_an_error_at_the_second_key_and_the_first_value_stays():
    document = parse_yaml(b"id: a\nname: A\nid: b\n", "p.yaml")
    assert codes(document) == ["p.yaml:3:1: KR002"]
    assert document.data == {"id": "a", "name": "A"}


def test_a_duplicate_key_inside_a_nested_mapping_is_found():
    text = b"phases:\n  - id: a\n    steps: []\n    steps:\n      - action: x\n"
    assert codes(parse_yaml(text, "j.yaml")) == ["j.yaml:4:5: KR002"]


def test_an_alias_bomb_is_refused_quickly():
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev, name = chr(96 + i), chr(97 + i)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    started = time.perf_counter()
    document = parse_yaml("\n".join(lines).encode(), "bomb.yaml")
    assert time.perf_counter() - started < 2
    assert codes(document) == ["bomb.yaml:5:8: KR001"]
    assert "alias bomb" in document.problems[0].message


def test_plain_aliases_are_allowed():
    document = parse_yaml(b"base: &b {x: 1}\nother: *b\n", "x.yaml")
    assert document.problems == []
    assert document.data["other"] == {"x": 1}


def test_five_thousand_levels_of_nesting_are_refused():
    for text in (
        b"a: " + b"[" * 5000 + b"]" * 5000,
        b"".join(b"  " * i + b"k:\n" for i in range(5000)),
    ):
        document = parse_yaml(text, "deep.yaml")
        assert [p.code for p in document.problems] == ["KR001"]
        assert "nests deeper than" in document.problems[0].message


def test_a_30_mb_file_is_refused_without_reading_it(tmp_path: Path):
    big = tmp_path / "big.yaml"
    with big.open("wb") as handle:
        handle.truncate(30 * 1024 * 1024)
    assert big.stat().st_size > MAX_FILE_BYTES
    document = read_yaml(big, "big.yaml")
    assert codes(document) == ["big.yaml:1:1: KR001"]
    assert "30.0 MB" in document.problems[0].message


def test_bytes_that_are_not_utf8_are_reported_where_they_are():
    document = parse_yaml("name: Café\nort: Malmö\n".encode("cp1252"), "p.yaml")
    assert codes(document) == ["p.yaml:1:10: KR001"]
    assert "not UTF-8" in document.problems[0].message


def test_a_utf8_byte_order_mark_is_accepted():
    assert parse_yaml("\ufeffname: Åsa\n".encode(), "p.yaml").data == {"name": "Åsa"}


def test_two_documents_in_one_file_are_an_error():
    assert codes(parse_yaml(b"a: 1\n---\nb: 2\n", "x.yaml")) == ["x.yaml:2:1: KR001"]


def test_an_empty_file_has_no_value_and_no_problem():
    document = parse_yaml(b"# only a comment\n", "x.yaml")
    assert document.data is None
    assert document.problems == []


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        ("a:\n  b: 1\n  c 2\n  d: 3\n", "3:3", "missing ':' after 'c'"),
        ("a:\n  b: 1\n\u00a0 c: 2\n  d: 3\n", "3:1", "indented with a no-break space"),
        ("a:\n  - b: 1\n   c: 2\n", "3:4", "'c' is indented 3 spaces, but the key above it 4"),
        ("a: 'x\nb: 2\nc: 3\n", "1:4", "the quote that starts here is never closed"),
        ("a: {b: 1\nc: 3\n", "1:4", "the mapping that starts with '{' here is not closed"),
        ("a: Note: this\n", "1:8", "a ':' followed by a space inside a value"),
    ],
    ids=["missing-colon", "no-break-space", "one-space-too-few", "quote", "brace", "colon"],
)
def test_a_syntax_error_is_named_in_plain_words_on_the_line_at_fault(
    text: str, where: str, message: str
):
    document = parse_yaml(text.encode(), "s.yaml")
    assert codes(document) == [f"s.yaml:{where}: KR001"]
    assert message in document.problems[0].message
    assert document.problems[0].hint
