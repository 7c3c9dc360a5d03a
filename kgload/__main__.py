"""`python -m kgload`: the same command line as the `kgload` script."""

from __future__ import annotations

from kgload.cli.main import main

if __name__ == "__main__":
    raise SystemExit(main())
