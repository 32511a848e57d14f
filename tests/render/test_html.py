"""The HTML map: golden file, escaping, links, KPI actuals, languages, the site and options."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kundresa import load_project
from kundresa.errors import InputError
from kundresa.render import render_pages, render_project

from render.render_support import GOLDEN, IMG, SCRIPT


def render_one(root: Path, fmt: str = "html", **options: object) -> str:
    pages = render_pages(load_project(project=root), fmt=fmt, **options)  # type: ignore[arg-type]
    journey = next(name for name in pages if name.startswith("journeys/"))
    return pages[journey].decode("utf-8")


class Elements(HTMLParser):
    """Collect every start tag with its attributes, and the text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> Elements:
    parser = Elements()
    parser.feed(html)
    return parser


def test_html_matches_the_golden_file(sommar: Path, update_goldens: bool) -> None:
    html = render_one(sommar, kpi_results=sommar / "results.json")
    golden = GOLDEN / "sommarkonsert.html"
    if update_goldens:
        golden.write_text(html, encoding="utf-8")
    assert html == golden.read_text(encoding="utf-8"), (
        "the map changed; if on purpose, run KUNDRESA_UPDATE_GOLDENS=1 pytest tests/render"
    )


def test_rendering_twice_gives_the_same_bytes(sommar: Path, tmp_path: Path) -> None:
    project = load_project(project=sommar)
    for fmt in ("html", "md"):
        first = render_project(
            project, fmt=fmt, out=tmp_path / "a", kpi_results=sommar / "results.json"
        )
        again = render_project(
            project, fmt=fmt, out=tmp_path / "b", kpi_results=sommar / "results.json"
        )
        assert [p.relative_to(tmp_path / "a") for p in first] == [
            p.relative_to(tmp_path / "b") for p in again
        ]
        for a, b in zip(first, again, strict=True):
            assert a.read_bytes() == b.read_bytes()


def test_hostile_text_is_escaped_and_kept(hostile: Path) -> None:
    pages = render_pages(load_project(project=hostile))
    for name, data in pages.items():
        html = data.decode("utf-8")
        doc = parse(html)
        tags = {tag for tag, _ in doc.tags}
        assert "script" not in tags, name
        assert "img" not in tags, name
        assert "b" not in tags and "i" not in tags, name
        for tag, attrs in doc.tags:
            assert not [a for a in attrs if a.startswith("on")], (name, tag, attrs)
            href = attrs.get("href") or ""
            assert not href.lower().replace("\t", "").startswith(("javascript", "data")), href
        assert "javascript:alert" not in " ".join(a.get("href") or "" for _, a in doc.tags)
    journey = parse(pages["journeys/hostile.html"].decode("utf-8"))
    text = "".join(journey.text)
    for kept in (
        SCRIPT,
        IMG,
        "Click <me>",
        "<i>Team</i>",
        '"quoted"',
        "'single'",
        "🎉",
        "æøåäö",
        "Åse Ødegård",
        "Journey: ",
    ):
        assert kept in text, kept


def test_only_http_and_mailto_links_become_links(hostile: Path) -> None:
    html = render_one(hostile)
    hrefs = [a["href"] for tag, a in parse(html).tags if tag == "a" and a.get("href")]
    external = [h for h in hrefs if not h.startswith("#") and not h.endswith(".html")]
    assert external == ["https://example.org/a?b=1&c=%222%22"]
    assert 'href="https://example.org/a?b=1&amp;c=%222%22"' in html


def test_kpis_show_actuals_against_targets(sommar: Path) -> None:
    html = render_one(sommar, kpi_results=sommar / "results.json")
    row = re.search(r"<th scope=\"row\">Återköpsgrad.*?</tr>", html, re.S)
    assert row and "31,2" in row.group() and "Ej uppnått" in row.group()
    row = re.search(r"<th scope=\"row\">NPS.*?</tr>", html, re.S)
    assert row and ">44<" in row.group() and "Uppnått" in row.group()
    row = re.search(r"<th scope=\"row\">Konverteringsgrad.*?</tr>", html, re.S)
    assert row and "Ingen data" in row.group()
    row = re.search(r"<th scope=\"row\">Svarsfrekvens.*?</tr>", html, re.S)
    assert row and "18" in row.group() and "Ej uppnått" in row.group()


def test_kpi_results_can_be_given_as_numbers(sommar: Path) -> None:
    html = render_one(sommar, kpi_results={"repeat_rate": 0.4})
    row = re.search(r"<th scope=\"row\">Återköpsgrad.*?</tr>", html, re.S)
    assert row and "40,0" in row.group() and "status met" in row.group()


@pytest.mark.parametrize(
    "content",
    [
        "not json",
        "[1, 2]",
        '{"kpis": {}}',
        '{"metrics": {"nps": "high"}}',
        '{"metrics": {"nps": true}}',
    ],
)
def test_a_file_that_is_not_kpi_results_is_an_error(sommar: Path, content: str) -> None:
    results = sommar / "bad.json"
    results.write_text(content)
    with pytest.raises(InputError) as caught:
        render_one(sommar, kpi_results=results)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ["Customer action", "Pain points", "Opportunity matrix", "As-is"]),
        ("sv", ["Kundens handling", "Smärtpunkter", "Möjlighetsmatris", "Nuläge"]),
        ("da", ["Kundens handling", "Smertepunkter", "Mulighedsmatrix", "Nuværende"]),
        ("nb", ["Kundens handling", "Smertepunkter", "Mulighetsmatrise", "Nåsituasjon"]),
    ],
)
def test_labels_follow_the_language(sommar: Path, lang: str, words: list[str]) -> None:
    html = render_one(sommar, lang=lang)
    assert f'<html lang="{lang}">' in html
    for word in words:
        assert word in html
    assert "Ser en reel med artisten" in html  # user text as written


def test_an_unknown_language_is_an_error(sommar: Path) -> None:
    with pytest.raises(InputError, match="no labels in 'fi'"):
        render_one(sommar, lang="fi")


def test_the_site_links_every_journey_and_persona(sommar: Path, tmp_path: Path) -> None:
    written = render_project(load_project(project=sommar), out=tmp_path / "site")
    names = sorted(str(p.relative_to(tmp_path / "site")) for p in written)
    assert names == [
        "index.html",
        "journeys/sommarkonsert.html",
        "personas/opera-olle.html",
        "personas/pop-petra.html",
    ]
    for page in written:
        for _, attrs in parse(page.read_text()).tags:
            href = attrs.get("href") or ""
            if href.endswith(".html"):
                assert (page.parent / href).resolve().is_file(), (page, href)


def test_default_output_is_site_in_the_project(sommar: Path) -> None:
    written = render_project(load_project(project=sommar))
    assert sommar / "site" / "index.html" in written


def test_one_journey_by_id_or_file(sommar: Path, tmp_path: Path) -> None:
    project = load_project(project=sommar)
    by_id = render_project(project, "sommarkonsert", out=tmp_path / "a")
    by_file = render_project(
        project, sommar / "journeys" / "sommarkonsert.yaml", out=tmp_path / "b"
    )
    assert by_id == [tmp_path / "a" / "journeys" / "sommarkonsert.html"]
    assert by_file == [tmp_path / "b" / "journeys" / "sommarkonsert.html"]
    single = render_project(project, "sommarkonsert", fmt="md", out=tmp_path / "map.md")
    assert single == [tmp_path / "map.md"]
    with pytest.raises(InputError, match=r"does not end in \.md"):
        render_project(project, "sommarkonsert", fmt="md", out=tmp_path / "map.html")
    with pytest.raises(InputError, match="did you mean 'sommarkonsert'"):
        render_project(project, "sommarkonsrt", out=tmp_path / "c")


def test_own_templates_override_by_name_in_a_sandbox(sommar: Path, tmp_path: Path) -> None:
    own = tmp_path / "own"
    own.mkdir()
    (own / "style.css").write_text("body { color: rebeccapurple; }\n")
    html = render_one(sommar, templates_dir=own)
    assert "rebeccapurple" in html and "Ser en reel med artisten" in html
    (own / "journey.md").write_text("{{ journey.title }}|{{ journey.__class__.__mro__ }}\n")
    with pytest.raises(InputError, match="reaches past the view objects"):
        render_one(sommar, fmt="md", templates_dir=own)
    (own / "journey.md").write_text("{{ journey.no_such_field }}\n")
    with pytest.raises(InputError, match="has no attribute 'no_such_field'"):
        render_one(sommar, fmt="md", templates_dir=own)


def test_the_page_makes_no_network_request(sommar: Path) -> None:
    html = render_one(sommar, kpi_results=sommar / "results.json")
    tags = parse(html).tags
    assert not [t for t, a in tags if t in {"script", "link", "img", "iframe", "object"}]
    assert not [a for _, a in tags if a.get("src")]
    assert "url(" not in html and "@import" not in html


def test_a_long_journey_is_cut_into_bands_of_whole_phases(write_project) -> None:
    steps = "\n".join(f"      - action: Step {i}\n        emotion: {i % 5 + 1}" for i in range(5))
    phases = "\n".join(f"  - id: p{n}\n    name: P{n}\n    steps:\n{steps}" for n in range(5))
    root = write_project(
        {"journeys/j.yaml": f"kind: journey\nid: j\ntitle: J\nphases:\n{phases}\n"}
    )
    html = render_one(root)
    sizes = re.findall(r'<table class="map n(\d)"', html)
    assert sizes == ["5", "5", "5", "5", "5"]
    long = "\n".join(f"      - action: Step {i}" for i in range(20))
    root = write_project(
        {
            "journeys/j.yaml": "kind: journey\nid: j\ntitle: J\nphases:\n"
            f"  - id: a\n    name: A\n    steps:\n{long}\n"
        },
        name="long",
    )
    html = render_one(root)
    assert re.findall(r'<table class="map n(\d)"', html) == ["8", "8", "4"]
    assert html.count("(continued)") == 2


def test_render_refuses_a_project_with_errors(sommar: Path, kundresa) -> None:
    (sommar / "journeys" / "broken.yaml").write_text("kind: journey\nid: x\ntitle: [unclosed\n")
    result = kundresa("render", "-p", sommar)
    assert result.returncode == 2
    first = result.stderr.splitlines()[0]
    assert re.match(r"kundresa: journeys/broken\.yaml:\d+:\d+: cannot render: ", first) or re.match(
        r"kundresa: .*broken\.yaml:\d+:\d+: cannot render: ", first
    ), result.stderr
    assert "kundresa lint" in result.stderr
    assert not (sommar / "site").exists()


def test_the_command_writes_the_site(sommar: Path, kundresa) -> None:
    result = kundresa("render", "--kpi", "results.json", cwd=sommar)
    assert result.returncode == 0, result.stderr
    assert (sommar / "site" / "index.html").is_file()
    assert result.stdout == ""
    printed = kundresa("render", "sommarkonsert", "--format", "md", "--out", "-", cwd=sommar)
    assert printed.returncode == 0 and printed.stdout.startswith("# Sommarkonsert i Slottsskogen")
    bad = kundresa("render", "--kpi", "kundresa.yaml", cwd=sommar)
    assert bad.returncode == 2
    assert "not JSON" in bad.stderr and "Traceback" not in bad.stderr


def test_a_journey_without_personas_draws_one_customer_curve(write_project) -> None:
    root = write_project(
        {
            "journeys/j.yaml": "kind: journey\nid: j\ntitle: J\nphases:\n"
            "  - id: a\n    name: A\n    steps:\n"
            "      - action: First\n        emotion: 4\n"
            "      - action: Second\n"
            "      - action: Third\n        emotion: 2\n"
        }
    )
    html = render_one(root)
    assert '<path class="curve s0"' in html and "curve s1" not in html
    assert '<span class="who">Customer</span>' in html
    assert "Step 2: not given" in html
    markdown = render_one(root, fmt="md")
    assert "    First: 4\n    Second (not given): 3\n    Third: 2\n" in markdown


def test_personas_scored_but_not_listed_still_get_a_line(write_project) -> None:
    root = write_project(
        {
            "journeys/j.yaml": "kind: journey\nid: j\ntitle: J\nphases:\n"
            "  - id: a\n    name: A\n    steps:\n"
            "      - action: First\n        emotion: {ann: 4, bo: 2}\n"
            "      - action: Second\n        emotion: 3\n"
        }
    )
    html = render_one(root)
    assert '<path class="curve s0"' in html and '<path class="curve s1"' in html
    markdown = render_one(root, fmt="md")
    assert "    First: 4: ann\n    First: 2: bo\n    Second: 3: ann, bo\n" in markdown


def test_a_phase_without_steps_is_still_drawn(write_project) -> None:
    root = write_project(
        {
            "journeys/j.yaml": "kind: journey\nid: j\ntitle: J\npersonas: [ann]\nphases:\n"
            "  - id: a\n    name: Alpha\n    steps:\n"
            "      - action: First\n        emotion: {ann: 4}\n"
            "  - id: b\n    name: Beta\n"
            "  - id: c\n    name: Gamma\n    steps:\n"
            "      - action: Second\n        emotion: {ann: 2}\n"
        }
    )
    html = render_one(root)
    assert "Beta</span>" in html and "No steps yet" in html
    assert "Step 1" in html and "Step 2" in html and "Step 0" not in html
    assert re.findall(r'<table class="map n(\d)"', html) == ["3"]
    markdown = render_one(root, fmt="md")
    assert "## 2. Beta" in markdown and "### Step 2. Second" in markdown
    assert "section Beta" in markdown
