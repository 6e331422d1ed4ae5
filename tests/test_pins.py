"""The locks pin every package exactly with its hashes, agree with pyproject.toml, and are installed
with pip's hash checking."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

import tasks

ROOT = Path(__file__).resolve().parent.parent
# The tools whose version shapes generated code or generated test cases (the house rule: pinned exactly), and the
# release tools whose version shapes what release-check and the built artifacts say.
SHAPING_TOOLS = {
    "openapi-python-client",
    "ruff",
    "schemathesis",
    "hypothesis",
    "vcrpy",
    "pytest",
    "pytest-recording",
    "httpx",
    "mypy",
    "openapi-spec-validator",
    "jsonpath-rfc9535",
    "griffe",
    "build",
    "twine",
    "check-wheel-contents",
}
REQUIREMENT = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)(\s*;[^\\]+)?\s*\\$")
HASH = re.compile(r"^\s+--hash=sha256:[0-9a-f]{64}(\s*\\)?$")


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _locked(lock: Path) -> dict[str, str]:
    """name -> version; every requirement must be an exact pin followed by at least one sha256."""
    pins: dict[str, str] = {}
    current: str | None = None
    hashes: dict[str, int] = {}
    for number, line in enumerate(lock.read_text().splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if HASH.match(line):
            assert current, f"{lock.name}:{number}: a hash with no requirement"
            hashes[current] += 1
            continue
        match = REQUIREMENT.match(line)
        assert match, f"{lock.name}:{number}: {line!r} is not `name==version \\` (an exact pin with hashes)"
        current = _normalise(match[1])
        pins[current], hashes[current] = match[2], 0
    unhashed = sorted(name for name, count in hashes.items() if count == 0)
    assert not unhashed, f"{lock.name}: no hash for {unhashed}"
    return pins


def _extras() -> dict[str, list[str]]:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return dict(tomllib.load(handle)["project"]["optional-dependencies"])


@pytest.mark.parametrize("lock_name", sorted(tasks.LOCKS))
def test_every_requirement_of_the_lock_is_locked_at_its_exact_pin_with_hashes(lock_name: str) -> None:
    locked = _locked(tasks.LOCKS[lock_name])
    for requirement in (r for extra in tasks.LOCK_EXTRAS[lock_name] for r in _extras()[extra]):
        name, _, version = requirement.partition("==")
        assert _normalise(name) in locked, f"{name} is in pyproject.toml but not in {lock_name}.txt"
        if version:
            assert locked[_normalise(name)] == version, f"{name}: pyproject pins {version}, the lock {locked[name]}"


def test_the_bench_lock_holds_the_dev_lock_unchanged() -> None:
    dev, bench = _locked(tasks.LOCKS["dev"]), _locked(tasks.LOCKS["bench"])
    assert {name: bench.get(name) for name in dev} == dev


def test_tools_that_shape_generated_output_are_pinned_exactly_in_pyproject() -> None:
    exact = {_normalise(r.partition("==")[0]) for r in _extras()["dev"] if "==" in r}
    assert exact >= SHAPING_TOOLS, f"not pinned exactly: {sorted(SHAPING_TOOLS - exact)}"


def test_the_quick_start_installs_with_hash_checking_and_the_locker_is_pinned() -> None:
    arguments = tasks.locked_install_arguments("dev")
    assert arguments[:1] == ["--require-hashes"] and arguments[-2:] == ["-r", str(tasks.LOCKS["dev"])]
    assert re.fullmatch(r"uv==\d+\.\d+\.\d+", tasks.LOCKER)


def test_a_lock_line_without_a_hash_is_refused(tmp_path: Path) -> None:
    lock = tmp_path / "dev.txt"
    lock.write_text("httpx==0.28.1 \\\n    --hash=sha256:" + "0" * 64 + "\nattrs==26.1.0\n")
    with pytest.raises(AssertionError, match="is not `name==version"):
        _locked(lock)


def test_the_client_allows_only_the_httpx_and_httpcore_its_tests_run_on() -> None:
    # The client uses httpx's and httpcore's connection pool internals (bounds.py), so an untested
    # release of either must not be installable beside it.
    with (ROOT / "generated" / "pyproject.toml").open("rb") as handle:
        dependencies = tomllib.load(handle)["project"]["dependencies"]
    locked = _locked(tasks.LOCKS["dev"])
    for name in ("httpx", "httpcore"):
        [requirement] = [d for d in dependencies if re.match(rf"{name}[<>=]", d)]
        lowest = re.search(r">=([\d.]+)", requirement)
        tested = locked[name]
        assert lowest and lowest[1] == tested, f"{requirement}: the lowest allowed is not the tested {tested}"
        below = re.search(r"<([\d.]+)", requirement)
        assert below, f"{requirement} has no upper bound"
