"""Helpers for the `kgload serve` tests: a real server on a free loopback port.

`serve_in_thread` runs the application with uvicorn in this process (fast; the store stays in
the test's hands); `serve_subprocess` runs the `kgload serve` command itself.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator, Sequence
from pathlib import Path

import uvicorn
from starlette.applications import Starlette


def _wait_until_up(url: str, *, alive: object = None, seconds: float = 60.0) -> None:
    """Poll /health until it answers (a hang guard, not a timing assertion)."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url + "/health", timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if callable(alive) and not alive():
            raise RuntimeError(f"the server at {url} stopped before answering")
        if time.monotonic() > deadline:
            raise RuntimeError(f"the server at {url} did not answer within {seconds} s")
        time.sleep(0.05)


@contextlib.contextmanager
def serve_in_thread(app: Starlette) -> Iterator[str]:
    """Serve `app` on 127.0.0.1 at a free port in a thread; yields the base URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    port = sock.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
    )
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, alive=thread.is_alive)
        yield url
    finally:
        server.should_exit = True
        thread.join(30)
        sock.close()


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def clean_env() -> dict[str, str]:
    """The environment without KGLOAD_* settings, so the tests' stores are the ones used."""
    return {k: v for k, v in os.environ.items() if not k.startswith("KGLOAD_")}


@contextlib.contextmanager
def serve_subprocess(
    store: Path, *extra: str, cwd: Path
) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """Run `kgload serve --store oxigraph:STORE` on a free port; yields (URL, process)."""
    port = free_port()
    command: Sequence[str] = [
        sys.executable, "-m", "kgload", "serve", "--store", f"oxigraph:{store}",
        "--port", str(port), *extra,
    ]  # fmt: skip
    process = subprocess.Popen(
        command, cwd=cwd, env=clean_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, alive=lambda: process.poll() is None, seconds=120)
        yield url, process
    finally:
        process.terminate()
        try:
            process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate(timeout=30)
