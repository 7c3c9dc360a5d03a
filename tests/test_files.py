"""Output files: written whole through a fresh temporary file, never through a planted symlink."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from kgload.cli.main import main
from kgload.errors import UsageError
from kgload.files import atomic_write, atomic_write_text

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / (
    "05-en-readout-camp-david-trilateral-summit-2023-08-18.txt"
)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"oxigraph:{tmp_path_factory.mktemp('kg') / 'kg'}"
    assert main(["ingest", str(EXAMPLE), "--store", url]) == 0
    return url


def test_a_symlink_planted_at_the_old_partial_name_is_not_followed(
    store: str, tmp_path: Path
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    out = tmp_path / "out.nq"
    (tmp_path / ".out.nq.partial").symlink_to(victim)
    assert main(["export", "-o", str(out), "--store", store]) == 0
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert out.is_file() and not out.is_symlink()
    assert out.stat().st_size > 0


def test_a_symlinked_target_is_refused_and_left_alone(
    store: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    out = tmp_path / "out.nq"
    out.symlink_to(victim)
    assert main(["export", "-o", str(out), "--store", store]) == 2
    err = capsys.readouterr().err
    assert "symbolic link" in err and "Traceback" not in err
    assert out.is_symlink()
    assert victim.read_text(encoding="utf-8") == "precious\n"


def test_a_fifo_target_is_refused(
    store: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pipe.nq"
    os.mkfifo(fifo)
    assert main(["export", "-o", str(fifo), "--store", store]) == 2
    assert "named pipe" in capsys.readouterr().err
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_folder_target_is_refused(
    store: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "out.nq"
    folder.mkdir()
    assert main(["export", "-o", str(folder), "--store", store]) == 2
    assert "folder" in capsys.readouterr().err


def test_the_target_keeps_its_mode(store: str, tmp_path: Path) -> None:
    out = tmp_path / "out.nq"
    out.write_text("old\n", encoding="utf-8")
    out.chmod(0o600)
    assert main(["export", "-o", str(out), "--store", store]) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert out.read_text(encoding="utf-8") != "old\n"


def test_a_new_file_gets_the_umask_mode(store: str, tmp_path: Path) -> None:
    out = tmp_path / "new.nq"
    old = os.umask(0o027)
    try:
        assert main(["export", "-o", str(out), "--store", store]) == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o640


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    out = tmp_path / "tables.tsv"
    out.write_text("old\n", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_write(out) as handle:
        handle.write(b"half")
        raise RuntimeError("disk full")
    assert out.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tables.tsv"]


def test_text_helper_refuses_a_symlink(tmp_path: Path) -> None:
    target = tmp_path / "real.json"
    target.write_text("{}", encoding="utf-8")
    link = tmp_path / "cache.json"
    link.symlink_to(target)
    with pytest.raises(UsageError, match="symbolic link"):
        atomic_write_text(link, "[]")
    assert target.read_text(encoding="utf-8") == "{}"
