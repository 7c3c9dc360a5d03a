"""Writing output files that a crash, a planted symlink or a shared folder cannot corrupt.

Every file kgload writes (exports, knowledge-base tables, the Wikidata cache) goes through
`atomic_write`: the bytes land in a fresh temporary file created exclusively in the target's
folder (a random name, so nothing can be planted there in advance, and never through a
symlink), which is flushed to disk and renamed over the target. A reader sees the old file or the
new one, never half of one. The target keeps its permission bits, and a target that is not a
regular file (a symlink, FIFO, device or folder) is refused instead of being silently replaced.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from kgload.errors import UsageError

__all__ = ["atomic_write", "atomic_write_text", "check_writable_target"]

_KINDS = (
    (stat.S_ISLNK, "a symbolic link"),
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def check_writable_target(path: Path) -> int | None:
    """The permission bits of the existing regular file at `path` (None when there is none).

    Raises UsageError when `path` exists but is not a regular file: replacing a symlink, a FIFO
    or a device with a plain file is never what the caller meant.
    """
    try:
        info = path.lstat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise UsageError(f"{path}: cannot inspect the output path: {exc.strerror or exc}") from exc
    for test, kind in _KINDS:
        if test(info.st_mode):
            raise UsageError(
                f"{path}: is {kind}, not a regular file; kgload will not replace it. "
                "Write to a regular file (or to standard output with -o -)"
            )
    return stat.S_IMODE(info.st_mode)


def _default_mode() -> int:
    """The mode a new file gets from `open()`: 0o666 less the process umask."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


@contextlib.contextmanager
def atomic_write(path: Path) -> Iterator[IO[bytes]]:
    """Open a binary handle whose bytes replace `path` only when the block ends without error."""
    mode = check_writable_target(path)
    folder = path.parent if str(path.parent) else Path()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise UsageError(f"{path}: cannot write there: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(descriptor, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
            os.fchmod(handle.fileno(), _default_mode() if mode is None else mode)
        Path(temporary).replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        raise


def atomic_write_text(path: Path, text: str) -> None:
    """`atomic_write` for a whole UTF-8 text (LF line ends kept as given)."""
    with atomic_write(path) as handle:
        handle.write(text.encode("utf-8"))
