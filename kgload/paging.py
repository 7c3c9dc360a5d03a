"""Date-ordered pages read bucket by bucket (issue 11): the same rows, without sorting the store.

Oxigraph sorts every row that passes a query's filters before it cuts to ``LIMIT``, so a page
of the newest attacks sorts all the attacks of the archive. Each dated event and document also
carries ``kg:dateBucket``, its date cut to a prefix (see `kgload.rdf.writer.date_bucket`), which
the engines find through their index. A saved query that orders by date marks the place of its
selecting pattern with a line ``#~window ?event desc`` (or ``asc``); `run_windowed` then runs the
query on windows of buckets, newest (or oldest) first, each window with what is left of the
limit, and widens the window until the page is full. Buckets are prefixes of the dates, so a
bucket's events all sort after the previous bucket's: the concatenated rows are the rows of the
query without windows, in the same order. What the first windows leave missing comes from one
last query over the rest (undated events included), which the query's ORDER BY places. The
module is pure orchestration over `Store.select` and `Store.ask`.

A page in IRI order (`sources_of_event`) is walked the same way over `kg:idBucket`, the first
hex digits of each event IRI's digest (marker ``#~window ?event asc id``): buckets sort as the
IRIs of one base do, and there are no undated ones, so the rest is only what no bucket read held.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, TypeVar

from kgload.errors import QueryError
from kgload.model import PartialDate
from kgload.rdf.writer import ID_BUCKET_LENGTH
from kgload.stores.base import QueryResult, Store, Term
from kgload.stores.oxigraph import OxigraphStore
from kgload.stores.virtuoso_errors import refusal_hint
from kgload.vocab import KG

if TYPE_CHECKING:
    from kgload.queries import ParamValue, SavedQuery

_Row = TypeVar("_Row")

__all__ = ["BUCKETS", "FEW_PARTICIPANT_ROWS", "FEW_ROWS", "ID_BUCKETS", "Request", "Window",
           "bucket_domain", "few_rows_queries", "few_rows_query", "find_window", "run_windowed",
           "select_paged"]

_MARKER = re.compile(
    r"^[ \t]*#~window[ \t]+\?([A-Za-z_][A-Za-z0-9_]*)[ \t]+(asc|desc)"
    r"([ \t]+id)?((?:[ \t]+[A-Z][A-Za-z]*)*)(?:[ \t]+@([A-Za-z_][A-Za-z0-9_]*))?[ \t]*$",
    re.MULTILINE,
)
_BUCKET_VAR = "?kgload_bucket"
_KG_DATE_BUCKET = KG.dateBucket.value
_KG_TYPE_DATE_BUCKET = KG.typeDateBucket.value
_KG_ID_BUCKET = KG.idBucket.value
_KG_PARTICIPANT_DATE_BUCKET = KG.participantDateBucket.value
#: Buckets in the first ASK for where the data starts; each empty ASK doubles it.
_FIRST_PROBE = 16
#: A filter whose constant is in fewer statements than this runs as the plain query
#: (`few_rows_query`): on 100,000 articles the plain query and the windows cost the same at
#: about 8,000 for `support` of an agent (and 9,000 for a timeline read by date buckets).
FEW_ROWS = 8_000
#: The same for a window of one participant (`@actor`), whose buckets hold that actor's events
#: only: on 100,000 articles the timeline of an actor in 1,495 participant statements took
#: 320 ms plain and 348 ms by windows, in 2,308 362 and 309 ms.
FEW_PARTICIPANT_ROWS = 2_000
#: Pages of 1, 2, 4, 8, 8… buckets, 32 in all, before the last query reads the rest at once.
#: Oxigraph starts from the buckets of a larger window rather than from the query's filter
#: (a rare actor: 0.08 s with 8 buckets, 6.5 s with 32, on 100,000 articles).
_MAX_WINDOW = 8
_PAGE_BUCKETS = 32
#: A participant's buckets hold that participant's events only, so its windows may grow to 64
#: buckets and read 512 before the rest (a timeline of an actor in about 8 events a month:
#: 517 ms with the limits above, 315 ms with these, on 100,000 articles).
_MAX_PARTICIPANT_WINDOW = 64
_PARTICIPANT_PAGE_BUCKETS = 512
#: The most buckets of `kg:idBucket` one window sized from the rate found may read (of 4,096).
_MAX_ID_SPAN = 512
_DATE_PREFIX = re.compile(r"^[0-9]{4}(?:-[0-9]{2})?(?:-[0-9]{2})?$")


def bucket_domain() -> tuple[str, ...]:
    """Every bucket `date_bucket` can write, in ascending text order (2,698 of them)."""
    out: list[str] = [f"{c:02d}" for c in range(19)]
    for year in range(1900, 2100):
        out.append(f"{year:04d}")
        out.extend(f"{year:04d}-{month:02d}" for month in range(1, 13))
    out.extend(f"{c:02d}" for c in range(21, 100))
    return tuple(out)


BUCKETS = bucket_domain()
_LAST_CENTURY = BUCKETS[-1]
#: Every `kg:idBucket` the writer can write, in ascending text order (4,096 of them).
ID_BUCKETS = tuple(f"{n:0{ID_BUCKET_LENGTH}x}" for n in range(16**ID_BUCKET_LENGTH))


@dataclass(frozen=True, slots=True)
class Window:
    """Where a query marks its window: the variable to bucket, the order of its rows and, for
    a page of given event types, their class names (`#~window ?event desc Attack`;
    `#~window ?event desc Support MilitaryAid`), whose buckets (`kg:typeDateBucket`) hold
    those types' events only; or, for a page in IRI order, `by_id` (`#~window ?event asc id`:
    buckets of `kg:idBucket`); or, for the events of one participant, the parameter that
    names it (`#~window ?event asc @actor`: `kg:participantDateBucket`), whose IRI
    `select_paged` sets in `participant` once the parameter is bound."""

    variable: str
    descending: bool
    start: int
    end: int
    scope: tuple[str, ...] = ()
    by_id: bool = False
    by_param: str = ""
    participant: str = ""
    #: Compare buckets as `STR(…)`: Virtuoso 7.2 compares stored string literals wrongly with
    #: `<` and `>` (`"008" > "026"` is true of a stored `"008"`), and right through `STR`.
    as_text: bool = False

    def keys(self, bucket: str) -> tuple[str, ...]:
        """The values the index is read by: the bucket, one per type after its name, or the
        participant's IRI and the bucket.

        >>> Window("event", True, 0, 0, ("Support", "MilitaryAid")).keys("2025-08")
        ('Support 2025-08', 'MilitaryAid 2025-08')
        """
        if self.participant:
            return (f"{self.participant} {bucket}",)
        return (bucket,) if not self.scope else tuple(f"{name} {bucket}" for name in self.scope)

    @property
    def predicate(self) -> str:
        """`kg:dateBucket`, `kg:typeDateBucket` for a window of given types, `kg:idBucket` for
        one in IRI order, `kg:participantDateBucket` for one participant's."""
        if self.by_id:
            return _KG_ID_BUCKET
        if self.participant:
            return _KG_PARTICIPANT_DATE_BUCKET
        return _KG_DATE_BUCKET if not self.scope else _KG_TYPE_DATE_BUCKET


def find_window(text: str) -> Window | None:
    """The `#~window` marker of a bound query, or None when the query has none."""
    match = _MARKER.search(text)
    if match is None:
        return None
    return Window(match.group(1), match.group(2) == "desc", match.start(), match.end(),
                  tuple(match.group(4).split()), match.group(3) is not None, match.group(5) or "")


def _keeps(bucket: str, since: str | None, until: str | None) -> bool:
    """Whether a bucket can hold a date that passes `since`/`until` (compared as the queries
    compare them: the date's text, `until` cut to its own precision)."""
    if since is not None and bucket < since[: len(bucket)]:
        return False
    if until is not None:
        n = min(len(bucket), len(until))
        if bucket[:n] > until[:n]:
            return False
    return True


def _iso(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, PartialDate):
        return value.iso()
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return text if _DATE_PREFIX.match(text) else None


def domain(window: Window, params: Mapping[str, ParamValue]) -> list[str]:
    """The buckets in the query's order, without those the `since`/`until` parameters (when
    the query has them) rule out; for a window in IRI order, every `kg:idBucket`."""
    if window.by_id:
        return list(reversed(ID_BUCKETS)) if window.descending else list(ID_BUCKETS)
    since, until = _iso(params.get("since")), _iso(params.get("until"))
    buckets = [b for b in BUCKETS if _keeps(b, since, until)]
    if window.descending:
        buckets.reverse()
    elif buckets and buckets[-1] == _LAST_CENTURY:
        # Oldest first, an undated event sorts as "9999" (COALESCE) and ties with the year
        # 9999, so that century is left to the last query, where ORDER BY places both.
        buckets.pop()
    return buckets


def window_pattern(window: Window, buckets: list[str]) -> str:
    """The pattern that keeps the query's variable to these buckets (inside its GRAPH ?g)."""
    return (f"VALUES {_BUCKET_VAR} {{ {_values(buckets, window)} }} "
            f"?{window.variable} <{window.predicate}> {_BUCKET_VAR} .")


def _values(buckets: list[str], window: Window) -> str:
    """The index keys of these buckets, as the terms of a VALUES clause."""
    return " ".join(f'"{key}"' for bucket in buckets for key in window.keys(bucket))


def rest_pattern(window: Window, last: str) -> str:
    """The pattern for what the windows did not read: no bucket (undated), or a bucket past
    `last`, the last one read. The query's own ORDER BY places them, undated ones included."""
    beyond = "<" if window.descending else ">"
    predicate = _KG_ID_BUCKET if window.by_id else _KG_DATE_BUCKET
    bucket = f"STR({_BUCKET_VAR})" if window.as_text else _BUCKET_VAR
    return (f"OPTIONAL {{ ?{window.variable} <{predicate}> {_BUCKET_VAR} }} "
            f'FILTER(!BOUND({_BUCKET_VAR}) || {bucket} {beyond} "{last}")')


def with_pattern(text: str, window: Window, pattern: str) -> str:
    """The query text with its marker line replaced by `pattern`."""
    return text[: window.start] + pattern + text[window.end :]


def any_in(buckets: list[str], window: Window) -> str:
    """An ASK for whether any node of the store has one of these buckets (an index lookup per
    bucket), so an empty stretch of the calendar costs one request, not one page; with a
    scoped window, any event of its types."""
    return (f"ASK {{ GRAPH ?g {{ VALUES {_BUCKET_VAR} {{ {_values(buckets, window)} }} "
            f"?node <{window.predicate}> {_BUCKET_VAR} }} }}")


_GRAPH_OPEN = re.compile(r"GRAPH\s+\?[A-Za-z_][A-Za-z0-9_]*\s*\{")
_PREFIX = re.compile(r"^[ \t]*PREFIX[^\n]*$", re.MULTILINE | re.IGNORECASE)


def selecting_block(text: str, window: Window) -> str | None:
    """The `GRAPH ?g { … }` block that holds the marker, without the marker: the patterns
    that choose the page's rows (type, actor, status), or None when the marker is not in one."""
    opening = None
    for match in _GRAPH_OPEN.finditer(text, 0, window.start):
        opening = match
    if opening is None:
        return None
    end = _closing_brace(text, opening.end())
    if end is None or end < window.end:
        return None
    return text[opening.start() : window.start] + text[window.end : end + 1]


_SKIPPED = re.compile(r'<[^<>\s]*>|"(?:[^"\\\n]|\\.)*"|#[^\n]*')


def _closing_brace(text: str, start: int) -> int | None:
    """The offset of the `}` closing the group opened just before `start`, reading past IRIs
    (`<…#Attack>`), strings and comments, whose braces and `#` are not the query's."""
    depth, position = 1, start
    while position < len(text):
        skipped = _SKIPPED.match(text, position)
        if skipped is not None:
            position = skipped.end()
            continue
        if text[position] == "{":
            depth += 1
        elif text[position] == "}":
            depth -= 1
            if depth == 0:
                return position
        position += 1
    return None


_CONSTANT = re.compile(r"<[^<>\s]*>|\bkg:[A-Z][A-Za-z]*")


_PREDICATE_BEFORE = re.compile(r"(?:^|\s)(a|[A-Za-z][\w-]*:[A-Za-z_][\w-]*|<[^<>\s]*>)\s+$")


def few_rows_query(text: str, window: Window, cap: int) -> str | None:
    """A query counting the rows of the selecting block's one constant (an actor, a reporter,
    a type), reading at most `cap` of them; None when the block has no single constant to
    start from (Oxigraph joins two constant patterns by hashing one of them whole, which on
    100,000 articles costs 80–120 ms, more than the windows it would save).

    When the constant follows its predicate (`?event kg:participant <…Q159>`), the count
    reads that one triple pattern, an index range, instead of the block's join (a frequent
    actor: 4 ms instead of 37–45 ms for 15,000 rows). Each of its matches is one event in one
    graph, where the block's rows repeat an event for each of its other participants and types,
    so `FEW_ROWS` is set for this measure. Otherwise, the block."""
    block = selecting_block(text, window)
    if block is None:
        return None
    constants = list(_CONSTANT.finditer(block))
    if len(constants) != 1:
        return None
    return _count_query(_prefixes(text), _own_pattern(block, constants[0]) or block, cap)


def _own_pattern(block: str, constant: re.Match[str]) -> str | None:
    """The triple pattern of a constant that follows its predicate, in any graph; None when
    it follows none."""
    predicate = _PREDICATE_BEFORE.search(block[: constant.start()])
    if predicate is None:
        return None
    return f"GRAPH ?kgload_g {{ ?kgload_s {predicate.group(1)} {constant.group(0)} }}"


def _prefixes(text: str) -> str:
    return "\n".join(match.group(0).strip() for match in _PREFIX.finditer(text))


def _count_query(prefixes: str, pattern: str, cap: int) -> str:
    """A count of `pattern`'s matches that reads at most `cap` of them."""
    return (f"{prefixes}\nSELECT (COUNT(*) AS ?kgload_rows) WHERE {{ "
            f"{{ SELECT * WHERE {{ {pattern} }} LIMIT {cap} }} }}")


def few_rows_queries(text: str, window: Window, cap: int) -> list[str]:
    """The counts that decide between the plain query and windows: `few_rows_query` for a
    block with one constant; for a block with several, one count of each constant that follows
    its predicate, in its own triple pattern (an index range each; the block's join is never
    counted). The page runs plain when one of them stays under `cap`: the claims of a reporter
    in 2,498 statements about a frequent actor took 840 ms by windows of every event of a month
    on 100,000 articles, and about 100 ms plain."""
    block = selecting_block(text, window)
    if block is None:
        return []
    constants = list(_CONSTANT.finditer(block))
    if len(constants) == 1:
        single = few_rows_query(text, window, cap)
        return [] if single is None else [single]
    patterns = (_own_pattern(block, constant) for constant in constants)
    return [_count_query(_prefixes(text), pattern, cap) for pattern in patterns if pattern]


def _plain_when_few(
    run: Callable[[str, int], list[_Row]], limit: int, few: Callable[[], bool] | None
) -> list[_Row] | None:
    """The plain query's rows when the page's filters keep few rows, else None (windows).

    A server that refuses the whole text for its estimated cost (Virtuoso 7.2 and `events` on
    a few hundred articles) gets None too: it answers the same page window by window."""
    if few is None or not few():
        return None
    try:
        return run("", limit)
    except QueryError as exc:
        if not refusal_hint(str(exc)):
            raise
        return None


def run_windowed(
    window: Window,
    limit: int,
    params: Mapping[str, ParamValue],
    run: Callable[[str, int], list[_Row]],
    ask: Callable[[str], bool],
    few: Callable[[], bool] | None = None,
    horizon: str | None = None,
) -> list[_Row]:
    """The rows of the query, read window by window until `limit` rows are found.

    `run(pattern, limit)` runs the bound query with its marker replaced by `pattern` and its
    limit set to `limit`; `ask(text)` runs an ASK query. Steps: skip empty buckets with ASKs of
    16, 32, 64… buckets (then halve the last one down to the first bucket in use); read pages
    of 1, 2, 4, 8, 8… buckets from there (32 in all); whatever is still missing comes from one
    last query over everything past the last bucket read, undated events included. A store
    without any bucket (written before kgload wrote them; for a window of given types, before
    ontology 0.3.0 wrote `kg:typeDateBucket`) gets the plain query, and so does a
    page whose filters keep few rows (`few()` true: a rare actor's 276 events sort in a few
    milliseconds, while windows would read month after month of other actors' events).
    Newest first, the buckets that sort after `horizon` (the caller's end of next year) are
    asked about first, in one ASK: an archive seldom holds events dated years ahead, and
    skipping them that way takes one request instead of the walk's ten or more (17 requests
    per page on 100,000 articles, about 2 ms each on Virtuoso).
    """
    plain = _plain_when_few(run, limit, few)
    if plain is not None:
        return plain
    order = domain(window, params)
    position, probe = 0, _FIRST_PROBE
    if horizon is not None and window.descending and not window.by_id:
        ahead = next((i for i, bucket in enumerate(order) if bucket <= horizon), len(order))
        if ahead and not ask(any_in(order[:ahead], window)):
            position = ahead
    while position < len(order):
        chunk = order[position : position + probe]
        if ask(any_in(chunk, window)):
            end = position + len(chunk)
            while end - position > 1:  # the first bucket in use, by halving
                middle = (position + end) // 2
                if ask(any_in(order[position:middle], window)):
                    end = middle
                else:
                    position = middle
            break
        position += len(chunk)
        probe *= 2
    else:
        return run("", limit)
    rows: list[_Row] = []
    size, read, spent = 1, 0, 0
    most, widest = ((_PARTICIPANT_PAGE_BUCKETS, _MAX_PARTICIPANT_WINDOW) if window.participant
                    else (_PAGE_BUCKETS, _MAX_WINDOW))
    while position < len(order):
        estimated = read >= most  # past the doubling walk: windows sized from the rate found
        if estimated:
            size = _estimated_span(window, len(rows), read, limit)
            if not size or spent + size > _MAX_ID_SPAN:
                break
        chunk = order[position : position + size]
        rows.extend(run(window_pattern(window, chunk), limit - len(rows)))
        if len(rows) >= limit:
            return rows[:limit]
        position += len(chunk)
        read += len(chunk)
        if estimated:
            spent += len(chunk)
        else:
            size = min(2 * size, widest)
    rows.extend(run(rest_pattern(window, order[position - 1]), limit - len(rows)))
    return rows[:limit]


def _estimated_span(window: Window, found: int, read: int, limit: int) -> int:
    """For a window in IRI order, whose buckets each hold about the same share of the events
    (the digests are uniform), the buckets one more window would need to fill the page at the
    rate found so far, with a fifth to spare (at least 8); 0 (go to the rest) when nothing was
    found. The walk reads such windows while they stay within `_MAX_ID_SPAN` buckets in all:
    two frequent actors' sources on 100,000 articles found 40 rows in the first 39 buckets and
    then took 2.1 s for the rest of one actor's events, where a few more windows cost about
    3 ms a bucket."""
    if not window.by_id or found == 0 or read == 0:
        return 0
    return max(8, math.ceil(1.2 * (limit - found) * read / found))


@dataclass(frozen=True, slots=True)
class Request:
    """One request a saved query sent to the store, for `kgload query --explain`: its kind
    (`plain`, `count`, `ask`, `window`), the window pattern it ran with (empty for the others),
    its time and how many rows it gave."""

    kind: str
    pattern: str
    seconds: float
    rows: int


def _of_participant(window: Window, term: str | None) -> Window | None:
    """The window of one participant, keyed by its IRI; with the parameter unset, the window
    of every event (`kg:dateBucket`: `events` without an actor); None (the plain query) when
    it is bound to anything but an IRI."""
    if term is None:
        return replace(window, by_param="")
    if not (term.startswith("<") and term.endswith(">")):
        return None
    return replace(window, participant=term[1:-1])


def select_paged(
    store: Store,
    saved: SavedQuery,
    params: Mapping[str, ParamValue],
    *,
    base: str,
    trace: Callable[[Request], None] | None = None,
) -> QueryResult:
    """Run a saved query, window by window when its text carries a `#~window` marker and it has
    a `limit` parameter; otherwise as it is. `trace` is told of each request sent.

    Every store is read by windows. Virtuoso 7.2 too gains at size: on 100,000 articles (a
    server restarted after the load, so that its statistics are the store's) a frequent
    actor's timeline took 1.25 s as one query and 0.19 s by windows, `meetings` 411 and 95 ms;
    a page read in one window costs it a few requests of 2–5 ms each. A store that is not
    Oxigraph compares buckets as text (`Window.as_text`).
    """

    def select(kind: str, query: str, pattern: str = "") -> QueryResult:
        start = time.perf_counter()
        result = store.select(query)
        if trace is not None:
            trace(Request(kind, pattern, time.perf_counter() - start, len(result.rows)))
        return result

    def ask(query: str) -> bool:
        start = time.perf_counter()
        answer = store.ask(query)
        if trace is not None:
            trace(Request("ask", "", time.perf_counter() - start, int(answer)))
        return answer

    text = saved.bind(params, base=base)
    window = find_window(text)
    if window is not None and not isinstance(store, OxigraphStore):
        window = replace(window, as_text=True)
    if window is not None and window.by_param:
        window = _of_participant(window, saved.term(window.by_param, params))
    limit = params.get("limit")
    if limit is None:
        limit = next((p.default for p in saved.params if p.name == "limit"), None)
    if window is None or limit is None or int(str(limit)) <= 0:  # `limit=0`: no limit
        return select("plain", text)
    variables: tuple[str, ...] = ()
    # A page after others (`offset`): the windows read the rows before it too, from the first.
    offset = _offset(saved, params)
    restart = {"offset": 0} if offset else {}

    def run(pattern: str, n: int) -> list[tuple[Term | None, ...]]:
        nonlocal variables
        bound = saved.bind({**params, **restart, "limit": n}, base=base)
        marker = find_window(bound)
        assert marker is not None  # the same text with another limit
        result = select("window" if pattern else "plain", with_pattern(bound, marker, pattern),
                        pattern)
        variables = result.variables
        return list(result.rows)

    cap = FEW_PARTICIPANT_ROWS if window.participant else FEW_ROWS
    probes = few_rows_queries(text, window, cap)

    def few() -> bool:
        for probe in probes:
            try:
                counted = select("count", probe).rows
            except QueryError:  # a query of the user's own whose block reads otherwise
                continue
            cell = counted[0][0] if counted else None
            if cell is not None and int(str(getattr(cell, "value", cell))) < cap:
                return True
        return False

    horizon = f"{dt.date.today().year + 1}-12"  # the end of next year
    rows = run_windowed(window, int(str(limit)) + offset, params, run, ask, few, horizon)
    return QueryResult(variables, tuple(rows[offset:]))


def _offset(saved: SavedQuery, params: Mapping[str, ParamValue]) -> int:
    """The page's `offset` parameter (its default when not given; 0 for a query without one)."""
    value = params.get("offset")
    if value is None:
        value = next((p.default for p in saved.params if p.name == "offset"), None)
    return max(int(str(value)), 0) if value is not None else 0
