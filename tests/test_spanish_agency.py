"""Spanish agency copy (issue 9, Spanish news pass): the talks a wire story tells in passing, on
sentences of our own, each with a negative twin where the rule could overreach."""

from __future__ import annotations

from extracted import events

from kgload.model import EventType


def _talks(text: str) -> list[tuple[EventType, frozenset[str]]]:
    return [
        (e.type, frozenset(e.participants))
        for e in events(text, "es")
        if e.type in (EventType.MEETING, EventType.PHONE_CALL)
    ]


def test_speaking_with_nobody_named_is_no_call() -> None:
    assert (
        _talks("El presidente de Francia, Emmanuel Macron, habló este lunes con los periodistas.")
        == []
    )


def test_a_meeting_hung_on_the_object_is_the_subjects_meeting() -> None:
    # "tras una reunión con X" parsed under the object ("las declaraciones"): who spoke after it
    # took part in it
    (talk,) = _talks(
        "Pedro Sánchez hizo unas declaraciones tras una breve reunión con el presidente de "
        "Francia, Emmanuel Macron."
    )
    assert talk == (EventType.MEETING, frozenset({"Q6070218", "Q3052772"}))


def test_a_meeting_named_as_a_topic_keeps_its_own_people() -> None:
    # "sobre" is no time: the subject only wrote about the talks of others
    talks = _talks(
        "Pedro Sánchez publicó un artículo sobre la reunión de Emmanuel Macron con Vladímir Putin."
    )
    assert all("Q6070218" not in people for _, people in talks)
