"""Making user text safe for each output: links, Markdown, Mermaid, and numbers by language.

HTML escaping is Jinja's autoescape; what lives here is what autoescape cannot know:
which links may become links, what Markdown and Mermaid read as syntax, and how numbers
are written in each language.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_EVEN, Decimal
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

# Mermaid's journey grammar stops a name at `:` `#` `;` and newlines, reads `%` as a
# comment and `,` as the end of an actor; each becomes the look-alike full-width form.
_MERMAID_SAFE = str.maketrans(
    {":": "：", "#": "＃", ";": "；", "%": "％", ",": "，", "<": "‹", ">": "›", "`": "ʻ"}
)
_MERMAID_KEYWORD = re.compile(r"^(journey\b|title\s|section\s|acc(title|descr))", re.IGNORECASE)
_ZERO_WIDTH_SPACE = "\u200b"

_GROUPING = {"en": ",", "sv": "\u00a0", "da": ".", "nb": "\u00a0"}
_DECIMAL_MARK = {"en": ".", "sv": ",", "da": ",", "nb": ","}


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


def mermaid_text(text: str) -> str:
    """Return `text` as a name Mermaid's journey diagram reads as plain words."""
    safe = one_line(text).translate(_MERMAID_SAFE) or "–"
    if _MERMAID_KEYWORD.match(safe):
        # A task that starts with a keyword would be read as that keyword.
        safe = _ZERO_WIDTH_SPACE + safe
    return safe


def format_number(value: Decimal, language: str, places: int = 0) -> str:
    """Return `value` rounded to `places` decimals, grouped and marked as in `language`."""
    exponent = Decimal(1).scaleb(-places)
    rounded = value.quantize(exponent, rounding=ROUND_HALF_EVEN)
    sign = "−" if rounded < 0 else ""
    whole, _, fraction = f"{abs(rounded):f}".partition(".")
    if len(whole) > 4 or (language == "en" and len(whole) > 3):
        groups: list[str] = []
        while whole:
            groups.insert(0, whole[-3:])
            whole = whole[:-3]
        whole = _GROUPING[language].join(groups)
    return sign + whole + (_DECIMAL_MARK[language] + fraction if fraction else "")


def format_plain(value: Decimal, language: str) -> str:
    """Return `value` with as many decimals as it was written with (at most four)."""
    places = max(0, min(4, -int(value.normalize().as_tuple().exponent)))
    return format_number(value, language, places)


def percent(text: str, language: str) -> str:
    """Return `text` followed by a percent sign, spaced as `language` writes it."""
    return f"{text}%" if language == "en" else f"{text}\u00a0%"
