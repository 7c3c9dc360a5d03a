"""List the verbs of a PETRARCH-format CAMEO verb dictionary that code one of kgload's ten event
types, to derive the trigger lemmas of ``kgload/nlp/lexicons/events_<lang>.toml`` from.

The dictionary files (``../shared/event-dictionaries``: English from PETRARCH2, Spanish from
UniversalPetrarch, MIT) are read, not shipped. For every verb block (``--- NAME [code] ---``) the
script reports, per kgload type:

- ``verb``: the block's verbs whose default code maps to the type (``CALL [041]`` → PhoneCall);
- ``verb+word``: a verb whose pattern names a word that makes it the type (``DISCUSS`` with
  ``(BY TELEPHONE) [041]`` → PhoneCall when "telephone" depends on it);
- ``forms``: the irregular forms the dictionary lists (``MEET {MEETS MET MEETING}``), which the
  lexicon's prefilter needs.

Usage: python scripts/cameo_triggers.py DICTIONARY [--type TYPE] > report.tsv
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

# CAMEO code prefixes → kgload types (the table of ../shared/event-dictionaries/README.md).
CODE_TYPES: tuple[tuple[str, str], ...] = (
    ("041", "PhoneCall"),
    ("042", "Visit"),
    ("043", "Visit"),
    ("040", "Meeting"),
    ("044", "Meeting"),
    ("045", "Meeting"),
    ("046", "Meeting"),
    ("057", "Agreement"),
    ("051", "Support"),
    ("052", "Support"),
    ("053", "Support"),
    ("054", "Support"),
    ("072", "MilitaryAid"),
    ("062", "MilitaryAid"),
    ("074", "TroopDeployment"),
    ("154", "TroopDeployment"),
    ("163", "Sanction"),
    ("162", "Sanction"),
    ("19", "Attack"),
    ("183", "Attack"),
    ("186", "Attack"),
    ("20", "Attack"),
    ("111", "Condemnation"),
    ("114", "Condemnation"),
)

BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
PATTERN = re.compile(r"^-\s*(.*?)\s*\[([^\]]*)\]")
VERB = re.compile(r"^\+?([A-ZÁÉÍÓÚÑÜ_]+)\s*(?:\{([^}]*)\})?")


def kgload_type(code: str) -> str | None:
    code = code.split(":")[0].strip()
    for prefix, name in CODE_TYPES:
        if code.startswith(prefix):
            return name
    return None


def read_dictionary(path: Path) -> list[tuple[str, str, list[str], list[tuple[str, str]]]]:
    """(block name, block code, verbs with their forms, patterns (text, code)) per verb block."""
    blocks: list[tuple[str, str, list[str], list[tuple[str, str]]]] = []
    current: tuple[str, str, list[str], list[tuple[str, str]]] | None = None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        block = BLOCK.match(line)
        if block:
            current = (block.group(1), block.group(2), [], [])
            blocks.append(current)
            continue
        if current is None or line.startswith("&"):
            continue
        pattern = PATTERN.match(line)
        if pattern:
            current[3].append((pattern.group(1), pattern.group(2)))
            continue
        verb = VERB.match(line.strip())
        if verb:
            forms = " ".join((verb.group(2) or "").replace("+", "").split())
            current[2].append(f"{verb.group(1)}\t{forms}")
    return blocks


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dictionary", type=Path)
    parser.add_argument("--type", help="only this kgload type")
    args = parser.parse_args(argv)
    rows: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for name, code, verbs, patterns in read_dictionary(args.dictionary):
        default = kgload_type(code)
        for verb_line in verbs:
            verb, forms = verb_line.split("\t")
            if default:
                rows[(default, verb.lower(), "")].add(f"{code} {name}; forms: {forms.lower()}")
            for text, pattern_code in patterns:
                typed = kgload_type(pattern_code)
                if typed and typed != default:
                    words = " ".join(
                        w.lower()
                        for w in re.findall(r"[A-ZÁÉÍÓÚÑÜ_&]+", text)
                        if not w.startswith("&")
                    )
                    rows[(typed, verb.lower(), words)].add(f"{pattern_code} {name}")
    out = sys.stdout
    out.write("type\tverb\tpattern words\tcameo\n")
    for (typed, verb, words), sources in sorted(rows.items()):
        if args.type and typed != args.type:
            continue
        out.write(f"{typed}\t{verb}\t{words}\t{' | '.join(sorted(sources))}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
