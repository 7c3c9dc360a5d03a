"""Train kgload's own spaCy pipelines (pt, en, es) on Universal Dependencies treebanks.

`make models` runs this script. For each language it converts the CoNLL-U files of
``../shared/ud`` (or ``--ud-dir``) to spaCy's DocBin format (multi-word tokens merged, so a token
is what the tokenizer sees: "do", "del"), trains ``training/pipeline.cfg`` with a fixed seed,
scores the best model on the held-out test split, and copies it into
``kgload/nlp/models/<lang>/`` with its licence, attribution and scores.

The splits (see ``SPLITS``) are fixed here so a rerun trains on the same sentences; Spanish has no
train split among the files we have, so GSD dev and the first 800 sentences of PUD train it, the
last 200 of PUD choose the best checkpoint, and GSD test scores it.

Usage: python scripts/train_pipelines.py [LANG ...] [--ud-dir DIR] [--work DIR] [--skip-train]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "training" / "pipeline.cfg"
MODELS = ROOT / "kgload" / "nlp" / "models"
SENTENCES_PER_DOC = 10  # the parser learns sentence boundaries from multi-sentence docs


@dataclass(frozen=True)
class Part:
    """Sentences ``start:stop`` (None = all) of one CoNLL-U file under the UD folder."""

    path: str
    start: int | None = None
    stop: int | None = None


@dataclass(frozen=True)
class Split:
    train: tuple[Part, ...]
    dev: tuple[Part, ...]
    test: tuple[Part, ...]
    extra_tests: tuple[tuple[str, Part], ...]
    licence: str
    sources: tuple[str, ...]


SPLITS: dict[str, Split] = {
    "pt": Split(
        train=(Part("pt/pt_bosque-ud-train.conllu"), Part("pt/pt_porttinari-ud-dev.conllu")),
        dev=(Part("pt/pt_bosque-ud-dev.conllu"),),
        test=(Part("pt/pt_bosque-ud-test.conllu"),),
        extra_tests=(("porttinari-test", Part("pt/pt_porttinari-ud-test.conllu")),),
        licence="CC BY-SA 4.0",
        sources=(
            "UD_Portuguese-Bosque @ 5de7ac34 (train split rebuilt from the treebank's sources; "
            "dev, test), CC BY-SA 4.0",
            "UD_Portuguese-Porttinari @ 87a07e1f (dev split), CC BY 4.0",
        ),
    ),
    "en": Split(
        train=(Part("en/en_ewt-ud-train.conllu"),),
        dev=(Part("en/en_ewt-ud-dev.conllu"),),
        test=(Part("en/en_ewt-ud-test.conllu"),),
        extra_tests=(),
        licence="CC BY-SA 4.0",
        sources=(
            "UD_English-EWT @ 15d613d8 (train split rebuilt from the treebank's sources; dev, "
            "test), CC BY-SA 4.0",
        ),
    ),
    "es": Split(
        train=(Part("es/es_gsd-ud-dev.conllu"), Part("es/es_pud-ud-test.conllu", 0, 800)),
        dev=(Part("es/es_pud-ud-test.conllu", 800, None),),
        test=(Part("es/es_gsd-ud-test.conllu"),),
        extra_tests=(),
        licence="CC BY-SA 4.0",
        sources=(
            "UD_Spanish-GSD @ 57c04564 (dev split for training, test split for scoring), "
            "CC BY-SA 4.0",
            "UD_Spanish-PUD @ 818a82b8 (sentences 1-800 for training, 801-1000 for choosing "
            "the checkpoint), CC BY-SA 3.0",
        ),
    ),
}


def read_sentences(path: Path) -> list[str]:
    """CoNLL-U sentences (comment and token lines) of a file, blank-line separated."""
    blocks = path.read_text(encoding="utf-8").split("\n\n")
    return [block.strip("\n") + "\n" for block in blocks if block.strip()]


def write_conllu(
    parts: tuple[Part, ...], ud_dir: Path, out: Path, first_person: float = 0.0
) -> int:
    sentences: list[str] = []
    for part in parts:
        sentences.extend(read_sentences(ud_dir / part.path)[part.start : part.stop])
    if first_person:
        from first_person import first_person_copies  # beside this script

        copies = first_person_copies(sentences, share=first_person, seed=0)
        print(f"{out.name}: {len(copies)} first-person copies", flush=True)
        sentences.extend(copies)
    out.write_text("\n".join(sentences) + "\n", encoding="utf-8")
    return len(sentences)


def spacy_cli(*args: str) -> None:
    command = [sys.executable, "-m", "spacy", *args]
    print("$", " ".join(command), flush=True)
    subprocess.run(command, check=True)


def convert(conllu: Path, out_dir: Path) -> Path:
    spacy_cli(
        "convert",
        str(conllu),
        str(out_dir),
        "--converter",
        "conllu",
        "--merge-subtokens",
        "--n-sents",
        str(SENTENCES_PER_DOC),
    )
    return out_dir / (conllu.stem + ".spacy")


def prepare(
    lang: str, split: Split, ud_dir: Path, work: Path, first_person: float = 0.0
) -> dict[str, Path]:
    work.mkdir(parents=True, exist_ok=True)
    files: dict[str, Path] = {}
    named = [("train", split.train), ("dev", split.dev), ("test", split.test)]
    named += [(name, (part,)) for name, part in split.extra_tests]
    for name, parts in named:
        conllu = work / f"{lang}-{name}.conllu"
        share = first_person if name == "train" else 0.0
        count = write_conllu(parts, ud_dir, conllu, share)
        print(f"{lang} {name}: {count} sentences", flush=True)
        files[name] = convert(conllu, work)
    return files


def evaluate(model: Path, data: Path, out: Path) -> dict[str, float]:
    spacy_cli("evaluate", str(model), str(data), "--output", str(out))
    scores = json.loads(out.read_text(encoding="utf-8"))
    keys = ("pos_acc", "morph_acc", "lemma_acc", "dep_uas", "dep_las", "sents_f", "speed")
    return {key: scores[key] for key in keys if key in scores}


def package(
    lang: str,
    split: Split,
    model: Path,
    scores: dict[str, dict[str, float]],
    first_person: float = 0.0,
) -> Path:
    target = MODELS / lang
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(model, target)
    meta_path = target / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(
        name=f"ud_{lang}",
        version="1.0.0",
        description=(
            f"kgload's {lang} pipeline: tagger/morphology, lemmas and dependency parse trained on "
            "Universal Dependencies (no static vectors)"
        ),
        author="kgload developers",
        license=split.licence,
        sources=[{"name": source} for source in split.sources],
        kgload_test_scores=scores,
    )
    meta.pop("performance", None)
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    text = attribution(lang, split, first_person)
    (target / "ATTRIBUTION.md").write_text(text, encoding="utf-8")
    shutil.copyfile(ROOT / "training" / "LICENSE-CC-BY-SA-4.0.txt", target / "LICENSE")
    return target


def attribution(lang: str, split: Split, first_person: float = 0.0) -> str:
    lines = [
        f"# kgload {lang} pipeline: attribution and licence",
        "",
        "This trained pipeline (the model weights and tables in this folder) is an adaptation of",
        "the following Universal Dependencies treebanks, and is distributed under",
        f"{split.licence} (https://creativecommons.org/licenses/by-sa/4.0/), as the ShareAlike",
        "terms of its training data require:",
        "",
        *[f"- {source}" for source in split.sources],
        "",
        "Universal Dependencies: https://universaldependencies.org/ . Trained by kgload's",
        "scripts/train_pipelines.py with training/pipeline.cfg (fixed seed); changes: the",
        "treebanks were converted to spaCy's format with multi-word tokens merged and used to",
        "train statistical models; no treebank text is included here.",
        *(
            [
                "For this language, first-person copies of the training sentences (a clause's",
                "subject dropped or made a first-person pronoun, its verb inflected to agree;",
                "scripts/first_person.py) were added to the training data.",
            ]
            if first_person
            else []
        ),
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("langs", nargs="*", default=sorted(SPLITS), choices=sorted(SPLITS))
    parser.add_argument("--ud-dir", type=Path, default=ROOT.parent / "shared" / "ud")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "training")
    parser.add_argument("--skip-train", action="store_true", help="score and package only")
    parser.add_argument(
        "--first-person",
        type=float,
        default=0.0,
        metavar="SHARE",
        help="add first-person copies of this share of the training sentences (0 to 1; "
        "scripts/first_person.py); the shipped pipelines use 0",
    )
    args = parser.parse_args(argv)
    if not 0.0 <= args.first_person <= 1.0:
        parser.error(f"--first-person {args.first_person}: a share from 0 to 1")
    if not args.ud_dir.is_dir():
        parser.error(f"--ud-dir {args.ud_dir}: no such folder (the UD treebanks, see training/)")
    for lang in args.langs:
        split = SPLITS[lang]
        work = args.work / lang
        files = prepare(lang, split, args.ud_dir, work / "corpus", args.first_person)
        output = work / "output"
        if not args.skip_train:
            spacy_cli(
                "train",
                str(CONFIG),
                "--output",
                str(output),
                "--nlp.lang",
                lang,
                "--paths.train",
                str(files["train"]),
                "--paths.dev",
                str(files["dev"]),
            )
        best = output / "model-best"
        scores = {"test": evaluate(best, files["test"], work / "scores-test.json")}
        for name, _part in split.extra_tests:
            scores[name] = evaluate(best, files[name], work / f"scores-{name}.json")
        target = package(lang, split, best, scores, args.first_person)
        print(f"{lang}: {json.dumps(scores)} -> {target}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
