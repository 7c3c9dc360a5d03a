"""The ASGI application of `kgload serve`: the SPARQL endpoint and the analysts' pages.

Routes:

- `/sparql`: SPARQL 1.1 Protocol (GET `?query=`, POST form or `application/sparql-query`;
  updates by POST `update=` or `application/sparql-update`, refused unless allowed and the
  request carries the token); CORS is open so browser clients (YASGUI) can use it.
- `/`: search an actor; `/actor?id=Q7747`: its timeline; `/network`: who with whom;
  `/queries` and `/queries/NAME`: each saved query as a form, results as a table, `.csv`.
- `/static/…`: the page's own CSS and JavaScript (nothing is fetched from elsewhere).

Every store call runs in a worker thread; a read-only on-disk store is reopened when the
folder changed, so the pages see what an ingest committed meanwhile.
"""

from __future__ import annotations

import datetime as dt
import hmac
import io
import json
import logging
import urllib.parse
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

import anyio
import jinja2
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from kgload.cli.render import Value, render_rows, result_rows
from kgload.config import Settings
from kgload.errors import KgloadError, QueryError, UsageError
from kgload.queries import load_saved_queries
from kgload.serve import views
from kgload.serve.protocol import (
    Limits,
    NotAcceptable,
    QueryTimeout,
    negotiate,
    run_query,
    serialize_answer,
)
from kgload.stores.base import Store
from kgload.vocab import KG_NS, RDFS_NS

__all__ = ["ServeOptions", "create_app"]

log = logging.getLogger("kgload")

_MAX_BODY = 1_000_000  # bytes of a POSTed query or update
_LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")
_CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Authorization, Content-Type",
    "Access-Control-Expose-Headers": "X-Kgload-Truncated",
}


# The pages run only their own script and style, and never inside another site's frame.
_PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


@dataclass(frozen=True, slots=True)
class ServeOptions:
    """What `kgload serve` was told: limits, and whether (and with which token) to update."""

    timeout: float = 30.0
    max_rows: int | None = 10_000
    allow_update: bool = False
    token: str | None = None
    host: str = "127.0.0.1"

    def __post_init__(self) -> None:
        if self.allow_update and not self.token:
            raise UsageError("--allow-update needs --token (or --token-file): updates need one")
        if self.timeout <= 0:
            raise UsageError(f"--timeout must be above 0 seconds, got {self.timeout}")
        if self.max_rows is not None and self.max_rows < 1:
            raise UsageError(f"--max-rows must be at least 1, got {self.max_rows}")


class _HttpError(Exception):
    def __init__(self, status: int, message: str, headers: Mapping[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.headers = dict(headers or {})


def create_app(store: Store, settings: Settings, options: ServeOptions) -> Starlette:
    """The application over an open store (the caller closes it after the server stops)."""
    site = _Site(store, settings, options)
    static = files("kgload.serve").joinpath("static")
    routes = [
        Route("/", site.handle(site.home)),
        Route("/actor", site.handle(site.actor)),
        Route("/network", site.handle(site.network)),
        Route("/queries", site.handle(site.queries)),
        Route("/queries/{name}", site.handle(site.saved_query)),
        Route("/sparql", site.handle(site.sparql), methods=["GET", "POST", "OPTIONS"]),
        Route("/health", _health),
        Mount("/static", StaticFiles(directory=str(static)), name="static"),
    ]
    middleware = []
    if options.host in _LOOPBACK:
        # Bound to loopback: refuse other Host names, so a web page cannot reach the server
        # through DNS rebinding.
        middleware.append(
            Middleware(TrustedHostMiddleware, allowed_hosts=["127.0.0.1", "localhost", "[::1]"])
        )
    return Starlette(routes=routes, middleware=middleware)


def _templates() -> jinja2.Environment:
    """The page templates: escaped by default, and an unknown name is an error, not blank."""
    templates = jinja2.Environment(
        loader=jinja2.PackageLoader("kgload.serve", "templates"),
        autoescape=jinja2.select_autoescape(default=True),
        undefined=jinja2.StrictUndefined,
    )
    templates.filters["qs"] = lambda params: urllib.parse.urlencode(
        {k: v for k, v in params.items() if v not in (None, "")}
    )
    return templates


async def _health(request: Request) -> Response:
    return PlainTextResponse("ok\n")


class _Site:
    """The views of one application and what they share: the store, its limits, the templates."""

    def __init__(self, store: Store, settings: Settings, options: ServeOptions) -> None:
        self.store = store
        self.options = options
        self.base = settings.base
        self.limits = Limits(timeout=options.timeout, max_rows=options.max_rows)
        self.templates = _templates()

    async def in_thread(self, call: Callable[[], Any]) -> Any:
        """Run a blocking store call in a worker thread, within the server's timeout."""

        def work() -> Any:
            reopen = getattr(self.store, "reopen_if_changed", None)
            if reopen is not None:
                # Follow a running ingest without making this request wait for the new view.
                reopen(wait=False)
            return call()

        # The thread cannot be stopped inside the store; on timeout the request is answered
        # and the thread is left to finish on its own.
        with anyio.fail_after(self.options.timeout + 1):
            return await anyio.to_thread.run_sync(work, abandon_on_cancel=True)

    def page(self, name: str, request: Request, status: int = 200, **context: Any) -> HTMLResponse:
        body = self.templates.get_template(name).render(
            request=request, path=request.url.path, options=self.options, **context
        )
        return HTMLResponse(body, status_code=status, headers=_PAGE_HEADERS)

    def handle(
        self, view: Callable[[Request], Awaitable[Response]]
    ) -> Callable[[Request], Awaitable[Response]]:
        """`view` with kgload's errors answered as HTTP errors (a page, or a line of text)."""
        page = self.page

        async def wrapped(request: Request) -> Response:
            try:
                return await view(request)
            except _HttpError as exc:
                return _error(request, exc.status, str(exc), exc.headers, page)
            except TimeoutError:
                message = f"the query ran longer than {self.options.timeout:g} s"
                return _error(request, 503, message, {}, page)
            except QueryTimeout as exc:
                return _error(request, 503, str(exc), {}, page)
            except NotAcceptable as exc:
                return _error(request, 406, str(exc), {}, page)
            except (QueryError, UsageError) as exc:
                return _error(request, 400, str(exc), {}, page)
            except (KgloadError, OSError) as exc:
                log.warning("%s %s failed: %s", request.method, request.url.path, exc)
                return _error(request, 500, str(exc), {}, page)

        return wrapped

    # -- SPARQL -----------------------------------------------------------------------------

    async def sparql(self, request: Request) -> Response:
        if request.method == "OPTIONS":
            return Response(status_code=204, headers=_CORS)
        params = dict(request.query_params)
        query, update = await _sparql_request(request, params)
        if update is not None:
            return await self.update(request, update)
        if query is None:
            if "text/html" in request.headers.get("accept", ""):
                return self.page("sparql.html", request, example=_EXAMPLE_QUERY)
            raise _HttpError(400, "no query: give ?query=SPARQL (or POST one)")
        if not query.strip():
            raise _HttpError(400, "the query is empty")
        defaults = request.query_params.getlist("default-graph-uri")
        named = request.query_params.getlist("named-graph-uri")
        answer = await self.in_thread(
            lambda: run_query(
                self.store, query, limits=self.limits, default_graphs=defaults, named_graphs=named
            )
        )
        media = negotiate(
            request.headers.get("accept"), answer.kind, format_name=params.get("format")
        )
        headers = dict(_CORS)
        if answer.truncated is not None:
            headers["X-Kgload-Truncated"] = answer.truncated.header()
        charset = "" if media == "application/rdf+xml" else "; charset=utf-8"
        return Response(
            serialize_answer(answer, media), media_type=media + charset, headers=headers
        )

    async def update(self, request: Request, text: str) -> Response:
        _check_update_allowed(request, self.options)
        raw = getattr(self.store, "pyoxigraph", None)
        if raw is None:
            raise _HttpError(
                501, "updates are served over Oxigraph stores only: send them to the server"
            )

        def apply() -> None:
            try:
                raw.update(text)
            except SyntaxError as exc:
                raise QueryError(f"invalid SPARQL update: {exc}") from exc

        await self.in_thread(apply)
        return Response(status_code=204, headers=_CORS)

    # -- pages ------------------------------------------------------------------------------

    async def home(self, request: Request) -> Response:
        text = request.query_params.get("q", "").strip()
        lang = _lang(request)
        actors = (
            await self.in_thread(
                lambda: views.search_actors(self.store, text, base=self.base, lang=lang)
            )
            if text
            else []
        )
        return self.page("home.html", request, q=text, actors=actors, lang=lang)

    async def actor(self, request: Request) -> Response:
        given = request.query_params.get("id", "")
        lang = _lang(request)
        who, events, cut = await self.in_thread(
            lambda: views.timeline(self.store, given, base=self.base, lang=lang)
        )
        return self.page("actor.html", request, actor=who, events=events, cut=cut, lang=lang)

    async def network(self, request: Request) -> Response:
        q = request.query_params
        types = [t for t in q.getlist("type") if t]
        since, until = _date(q.get("since"), "since"), _date(q.get("until"), "until")
        lang = _lang(request)
        graph = await self.in_thread(
            lambda: views.network(
                self.store, base=self.base, types=types, since=since, until=until, lang=lang
            )
        )
        return self.page(
            "network.html",
            request,
            graph=graph,
            data=_script_json(_network_data(graph)),
            event_types=views.EVENT_TYPES,
            chosen=types,
            since=q.get("since", ""),
            until=q.get("until", ""),
            labels={n.iri: n.label for n in graph.nodes},
            short_id=views.short_id,
        )

    async def queries(self, request: Request) -> Response:
        return self.page("queries.html", request, queries=load_saved_queries())

    async def saved_query(self, request: Request) -> Response:
        name = request.path_params["name"]
        as_csv = name.endswith(".csv")
        name = name.removesuffix(".csv")
        saved = load_saved_queries().get(name)
        if saved is None:
            raise _HttpError(404, f"no saved query {name!r}")
        values = {
            p.name: request.query_params[p.name]
            for p in saved.params
            if request.query_params.get(p.name, "") != ""
        }
        run = as_csv or "run" in request.query_params
        error: str | None = None
        columns: list[str] = []
        rows: list[list[Value]] = []
        if run:
            try:
                text = saved.bind(values, base=self.base)
                result = await self.in_thread(lambda: self.store.select(text))
                columns, rows = result_rows(result, base=self.base)
            except (QueryError, UsageError) as exc:
                if as_csv:
                    raise
                error = str(exc)
        if as_csv:
            return _csv_download(name, columns, rows)
        return self.page(
            "query.html",
            request,
            query=saved,
            values=values,
            run=run,
            error=error,
            columns=columns,
            rows=rows,
            csv_link=f"/queries/{name}.csv?" + urllib.parse.urlencode(values),
        )


async def _sparql_request(
    request: Request, params: dict[str, str]
) -> tuple[str | None, str | None]:
    """The query and the update a SPARQL Protocol request carries (at most one is used).

    A POSTed form's `default-graph-uri`, `named-graph-uri` and `format` are added to `params`
    where the URL did not give them.
    """
    query: str | None = params.get("query")
    update: str | None = None
    if request.method == "POST":
        body = await _read_body(request)
        media = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if media == "application/sparql-query":
            query = _utf8(body)
        elif media == "application/sparql-update":
            update = _utf8(body)
        elif media in ("application/x-www-form-urlencoded", ""):
            try:
                form = urllib.parse.parse_qs(_utf8(body), keep_blank_values=True, errors="strict")
            except UnicodeDecodeError:
                raise _HttpError(400, "the form is not UTF-8 text") from None
            query = form.get("query", [query])[0] if "query" in form else query
            update = form["update"][0] if "update" in form else None
            for key in ("default-graph-uri", "named-graph-uri", "format"):
                if key in form:
                    params.setdefault(key, form[key][0])
        else:
            raise _HttpError(
                415,
                f"unsupported Content-Type {media!r}: send application/sparql-query, "
                "application/sparql-update or a form (application/x-www-form-urlencoded)",
            )
    return query, update


def _check_update_allowed(request: Request, options: ServeOptions) -> None:
    """Refuse an update unless the server accepts them and the request has its token."""
    if not options.allow_update:
        raise _HttpError(
            403,
            "updates are refused: this endpoint is read-only (start kgload serve with "
            "--allow-update --token T to accept them)",
            _CORS,
        )
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not given:
        raise _HttpError(
            401,
            "updates need the server's token: send Authorization: Bearer TOKEN",
            {**_CORS, "WWW-Authenticate": 'Bearer realm="kgload"'},
        )
    assert options.token is not None  # checked by ServeOptions
    if not hmac.compare_digest(given.strip().encode(), options.token.encode()):
        raise _HttpError(403, "wrong token: this update is refused", _CORS)


def _network_data(graph: views.Network) -> dict[str, list[dict[str, Any]]]:
    """The network as the page's script draws it."""
    return {
        "nodes": [{"id": n.id, "iri": n.iri, "label": n.label, "events": n.events}
                  for n in graph.nodes],
        "edges": [{"source": views.short_id(e.source), "target": views.short_id(e.target),
                   "type": e.type, "events": e.events, "first": e.first, "last": e.last}
                  for e in graph.edges],
    }  # fmt: skip


def _csv_download(name: str, columns: list[str], rows: list[list[Value]]) -> Response:
    out = io.StringIO()
    render_rows(columns, rows, format="csv", out=out)
    return Response(
        out.getvalue().encode("utf-8"),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
    )


_EXAMPLE_QUERY = f"""PREFIX kg: <{KG_NS}>
PREFIX rdfs: <{RDFS_NS}>
""" + """SELECT ?event ?type ?date WHERE {
  ?event a ?type ; kg:date ?date .
  FILTER(?type != kg:Event)
} ORDER BY DESC(?date) LIMIT 20"""


async def _read_body(request: Request) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > _MAX_BODY:
        raise _HttpError(413, f"request body over {_MAX_BODY} bytes")
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > _MAX_BODY:
            raise _HttpError(413, f"request body over {_MAX_BODY} bytes")
    return body


def _utf8(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise _HttpError(400, "the request body is not UTF-8 text") from None


def _lang(request: Request) -> str:
    lang = request.query_params.get("lang", "en").strip().lower()
    if not lang.replace("-", "").isalpha() or len(lang) > 12:
        raise QueryError(f"lang: expected a language code like en or pt, got {lang!r}")
    return lang


def _date(text: str | None, name: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise QueryError(f"{name}: expected a date YYYY-MM-DD, got {text!r}") from None


def _script_json(data: object) -> str:
    """JSON safe inside a <script> element (no `</script>`, no HTML comment openers)."""
    return (
        json.dumps(data, ensure_ascii=False)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )


def _error(
    request: Request,
    status: int,
    message: str,
    headers: Mapping[str, str],
    page: Callable[..., HTMLResponse],
) -> Response:
    """An error as HTML for a browser page, as one line of text for SPARQL clients."""
    if request.url.path != "/sparql" and "text/html" in request.headers.get("accept", ""):
        response = page("error.html", request, status=status, status_code=status,
                        message=message)  # fmt: skip
        response.headers.update(headers)
        return response
    # Browser SPARQL clients (YASGUI) can read the reason only with the CORS headers.
    extra = _CORS if request.url.path == "/sparql" else {}
    return PlainTextResponse(message + "\n", status_code=status, headers={**extra, **headers})
