"""The `kgload` command line: thin commands over the library, and their output renderers.

`main` is the console-script entry point (``kgload = "kgload.cli.main:main"``); each command
(or group: `query` with `queries`, `kb`) is a module whose `add_parser(commands)` adds its
options beside its handler; `common` holds the shared options and helpers; `render` turns
library results into tables, JSON, CSV or NDJSON.
"""

from __future__ import annotations

from kgload.cli.main import main

__all__ = ["main"]
