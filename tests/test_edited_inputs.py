"""`regenerate.py --if-edited` (run by `tasks.py test` and `check`): uncommitted edits to an input
bring generated/ up to date before the tests; a clean checkout is never rewritten, so CI fails on
drift instead of hiding it."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

import pytest

from scripts import regenerate


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> regenerate.Inputs:
    """A repository shaped like this one, whose generated/ was made from its inputs as committed."""
    monkeypatch.setattr(regenerate, "ROOT", tmp_path)
    inputs = regenerate.Inputs(
        tmp_path / "openapi" / "spec.yaml", tmp_path / "openapi" / "overlays", tmp_path / "generator", tmp_path / "hw"
    )
    for folder in (inputs.overlays, inputs.generator, inputs.handwritten):
        folder.mkdir(parents=True)
    inputs.spec.write_text("openapi: 3.1.0\n")
    (inputs.generator / "config.yaml").write_text("package_name_override: pkg\n")
    (inputs.handwritten / "helpers.py").write_text("X = 1\n")
    hashes = {name: hashlib.sha256(path.read_bytes()).hexdigest() for name, path in inputs.files().items()}
    package = tmp_path / "generated" / "pkg"
    package.mkdir(parents=True)
    spec_hash = hashlib.sha256(inputs.spec.read_bytes()).hexdigest()
    (package / "build_info.py").write_text(
        f"SPEC_PATH = 'openapi/spec.yaml'\nSPEC_SHA256 = {spec_hash!r}\nINPUTS_SHA256 = {hashes!r}\n"
    )
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qm", "made")
    return inputs


def _root(inputs: regenerate.Inputs) -> Path:
    return inputs.spec.parent.parent


def test_nothing_edited_means_nothing_to_do(repo: regenerate.Inputs) -> None:
    assert regenerate.edited_inputs(repo, _root(repo) / "generated") == []


def test_an_uncommitted_edit_to_a_hand_written_module_or_the_spec_is_named(repo: regenerate.Inputs) -> None:
    (repo.handwritten / "helpers.py").write_text("X = 2\n")
    (repo.handwritten / "new.py").write_text("Y = 1\n")
    repo.spec.write_text("openapi: 3.1.1\n")
    assert regenerate.edited_inputs(repo, _root(repo) / "generated") == [
        "hw/helpers.py",
        "hw/new.py",
        "openapi/spec.yaml",
    ]


def test_an_edit_undone_after_regenerating_is_regenerated_again(repo: regenerate.Inputs) -> None:
    # generated/ was rebuilt from an edit that was then undone: the source is as committed, but
    # generated/ has uncommitted changes, so it is rebuilt from the source as it is now.
    build_info = _root(repo) / "generated" / "pkg" / "build_info.py"
    build_info.write_text(build_info.read_text().replace(hashlib.sha256(b"X = 1\n").hexdigest(), "0" * 64))
    assert regenerate.edited_inputs(repo, _root(repo) / "generated") == ["hw/helpers.py"]


def test_a_committed_input_that_generated_does_not_reflect_is_left_for_the_drift_check(repo: regenerate.Inputs) -> None:
    (repo.handwritten / "helpers.py").write_text("X = 2\n")
    _git(_root(repo), "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qam", "edit")
    assert regenerate.edited_inputs(repo, _root(repo) / "generated") == []
