"""Every docstring example runs (issue 14): the `>>>` examples of every module of kgload, bench/
and scripts/, one test per module, so a new module's examples are tested without a line here."""

from __future__ import annotations

import doctest
import importlib
import importlib.util
import io
import pkgutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

import bench
import kgload

ROOT = Path(__file__).resolve().parent.parent

# Modules whose examples are known to fail, with why; each is an xfail that must keep failing
# (strict), so the entry goes as soon as the examples are fixed.
KNOWN_FAILURES: dict[str, str] = {}

# What the optional extras bring (pyproject.toml); a module that needs a missing one is skipped,
# as its own tests are. `make install` installs them all.
OPTIONAL = {
    "dask", "distributed", "feedparser", "jinja2", "matplotlib", "networkx", "pandas",
    "starlette", "trafilatura", "uvicorn",
}  # fmt: skip


def _package_modules(package: ModuleType) -> list[str]:
    """Every module of `package`, found on disk (importing each package to look inside it)."""
    found = pkgutil.walk_packages(package.__path__, f"{package.__name__}.")
    return [package.__name__, *sorted(info.name for info in found)]


def _script_modules() -> list[str]:
    return [f"scripts/{path.name}" for path in sorted((ROOT / "scripts").glob("*.py"))]


MODULES = [*_package_modules(kgload), *_package_modules(bench), *_script_modules()]


def _load(name: str) -> ModuleType:
    """Import a module by its dotted name, or a script by its path under the repository."""
    if not name.startswith("scripts/"):
        return importlib.import_module(name)
    path = ROOT / name
    module_name = f"_kgload_script_{path.stem}"
    if module_name in sys.modules:
        return sys.modules[module_name]
    spec = importlib.util.spec_from_file_location(module_name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module  # dataclasses look their module up while being defined
    spec.loader.exec_module(module)
    return module


def run_examples(module: ModuleType) -> tuple[int, int, str]:
    """Run the examples of `module` as `doctest.testmod` does; (failed, attempted, report)."""
    report = io.StringIO()
    runner = doctest.DocTestRunner()
    for test in doctest.DocTestFinder().find(module):
        runner.run(test, out=report.write)
    return runner.failures, runner.tries, report.getvalue()


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(name, marks=pytest.mark.xfail(reason=KNOWN_FAILURES[name], strict=True))
        if name in KNOWN_FAILURES
        else name
        for name in MODULES
    ],
)
def test_docstring_examples_run(name: str) -> None:
    try:
        module = _load(name)
    except ModuleNotFoundError as exc:
        if (exc.name or "").partition(".")[0] not in OPTIONAL:
            raise
        pytest.skip(f"{name} needs {exc.name}, from an optional extra that is not installed")
    failed, _, report = run_examples(module)
    assert failed == 0, f"{failed} failing docstring example(s) in {name}:\n{report}"


def test_examples_are_found() -> None:
    """The finder sees the examples (a guard against a test that passes by running nothing)."""
    import kgload.stores.base

    failed, attempted, _ = run_examples(kgload.stores.base)
    assert failed == 0
    assert attempted >= 5
    assert {"kgload", "kgload.serve.app", "kgload.stores.base", "bench.synth"} <= set(MODULES)
    assert "scripts/gen_vocab.py" in MODULES


def test_known_failures_name_real_modules() -> None:
    assert set(KNOWN_FAILURES) <= set(MODULES)
