"""The lock file pins every dev package exactly and agrees with pyproject.toml's exact pins."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The tools whose version shapes generated code or generated test cases (../DESIGN.md).
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
}


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _locked() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            name, sep, version = line.partition("==")
            assert sep and version, f"constraints.txt: {line!r} is not an exact pin"
            pins[_normalise(name)] = version
    return pins


def _dev_requirements() -> list[str]:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return list(tomllib.load(handle)["project"]["optional-dependencies"]["dev"])


def test_every_dev_requirement_is_locked_at_its_exact_pin() -> None:
    locked = _locked()
    for requirement in _dev_requirements():
        name, _, version = requirement.partition("==")
        assert _normalise(name) in locked, f"{name} is a dev dependency but not in constraints.txt"
        if version:
            assert locked[_normalise(name)] == version, (
                f"{name}: pyproject pins {version}, constraints.txt {locked[_normalise(name)]}"
            )


def test_tools_that_shape_generated_output_are_pinned_exactly_in_pyproject() -> None:
    exact = {_normalise(r.partition("==")[0]) for r in _dev_requirements() if "==" in r}
    assert exact >= SHAPING_TOOLS, f"not pinned exactly: {sorted(SHAPING_TOOLS - exact)}"
