"""What both HTTP clients (Wikidata, the SPARQL store) share: Retry-After, the overall deadline."""

from __future__ import annotations

import datetime as dt
import email.utils
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad

from kgload.config import Settings
from kgload.errors import StoreError, WikidataError
from kgload.http import request_deadline, retry_after_seconds
from kgload.linking.wikidata import WikidataClient
from kgload.stores.sparql import open_sparql


@pytest.mark.parametrize(
    ("header", "seconds"),
    [(None, None), ("", None), ("7", 7.0), (" 0 ", 0.0), ("-3", 0.0), ("soon", None)],
)
def test_delta_seconds_and_bad_values(header: str | None, seconds: float | None) -> None:
    assert retry_after_seconds(header) == seconds


def test_http_date_counts_from_now_and_never_goes_negative() -> None:
    later = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=120)
    wait = retry_after_seconds(email.utils.format_datetime(later, usegmt=True))
    assert wait is not None and 100 < wait <= 120
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0


# -- issue 10: an overall deadline per request, besides the per-read timeout ---------------------


class DrippingServer:
    """A loopback server that answers every request one byte every 0.05 s, for minutes.

    Each byte comes well within any per-read timeout, so only an overall deadline ends the wait.
    """

    def __init__(self) -> None:
        self._socket = socket.create_server(("127.0.0.1", 0))
        self.port = self._socket.getsockname()[1]
        self._closed = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/sparql"

    def _serve(self) -> None:
        while not self._closed.is_set():
            try:
                connection, _ = self._socket.accept()
            except OSError:
                return
            threading.Thread(target=self._drip, args=(connection,), daemon=True).start()

    def _drip(self, connection: socket.socket) -> None:
        body = b'{"head": {"vars": []}, "results": {"bindings": []}}' + b" " * 100_000
        answer = (
            b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
            b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body
        )
        with connection:
            try:
                connection.recv(65536)
                for index in range(len(answer)):
                    if self._closed.wait(0.05):
                        return
                    connection.sendall(answer[index : index + 1])
            except OSError:
                return

    def close(self) -> None:
        self._closed.set()
        self._socket.close()


@pytest.fixture
def dripping() -> Iterator[DrippingServer]:
    server = DrippingServer()
    yield server
    server.close()


def test_the_deadline_rule() -> None:
    assert request_deadline(2.0) == 8.0
    assert request_deadline(30.0) == 120.0


@pytest.mark.parametrize("operation", ["select", "update"])
def test_a_dripping_sparql_server_is_given_up_on(
    dripping: DrippingServer, operation: str
) -> None:
    store = open_sparql(dripping.url, dialect="generic", timeout=0.25, retries=1, backoff=0.01)
    started = time.monotonic()
    with pytest.raises(StoreError, match=r"failed after 2 attempts: no complete answer within 1 s"):
        if operation == "select":
            store.select("SELECT * WHERE { ?s ?p ?o }")
        else:
            store.add([Quad(NamedNode("http://e/s"), NamedNode("http://e/p"), Literal("o"),
                            NamedNode("http://e/g"))])
    store.close()
    # Two attempts of a 1 s deadline each; generous bound, a hang guard rather than a speed test.
    assert time.monotonic() - started < 60


@pytest.mark.parametrize("operation", ["select", "get_entities"])
def test_a_dripping_wikidata_server_is_given_up_on(
    dripping: DrippingServer, tmp_path: Path, operation: str
) -> None:
    settings = Settings(wikidata_url=dripping.url, wikidata_api_url=dripping.url,
                        user_agent="kgload-tests/1.0 (https://example.org; tests@example.org)",
                        cache_dir=str(tmp_path / "cache"))
    client = WikidataClient(settings, sleep=lambda _: None, max_attempts=2, timeout=0.25,
                            cache=False)
    started = time.monotonic()
    with pytest.raises(WikidataError, match=r"no complete answer within 1 s"):
        if operation == "select":
            client.select("SELECT * WHERE { ?s ?p ?o }")
        else:
            client.get_entities(["Q1"])
    client.close()
    assert time.monotonic() - started < 60
