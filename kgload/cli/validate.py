"""`kgload validate`: every document graph against the SHACL shapes; exit 1 on violations."""

from __future__ import annotations

import argparse

from kgload.cli.common import (
    Subparsers,
    add_config,
    add_store,
    err,
    plural,
    print_problems,
    settings_from,
)

__all__ = ["add_parser"]


def add_parser(commands: Subparsers) -> None:
    """Add `validate` to the `kgload` subcommands."""
    validate = commands.add_parser(
        "validate",
        help="check the graph against the SHACL shapes",
        description="Validate every document graph against ontology/shapes.ttl; "
        "exit 1 when there are violations.",
    )
    add_store(validate)
    add_config(validate)
    validate.set_defaults(run=_validate)


def _validate(args: argparse.Namespace) -> int:
    from kgload.client import KG

    with KG.open(settings=settings_from(args), read_only=True) as kg:
        report = kg.validate()
    print_problems(report.problems)
    if report.conforms:
        err("valid: the graph conforms to the SHACL shapes")
        return 0
    err(f"invalid: {plural(len(report.problems), 'SHACL violation')}")
    return 1
