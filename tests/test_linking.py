"""Mention detection and linking on spacy.blank + kgload's components, with the shipped KB."""

from __future__ import annotations

import datetime as dt

import pytest

from kgload.extract.analyze import analyze
from kgload.linking.kb import Alias, KBEntity, KnowledgeBase, fold_accents, load_kb
from kgload.linking.linker import home_state
from kgload.model import Article, EntityKind, Mention


def _article(
    text: str, lang: str, published: dt.date | None = dt.date(2025, 8, 12), url: str | None = None
) -> Article:
    return Article(id="t", text=text, lang=lang, source="test", published=published, url=url)


def _links(text: str, lang: str, **kwargs: object) -> list[Mention]:
    return list(analyze(_article(text, lang, **kwargs), load_kb()).mentions)  # type: ignore[arg-type]


def _keys(mentions: list[Mention]) -> dict[str, str]:
    return {m.text: m.key for m in mentions}


def test_names_demonyms_and_roles_in_portuguese() -> None:
    found = _keys(
        _links(
            "O presidente da Rússia, Vladimir Putin, falou com o líder norte-coreano Kim Jong Un.",
            "pt",
        )
    )
    assert found["presidente da Rússia, Vladimir Putin"] == "Q7747"  # title and name: one
    assert found["Vladimir Putin"] == "Q7747"
    assert found["Rússia"] == "Q159"
    assert found["norte-coreano"] == "Q423"
    assert found["Kim Jong Un"] == "Q56226"


def test_plural_demonym_links_its_state() -> None:
    # "israelense" was curated as a form alone: its plural linked to nothing
    found = _keys(_links("Forças israelenses e militares estadunidenses chegaram ontem.", "pt"))
    assert found["israelenses"] == "Q801"
    assert found["estadunidenses"] == "Q30"
    assert "Forças" not in found


@pytest.mark.parametrize(
    ("published", "holder"),
    [
        (dt.date(2022, 3, 9), "Q180589"),
        (dt.date(2023, 5, 5), "Q20055561"),
        (dt.date(2024, 9, 1), "Q6383803"),
    ],
)
def test_role_resolves_to_the_holder_on_the_article_date(published: dt.date, holder: str) -> None:
    mentions = _links(
        "The UK Prime Minister met the French president in Paris.", "en", published=published
    )
    role = next(m for m in mentions if m.method == "role" and "Prime Minister" in m.text)
    assert role.key == holder


@pytest.mark.parametrize(
    ("text", "lang", "published", "key"),
    [
        ("El presidente Bush viajó ayer a Brasil.", "es", dt.date(2007, 3, 9), "Q207"),
        ("O presidente Bush chegou ontem ao Brasil.", "pt", dt.date(2005, 11, 6), "Q207"),
        # no president named Bush held office that year in the KB: a local name, not Q207
        ("President Bush arrived in Panama yesterday.", "en", dt.date(1991, 6, 1), "local:bush"),
    ],
)
def test_a_title_and_a_surname_the_kb_does_not_know_alone_name_that_years_holder(
    text: str, lang: str, published: dt.date, key: str
) -> None:
    # "Bush" alone names two presidents; the title and the day leave one
    found = {m.text.split()[-1]: m.key for m in _links(text, lang, published=published)}
    assert found["Bush"] == key


def test_a_place_written_without_its_accents_links_but_short_names_never_fold() -> None:
    # wires write "Sao Paulo", "Bogota"; "Pará" and "Malé" would fold into words
    found = _keys(_links("El mandatario llegó a Sao Paulo y después a Bogota.", "es"))
    assert found["Sao Paulo"] == "Q174"
    assert found["Bogota"] in ("Q2841", "Q739")  # the capital, or its state as a metonym
    found = _keys(_links("Para o governo, a visita a Male foi um sucesso.", "pt"))
    assert "Para" not in found
    assert found.get("Male", "").startswith("local:") or "Male" not in found


@pytest.mark.parametrize(
    ("text", "lang", "url"),
    [
        (
            "Lula viajou ao Chile. O presidente da Petrobras viajou ao Peru.",
            "pt",
            "https://agenciabrasil.ebc.com.br/x",
        ),
        (
            "The President traveled to Chile. The President of the Senate traveled to Peru.",
            "en",
            "https://www.state.gov/x",
        ),
    ],
)
def test_a_bare_role_heading_an_of_phrase_of_no_state_names_nobody(
    text: str, lang: str, url: str
) -> None:
    # the company's or the chamber's president is not the country's, named before
    mentions = _links(text, lang, published=dt.date(2024, 12, 28), url=url)
    second = text.index(". ") + 2
    assert [m for m in mentions if m.method == "role" and m.start >= second] == []


@pytest.mark.parametrize(
    ("published", "linked"),
    [(dt.date(2024, 3, 5), True), (dt.date(2010, 3, 5), False)],
)
def test_a_leader_in_office_is_named_by_surname_alone(published: dt.date, linked: bool) -> None:
    # Chile's president from 2022: "Boric" alone names him while he leads, not before
    found = _keys(_links("Boric llegó ayer a Lima.", "es", published=published))
    assert (found.get("Boric") == "Q16297876") is linked


def test_venezuelas_president_is_a_leader_of_the_kb() -> None:
    # the leaders export pairs Q11942698 with Maduro from 2013; the office was left out
    found = _keys(
        _links("El mandatario venezolano habló ayer. Maduro acusó a Colombia.", "es",
               published=dt.date(2025, 3, 5))
    )
    assert found["mandatario venezolano"] == "Q58132"
    assert found["Maduro"] == "Q58132"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # no state known for the outlet: the seat of government of the sentence tells whose
        ("The Prime Minister welcomed President Lula to Downing Street today.", "Q6383803"),
        # a capital is where someone goes, not whose office it is
        ("The Prime Minister arrived in Moscow today.", None),
    ],
)
def test_a_bare_role_beside_a_seat_of_government_is_that_states(
    text: str, expected: str | None
) -> None:
    mentions = _links(text, "en", published=dt.date(2025, 3, 1), url="https://example.org/x")
    roles = [m.key for m in mentions if m.method == "role" and m.text == "Prime Minister"]
    assert roles == ([expected] if expected else [])


def test_bare_role_uses_the_outlet_home_state() -> None:
    mentions = _links(
        "The Prime Minister spoke with President Zelenskyy this evening.",
        "en",
        published=dt.date(2022, 3, 9),
        url="https://www.gov.uk/news/x",
    )
    assert {m.key for m in mentions} >= {"Q180589", "Q3874799"}
    assert home_state(_article("x", "en", url="https://www.gov.uk/a")) == "Q145"
    # without an outlet country, a bare role stays unlinked (precision first)
    mentions = _links(
        "The Prime Minister spoke with President Zelenskyy this evening.",
        "en",
        published=dt.date(2022, 3, 9),
    )
    assert "Q180589" not in {m.key for m in mentions}


def test_metonyms_link_the_state_and_keep_the_place() -> None:
    mentions = _links("Moscou respondeu e o Kremlin informou que Pyongyang enviou tropas.", "pt")
    by_text = {m.text: m for m in mentions}
    assert by_text["Moscou"].key == "Q159" and by_text["Moscou"].literal_key == "Q649"
    assert by_text["Kremlin"].key == "Q159"
    assert by_text["Pyongyang"].key == "Q423"


@pytest.mark.parametrize(
    ("text", "lang", "pair"),
    [
        ("El Departamento de Estado anunció restricciones de visa contra funcionarios "
         "nicaragüenses.", "es", ("Q30", "Q811")),
        ("O Departamento do Tesouro anunciou sanções contra funcionários venezuelanos.", "pt",
         ("Q30", "Q717")),
        ("The Treasury Department sanctioned three Venezuelan officials.", "en", ("Q30", "Q717")),
        # parsed with its article as an organisation's name, not as "el Francia"
        ("Hoy el Departamento de Estado adoptó medidas para establecer restricciones de visa a "
         "ocho funcionarios cubanos.", "es", ("Q30", "Q241")),
    ],
)
def test_the_state_and_treasury_departments_act_for_the_united_states(
    text: str, lang: str, pair: tuple[str, str]
) -> None:
    events = analyze(_article(text, lang), load_kb()).events
    assert [(e.agent, e.recipient) for e in events] == [pair]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("A ordem foi assinada pelo presidente Trump. Os Estados Unidos apoiam o presidente "
         "interino Juan Guaidó.", "pt"),
        ("La orden fue firmada por el presidente Trump. Estados Unidos apoya al presidente "
         "interino Juan Guaidó.", "es"),
    ],
)
def test_a_title_qualified_before_its_holders_name_is_that_person(text: str, lang: str) -> None:
    mentions = _links(text, lang, published=dt.date(2019, 1, 28))
    by_text = {m.text: m.key for m in mentions}
    assert by_text.get("presidente interino Juan Guaidó", by_text.get("Juan Guaidó")) == (
        "Q58833335"
    )
    assert "Q22686" not in {m.key for m in mentions if m.start > text.index("Unidos")}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Estados Unidos sancionó a funcionarios del régimen de Ortega-Murillo.", "es"),
        ("Os EUA sancionaram funcionários do regime Ortega-Murillo.", "pt"),
    ],
)
def test_two_hyphenated_surnames_beside_a_government_name_the_first(text: str, lang: str) -> None:
    found = _keys(_links(text, lang, published=dt.date(2022, 6, 10)))
    assert found.get("Ortega-Murillo") == "Q57402"


def test_a_hyphenated_name_beside_no_government_word_stays_unlinked() -> None:
    found = _keys(_links("El presidente viajó con Ortega-Murillo a Lima.", "es"))
    assert found.get("Ortega-Murillo") != "Q57402"


def test_equatorial_guinea_written_with_a_hyphen_in_portuguese() -> None:
    # the spelling of the Portuguese-speaking African press ("Guiné-Equatorial")
    found = _keys(_links("Cabo Verde e a Guiné-Equatorial assinaram acordos.", "pt"))
    assert found.get("Guiné-Equatorial") == "Q983"


@pytest.mark.parametrize(
    ("text", "lang", "url", "holder"),
    [
        # the Secretary of State named before
        ("El secretario de Estado, Mike Pompeo, viajó a Brasil. El Secretario visitará "
         "Argentina.", "es", None, "Q473239"),
        # no one named before: the holder on the day, in the State Department's own text
        ("El Secretario visitará Argentina.", "es", "https://www.state.gov/x", "Q473239"),
        ("O Secretário visitará a Argentina.", "pt", "https://br.usembassy.gov/x", "Q473239"),
    ],
)
def test_the_bare_title_of_the_secretary_of_state(
    text: str, lang: str, url: str | None, holder: str
) -> None:
    mentions = _links(text, lang, published=dt.date(2019, 7, 16), url=url)
    secretary = [m for m in mentions if m.text.lower() in ("secretario", "secretário")]
    assert [m.key for m in secretary] == [holder]


@pytest.mark.parametrize(
    ("text", "lang", "holder"),
    [
        # in lower case, as the Department's translations write it
        ("El secretario visitará Argentina.", "es", ["Q473239"]),
        ("O secretário visitará a Argentina.", "pt", ["Q473239"]),
        # a bare title in lower case that names no office of the publisher's on its own
        ("El presidente visitará Argentina.", "es", []),
    ],
)
def test_a_bare_title_in_lower_case_in_the_publishers_text(
    text: str, lang: str, holder: list[str]
) -> None:
    mentions = _links(text, lang, published=dt.date(2019, 7, 16), url="https://www.state.gov/x")
    titled = [m.key for m in mentions if m.text.split()[0].islower()]
    assert titled == holder


def test_the_secretary_general_of_a_body_is_not_the_secretary_of_state() -> None:
    text = "El secretario general de la ONU, António Guterres, visitó Kiev."
    keys = {m.key for m in _links(text, "es", url="https://www.state.gov/x")}
    assert "Q311440" in keys and "Q473239" not in keys


def test_surname_after_full_name_is_coreference() -> None:
    mentions = _links("Sergey Lavrov chegou a Pyongyang. Lavrov disse que a visita foi útil.", "pt")
    lavrov = [m for m in mentions if m.text == "Lavrov"]
    assert lavrov and lavrov[0].key == "Q58217" and lavrov[0].method == "coreference"


def test_unknown_names_are_local_entities_typed_by_context() -> None:
    mentions = _links("O porta-voz Ivan Petrovich Sidorenko negou as acusações.", "pt")
    local = [m for m in mentions if m.key.startswith("local:")]
    assert local and local[0].text == "Ivan Petrovich Sidorenko"
    assert local[0].kind is EntityKind.PERSON


def test_unknown_name_never_gets_a_wrong_qid_from_a_partial_match() -> None:
    # "Putin" and "Kim" are KB surnames; these are different people the KB does not know.
    mentions = _links("Kim Yong-chol met Igor Putinov in Minsk on Tuesday.", "en")
    assert "Q56226" not in {m.key for m in mentions}
    assert "Q7747" not in {m.key for m in mentions}


def test_a_name_with_its_particle_in_lower_case_is_the_kb_name() -> None:
    # the KB writes "Haider Al-Abadi"; English news writes the particle in lower case
    keys = _keys(_links("Joe Biden spoke by phone with Haider al-Abadi on Monday.", "en"))
    assert keys.get("Haider al-Abadi") == "Q5639013"
    # the name after the particle must still be capitalised
    keys = _keys(_links("Joe Biden spoke by phone with haider al-abadi on Monday.", "en"))
    assert "Q5639013" not in keys.values()


def test_acronyms_must_match_case() -> None:
    mentions = _links(
        "The UN Security Council met. The un-named official said nato was late.", "en"
    )
    keys = {m.text: m.key for m in mentions}
    assert keys.get("UN Security Council") == "Q37470"
    assert "nato" not in keys


def test_all_caps_transcript_is_not_read_as_acronyms() -> None:
    mentions = _links(
        "A COMISSÃO VAI CONVIDAR O CHANCELER PARA EXPLICAR A POSIÇÃO DO BRASIL.", "pt"
    )
    assert not [m for m in mentions if m.key.startswith("local:")]


def test_wire_dateline_is_not_an_actor_or_a_subject() -> None:
    text = ("BARI, Italy (Northbridge) - U.S. President Joe Biden and Ukrainian President "
            "Volodymyr Zelenskyy signed a security agreement on Thursday.")
    article = _article(text, "en", published=dt.date(2024, 6, 14))
    extraction = analyze(article, load_kb())
    assert not [m for m in extraction.mentions if m.text == "BARI"]
    (agreement,) = extraction.events
    assert set(agreement.participants) == {"Q6279", "Q3874799"}


def test_shared_alias_is_decided_by_context() -> None:
    # "Georgia" is a country (Q230) and a US state (Q1428): the country by default …
    alone = {m.text: m.key for m in _links("Georgia and Russia fought a war in 2008.", "en")}
    assert alone["Georgia"] == "Q230"
    # … the state when the article is about the United States and names no other country
    in_us = _links("The United States Senate race in Georgia was close, American officials "
                   "said.", "en")
    assert {m.text: m.key for m in in_us}.get("Georgia") == "Q1428"


def test_outlet_name_gives_the_home_state() -> None:
    kb = load_kb()

    def outlet(name: str) -> str | None:
        return home_state(Article(id="t", text="x", lang="en", source="t", outlet=name), kb)

    assert outlet("Whitehall Briefing Room") == "Q145"
    assert outlet("Palácio do Planalto / Secom") == "Q155"
    assert outlet("Northbridge Wire") is None  # names no state: no guess


def test_a_persons_name_from_another_language_links_but_place_names_do_not_travel() -> None:
    # "Sergei Lavrov" is an English spelling; a Portuguese paper may use it too.
    found = _keys(_links("O chanceler Sergei Lavrov chegou a Pyongyang.", "pt"))
    assert found["Sergei Lavrov"] == "Q58217"
    # Only people's full names are borrowed: "Kiev" stays a Portuguese, Spanish, French name.
    borrowed = [a for a in load_kb().aliases_for("en") if a.lang not in ("en", "*")]
    kb = load_kb()
    assert borrowed and all(kb.entities[a.qid].kind is EntityKind.PERSON for a in borrowed)


def test_a_capital_inside_a_longer_name_is_not_its_state() -> None:
    found = _keys(
        _links(
            "Lula chegou a Moscou para as celebrações do Dia da Vitória e citou o Acordo de Paris.",
            "pt",
        )
    )
    assert found["Moscou"] == "Q159"  # the seat of government still stands for Russia
    assert "Vitória" not in found  # Victoria, capital of Seychelles, inside "Dia da Vitória"
    assert "Paris" not in found
    english = _keys(_links("Leaders recalled the Treaty of Paris in Washington.", "en"))
    assert "Paris" not in english and english["Washington"] == "Q30"


def test_english_capital_names_work_in_every_language_but_not_inside_other_names() -> None:
    spanish = _keys(_links("El presidente argentino, Javier Milei, viajará a Washington.", "es"))
    assert spanish["Washington"] == "Q30"
    english = _keys(
        _links("The Washington Post said Pentagon Press Secretary Pat Ryder spoke in Kyiv.", "en")
    )
    assert english.get("Washington Post", "").startswith("local:")
    assert english["Pentagon"] == "Q11209"  # a seat of government keeps the title after it
    assert english["Kyiv"] == "Q212"


def test_a_bare_role_in_an_older_readout_links_the_holder_of_that_year() -> None:
    mentions = _links(
        "The Prime Minister spoke to President Obama this afternoon.",
        "en",
        published=dt.date(2014, 7, 13),
        url="https://www.gov.uk/government/news/x",
    )
    assert {m.key for m in mentions} >= {"Q192", "Q76"}  # David Cameron, Barack Obama


def test_a_month_is_never_the_surname_of_a_person_named_before() -> None:
    mentions = _links(
        "Theresa May met Emmanuel Macron on 3 March. They will meet again in May.",
        "en",
        published=dt.date(2018, 3, 3),
    )
    assert [m.text for m in mentions if m.key == "Q264766"] == ["Theresa May"]


# -- speaker labels of transcripts ("SECRETARY BLINKEN:") --------------------------------------
def test_speaker_label_with_title_and_known_surname_names_the_person() -> None:
    text = (
        "El secretario de Estado Antony Blinken habló con la prensa.\n\n"
        "SECRETARIO BLINKEN: Buenas tardes. Es un placer estar aquí.\n\n"
        "PREGUNTA: Gracias, señor secretario.\n"
    )
    found = {m.text: m.key for m in _links(text, "es", published=dt.date(2022, 5, 3))}
    assert found["SECRETARIO BLINKEN"] == "Q7821917"
    assert "PREGUNTA" not in found


def test_speaker_label_of_the_publishing_governments_own_official() -> None:
    text = "Remarks\n\nSECRETARY POMPEO: Good afternoon.\n"
    us = _links(text, "en", published=dt.date(2018, 5, 7), url="https://www.state.gov/x")
    assert {m.text: m.key for m in us}["SECRETARY POMPEO"] == "Q473239"
    uk = _links(text, "en", published=dt.date(2018, 5, 7), url="https://www.gov.uk/x")
    assert "SECRETARY POMPEO" not in {m.text for m in uk}


def test_bare_title_label_is_the_publishing_governments_holder_on_the_day() -> None:
    text = "Remarks by the President\n\nTHE PRESIDENT: Good afternoon, everyone.\n"
    mentions = _links(text, "en", published=dt.date(2023, 10, 7), url="https://www.whitehouse.gov/x")
    assert {m.text: m.key for m in mentions}["THE PRESIDENT"] == "Q6279"  # Joe Biden
    earlier = _links(text, "en", published=dt.date(2018, 10, 7), url="https://www.whitehouse.gov/x")
    assert {m.text: m.key for m in earlier}["THE PRESIDENT"] == "Q22686"  # Donald Trump


def test_bare_title_label_without_a_publishing_government_names_nobody() -> None:
    text = "Transcript\n\nTHE PRESIDENT: Good afternoon, everyone.\n"
    mentions = _links(text, "en", published=dt.date(2023, 10, 7))
    assert "THE PRESIDENT" not in {m.text for m in mentions}


@pytest.mark.parametrize(
    "text",
    [
        # a surname without a title: capitals alone are too noisy to trust
        "Notes\n\nBLINKEN: Good afternoon.\n",
        # a title and a word the KB does not know as a surname
        "Notes\n\nSECRETARY SMITHERSON: Good afternoon.\n",
        # a surname the KB knows, of someone neither named before, nor of the publishing
        # government, nor very prominent (Blinken's prominence is 35)
        "Notes\n\nSECRETARY BLINKEN: Good afternoon.\n",
        # capitals inside a line are not a label
        "The statement said: SECRETARY BLINKEN: we will meet again.\n",
        # a label not followed by its colon
        "Notes\n\nSECRETARY BLINKEN said good afternoon.\n",
    ],
)
def test_capitals_that_are_not_a_titled_speaker_label_stay_unlinked(text: str) -> None:
    mentions = _links(text, "en", published=dt.date(2022, 5, 3))
    assert all(m.key != "Q7821917" or not m.text.isupper() for m in mentions)


@pytest.mark.parametrize(
    ("lang", "text", "surname"),
    [
        ("es", "Chile criticó al régimen de Maduro.", "Maduro"),
        ("pt", "O Chile criticou o regime de Maduro.", "Maduro"),
        ("en", "Chile criticised the Maduro regime.", "Maduro"),
        ("en", "Chile criticised the government of Maduro.", "Maduro"),
    ],
)
def test_a_surname_that_names_a_government_is_its_leader(
    lang: str, text: str, surname: str
) -> None:
    assert _keys(_links(text, lang)).get(surname) == "Q58132"


def test_a_surname_beside_other_words_still_needs_the_full_name_first() -> None:
    # not prominent enough to be named by the surname alone, without a government beside it,
    # and no leader in office that day (a sitting leader is: see the next tests)
    assert "Shoigu" not in _keys(_links("Chile criticó a Shoigu.", "es"))


def test_a_role_with_a_short_of_phrase_names_the_person_after_the_comma() -> None:
    # not the earlier president (Lula): the one named after "do país"
    text = "Lula chegou à Argentina. Teve encontro com o presidente do país, Alberto Fernández."
    mentions = _links(text, "pt", published=dt.date(2023, 1, 24))
    roles = [m for m in mentions if m.method == "role"]
    assert [(m.text, m.key) for m in roles] == [
        ("presidente do país, Alberto Fernández", "Q2642828")
    ]


def test_an_official_of_the_eu_stands_for_the_eu() -> None:
    text = "Ursula von der Leyen announced new sanctions on Russia on Friday."
    extraction = analyze(_article(text, "en", published=dt.date(2024, 2, 23)), load_kb())
    sanctions = [e for e in extraction.events if e.type.value == "Sanction"]
    country = {e.key: e.country for e in extraction.entities}
    assert [(country.get(e.agent or ""), e.recipient) for e in sanctions] == [("Q458", "Q159")]


# -- issue 9, seventh pass: a state's name as a person's first name ------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "El presidente argentino, Mauricio Fulánez, habló con Donald Trump.",
        "El presidente Mauricio Fulánez habló con Donald Trump.",
        # eleventh pass: right after a demonym, with no comma
        "Donald Trump habló con su homólogo argentino Mauricio Fulánez.",
    ],
)
def test_a_state_name_glued_to_an_unknown_surname_after_a_title_is_a_first_name(
    text: str,
) -> None:
    # "Mauricio" is Mauritius (Q1027) in Spanish
    keys = {m.key for m in _links(text, "es")}
    assert "Q1027" not in keys
    assert any(k.startswith("local:mauricio") for k in keys)


def test_a_state_name_in_a_list_stays_the_state() -> None:
    keys = {m.key for m in _links("Rusia, Ucrania y Mauricio firmaron un acuerdo.", "es")}
    assert "Q1027" in keys


def test_a_state_name_after_a_demonym_with_no_name_glued_stays_the_state() -> None:
    keys = {m.key for m in _links("La ministra argentina visitó Mauricio en marzo.", "es")}
    assert "Q1027" in keys and "Q414" in keys


def test_mexicos_official_name_is_mexico_not_the_united_states() -> None:
    keys = {m.key for m in _links("El gobierno de los Estados Unidos Mexicanos firmó.", "es")}
    assert "Q96" in keys and "Q30" not in keys


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("pt", "O chefe de Estado italiano chegou a Brasília."),
        ("es", "El jefe de Estado italiano llegó a Brasilia."),
        ("en", "The Italian head of state arrived in Brasília."),
    ],
)
def test_a_head_of_state_is_the_head_of_state_not_the_leader(lang: str, text: str) -> None:
    # issue 9, seventh pass: it named Italy's prime minister (the paramount leader)
    keys = {m.key for m in _links(text, lang, published=dt.date(2024, 7, 15))}
    assert "Q3956186" in keys and "Q451791" not in keys


def test_a_head_of_state_in_a_presidential_state_is_its_president() -> None:
    keys = {m.key for m in _links("El jefe de Estado estadounidense llegó a Lima.", "es")}
    assert "Q22686" in keys


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("President Obama called President Fulanez of the Philippines on Tuesday.", "Q928"),
        ("Foreign Minister Beltranez of Turkey met Secretary Kerry today.", "Q43"),
        # no state after the name: a government's own readout names one of its own people
        ("President Obama called President Fulanez on Tuesday.", "Q30"),
    ],
)
def test_an_unknown_titled_name_takes_the_state_of_the_of_phrase_after_it(
    text: str, country: str
) -> None:
    article = _article(text, "en", url="https://www.whitehouse.gov/briefing-room/x")
    [person] = [e for e in analyze(article, load_kb()).entities if e.key.startswith("local:")]
    assert person.country == country


# -- issue 9, eleventh pass: a government body with its state after its name ----------------------


def _org_states(text: str, lang: str) -> dict[str, str | None]:
    extraction = analyze(_article(text, lang), load_kb())  # type: ignore[arg-type]
    return {e.label: e.country for e in extraction.entities if e.kind is EntityKind.ORGANIZATION}


@pytest.mark.parametrize(
    ("text", "lang", "body", "state"),
    [
        ("O Ministério da Defesa russo anunciou novos exercícios.", "pt", "Ministério da Defesa",
         "Q159"),
        ("El Departamento de Comercio de Estados Unidos publicó una lista.", "es",
         "Departamento de Comercio", "Q30"),
        ("The Ministry of Finance of the United Kingdom published a list.", "en",
         "Ministry of Finance", "Q145"),
    ],
)
def test_a_body_followed_by_its_state_belongs_to_it(
    text: str, lang: str, body: str, state: str
) -> None:
    assert _org_states(text, lang)[body] == state


def test_a_body_followed_by_no_state_keeps_none() -> None:
    # an of-phrase naming an organisation, or nothing after the name: no state
    assert _org_states("El Departamento de Comercio de la OTAN publicó una lista.", "es")[
        "Departamento de Comercio"
    ] is None
    assert _org_states("The Foreign Office published a list.", "en")["Foreign Office"] is None


# -- names written without their accents (issue 9, twelfth pass) --------------------------------


@pytest.mark.parametrize(
    ("text", "name", "qid"),
    [
        ("Cuban President Miguel Diaz-Canel arrived in Caracas.", "Miguel Diaz-Canel", "Q1932603"),
        ("Pedro Sanchez arrived in Lisbon on Monday.", "Pedro Sanchez", "Q6070218"),
    ],
)
def test_a_persons_name_without_its_accents_links_the_person(
    text: str, name: str, qid: str
) -> None:
    assert _keys(_links(text, "en"))[name] == qid


def test_a_surname_without_its_accents_repeats_the_person_named_before() -> None:
    mentions = _links("Pedro Sanchez arrived in Lisbon. Sanchez said the trip was useful.", "en")
    assert [m.key for m in mentions if m.text == "Sanchez"] == ["Q6070218"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("O presidente do Conselho Europeu, Antônio Costa, chegou a Brasília.", "Antônio Costa"),
        ("O presidente do Conselho Europeu, António Costa, chegou a Brasília.", "António Costa"),
    ],
)
def test_a_name_in_the_other_countrys_spelling_links_the_person(text: str, name: str) -> None:
    # Brazilian copy writes "Antônio" where Portugal (and the KB) writes "António"
    assert _keys(_links(text, "pt"))[name] == "Q610788"


def test_a_spelling_variant_is_read_only_in_the_language_that_has_it() -> None:
    # the other accent is Portuguese spelling: an English text keeps the KB's forms and the
    # names folded without accents, nothing else
    assert "antônio costa" not in load_kb().alias_table("en")


def _person(qid: str) -> KBEntity:
    return KBEntity(
        qid=qid, kind=EntityKind.PERSON, category="", country=None, labels={"en": qid},
        stands_for=None, prominence=50,
    )


def test_a_folded_name_that_is_anothers_name_or_shared_is_left_out() -> None:
    names = {"Q1": "Ána Pérez", "Q2": "Ana Perez", "Q3": "Jósé Lúz", "Q4": "José Luz"}
    kb = KnowledgeBase(
        entities={qid: _person(qid) for qid in names},
        aliases=[Alias(qid=q, lang="en", text=t, type="name") for q, t in names.items()],
        offices={},
        tenures=[],
    )
    table = kb.alias_table("en")
    assert [a.qid for a in table["ana perez"]] == ["Q2"]  # the other's own name stays its own
    assert "jose luz" not in table  # two people fold to it: neither gets it
    assert fold_accents("Erdoğan") == "Erdogan"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Nunca antes un presidente estadounidense había visitado la isla.", "es"),
        ("Nunca antes um presidente americano tinha visitado a ilha.", "pt"),
        ("Never before had an American president visited the island.", "en"),
    ],
)
def test_a_role_after_an_indefinite_article_names_no_office_holder(text: str, lang: str) -> None:
    mentions = _links(text, lang, published=dt.date(2023, 5, 5))
    assert not [m for m in mentions if m.kind is EntityKind.PERSON]


def test_a_role_after_a_definite_article_still_names_the_holder() -> None:
    mentions = _links(
        "El presidente estadounidense visitó la isla.", "es", published=dt.date(2023, 5, 5)
    )
    assert [m.key for m in mentions if m.kind is EntityKind.PERSON] == ["Q6279"]


@pytest.mark.parametrize(
    ("text", "name", "qid"),
    [
        # the everyday name of a Spanish-speaking leader: given name and paternal surname
        ("El presidente Santiago Peña llegó a Madrid.", "Santiago Peña", "Q22695687"),
        ("El presidente Bernardo Arévalo llegó a Madrid.", "Bernardo Arévalo", "Q107254030"),
        ("El rey Felipe VI llegó a Lima.", "Felipe VI", "Q191045"),
        # the paternal surname, not the maternal one, repeats the person after a title
        ("El presidente Peña llegó a Madrid.", "Peña", "Q22695687"),
    ],
)
def test_a_hispanic_leader_by_given_name_and_paternal_surname(
    text: str, name: str, qid: str
) -> None:
    assert _keys(_links(text, "es", published=dt.date(2024, 5, 10)))[name] == qid


@pytest.mark.parametrize(
    "text",
    [
        # a maternal surname is someone else's surname: Iván Duque Márquez is not "Márquez"
        "La vicepresidenta Márquez llegó a Madrid.",
        "El senador Cruz llegó a Madrid.",
    ],
)
def test_a_maternal_surname_alone_names_nobody(text: str) -> None:
    mentions = _links(text, "es", published=dt.date(2023, 3, 10))
    assert not [m for m in mentions if m.kind is EntityKind.PERSON and m.key.startswith("Q")]



@pytest.mark.parametrize(
    ("text", "lang", "published", "role_text", "holder"),
    [
        # 21st-century holders from the EveryPolitician tables (scripts/import_holders.py)
        ("O presidente brasileiro chegou ontem a Roma.", "pt", dt.date(2012, 6, 4),
         "presidente brasileiro", "Q40722"),
        ("Secretary of State Condoleezza Rice arrived in Cairo.", "en", dt.date(2007, 3, 5),
         "Condoleezza Rice", "Q47216"),
        ("El presidente mexicano llegó ayer a Lima.", "es", dt.date(2010, 3, 5),
         "presidente mexicano", "Q57269"),
        # a president's counterpart is the other state's president where it has one (Portugal's
        # leader is its prime minister, Costa in 2022), and its leader where it has none (the UK)
        ("O Presidente moçambicano, Filipe Nyusi, e o seu homólogo português reuniram-se.",
         "pt", dt.date(2022, 11, 19), "homólogo português", "Q6756617"),
        ("Lula e o seu homólogo britânico conversaram.", "pt", dt.date(2024, 9, 1),
         "homólogo britânico", "Q6383803"),
        # foreign and defence ministries go by other titles in the UK and the US ("Foreign
        # Secretary", "Secretary of State", "Defence Secretary"): a role names the office by
        # its role wherever it goes by another title
        ("The US Secretary of State arrived in Cairo.", "en", dt.date(2007, 3, 5),
         "US Secretary of State", "Q47216"),
        ("O secretário de Estado americano chegou ontem.", "pt", dt.date(2019, 5, 14),
         "secretário de Estado americano", "Q473239"),
        ("O ministro da Defesa britânico visitou Kiev.", "pt", dt.date(2024, 2, 22),
         "ministro da Defesa britânico", "Q478596"),
    ],
)
def test_a_role_names_its_holder_on_the_articles_day(
    text: str, lang: str, published: dt.date, role_text: str, holder: str
) -> None:
    assert _keys(_links(text, lang, published=published)).get(role_text) == holder


def test_a_former_leader_is_linked_by_full_name_and_then_by_surname() -> None:
    found = _keys(
        _links("A presidente Dilma Rousseff chegou a Lisboa. Rousseff falou depois.", "pt",
               published=dt.date(2013, 6, 9))
    )
    assert found["Dilma Rousseff"] == "Q40722"
    assert found["Rousseff"] == "Q40722"


@pytest.mark.parametrize(
    ("published", "holder"), [(dt.date(2022, 6, 1), "Q16090188"), (dt.date(2024, 10, 31), None)]
)
def test_an_imported_term_with_no_end_stops_when_its_table_was_last_updated(
    published: dt.date, holder: str | None
) -> None:
    # Park Jin's term has no end in the 2022 table: after its last update nobody is known
    found = _keys(_links("The South Korean foreign minister met reporters.", "en",
                         published=published))
    assert (found.get("South Korean foreign minister") == "Q16090188") is (holder is not None)


def _countries(text: str, lang: str) -> dict[str, str | None]:
    extraction = analyze(_article(text, lang, published=dt.date(2022, 5, 10)), load_kb())
    return {e.label: e.country for e in extraction.entities if e.key.startswith("local:")}


@pytest.mark.parametrize(
    ("text", "lang", "name", "state"),
    [
        # a title the KB holds no office for, with its state: a person of that state
        ("U.S. Deputy Secretary of State Wendy Sherman met reporters.", "en", "Wendy Sherman",
         "Q30"),
        ("Russia's Deputy Foreign Minister Sergei Ryabkov spoke.", "en", "Sergei Ryabkov", "Q159"),
        ("O vice-ministro russo, Serguei Riabkov, falou ontem.", "pt", "Serguei Riabkov", "Q159"),
        # no person cue in the words before the name, or a person rather than a state there
        ("Brazil and Chile Jorge Silva spoke.", "en", "Jorge Silva", None),
        ("Putin aide Yuri Ushakov spoke.", "en", "Yuri Ushakov", None),
        # the state after a post word is where the person serves, not the state they serve
        ("O embaixador da Rússia no Brasil, Alexey Labetskiy, falou.", "pt", "Alexey Labetskiy",
         "Q159"),
        ("U.S. Ambassador to Ukraine Bridget Brink spoke.", "en", "Bridget Brink", "Q30"),
    ],
)
def test_an_unknown_name_after_a_title_with_a_state_is_a_person_of_that_state(
    text: str, lang: str, name: str, state: str | None
) -> None:
    assert _countries(text, lang).get(name) == state


def test_a_bare_ministers_title_on_a_governments_site_is_its_holder() -> None:
    found = _keys(
        _links("The Defence Secretary visited Kyiv.", "en", published=dt.date(2024, 2, 22),
               url="https://www.gov.uk/government/news/x")
    )
    assert found["Defence Secretary"] == "Q478596"


def test_the_end_of_a_full_name_told_before_is_that_person_accents_aside() -> None:
    # the KB knows the surname unaccented ("Lopez Obrador"): the accented one became a stranger
    found = _keys(
        _links(
            "El presidente Andrés Manuel López Obrador se reunió con Guillermo Lasso. "
            "López Obrador anunció un acuerdo.",
            "es",
            published=dt.date(2023, 5, 5),
        )
    )
    assert found["López Obrador"] == "Q318508"


def test_argentinas_and_chiles_presidents_since_2000_are_known() -> None:
    # "Mauricio" was Mauritius in Spanish: the former president was nobody the KB knew
    found = _keys(_links("Peña se reunió con el expresidente Mauricio Macri en Buenos Aires.",
                         "es", published=dt.date(2024, 1, 10)))
    assert found["Mauricio Macri"] == "Q561837" and "Q1027" not in found.values()
    found = _keys(_links("La presidenta Michelle Bachelet viajó a Lima.", "es",
                         published=dt.date(2015, 5, 4)))
    assert found["Michelle Bachelet"] == "Q320"
    # two presidents were named Kirchner: the surname alone names neither
    found = _keys(_links("La presidenta Kirchner viajó a Lima.", "es",
                         published=dt.date(2010, 5, 4)))
    assert found.get("Kirchner") != "Q170899"
