"""A folder of N-Quads part files and its manifest: what `kgload extract` writes and `load` reads.

Extraction on a cluster writes one part per partition of the input, so the work can be split
anywhere and merged by set union (kgload's IRIs are deterministic). The folder holds:

- ``part-00000.nq`` …: the complete graphs of the documents of one partition, plus the shared
  knowledge-base descriptions of the entities they link (repeats across parts are harmless);
- ``part-00000.json`` …: the partition's entry (its input's digest, counts, problems, document
  graphs and the part's sha256), written after the part, both through the atomic writer, so an
  entry never describes a half-written part;
- ``manifest.json``: every partition of the run, complete or missing, written at the end.

A partition whose entry matches its input and whose part still has the recorded checksum is
done: re-running the same extraction skips it. Nothing here needs Dask.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from kgload import __version__
from kgload.config import Settings
from kgload.errors import UsageError
from kgload.files import atomic_write, atomic_write_text
from kgload.model import Article, Problem

__all__ = [
    "MANIFEST",
    "Manifest",
    "MissingPart",
    "PartEntry",
    "concatenated",
    "digest_items",
    "entry_path",
    "file_sha256",
    "part_path",
    "read_entry",
    "read_manifest",
    "settings_key",
    "valid_entry",
    "verify_parts",
    "write_entry",
    "write_manifest",
    "write_part",
]

MANIFEST = "manifest.json"
FORMAT = "kgload-parts/1"
_CHUNK = 1 << 20


def part_path(out: Path, number: int) -> Path:
    """Where partition `number`'s quads go.

    >>> part_path(Path("parts"), 7).name
    'part-00007.nq'
    """
    return out / f"part-{number:05d}.nq"


def entry_path(out: Path, number: int) -> Path:
    return out / f"part-{number:05d}.json"


def settings_key(settings: Settings) -> str:
    """The settings that change what extraction writes, as one string (part of every digest)."""
    return json.dumps(
        {
            "kgload": __version__,
            "base": settings.base,
            "spacy_model": settings.spacy_model,
            "kb_dir": settings.kb_dir,
            "validate": settings.validate,
            "max_article_chars": settings.max_article_chars,
        },
        sort_keys=True,
    )


def digest_items(items: Iterable[Article | Problem], key: str) -> str:
    """A sha256 over a partition's input (every article field, every reading problem) and the
    settings `key`: equal digests mean extracting again would write the same part."""
    digest = hashlib.sha256(key.encode())
    for item in items:
        if isinstance(item, Problem):
            fields: list[object] = ["problem", item.code, item.message, item.source]
        else:
            fields = [
                "article", item.id, item.source, item.lang, item.url, item.title,
                item.published.isoformat() if item.published else None, item.outlet,
                sorted(item.metadata.items()), item.text,
            ]
        digest.update(json.dumps(fields, ensure_ascii=False).encode("utf-8", "surrogatepass"))
        digest.update(b"\n")
    return digest.hexdigest()


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class PartEntry:
    """One extracted partition: its part file, what it holds, and what went wrong in it."""

    partition: int
    file: str
    sha256: str
    bytes: int
    input: str
    items: int
    documents: int
    events: int
    quads: int
    graphs: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = ()
    seconds: float = 0.0
    worker: str = ""

    def to_json(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["graphs"] = list(self.graphs)
        data["problems"] = [dataclasses.asdict(p) for p in self.problems]
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PartEntry:
        fields = dict(data)
        fields["graphs"] = tuple(fields.get("graphs", ()))
        fields["problems"] = tuple(Problem(**p) for p in fields.get("problems", ()))
        return cls(**fields)


@dataclass(frozen=True, slots=True)
class MissingPart:
    """A partition with no usable part: it failed (`reason` says how) or was never run."""

    partition: int
    reason: str


@dataclass(frozen=True, slots=True)
class Manifest:
    """What one `kgload extract` run into a folder produced, partition by partition."""

    partitions: int
    partition_size: int
    items: int
    parts: tuple[PartEntry, ...]
    missing: tuple[MissingPart, ...] = ()
    settings: str = ""

    @property
    def documents(self) -> int:
        return sum(p.documents for p in self.parts)

    @property
    def events(self) -> int:
        return sum(p.events for p in self.parts)

    @property
    def quads(self) -> int:
        return sum(p.quads for p in self.parts)

    @property
    def problems(self) -> tuple[Problem, ...]:
        return tuple(problem for p in self.parts for problem in p.problems)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "kgload": __version__,
            "settings": json.loads(self.settings) if self.settings else {},
            "partitions": self.partitions,
            "partition_size": self.partition_size,
            "items": self.items,
            "documents": self.documents,
            "events": self.events,
            "quads": self.quads,
            "parts": [p.to_json() for p in self.parts],
            "missing": [dataclasses.asdict(m) for m in self.missing],
        }


def write_part(out: Path, number: int, data: bytes) -> tuple[str, int]:
    """Write a partition's N-Quads atomically; returns its sha256 and size."""
    with atomic_write(part_path(out, number)) as handle:
        handle.write(data)
    return hashlib.sha256(data).hexdigest(), len(data)


def write_entry(out: Path, entry: PartEntry) -> None:
    atomic_write_text(
        entry_path(out, entry.partition), json.dumps(entry.to_json(), ensure_ascii=False) + "\n"
    )


def read_entry(out: Path, number: int) -> PartEntry | None:
    """The entry of partition `number`, or None when there is none or it cannot be read."""
    try:
        data = json.loads(entry_path(out, number).read_text(encoding="utf-8"))
        return PartEntry.from_json(data)
    except (OSError, ValueError, TypeError):
        return None


def valid_entry(out: Path, number: int, digest: str) -> PartEntry | None:
    """The entry of partition `number` when it is done for this input: same input digest, and
    its part file present with the recorded size and checksum. Otherwise None (run it again)."""
    entry = read_entry(out, number)
    if entry is None or entry.input != digest:
        return None
    path = out / entry.file
    try:
        if path.stat().st_size != entry.bytes or file_sha256(path) != entry.sha256:
            return None
    except OSError:
        return None
    return entry


def write_manifest(out: Path, manifest: Manifest) -> Path:
    path = out / MANIFEST
    atomic_write_text(path, json.dumps(manifest.to_json(), ensure_ascii=False, indent=1) + "\n")
    return path


def read_manifest(out: Path) -> Manifest:
    """Read `out/manifest.json`; a clear one-line error when it is missing or not kgload's."""
    path = out / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError(
            f"{out}: no {MANIFEST}; give a folder written by `kgload extract --out {out}` "
            "(run it to the end: the manifest is written last)"
        ) from None
    except (OSError, ValueError) as exc:
        raise UsageError(f"{path}: cannot read the manifest: {exc}") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise UsageError(f"{path}: not a kgload parts manifest (expected format {FORMAT!r})")
    try:
        return Manifest(
            partitions=int(data["partitions"]),
            partition_size=int(data["partition_size"]),
            items=int(data["items"]),
            parts=tuple(PartEntry.from_json(p) for p in data["parts"]),
            missing=tuple(MissingPart(**m) for m in data.get("missing", ())),
            settings=json.dumps(data.get("settings", {}), sort_keys=True),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise UsageError(f"{path}: damaged manifest ({exc}); run `kgload extract` again") from exc


def verify_parts(out: Path, manifest: Manifest) -> tuple[list[PartEntry], list[Problem]]:
    """The parts whose file is present with its recorded checksum, and a problem for every
    other partition (missing, failed, changed since it was written), each saying what to run."""
    good: list[PartEntry] = []
    problems: list[Problem] = []
    for missing in manifest.missing:
        problems.append(
            Problem(
                "missing-partition",
                f"partition {missing.partition} has no part ({missing.reason}); extract it "
                f"again with `kgload extract … --out {out} --partition {missing.partition}`",
                str(part_path(out, missing.partition)),
            )
        )
    for entry in manifest.parts:
        path = out / entry.file
        try:
            actual = file_sha256(path)
        except OSError as exc:
            actual = f"unreadable: {exc.strerror or exc}"
        if actual != entry.sha256:
            problems.append(
                Problem(
                    "bad-checksum",
                    f"part does not match the manifest's sha256 ({actual[:16]}…); extract "
                    f"it again with `kgload extract … --out {out} --partition {entry.partition}`",
                    str(path),
                )
            )
            continue
        good.append(entry)
    return good, problems


class _Concatenation(io.RawIOBase):
    """The bytes of several files, one after the other, read lazily."""

    def __init__(self, paths: Sequence[Path]) -> None:
        super().__init__()
        self._paths = list(paths)
        self._current: IO[bytes] | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while True:
            if self._current is None:
                if not self._paths:
                    return 0
                self._current = self._paths.pop(0).open("rb")
            count = self._current.readinto(buffer)  # type: ignore[attr-defined]
            if count:
                return int(count)
            self._current.close()
            self._current = None

    def close(self) -> None:
        if self._current is not None:
            self._current.close()
            self._current = None
        super().close()


@contextlib.contextmanager
def concatenated(paths: Sequence[Path]) -> Iterator[IO[bytes]]:
    """One binary stream over the parts in order (each part ends with a line break, so the
    stream is valid N-Quads), for a bulk loader that takes one input."""
    stream = io.BufferedReader(_Concatenation(paths), buffer_size=_CHUNK)
    try:
        yield stream
    finally:
        stream.close()
