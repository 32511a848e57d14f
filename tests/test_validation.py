"""Schema errors point at the key or value the user wrote, in a marketer's words."""

from __future__ import annotations

from kundresa.models import Journey, Persona, ProjectConfig, Step, TouchpointCatalogue
from kundresa.validation import validate, validate_partially
from kundresa.yamlio import parse_yaml

JOURNEY = """\
kind: journey
id: sommarkonsert
title: Sommarkonsert
personas: [pop-petra]
phases:
  - id: medvetenhet
    name: Medvetenhet
    steps:
      - touchpoint: instagram
        action: Ser en reel
        emotion: 4
  - id: beslut
    name: Beslut
    steps:
      - action: Köper biljett
        emotion:
          pop-petra: 7
"""


def findings(text: str, model) -> list[str]:
    document = parse_yaml(text.encode(), "f.yaml")
    _, problems = validate(document, model)
    return [f"{p.location}: {p.code} {p.message}" for p in problems]


def test_a_valid_journey_gives_a_model_and_no_findings():
    document = parse_yaml(JOURNEY.replace("pop-petra: 7", "pop-petra: 3").encode(), "j.yaml")
    journey, problems = validate(document, Journey)
    assert problems == []
    assert isinstance(journey, Journey)
    assert journey.phases[1].steps[0].emotion_for("pop-petra") == 3


def test_an_out_of_range_emotion_deep_in_a_journey_points_at_the_value():
    assert findings(JOURNEY, Journey) == [
        "f.yaml:17:22: KR003 the emotion of 'pop-petra' must be at most 5, not 7"
    ]


def test_an_emotion_that_is_not_a_number_gets_a_hint():
    document = parse_yaml(JOURNEY.replace("emotion: 4", "emotion: glad").encode(), "j.yaml")
    _, problems = validate(document, Journey)
    assert str(problems[0].location) == "j.yaml:11:18"
    assert problems[0].message == "'emotion' should be a whole number, not 'glad'"
    # The hint is the field's description in the model, so it never drifts from it.
    assert problems[0].hint == Step.model_fields["emotion"].description


def test_an_unknown_field_points_at_its_key_with_a_did_you_mean():
    text = JOURNEY.replace("        action: Ser en reel", "        actoin: Ser en reel")
    result = findings(text, Journey)
    assert "f.yaml:10:9: KR003 unknown field 'actoin' (did you mean 'action'?)" in result
    assert "f.yaml:9:9: KR003 'action' is required here" in result


def test_an_unknown_field_at_the_top_suggests_the_field_and_lists_the_allowed_ones():
    document = parse_yaml(JOURNEY.replace("title:", "titel:").encode(), "j.yaml")
    _, problems = validate(document, Journey)
    unknown = next(p for p in problems if "unknown" in p.message)
    assert str(unknown.location) == "j.yaml:3:1"
    assert unknown.suggestion == "title"
    assert "phases" in (unknown.hint or "")


def test_a_bad_channel_names_the_choices_and_the_closest():
    text = (
        "kind: touchpoints\ntouchpoints:\n  - id: instagram\n    name: Instagram\n"
        "    channel: socal\n    medium: digital\n"
    )
    document = parse_yaml(text.encode(), "t.yaml")
    _, problems = validate(document, TouchpointCatalogue)
    assert [f"{p.location}: {p.message}" for p in problems] == [
        "t.yaml:5:14: 'socal' is not a valid channel (did you mean 'social'?)"
    ]
    assert "box-office" in (problems[0].hint or "")


def test_yes_is_not_a_boolean():
    text = (
        "kind: touchpoints\ntouchpoints:\n  - id: kassa\n    name: Kassa\n"
        "    channel: web\n    medium: digital\n    conversion: yes\n"
    )
    assert findings(text, TouchpointCatalogue) == [
        "f.yaml:7:17: KR003 'conversion' should be true or false, not 'yes'"
    ]


def test_an_id_that_is_not_a_slug_suggests_one():
    document = parse_yaml(b"kind: persona\nid: Opera Olle\nname: Olle\n", "p.yaml")
    _, problems = validate(document, Persona)
    assert str(problems[0].location) == "p.yaml:2:5"
    assert problems[0].suggestion == "opera-olle"


def test_an_age_out_of_range_is_reported():
    assert findings("kind: persona\nid: a\nname: A\nage: 130\n", Persona) == [
        "f.yaml:4:6: KR003 'age' must be at most 120, not 130"
    ]
    assert findings("kind: persona\nid: a\nname: A\nage: -1\n", Persona) == [
        "f.yaml:4:6: KR003 'age' must be at least 0, not -1"
    ]


def test_a_missing_required_field_points_at_its_mapping():
    assert findings("kind: persona\nid: a\n", Persona) == [
        "f.yaml:1:1: KR003 'name' is required here"
    ]


def test_a_target_without_a_comparison_explains_how_to_write_one():
    text = JOURNEY + "kpis:\n  - id: nps\n    metric: nps\n    target: 40\n"
    text = text.replace("pop-petra: 7", "pop-petra: 3")
    assert findings(text, Journey) == [
        "f.yaml:21:13: KR003 a target needs a comparison; write it as a text such as '>= 40'"
    ]


def test_a_bad_date_in_the_plan_gets_the_format():
    text = JOURNEY.replace("pop-petra: 7", "pop-petra: 3") + (
        "plan:\n  - text: SMS\n    due: 2026-13-01\n"
    )
    assert findings(text, Journey) == ["f.yaml:20:10: KR003 '2026-13-01' is not a date"]


def test_project_settings_validate_lint_severities():
    text = "version: 1\nname: X\nlint:\n  rules: {KR208: of}\n"
    result = findings(text, ProjectConfig)
    assert result == [
        "f.yaml:4:18: KR003 'of' is not a valid value for 'KR208' (did you mean 'off'?)"
    ]


def test_partial_validation_leaves_out_the_step_at_fault_and_keeps_positions():
    text = (
        "kind: journey\nid: j\ntitle: J\nphases:\n  - id: a\n    name: A\n    steps:\n"
        "      - touchpoint: [web]\n        emotion: 2\n"  # no action, a list: the step goes
        "      - action: Pays\n        emotion: 9\n"  # only the emotion goes
        "      - action: Leaves\n"
    )
    document = parse_yaml(text.encode(), "j.yaml")
    journey, problems, view = validate_partially(document, Journey)
    assert isinstance(journey, Journey)
    assert [f"{p.location}" for p in problems] == ["j.yaml:8:21", "j.yaml:8:9", "j.yaml:11:18"]
    assert [step.action for step in journey.phases[0].steps] == ["Pays", "Leaves"]
    assert journey.phases[0].steps[0].emotion is None
    # Positions follow the steps that are left, not their new indexes.
    assert str(view.locate("phases", 0, "steps", 1, "action")) == "j.yaml:12:17"
    assert view.lost_under("phases", 0, "steps", 0, "emotion")
    assert view.lost_under("phases", 0, "steps")
    assert not view.lost_under("phases", 0, "steps", 1)


def test_partial_validation_gives_up_only_when_the_document_itself_is_at_fault():
    document = parse_yaml(b"kind: journey\nid: j\nphases: []\n", "j.yaml")
    journey, problems, view = validate_partially(document, Journey)
    assert journey is None
    assert view is document
    assert {p.message for p in problems} == {
        "'title' is required here",
        "'phases' needs at least one entry",
    }
