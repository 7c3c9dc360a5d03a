"""First-person copies of treebank sentences (scripts/first_person.py), on sentences of our own.

The Spanish and Portuguese pipelines tagged "hablé", "nos reunimos", "assinei" as adjectives or
nouns because their news treebanks are in the third person; the training data now gets
first-person copies of its sentences, made by these rewrites.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load() -> ModuleType:
    name = "_kgload_script_first_person"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / "first_person.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


fp = _load()

PAST3 = "Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin"
PAST1 = "Mood=Ind|Number=Sing|Person=1|Tense=Past|VerbForm=Fin"
PAST1P = "Mood=Ind|Number=Plur|Person=1|Tense=Past|VerbForm=Fin"


def block(sent_id: str, *rows: tuple[str, str, str, str, int, str]) -> str:
    """A CoNLL-U block from (form, lemma, upos, feats, head, deprel) rows."""
    lines = [f"# sent_id = {sent_id}", "# text = x"]
    for k, (form, lemma, upos, feats, head, deprel) in enumerate(rows, start=1):
        lines.append(f"{k}\t{form}\t{lemma}\t{upos}\t_\t{feats}\t{head}\t{deprel}\t_\t_")
    return "\n".join(lines) + "\n"


# What the paradigms learn from: first-person forms of three regular verbs in each number, a
# first-person clitic and subject pronoun (made-up sentences, not treebank text).
TEACHERS = [
    block(f"t{k}", (form, lemma, "VERB", feats, 0, "root"), (".", ".", "PUNCT", "_", 1, "punct"))
    for k, (form, lemma, feats) in enumerate(
        [
            ("firmé", "firmar", PAST1),
            ("llamé", "llamar", PAST1),
            ("cerré", "cerrar", PAST1),
            ("firmamos", "firmar", PAST1P),
            ("llamamos", "llamar", PAST1P),
            ("cerramos", "cerrar", PAST1P),
            ("firmó", "firmar", PAST3),
            ("llamó", "llamar", PAST3),
            ("cerró", "cerrar", PAST3),
            ("tuvimos", "tener", PAST1P),
        ]
    )
] + [
    block(
        "c1",
        ("Me", "yo", "PRON", "Case=Acc|Number=Sing|Person=1|PronType=Prs", 2, "obj"),
        ("llamó", "llamar", "VERB", PAST3, 0, "root"),
    ),
    block(
        "c2",
        ("Nos", "nosotros", "PRON", "Case=Acc|Number=Plur|Person=1|PronType=Prs", 2, "obj"),
        ("llamó", "llamar", "VERB", PAST3, 0, "root"),
    ),
    block(
        "p1",
        ("Yo", "yo", "PRON", "Number=Sing|Person=1|PronType=Prs", 2, "nsubj"),
        ("firmé", "firmar", "VERB", PAST1, 0, "root"),
    ),
]

VISIT = block(
    "s1",
    ("El", "el", "DET", "_", 2, "det"),
    ("ministro", "ministro", "NOUN", "Number=Sing", 3, "nsubj"),
    ("visitó", "visitar", "VERB", PAST3, 0, "root"),
    ("Brasil", "Brasil", "PROPN", "_", 3, "obj"),
    (".", ".", "PUNCT", "_", 3, "punct"),
)


def paradigms(*extra: str) -> object:
    return fp.Paradigms.learn(fp.parse_sentence(b) for b in [*TEACHERS, *extra])


def rewrite(text: str, number: str = "Sing", pronoun: bool = False, *extra: str) -> str | None:
    sentence = fp.parse_sentence(text)
    learned = paradigms(text, *extra)
    for verb in sentence.words:
        if verb.deprel in ("root", "conj") and verb.upos == "VERB":
            change = fp.plan(sentence, verb, number, learned, pronoun)
            if change is not None:
                return fp.render(fp.apply(sentence, change))
    return None


def test_the_subject_is_dropped_and_the_verb_takes_the_first_person() -> None:
    out = rewrite(VISIT)
    assert out is not None
    assert "# text = Visité Brasil." in out.replace(" .", ".")
    rows = [line.split("\t") for line in out.splitlines() if not line.startswith("#")]
    assert [(r[0], r[1], r[6], r[7]) for r in rows] == [
        ("1", "Visité", "0", "root"),
        ("2", "Brasil", "1", "obj"),
        ("3", ".", "1", "punct"),
    ]
    assert "Person=1" in rows[0][5] and rows[0][2] == "visitar"


def test_plural_and_a_subject_pronoun() -> None:
    we = block(
        "p2",
        ("Nosotros", "nosotros", "PRON", "Number=Plur|Person=1|PronType=Prs", 2, "nsubj"),
        ("firmamos", "firmar", "VERB", PAST1P, 0, "root"),
    )
    out = rewrite(VISIT, "Plur", True, we)
    assert out is not None
    rows = [line.split("\t") for line in out.splitlines() if not line.startswith("#")]
    assert [r[1] for r in rows] == ["Nosotros", "visitamos", "Brasil", "."]
    assert (rows[0][6], rows[0][7]) == ("2", "nsubj")


def test_no_pronoun_of_that_number_no_copy() -> None:
    assert rewrite(VISIT, "Plur", True) is None


def test_a_form_seen_in_the_treebank_wins_over_the_rule() -> None:
    had = block(
        "s2",
        ("Chile", "Chile", "PROPN", "_", 2, "nsubj"),
        ("tuvo", "tener", "VERB", PAST3, 0, "root"),
        ("dudas", "duda", "NOUN", "_", 2, "obj"),
    )
    out = rewrite(had, "Plur")
    assert out is not None and "\ttuvimos\ttener\t" in out.replace("Tuvimos", "tuvimos")


def test_a_verb_the_rules_do_not_reproduce_is_left_alone() -> None:
    # "estar" is not seen in the first person, and its third person does not follow the -ar
    # rule learned from regular verbs, so no form is guessed for it
    odd = block(
        "s3",
        ("Lula", "Lula", "PROPN", "_", 2, "nsubj"),
        ("estuvo", "estar", "VERB", PAST3, 0, "root"),
        ("allí", "allí", "ADV", "_", 2, "advmod"),
    )
    assert rewrite(odd) is None


def test_a_reflexive_clitic_follows_the_subject() -> None:
    met = block(
        "s4",
        ("Lula", "Lula", "PROPN", "_", 3, "nsubj"),
        ("se", "él", "PRON", "Person=3|PronType=Prs|Reflex=Yes", 3, "expl:pv"),
        ("reunió", "reunir", "VERB", PAST3, 0, "root"),
        ("con", "con", "ADP", "_", 5, "case"),
        ("Petro", "Petro", "PROPN", "_", 3, "obl"),
    )
    # "reunir" ends like no teacher verb, so teach its first person once
    teach = block("t9", ("reuní", "reunir", "VERB", PAST1, 0, "root"))
    out = rewrite(met, "Sing", False, teach)
    assert out is not None
    words = [line.split("\t")[1] for line in out.splitlines() if not line.startswith("#")]
    assert words == ["Me", "reuní", "con", "Petro"]


def test_a_conjoined_verb_shares_the_new_subject() -> None:
    both = block(
        "s5",
        ("Lula", "Lula", "PROPN", "_", 2, "nsubj"),
        ("llamó", "llamar", "VERB", PAST3, 0, "root"),
        ("a", "a", "ADP", "_", 4, "case"),
        ("Petro", "Petro", "PROPN", "_", 2, "obl"),
        ("y", "y", "CCONJ", "_", 6, "cc"),
        ("firmó", "firmar", "VERB", PAST3, 2, "conj"),
        ("un", "uno", "DET", "_", 8, "det"),
        ("acuerdo", "acuerdo", "NOUN", "_", 6, "obj"),
    )
    out = rewrite(both)
    assert out is not None
    words = [line.split("\t")[1] for line in out.splitlines() if not line.startswith("#")]
    assert words[:2] == ["Llamé", "a"] and "firmé" in words


@pytest.mark.parametrize(
    "relation",
    ["nsubj:pass", "cop"],
)
def test_passives_and_copulas_are_not_rewritten(relation: str) -> None:
    text = VISIT.replace("\tnsubj\t", f"\t{relation}\t")
    assert rewrite(text) is None


def test_a_verb_inside_a_multiword_token_is_not_rewritten() -> None:
    lines = VISIT.splitlines()
    lines.insert(4, "3-4\tvisitóBrasil\t_\t_\t_\t_\t_\t_\t_\t_")
    assert rewrite("\n".join(lines) + "\n") is None


def test_copies_are_new_sentences_with_their_own_ids() -> None:
    copies = fp.first_person_copies([*TEACHERS, VISIT], share=1.0, seed=0)
    assert any("# sent_id = s1-1p" in c for c in copies)
    assert all("-1p" in c.split("\n", 1)[0] for c in copies)
    again = fp.first_person_copies([*TEACHERS, VISIT], share=1.0, seed=0)
    assert copies == again  # the same seed, the same training data


def test_a_share_outside_0_to_1_is_refused_with_its_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = importlib.util.spec_from_file_location(
        "_kgload_script_train_pipelines_fp", ROOT / "scripts" / "train_pipelines.py"
    )
    assert spec is not None and spec.loader is not None
    train = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = train  # its dataclasses look their module up
    spec.loader.exec_module(train)
    with pytest.raises(SystemExit) as exited:
        train.main(["es", "--first-person", "1.5", "--ud-dir", str(tmp_path)])
    assert exited.value.code == 2
    assert "--first-person 1.5: a share from 0 to 1" in capsys.readouterr().err
