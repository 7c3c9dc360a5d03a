"""Article URLs: checked and normalised once, when an article is read.

An article's URL becomes the IRI of its `dct:source` and the basis of its document id, so a
value that is not a valid IRI must be refused (or repaired) before it reaches RDF. The rules,
documented in the README ("Article URLs"):

- surrounding whitespace and one pair of `<…>` are removed;
- the scheme must be `http` or `https`, and there must be a host; both are lower-cased;
- the default port (80 for http, 443 for https) is dropped, an empty path becomes `/`;
- a user name or password (`user:pw@host`) is refused: it would be published in the graph;
- in the path, query and fragment, characters an IRI forbids there (space, `"`, `<`, `>`, `\\`,
  `^`, `` ` ``, `{`, `|`, `}`, `[`, `]`, a second `#`, a `%` that starts no `%XX` escape, and
  non-ASCII characters outside RFC 3987's `ucschar`) are percent-encoded as UTF-8, as a browser
  does; other non-ASCII characters are kept (an IRI allows them);
- control characters (tab, line breaks, NUL, DEL, C1) and lone surrogates are refused: they
  mean the value is broken, not merely unescaped.

Normalising a normalised URL changes nothing.

>>> normalise_url("HTTPS://Example.org:443/a b")
'https://example.org/a%20b'
"""

from __future__ import annotations

import re

from pyoxigraph import NamedNode

__all__ = ["normalise_url"]

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_DEFAULT_PORTS = {"http": "80", "https": "443"}
# RFC 3987 iunreserved (ASCII part), sub-delims, ":", "@", "/" and "?" (a "?" only ever reaches
# the query and fragment: the path ends at the first one).
_ALLOWED_ASCII = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/?"
)
_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")
_CONTROL_NAMES = {"\t": "a tab", "\n": "a line break", "\r": "a line break"}


def _is_ucschar(code: int) -> bool:
    """RFC 3987 `ucschar`: the non-ASCII characters an IRI may hold unescaped."""
    if 0xA0 <= code <= 0xD7FF or 0xF900 <= code <= 0xFDCF or 0xFDF0 <= code <= 0xFFEF:
        return True
    if 0x10000 <= code <= 0xDFFFF:
        return (code & 0xFFFF) <= 0xFFFD
    return 0xE1000 <= code <= 0xEFFFD


def _is_iprivate(code: int) -> bool:
    """RFC 3987 `iprivate`, allowed in the query only."""
    return 0xE000 <= code <= 0xF8FF or 0xF0000 <= code <= 0xFFFFD or 0x100000 <= code <= 0x10FFFD


def _is_kept(code: int, *, query: bool) -> bool:
    """Whether a non-ASCII character stays as it is (an IRI allows it here)."""
    return code > 0x7F and (_is_ucschar(code) or (query and _is_iprivate(code)))


def _check_characters(value: str) -> None:
    """Refuse what no escaping can repair: control characters and lone surrogates."""
    if value.isascii() and value.isprintable():
        return
    for position, char in enumerate(value, start=1):
        code = ord(char)
        if code < 0x20 or 0x7F <= code <= 0x9F:
            name = _CONTROL_NAMES.get(char, f"a control character (U+{code:04X})")
            raise ValueError(
                f"holds {name} at character {position}; "
                "a URL cannot hold tabs, line breaks or other control characters"
            )
        if 0xD800 <= code <= 0xDFFF:
            raise ValueError(
                f"holds a lone surrogate (U+{code:04X}) at character {position}, "
                "which is not a character (a broken \\u escape?)"
            )


def _encode(part: str, *, query: bool = False) -> str:
    """Percent-encode what an IRI forbids in a path, query or fragment; keep what it allows."""
    out: list[str] = []
    index = 0
    while index < len(part):
        char = part[index]
        code = ord(char)
        if char == "%":
            escape = _ESCAPE.match(part, index)
            if escape:
                out.append(escape.group().upper())
                index += 3
                continue
            out.append("%25")
        elif char in _ALLOWED_ASCII or _is_kept(code, query=query):
            out.append(char)
        else:
            out.append("".join(f"%{byte:02X}" for byte in char.encode("utf-8")))
        index += 1
    return "".join(out)


def _host(authority: str, scheme: str) -> str:
    """The lower-cased host, with its port unless it is the scheme's default."""
    if "@" in authority:
        raise ValueError(
            "holds a user name or password before '@'; remove it (it would be published)"
        )
    if authority.startswith("["):
        end = authority.find("]")
        address = authority[1:end] if end > 0 else ""
        if end < 0 or not address or not set(address.lower()) <= set("0123456789abcdef:."):
            raise ValueError(f"has a bad host {authority!r} (an IPv6 address goes in [ ])")
        host, rest = f"[{address.lower()}]", authority[end + 1 :]
    else:
        host, _, port_text = authority.partition(":")
        rest = f":{port_text}" if ":" in authority else ""
        labels = host.lower().removesuffix(".").split(".")
        if not host or not all(
            label and all(c.isalnum() or c == "-" for c in label) for label in labels
        ):
            raise ValueError(
                f"has a bad host {host!r}: use letters, digits, '-' and '.' (e.g. example.org)"
            )
        host = host.lower()
    port = rest[1:]
    if (rest and not rest.startswith(":")) or (port and not (port.isascii() and port.isdigit())):
        raise ValueError(f"has a bad port {port!r}: a port is a number up to 65535")
    if port and int(port) > 65535:
        raise ValueError(f"has a bad port {port!r}: a port is a number up to 65535")
    if port and int(port) != int(_DEFAULT_PORTS[scheme]):
        host = f"{host}:{int(port)}"
    return host


def normalise_url(value: str) -> str:
    """The normalised form of an article URL; ValueError saying what is wrong, in one line.

    The message completes "url … ", e.g. "has no scheme; write it in full, …".
    """
    text = value.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1].strip()
    _check_characters(text)
    scheme_match = _SCHEME.match(text)
    if not scheme_match or scheme_match.group(1).isdigit():
        raise ValueError("has no scheme; write it in full, e.g. https://example.org/news/1")
    scheme = scheme_match.group(1).lower()
    if scheme not in _DEFAULT_PORTS and text[scheme_match.end() :][:1].isdigit():
        raise ValueError("has no scheme; write it in full, e.g. https://example.org/news/1")
    if scheme not in _DEFAULT_PORTS:
        raise ValueError(f"has the scheme {scheme!r}; only http or https URLs are accepted")
    rest = text[scheme_match.end() :]
    if not rest.startswith("//"):
        raise ValueError("has no host; write it as https://host/path")
    rest = rest[2:]
    end = len(rest)
    for stop in "/?#":
        found = rest.find(stop)
        if found >= 0:
            end = min(end, found)
    authority, rest = rest[:end], rest[end:]
    if not authority:
        raise ValueError("has no host; write it as https://host/path")
    host = _host(authority, scheme)
    rest, hash_mark, fragment = rest.partition("#")
    path, question_mark, query = rest.partition("?")
    url = f"{scheme}://{host}{_encode(path) or '/'}"
    if question_mark:
        url += "?" + _encode(query, query=True)
    if hash_mark:
        url += "#" + _encode(fragment)
    try:
        NamedNode(url)
    except ValueError as exc:  # a case the rules above missed: refuse rather than crash later
        raise ValueError(f"is not a valid IRI ({exc})") from exc
    return url
