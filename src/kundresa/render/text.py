"""Making user text safe for each output: links, Markdown and Mermaid.

HTML escaping is Jinja's autoescape; what lives here is what autoescape cannot know:
which links may become links and what Markdown and Mermaid read as syntax. Numbers are
worded by `kundresa.figures`.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit, urlunsplit

_LINK_SCHEMES = {"http", "https", "mailto"}
# Browsers drop these before reading a scheme, so "java\tscript:" is javascript:.
_URL_NOISE = re.compile(r"[\t\n\r]")
_HOST = re.compile(r"^[\w.\-:@\[\]%~!$&'()*+,;=]*$", re.ASCII)
_URL_SAFE = "/:?#[]@!$&'()*+,;=%~-._"

# Backslash escapes every ASCII punctuation character in GitHub-flavoured Markdown; these
# are the ones that can start markup, links, HTML or a table cell.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&$])")
# What starts a heading, quote, list or rule when it begins a list item's text.
_MD_BLOCK_START = re.compile(r"^([#+=-])")
_MD_ORDERED = re.compile(r"^(\d+)([.)])")
_WHITESPACE = re.compile(r"\s+")

# Mermaid's journey grammar stops a name at `:` `#` `;` and newlines; each becomes the
# look-alike full-width form. Plain `,` and `%` render in task, section and title text
# (measured with mermaid-cli 11.17), and the full-width forms show as empty boxes where
# the fonts lack them, so only an actor name, which `,` would end, has them replaced.
_MERMAID_SAFE = str.maketrans({":": "：", "#": "＃", ";": "；", "<": "‹", ">": "›", "`": "ʻ"})
_MERMAID_ACTOR = str.maketrans({",": "，", "%": "％"})
_MERMAID_KEYWORD = re.compile(r"^(journey\b|title\s|section\s|acc(title|descr))", re.IGNORECASE)
_ZERO_WIDTH_SPACE = "\u200b"


def safe_url(url: str | None) -> str | None:
    """Return `url` cleaned when it is an http(s) or mailto link, else None.

    Anything else (javascript:, data:, relative paths, a URL with no host) is shown as
    text, never as a link.
    """
    if not url:
        return None
    try:
        parts = urlsplit(_URL_NOISE.sub("", url).strip("\x00 \x0b\x0c"))
        host = parts.netloc.encode("idna").decode("ascii") if parts.netloc else ""
    except (ValueError, UnicodeError):
        return None
    scheme = parts.scheme.lower()
    if scheme not in _LINK_SCHEMES:
        return None
    if (scheme == "mailto") == bool(host) or not (host or parts.path) or not _HOST.match(host):
        return None
    # Percent-encode what a URL may not hold as it is: quotes, spaces, <>, controls.
    path, query, fragment = (quote(p, safe=_URL_SAFE) for p in parts[2:])
    return urlunsplit((scheme, host, path, query, fragment))


def one_line(text: str) -> str:
    """Return `text` with every run of whitespace, newlines included, as one space."""
    return _WHITESPACE.sub(" ", text).strip()


def markdown_text(text: str) -> str:
    """Return `text` as one line of Markdown that shows exactly these characters."""
    escaped = _MD_SPECIAL.sub(r"\\\1", one_line(text))
    escaped = _MD_ORDERED.sub(r"\1\\\2", escaped)
    return _MD_BLOCK_START.sub(r"\\\1", escaped)


def markdown_url(url: str) -> str:
    """Return a link target that Markdown cannot end early (spaces, parentheses, `<>`)."""
    return quote(url, safe=_URL_SAFE.replace("(", "").replace(")", ""))


def mermaid_text(text: str, *, actor: bool = False) -> str:
    """Return `text` as a name Mermaid's journey diagram reads as plain words.

    An `actor` name also has `,` and `%` replaced: a comma would end it.
    """
    safe = one_line(text).translate(_MERMAID_SAFE) or "–"
    if actor:
        safe = safe.translate(_MERMAID_ACTOR)
    if _MERMAID_KEYWORD.match(safe):
        # A task that starts with a keyword would be read as that keyword.
        safe = _ZERO_WIDTH_SPACE + safe
    return safe
