"""`kgload serve`: the SPARQL endpoint and the analysts' web page over a store.

Opens the store read-only (an on-disk store can be ingested into meanwhile) unless
`--allow-update`, builds the application of `kgload.serve.app` and runs it with uvicorn until
interrupted. Needs the `serve` extra.
"""

from __future__ import annotations

import argparse
import socket
import sys
from pathlib import Path

from kgload.cli.common import Subparsers, add_config, add_store, settings_from
from kgload.errors import UsageError

__all__ = ["add_parser"]


def _whole_number(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 0, got {text!r}")
    return number


def _port(text: str) -> int:
    number = _whole_number(text)
    if not 0 <= number <= 65535:
        raise argparse.ArgumentTypeError(f"expected a port from 0 to 65535, got {text!r}")
    return number


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 < value < 86_400:
        raise argparse.ArgumentTypeError(f"expected seconds above 0, below a day; got {text!r}")
    return value


def add_parser(commands: Subparsers) -> None:
    """Add `serve` to the `kgload` subcommands (`commands` is argparse's subparsers object)."""
    serve = commands.add_parser(
        "serve",
        help="serve a SPARQL endpoint and a web page over the store",
        description="Serve the store over HTTP: a SPARQL 1.1 Protocol endpoint at /sparql "
        "(read-only unless --allow-update) and a web page at / to search actors, read their "
        "timelines, draw the network and run the saved queries. Needs the serve extra: "
        "pip install 'kgload[serve]'.",
    )
    add_store(serve, help="the store (default: the store setting)")
    add_config(serve, help="read settings from this TOML file")
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default: 127.0.0.1, this machine only; 0.0.0.0 is everyone)",
    )
    serve.add_argument(
        "--port", type=_port, default=8000, help="port to listen on (default: 8000; 0 = any free)"
    )
    serve.add_argument(
        "--timeout",
        type=_seconds,
        default=30.0,
        metavar="S",
        help="seconds a query may run before it is answered 503 (default: 30)",
    )
    serve.add_argument(
        "--max-rows",
        type=_whole_number,
        default=10_000,
        metavar="N",
        help="rows (or triples) one SPARQL answer may hold; more are withheld and the "
        "X-Kgload-Truncated header says how many (default: 10000; 0 = no cap)",
    )
    serve.add_argument(
        "--allow-update",
        action="store_true",
        help="accept SPARQL updates at /sparql from requests with the token (opens the store "
        "for writing, so no ingest can run meanwhile)",
    )
    token = serve.add_mutually_exclusive_group()
    token.add_argument(
        "--token", metavar="T", help="the token updates must send (Authorization: Bearer T)"
    )
    token.add_argument(
        "--token-file",
        metavar="FILE",
        type=Path,
        help="read the token from FILE (keeps it out of ps and shell history)",
    )
    serve.set_defaults(run=_serve)


def _serve(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from kgload.serve.app import ServeOptions, create_app
    except ImportError as exc:
        raise UsageError(
            f"kgload serve needs the serve extra ({exc.name} is missing): "
            "pip install 'kgload[serve]'"
        ) from exc
    from kgload.client import KG

    token = args.token
    if args.token_file is not None:
        try:
            token = args.token_file.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeError) as exc:
            raise UsageError(f"--token-file {args.token_file}: cannot read it: {exc}") from exc
        if not token:
            raise UsageError(f"--token-file {args.token_file} is empty")
    if token is not None and not args.allow_update:
        raise UsageError("--token is only for --allow-update (reads need no token)")
    options = ServeOptions(
        timeout=args.timeout,
        max_rows=args.max_rows or None,
        allow_update=args.allow_update,
        token=token,
        host=args.host,
    )
    settings = settings_from(args)
    # Bound before the store opens, so a port in use is one clear error and --port 0 works.
    sock = _listen(args.host, args.port)
    with sock, KG.open(settings=settings, read_only=not args.allow_update) as kg:
        app = create_app(kg.store, settings, options)
        config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
        server = uvicorn.Server(config)
        mode = "read-write (updates need the token)" if args.allow_update else "read-only"
        host, port = sock.getsockname()[:2]
        shown = f"[{host}]" if ":" in host else host
        print(
            f"kgload: serving {kg.store.url} ({mode}) at http://{shown}:{port}/ "
            f"(SPARQL endpoint http://{shown}:{port}/sparql); Ctrl-C stops",
            file=sys.stderr,
            flush=True,
        )
        server.run(sockets=[sock])
    return 0


def _listen(host: str, port: int) -> socket.socket:
    """A listening-ready socket bound to host:port; UsageError in one line if it cannot be."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
    except socket.gaierror as exc:
        raise UsageError(f"--host {host!r} is not an address of this machine: {exc}") from exc
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError as exc:
        sock.close()
        raise UsageError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    return sock
