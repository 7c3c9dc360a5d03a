"""Dates from a readout's dateline, and the abbreviated Portuguese weekdays.

A government readout or transcript is often dated by a heading line of its own ("May 9, 2024,
The Kremlin, Moscow") and then tells the meeting without a date: the meeting happened that day.
A story without such a line, and events of other kinds or statuses, are left as they were.
"""

from __future__ import annotations

import datetime as dt

from kgload.extract.analyze import analyze
from kgload.extract.events import dateline_date
from kgload.linking.kb import load_kb
from kgload.model import Article, Event, EventType, PartialDate
from kgload.nlp.dates import find_dates


def _events(text: str, lang: str, published: dt.date) -> list[Event]:
    article = Article(id="t", text=text, lang=lang, source="test", published=published)
    return list(analyze(article, load_kb()).events)


def _only(events: list[Event], kind: EventType) -> Event:
    found = [e for e in events if e.type is kind]
    assert len(found) == 1, [(e.type, e.participants) for e in events]
    return found[0]


def test_a_meeting_told_under_a_dateline_happened_that_day() -> None:
    text = (
        "March 3, 2021, Novo-Ogaryovo, Moscow Region\n\n"
        "Vladimir Putin held talks with President of Turkey Recep Tayyip Erdogan.\n"
    )
    meeting = _only(_events(text, "en", dt.date(2021, 3, 4)), EventType.MEETING)
    assert meeting.date == PartialDate(2021, 3, 3)


def test_a_dateline_under_an_office_heading_counts_too_pt() -> None:
    text = (
        "Ministério das Relações Exteriores\nNota à imprensa\n14 de abril de 2022\n\n"
        "O presidente Lula reuniu-se com o presidente da Argentina, Alberto Fernández.\n"
    )
    meeting = _only(_events(text, "pt", dt.date(2022, 4, 15)), EventType.MEETING)
    assert meeting.date == PartialDate(2022, 4, 14)


def test_a_story_without_a_dateline_leaves_the_meeting_undated() -> None:
    text = "Vladimir Putin held talks with President of Turkey Recep Tayyip Erdogan.\n"
    meeting = _only(_events(text, "en", dt.date(2021, 3, 4)), EventType.MEETING)
    assert meeting.date is None


def test_a_first_sentence_with_a_date_is_not_a_dateline() -> None:
    text = "On March 3, 2021, officials in Moscow said little.\n\nPutin met Erdogan.\n"
    dates = find_dates(text, lang="en", published=dt.date(2021, 3, 4))
    assert dateline_date(text, dates) is None


def test_an_event_dated_in_its_own_sentence_keeps_its_date() -> None:
    text = (
        "May 9, 2024, The Kremlin, Moscow\n\n"
        "Vladimir Putin recalled that he had met President of Cuba Miguel Diaz-Canel in "
        "November 2022.\n"
    )
    meeting = _only(_events(text, "en", dt.date(2024, 5, 9)), EventType.MEETING)
    assert meeting.date == PartialDate(2022, 11)


def test_a_planned_visit_takes_no_dateline_date() -> None:
    text = (
        "May 9, 2024, The Kremlin, Moscow\n\n"
        "Vladimir Putin will visit China at the invitation of Xi Jinping.\n"
    )
    visit = _only(_events(text, "en", dt.date(2024, 5, 9)), EventType.VISIT)
    assert visit.date is None


def test_abbreviated_weekdays_pt() -> None:
    published = dt.date(2022, 1, 19)  # a Wednesday
    for text in ("Lula reuniu-se com Macron nesta 4ª feira (19).",
                 "Lula reuniu-se com Macron neste 4a feira (19).",
                 "Lula reuniu-se com Macron na 2ª-feira."):
        found = find_dates(text, lang="pt", published=published)
        assert [d.value for d in found] == [
            PartialDate(2022, 1, 19) if "4" in text else PartialDate(2022, 1, 17)
        ], text


def test_a_day_number_set_off_by_commas_after_a_weekday() -> None:
    published = dt.date(2023, 1, 31)  # a Tuesday; Friday 10 February is ten days on
    cases = {
        ("pt", "Biden recebe Lula na sexta-feira, 10, em Washington."): PartialDate(2023, 2, 10),
        ("es", "Biden recibirá a Lula el viernes, 10, en Washington."): PartialDate(2023, 2, 10),
        # not a date: a count after the comma, or a day that is not that weekday
        ("pt", "Na sexta-feira, 10 pessoas morreram."): PartialDate(2023, 1, 27),
        ("pt", "Lula chega na sexta-feira, 11, a Washington."): PartialDate(2023, 1, 27),
    }
    for (lang, text), value in cases.items():
        found = find_dates(text, lang=lang, published=published)
        assert [d.value for d in found] == [value], text


def test_sanctions_announced_under_a_dateline_take_its_day_but_an_attack_does_not() -> None:
    text = (
        "Departamento de Estado\nComunicado de prensa\n12 de octubre de 2022\n\n"
        "Estados Unidos impuso sanciones a Nicaragua.\n\n"
        "Rusia atacó Ucrania.\n"
    )
    events = _events(text, "es", dt.date(2022, 10, 13))
    assert _only(events, EventType.SANCTION).date == PartialDate(2022, 10, 12)
    assert _only(events, EventType.ATTACK).date is None


def test_ranges_of_days_are_dated_by_their_first_day() -> None:
    published = dt.date(2023, 12, 22)
    cases = {
        ("pt", "A conferência foi realizada de 14 a 15 de dezembro de 2023."): 14,
        ("pt", "Reuniram-se nos dias 14 e 15 de dezembro."): 14,
        ("es", "La cumbre se celebró del 14 al 15 de diciembre de 2023."): 14,
        ("en", "The talks were held on December 14-15, 2023."): 14,
        ("en", "They met from 14 to 15 December 2023."): 14,
    }
    for (lang, text), day in cases.items():
        (found,) = find_dates(text, lang=lang, published=published)
        assert found.value == PartialDate(2023, 12, day), text


def test_a_date_in_a_since_clause_does_not_date_the_event() -> None:
    for lang, text in (
        ("pt", "Lula visitou a Argentina desde que tomou posse, no passado dia 1."),
        ("en", "Lula has visited Argentina since he took office on January 1."),
    ):
        visit = _only(_events(text, lang, dt.date(2023, 1, 31)), EventType.VISIT)
        assert visit.date is None, text


def test_a_date_that_ends_a_span_does_not_date_the_event() -> None:
    for lang, text in (
        ("pt", "A União Europeia prorrogou as sanções contra a Rússia até julho de 2026."),
        ("es", "La Unión Europea prorrogó las sanciones contra Rusia hasta 2026."),
        ("en", "The EU extended its sanctions on Russia until July 2026."),
    ):
        sanction = _only(_events(text, lang, dt.date(2025, 3, 12)), EventType.SANCTION)
        assert sanction.date is None, text
    # the date of the act itself still dates it
    text = "A União Europeia prorrogou em janeiro as sanções contra a Rússia até 2026."
    sanction = _only(_events(text, "pt", dt.date(2025, 3, 12)), EventType.SANCTION)
    assert sanction.date == PartialDate(2025, 1)


def test_a_day_after_dates_the_clause_it_opens_en() -> None:
    events = _events(
        "Joe Biden met Xi Jinping on Tuesday, two days after Russia attacked Kyiv.",
        "en",
        dt.date(2024, 3, 15),
    )
    assert _only(events, EventType.MEETING).date == PartialDate(2024, 3, 12)
    assert _only(events, EventType.ATTACK).date == PartialDate(2024, 3, 10)


def test_a_day_after_dates_the_clause_it_opens_pt_es() -> None:
    pt = _events(
        "Lula se reuniu com Xi Jinping na terça-feira, um dia depois de a Rússia bombardear Kiev.",
        "pt",
        dt.date(2024, 3, 15),
    )
    assert _only(pt, EventType.MEETING).date == PartialDate(2024, 3, 12)
    assert _only(pt, EventType.ATTACK).date == PartialDate(2024, 3, 11)
    es = _events(
        "Putin se reunió con Xi Jinping el martes, un día después de que Rusia bombardeó Kiev.",
        "es",
        dt.date(2024, 3, 15),
    )
    assert _only(es, EventType.MEETING).date == PartialDate(2024, 3, 12)
    assert _only(es, EventType.ATTACK).date == PartialDate(2024, 3, 11)


def test_an_act_planned_for_the_weekday_of_publication_is_that_day() -> None:
    # published on a Friday: "on Friday will meet" is later that day, not a week on
    events = _events(
        "Joe Biden on Friday will meet Xi Jinping in San Francisco.", "en", dt.date(2023, 11, 17)
    )
    meeting = _only(events, EventType.MEETING)
    assert meeting.date == PartialDate(2023, 11, 17)


def test_a_wire_dateline_with_a_day_dates_what_the_story_tells_undated() -> None:
    text = (
        "Lima, 3 de mayo de 2021 (Xinhua).- Los cancilleres de Perú y de Chile firmaron un "
        "acuerdo de cooperación."
    )
    agreement = _only(_events(text, "es", dt.date(2021, 5, 4)), EventType.AGREEMENT)
    assert agreement.date == PartialDate(2021, 5, 3)


def test_a_wire_dateline_gives_no_day_to_an_event_dated_in_the_story() -> None:
    text = (
        "Lima, 3 de mayo de 2021 (Xinhua).- Perú y Chile firmaron el 28 de abril un acuerdo de "
        "cooperación."
    )
    agreement = _only(_events(text, "es", dt.date(2021, 5, 4)), EventType.AGREEMENT)
    assert agreement.date == PartialDate(2021, 4, 28)
    # a date further down the first line is no dateline's
    dates = find_dates("Ayer, 3 de mayo, Perú firmó.", lang="es", published=dt.date(2021, 5, 4))
    assert dateline_date("Ayer, 3 de mayo, Perú firmó.", dates) is None


def test_a_name_read_as_a_compound_of_the_day_after_it_keeps_its_case() -> None:
    # "for Ukraine Thursday": "Ukraine" parsed as a compound of "Thursday" left the aid with no
    # recipient, so no event
    text = "President Joe Biden announced new military aid for Ukraine Thursday at the summit."
    aid = [e for e in _events(text, "en", dt.date(2024, 7, 11))
           if e.type is EventType.MILITARY_AID]
    assert [(e.agent, e.recipient) for e in aid] == [("Q6279", "Q212")]


def test_a_date_deep_in_the_subjects_relative_clause_dates_nothing_outside_it() -> None:
    # "in 2026" belongs to what the clause says of Lula, not to the meeting
    text = "Lula, who is expected to become president again in 2026, met Macron."
    [meeting] = [e for e in _events(text, "en", dt.date(2025, 3, 12))
                 if e.type is EventType.MEETING]
    assert meeting.date is None
