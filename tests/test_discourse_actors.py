"""Actors told outside the trigger's clause: a subject a pro-drop language leaves out (it is the
actor the main clause before was about), and "I"/"we" in a quote or a transcript turn (its
speaker). Positive and negative cases in pt, en and es; the sentences are ours."""

from __future__ import annotations

import datetime as dt

import pytest

from kgload.extract.analyze import analyze
from kgload.linking.kb import load_kb
from kgload.model import Article, Event, EventType

LULA, XI, MACRON, PUTIN, BLINKEN = "Q37181", "Q15031", "Q3052772", "Q7747", "Q7821917"
LAVROV, RUBIO, BIDEN = "Q58217", "Q324546", "Q6279"
RUSSIA, CUBA, UKRAINE = "Q159", "Q241", "Q212"


def _events(text: str, lang: str, home: str | None = None) -> list[Event]:
    article = Article(
        id="t",
        text=text,
        lang=lang,
        source="test",
        published=dt.date(2025, 8, 12),
        metadata={"country": home} if home else {},
    )
    return list(analyze(article, load_kb()).events)


def _sides(text: str, lang: str, kind: EventType, home: str | None = None) -> list[set[str]]:
    return [set(e.participants) for e in _events(text, lang, home) if e.type is kind]


# a subject the clause leaves out: the actor of the main clause just before


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "pt",
            "O presidente Lula chegou a Pequim na terça-feira. Depois, reuniu-se com Xi Jinping.",
        ),
        ("es", "Lula llegó a Pekín el martes. Después se reunió con Xi Jinping."),
    ],
)
def test_dropped_subject_is_the_actor_before(lang: str, text: str) -> None:
    assert _sides(text, lang, EventType.MEETING) == [{LULA, XI}]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "pt",
            "Lula e Emmanuel Macron chegaram a Belém na segunda-feira. Em seguida, reuniram-se "
            "com Xi Jinping.",
        ),
        (
            "es",
            "Lula y Emmanuel Macron llegaron a Belém el lunes. Después se reunieron con Xi "
            "Jinping.",
        ),
    ],
)
def test_dropped_plural_subject_is_the_pair_before(lang: str, text: str) -> None:
    assert _sides(text, lang, EventType.MEETING) == [{LULA, MACRON, XI}]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("pt", "Lula chegou a Pequim na terça-feira. Depois, visitou a Rússia."),
        ("es", "Lula llegó a Pekín el martes. Luego visitó Rusia."),
    ],
)
def test_dropped_subject_of_a_directed_event(lang: str, text: str) -> None:
    visits = [e for e in _events(text, lang) if e.type is EventType.VISIT]
    assert {(e.agent, e.recipient) for e in visits} == {(LULA, "Q148"), (LULA, RUSSIA)}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # the subject changed: the delegation is no actor, and Lula did not meet Xi
        (
            "pt",
            "O presidente Lula chegou a Pequim na terça-feira. A comitiva reuniu-se "
            "com Xi Jinping.",
        ),
        ("es", "Lula llegó a Pekín el martes. La delegación se reunió con Xi Jinping."),
        # the verb is plural, the actor before is one person
        (
            "pt",
            "O presidente Lula chegou a Pequim na terça-feira. Depois, reuniram-se com Xi Jinping.",
        ),
        ("es", "Lula llegó a Pekín el martes. Después se reunieron con Xi Jinping."),
        # a new paragraph
        (
            "pt",
            "O presidente Lula chegou a Pequim na terça-feira.\nDepois, reuniu-se com Xi Jinping.",
        ),
        ("es", "Lula llegó a Pekín el martes.\nDespués se reunió con Xi Jinping."),
        # the main clause before reports what someone else did: whose turn it is is unclear
        (
            "pt",
            "O Itamaraty informou que Lula chegou a Washington. Depois, reuniu-se com Joe Biden.",
        ),
        (
            "es",
            "La Casa Blanca informó que Lula llegó a Washington. Después se reunió con Joe Biden.",
        ),
        # an impersonal verb has no subject to share
        ("es", "Lula llegó a Pekín el martes. Después hubo una reunión con Xi Jinping."),
        (
            "pt",
            "Lula chegou a Pequim na terça-feira. Depois, há quem tenha se reunido com Xi Jinping.",
        ),
        # English drops no subject: only coordination and control share one
        ("en", "Antony Blinken arrived in Beijing on Tuesday. Then met with Xi Jinping."),
    ],
)
def test_no_dropped_subject_is_guessed(lang: str, text: str) -> None:
    assert _sides(text, lang, EventType.MEETING) == []


def test_coordinated_verbs_share_the_subject_en() -> None:
    text = "Antony Blinken arrived in Beijing on Tuesday and met with Xi Jinping."
    assert _sides(text, "en", EventType.MEETING) == [{BLINKEN, XI}]


# first person: the speaker of the quote or of the transcript turn


@pytest.mark.parametrize(
    ("lang", "text", "kind", "sides"),
    [
        (
            "pt",
            "Lula afirmou: “Hoje conversei por telefone com Vladimir Putin.”",
            EventType.PHONE_CALL,
            {LULA, PUTIN},
        ),
        (
            "en",
            'Sergey Lavrov said: "I spoke with Marco Rubio by phone on Monday."',
            EventType.PHONE_CALL,
            {LAVROV, RUBIO},
        ),
        ("es", "Lula dijo: «Ayer me reuní con Xi Jinping.»", EventType.MEETING, {LULA, XI}),
        # "we" is the speaker's state
        (
            "pt",
            "Vladimir Putin declarou: “Nós assinamos um acordo de defesa com Cuba "
            "na segunda-feira.”",
            EventType.AGREEMENT,
            {RUSSIA, CUBA},
        ),
        (
            "en",
            'Vladimir Putin said: "We signed a defence agreement with Cuba on Monday."',
            EventType.AGREEMENT,
            {RUSSIA, CUBA},
        ),
    ],
)
def test_first_person_in_a_quote_is_its_speaker(
    lang: str, text: str, kind: EventType, sides: set[str]
) -> None:
    assert _sides(text, lang, kind) == [sides]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "pt",
            "Lula afirmou que a China é parceira. Emmanuel Macron disse: “Ontem eu "
            "me reuni com Xi Jinping.”",
        ),
        (
            "en",
            'Lula said Brazil is ready. Emmanuel Macron said: "I met with Xi Jinping on Monday."',
        ),
        (
            "es",
            "Pedro Sánchez afirmó que España apoya a Ucrania. Emmanuel Macron dijo: "
            "«Ayer me reuní con Xi Jinping.»",
        ),
    ],
)
def test_a_quote_is_its_own_speakers_not_the_one_before(lang: str, text: str) -> None:
    assert _sides(text, lang, EventType.MEETING) == [{MACRON, XI}]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("pt", "“Ontem eu me reuni com Xi Jinping”, disse um diplomata."),
        ("en", '"I met with Xi Jinping on Monday," a diplomat said.'),
        # outside any quote, in a text no government publishes, "I" is nobody known
        ("en", "I met with Xi Jinping on Monday."),
    ],
)
def test_first_person_of_someone_unnamed_is_nobody(lang: str, text: str) -> None:
    assert _sides(text, lang, EventType.MEETING) == []


def test_transcript_turn_speaks_for_its_label_en() -> None:
    text = (
        "Secretary Antony Blinken spoke to reporters in Brasilia.\n"
        "SECRETARY BLINKEN: Today I met with President Lula."
    )
    assert _sides(text, "en", EventType.MEETING) == [{BLINKEN, LULA}]


def test_questioners_turn_is_nobody_en() -> None:
    text = (
        "Secretary Antony Blinken spoke to reporters in Brasilia.\n"
        "QUESTION: Today I met with President Lula. What did he say?"
    )
    assert _sides(text, "en", EventType.MEETING) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Lula llegó a Pekín el martes. Después se atacó a Ucrania."),
        ("pt", "Lula chegou a Pequim na terça-feira. Depois, atacou-se a Ucrânia."),
    ],
)
def test_impersonal_reflexive_takes_no_actor_before(lang: str, text: str) -> None:
    assert _sides(text, lang, EventType.ATTACK) == []


US = "Q30"
_SUPPORT_PT = "Em primeiro lugar, continuaremos trabalhando para apoiar a independência da Ucrânia."


def test_controlled_verb_under_we_in_a_turn_is_the_speakers_state_pt() -> None:
    text = "Antony Blinken falou à imprensa em Washington.\nSECRETÁRIO BLINKEN: " + _SUPPORT_PT
    support = [e for e in _events(text, "pt") if e.type is EventType.SUPPORT]
    assert [(e.agent, e.recipient) for e in support] == [(US, UKRAINE)]


def test_unlinked_label_speaks_for_the_publisher_pt() -> None:
    text = "EMBAIXADORA: " + _SUPPORT_PT  # a label that names nobody the KB knows
    assert _sides(text, "pt", EventType.SUPPORT, home=US) == [{US, UKRAINE}]
    assert _sides(text, "pt", EventType.SUPPORT) == []  # no publisher: nobody


def test_label_with_a_surname_named_before_speaks_for_that_persons_state_pt() -> None:
    text = "O secretário de Estado Antony Blinken falou à imprensa.\nSECRETÁRIO BLINKEN: "
    assert _sides(text + _SUPPORT_PT, "pt", EventType.SUPPORT) == [{US, UKRAINE}]  # no publisher


def test_questioner_is_not_the_publisher_pt() -> None:
    text = "SECRETÁRIO BLINKEN: Bom dia.\nPERGUNTA: " + _SUPPORT_PT
    assert _sides(text, "pt", EventType.SUPPORT, home=US) == []


def test_we_outside_quotes_is_the_publisher_en() -> None:
    text = "We will keep working to support the independence of Ukraine."
    assert _sides(text, "en", EventType.SUPPORT, home=US) == [{US, UKRAINE}]


def test_moderator_speaks_for_the_publisher_en() -> None:
    text = "MODERATOR: We signed a defence agreement with Cuba on Monday."
    assert _sides(text, "en", EventType.AGREEMENT, home=US) == [{US, CUBA}]
    text = "QUESTION: We signed a defence agreement with Cuba on Monday."
    assert _sides(text, "en", EventType.AGREEMENT, home=US) == []


@pytest.mark.parametrize(
    "label",
    [
        # a name's particle joined to it, and a remark in brackets after the label
        "President of Egypt Abdel Fattah el-Sisi (retranslated)",
        "President of Egypt Abdel Fattah el-Sisi",
    ],
)
def test_a_label_in_the_kremlins_style_names_the_speaker_en(label: str) -> None:
    text = (
        f"{label}: Ladies and gentlemen,\n\n"
        "Our talks with President Vladimir Putin today were very productive."
    )
    assert _sides(text, "en", EventType.MEETING) == [{"Q79", PUTIN}]


def test_home_state_may_speak_a_quote_en() -> None:
    text = 'The United States said: "We signed a defence agreement with Cuba on Monday."'
    assert _sides(text, "en", EventType.AGREEMENT, home=US) == [{US, CUBA}]


# anaphora to actors named before (resolved by the linker's roles and the group words)


@pytest.mark.parametrize(
    ("lang", "text", "sides"),
    [
        (
            "pt",
            "Putin recebeu Kim Jong Un em Moscou na terça-feira. Ambos os líderes assinaram um "
            "tratado de defesa.",
            {PUTIN, "Q56226"},
        ),
        (
            "es",
            "Lula y Emmanuel Macron se reunieron en Brasilia el lunes. Ambos países firmaron un "
            "acuerdo de defensa.",
            {"Q155", "Q142"},
        ),
        (
            "en",
            "Joe Biden met Xi Jinping in Bali on Monday. The two leaders signed an agreement on "
            "climate.",
            {BIDEN, XI},
        ),
    ],
)
def test_group_words_are_the_pair_named_before(lang: str, text: str, sides: set[str]) -> None:
    assert _sides(text, lang, EventType.AGREEMENT) == [sides]


def test_group_word_needs_the_whole_group_pt() -> None:
    text = "Lula visitou a China na terça-feira. Os dois presidentes assinaram um acordo."
    assert _sides(text, "pt", EventType.AGREEMENT) == []


def test_role_word_is_the_person_named_before_es() -> None:
    text = (
        "El presidente Lula visitó Moscú el lunes. El mandatario brasileño se reunió con "
        "Vladimir Putin."
    )
    assert _sides(text, "es", EventType.MEETING) == [{LULA, PUTIN}]


# -- issue 9, eleventh pass: a possessive owned by a plural subject that names no actor ----------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("China hizo una demostración de fuerza mientras los aliados se reúnen en Roma para"
         " reiterar su apoyo militar a Taiwán.", "es"),
        ("A Rússia fez uma demonstração de força enquanto os aliados se reúnem em Roma para"
         " reafirmar o seu apoio militar à Ucrânia.", "pt"),
    ],
)
def test_a_possessive_of_an_unnamed_group_names_no_giver(text: str, lang: str) -> None:
    # the support was Italy's (the place) or Russia's (the last state named)
    assert [e for e in _events(text, lang) if e.type is EventType.MILITARY_AID] == []


def test_a_possessive_of_a_group_of_a_state_is_that_states() -> None:
    text = "Os ministros franceses reafirmaram o seu apoio militar à Ucrânia."
    sides = _sides(text, "pt", EventType.MILITARY_AID)
    assert sides == [{"Q142", "Q212"}]


STARMER = "Q6383803"


@pytest.mark.parametrize(
    ("middle", "source"),
    [
        # a person named only as a possessor in the sentence before is not who "he" is
        ("He said this was clear proof of Vladimir Putin’s desperation.", STARMER),
        # one named outright still is the last person named
        ("He said this was clear proof of desperation according to Vladimir Putin.", PUTIN),
    ],
)
def test_he_is_not_a_possessor_named_in_the_sentence_before_en(middle: str, source: str) -> None:
    text = (
        "Keir Starmer spoke to reporters in Brussels on Thursday. "
        f"{middle} He said the United Kingdom would send more air defence systems to Ukraine."
    )
    aid = [e for e in _events(text, "en") if e.type is EventType.MILITARY_AID]
    assert [list(e.reported_by) for e in aid] == [[source]]


# an infinitive under a word of pleasure: the act of who the pleasure is


@pytest.mark.parametrize(
    ("lang", "text", "home", "kind", "sides"),
    [
        (
            "en",
            "SECRETARY BLINKEN: It is always a pleasure to meet with Foreign Minister Sergey "
            "Lavrov.",
            US,
            EventType.MEETING,
            [{BLINKEN, LAVROV}],
        ),
        (
            "es",
            "SECRETARIO BLINKEN: Es un verdadero placer recibir aquí al canciller Sergey Lavrov.",
            US,
            EventType.MEETING,
            [{BLINKEN, LAVROV}],
        ),
        # "we have the pleasure": the speaker's state; the noun of pleasure is nobody
        (
            "pt",
            "O presidente Lula falou à imprensa.\nPRESIDENTE LULA: Temos hoje o prazer de "
            "receber aqui no Planalto o secretário de Estado Antony Blinken.",
            "Q155",
            EventType.VISIT,
            [{BLINKEN, "Q155"}],
        ),
        # a word of delight is one too ("Es maravilloso estar de vuelta en…")
        (
            "es",
            "SECRETARIO BLINKEN: Gracias. Es maravilloso estar de vuelta en Londres.",
            US,
            EventType.VISIT,
            [{BLINKEN, "Q145"}],
        ),
        # the pleasure of someone named: theirs
        (
            "en",
            "Lula is delighted to meet with President Xi Jinping.",
            None,
            EventType.MEETING,
            [{LULA, XI}],
        ),
        # no speaker and no publisher: nobody's
        (
            "en",
            "It is always a pleasure to meet with Foreign Minister Sergey Lavrov.",
            None,
            EventType.MEETING,
            [],
        ),
    ],
)
def test_an_infinitive_under_a_word_of_pleasure_is_the_act_of_who_is_pleased(
    lang: str, text: str, home: str | None, kind: EventType, sides: list[set[str]]
) -> None:
    assert _sides(text, lang, kind, home) == sides


def test_a_titled_family_name_written_first_is_the_holder_of_the_state_named_after_it() -> None:
    # "Park" is the first word of "Park Geun-hye", who was President of South Korea that day
    article = Article(
        id="t",
        text="President Obama met President Park of the Republic of Korea in Vientiane.",
        lang="en",
        source="test",
        published=dt.date(2016, 9, 6),
    )
    events = list(analyze(article, load_kb()).events)
    assert [set(e.participants) for e in events] == [{"Q76", "Q138048"}]


_KREMLIN = "President of Russia Vladimir Putin: Mr President Recep Tayyip Erdogan, colleagues. "
ERDOGAN = "Q39259"


def test_you_in_a_turn_is_whom_the_speaker_addresses_en() -> None:
    # a sentence that names nobody is read for its pronouns, "you" is the person of another
    # state the speaker named, and a pronoun of a person fills a role that wants an actor
    meetings = _sides(_KREMLIN + "I welcome you to Sochi.", "en", EventType.MEETING)
    assert len(meetings) == 1 and {PUTIN, ERDOGAN} <= meetings[0]


def test_you_outside_a_turn_is_nobody_en() -> None:
    assert _sides("I welcome you to Sochi.", "en", EventType.MEETING) == []


def test_we_as_the_object_of_a_talk_noun_adds_no_partner_en() -> None:
    # "our telephone conversations allow us…": "us" is no side of the calls it talks about
    text = _KREMLIN + "Our telephone conversations allow us to assess critical issues."
    assert _sides(text, "en", EventType.PHONE_CALL) == []
