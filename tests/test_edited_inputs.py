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
    inputs = regenerate.Inputs(tmp_path / "openapi" / "spec.yaml", tmp_path / "overlays", tmp_path / "generator")
    for folder in (inputs.spec.parent, inputs.overlays, inputs.generator):
        folder.mkdir(parents=True)
    inputs.spec.write_text("openapi: 3.1.0\n")
    (inputs.generator / "config.yaml").write_text("package_name_override: pkg\n")
    (inputs.overlays / "10-one.overlay.yaml").write_text("overlay: 1.0.0\n")
    hashes = {name: hashlib.sha256(path.read_bytes()).hexdigest() for name, path in inputs.files().items()}
    package = tmp_path / "generated" / "pkg"
    (package / "_core").mkdir(parents=True)
    (package / "_core" / "helpers.py").write_text("X = 1\n")  # hand-written, beside the generated code
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


def test_an_uncommitted_edit_to_an_overlay_or_the_spec_is_named(repo: regenerate.Inputs) -> None:
    (repo.overlays / "10-one.overlay.yaml").write_text("overlay: 1.0.1\n")
    (repo.overlays / "20-two.overlay.yaml").write_text("overlay: 1.0.0\n")
    repo.spec.write_text("openapi: 3.1.1\n")
    assert regenerate.edited_inputs(repo, _root(repo) / "generated") == [
        "openapi/spec.yaml",
        "overlays/10-one.overlay.yaml",
        "overlays/20-two.overlay.yaml",
    ]


def test_an_edit_of_the_hand_written_layer_is_no_input(repo: regenerate.Inputs) -> None:
    # It is imported where it lies; nothing is generated from it.
    (_root(repo) / "generated" / "pkg" / "_core" / "helpers.py").write_text("X = 2\n")
    assert regenerate.edited_inputs(repo, _root(repo) / "generated") == []


def test_an_edit_undone_after_regenerating_is_regenerated_again(repo: regenerate.Inputs) -> None:
    # generated/ was rebuilt from an edit that was then undone: the source is as committed, but
    # generated/ has uncommitted changes, so it is rebuilt from the source as it is now.
    build_info = _root(repo) / "generated" / "pkg" / "build_info.py"
    build_info.write_text(build_info.read_text().replace(hashlib.sha256(b"overlay: 1.0.0\n").hexdigest(), "0" * 64))
    assert regenerate.edited_inputs(repo, _root(repo) / "generated") == ["overlays/10-one.overlay.yaml"]


def test_a_committed_input_that_generated_does_not_reflect_is_left_for_the_drift_check(repo: regenerate.Inputs) -> None:
    (repo.overlays / "10-one.overlay.yaml").write_text("overlay: 1.0.1\n")
    _git(_root(repo), "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qam", "edit")
    assert regenerate.edited_inputs(repo, _root(repo) / "generated") == []
