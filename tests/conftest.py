"""Shared fixtures. Keep this file to fixtures; helpers live in their own modules."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest
from virtuoso import VirtuosoServer, clear_test_graphs

from kgload.stores.sparql import SparqlStore, open_sparql


@pytest.fixture(scope="session")
def virtuoso() -> Iterator[VirtuosoServer]:
    """A throwaway Virtuoso server on loopback ports for the whole session."""
    binary = shutil.which("virtuoso-t")
    isql = shutil.which("isql-vt")
    if binary is None or isql is None:
        pytest.skip(
            "virtuoso-t not installed (Debian package virtuoso-opensource); .ci/run installs it"
        )
    server = VirtuosoServer(binary=binary, isql_binary=isql)
    try:
        server.start()
        yield server
    finally:
        server.close()


@pytest.fixture
def virtuoso_store(virtuoso: VirtuosoServer) -> Iterator[SparqlStore]:
    """A SparqlStore on the session's Virtuoso, with every kgload graph dropped first."""
    store = open_sparql(virtuoso.url, user=virtuoso.user, password=virtuoso.password)
    try:
        clear_test_graphs(store)
        yield store
    finally:
        store.close()
