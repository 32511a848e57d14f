"""Constants shared by the render tests: paths, chromium's flags and the hostile project.

Kept here rather than in conftest.py, because several test folders have a conftest.py and
`from conftest import ...` would pick whichever was imported last.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
SOMMAR = HERE / "projects" / "sommar"
GOLDEN = HERE / "golden"

#: Flags for chromium as root in a sandbox with no network (see the machine notes).
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]


SCRIPT = "<script>alert('x')</script>"
IMG = '<img src=x onerror="alert(1)">'
HOSTILE_FILES = {
    "personas/evil.yaml": f"""kind: persona
id: evil
name: "Eve {SCRIPT} 🎉"
quote: 'She said "hi" & it''s <b>bold</b>'
interests: ['{IMG}']
""",
    "personas/aase.yaml": """kind: persona
id: aase
name: Åse Ødegård
location: Malmö, Ärlig & Ödmjuk
""",
    "touchpoints/tp.yaml": """kind: touchpoints
touchpoints:
  - id: js
    name: "Click <me>"
    channel: web
    medium: digital
    url: "javascript:alert(1)"
    owner: "<i>Team</i>"
  - id: tab
    name: Tabbed
    channel: web
    medium: digital
    url: "java\\tscript:alert(2)"
  - id: ok
    name: Good link
    channel: email
    medium: digital
    url: "https://example.org/a?b=1&c=\\"2\\""
    conversion: true
""",
    "journeys/hostile.yaml": f"""kind: journey
id: hostile
title: "Journey: {SCRIPT} # 1; 100% æøåäö"
personas: [evil, aase]
kpis:
  - id: k
    metric: nps
    name: 'NPS {IMG}'
    target: ">= 40"
phases:
  - id: p
    name: "Phase: one # two; three"
    description: '{IMG}'
    steps:
      - touchpoint: js
        action: "title Journey planner: {SCRIPT}"
        thoughts: "\\"quoted\\" and 'single' 🎉 æøåäö"
        emotion: {{evil: 2, aase: 5}}
        pain_points: ['{IMG}', "# not a heading", "1. not a list", "[x](javascript:alert(3))"]
        opportunities:
          - text: "{SCRIPT}"
            value: high
            effort: low
        kpis: [k]
      - touchpoint: tab
        action: "section Journey, yes: really"
        emotion: 3
      - touchpoint: ok
        action: Buy
        emotion: {{evil: 4}}
""",
}
