"""Spanish agency copy (issue 9, Spanish news pass): the talks a wire story tells in passing, on
sentences of our own, each with a negative twin where the rule could overreach."""

from __future__ import annotations

from kgload.model import EventType
from tests.extracted import events


def _talks(text: str) -> list[tuple[EventType, frozenset[str]]]:
    return [
        (e.type, frozenset(e.participants))
        for e in events(text, "es")
        if e.type in (EventType.MEETING, EventType.PHONE_CALL)
    ]


def test_a_minister_who_spoke_with_a_named_counterpart_had_a_call() -> None:
    # readout usage, as "spoke with" in English: two people named, no telephone said
    assert _talks(
        "El presidente de Francia, Emmanuel Macron, habló este lunes con Vladímir Putin."
    ) == [(EventType.PHONE_CALL, frozenset({"Q3052772", "Q7747"}))]


def test_speaking_with_nobody_named_is_no_call() -> None:
    assert (
        _talks("El presidente de Francia, Emmanuel Macron, habló este lunes con los periodistas.")
        == []
    )
