"""release-check and release-notes on small git repositories made for each test, and on this one."""

from __future__ import annotations

import copy
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from scripts import release

ROOT = Path(__file__).resolve().parents[2]
BASE_SPEC: dict[str, Any] = yaml.safe_load(Path(__file__).with_name("spec_changes.yaml").read_text())["base"]
PACKAGE_INIT = (
    '"""A stand-in for the generated package."""\n\n\n'
    'def get_thing(thing_id: int) -> dict[str, int]:\n    return {"id": thing_id}\n'
)


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True)
    return done.stdout


class Repo:
    """A git repository shaped like this one: the spec, a generated package, CHANGELOG.md."""

    def __init__(self, path: Path, version: str) -> None:
        self.path = path
        path.mkdir(parents=True, exist_ok=True)
        _git(path, "init", "-q", "-b", "main")
        _git(path, "config", "user.email", "test@example.invalid")
        _git(path, "config", "user.name", "test")
        self.spec = copy.deepcopy(BASE_SPEC)
        self.set_version(version)
        self.changelog(f"# Changelog\n\n## {version} - 2026-01-01\n\n- First.\n")
        (path / "generated" / "clicksend_sms_campaigns").mkdir(parents=True)
        (path / "generated" / "clicksend_sms_campaigns" / "__init__.py").write_text(PACKAGE_INIT)
        self.commit_and_tag(f"v{version}")

    def write_spec(self) -> None:
        (self.path / "openapi").mkdir(exist_ok=True)
        (self.path / release.SPEC_FILE).write_text(yaml.safe_dump(self.spec, sort_keys=False))

    def set_version(self, version: str) -> None:
        self.spec["info"]["version"] = version
        self.write_spec()

    def changelog(self, text: str) -> None:
        (self.path / "CHANGELOG.md").write_text(text)

    def add_section(self, version: str) -> None:
        text = (self.path / "CHANGELOG.md").read_text()
        self.changelog(text.replace("# Changelog\n\n", f"# Changelog\n\n## {version} - 2026-02-02\n\n- More.\n\n"))

    def raise_version(self, version: str) -> None:
        """What a maintainer does: a new info.version and its changelog section."""
        self.set_version(version)
        self.add_section(version)

    def commit_and_tag(self, tag: str | None = None) -> None:
        _git(self.path, "add", "-A")
        _git(self.path, "commit", "-q", "-m", "change")
        if tag:
            _git(self.path, "tag", tag)

    def check(self, tag: str | None = None) -> tuple[bool, str]:
        return release.check(self.path, None, tag)


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    if shutil.which("git") is None:
        pytest.fail("git is needed: the release checks compare against git tags")
    return Repo(tmp_path, "0.1.0")


def _remove_answer_field(repo: Repo) -> None:
    del repo.spec["components"]["schemas"]["Thing"]["properties"]["note"]
    repo.write_spec()


def test_with_nothing_changed_since_the_release_the_check_passes(repo: Repo) -> None:
    passed, said = repo.check()
    assert passed, said
    assert "no release is needed" in said


def test_a_breaking_change_without_a_new_version_fails_and_says_which_bump(repo: Repo) -> None:
    _remove_answer_field(repo)
    passed, said = repo.check()
    assert not passed
    assert "answer field removed or renamed" in said
    assert "need a minor bump of 0.1.0" in said  # 0.x: minor for breaking


def test_a_breaking_change_needs_more_than_a_patch_and_a_changelog_section(repo: Repo) -> None:
    _remove_answer_field(repo)
    repo.raise_version("0.1.1")
    passed, said = repo.check()
    assert not passed and "need a minor bump" in said
    repo.set_version("0.2.0")
    passed, said = repo.check()
    assert not passed and "CHANGELOG.md has no section '## 0.2.0'" in said
    repo.add_section("0.2.0")
    passed, said = repo.check()
    assert passed, said


def test_an_additive_change_needs_a_patch_while_0x_and_a_minor_from_1_0(tmp_path: Path) -> None:
    for start, too_small, enough in (("0.3.0", None, "0.3.1"), ("1.2.0", "1.2.1", "1.3.0")):
        repo = Repo(tmp_path / start, start)
        repo.spec["components"]["schemas"]["Thing"]["properties"]["colour"] = {"type": "string"}
        repo.write_spec()
        passed, said = repo.check()
        assert not passed and "additive" in said
        if too_small:
            repo.raise_version(too_small)
            assert not repo.check()[0]
        repo.raise_version(enough)
        passed, said = repo.check()
        assert passed, said


def test_from_1_0_a_breaking_change_needs_a_major_version(tmp_path: Path) -> None:
    repo = Repo(tmp_path, "1.4.2")
    _remove_answer_field(repo)
    repo.raise_version("1.5.0")
    passed, said = repo.check()
    assert not passed and "need a major bump of 1.4.2" in said
    repo.raise_version("2.0.0")
    assert repo.check()[0]


def test_a_description_change_needs_a_patch(repo: Repo) -> None:
    repo.spec["components"]["schemas"]["Thing"]["description"] = "Reworded."
    repo.write_spec()
    passed, said = repo.check()
    assert not passed and "internal" in said and "need a patch bump" in said


def test_a_breaking_change_to_the_python_api_alone_is_found_by_griffe(repo: Repo) -> None:
    init = repo.path / "generated" / "clicksend_sms_campaigns" / "__init__.py"
    init.write_text(PACKAGE_INIT.replace("thing_id: int", "thing_id: int, tenant: str"))
    passed, said = repo.check()
    assert not passed
    assert "clicksend_sms_campaigns.get_thing: Parameter was added as required (tenant)" in said
    assert "need a minor bump" in said


def _with_an_exported_helper(repo: Repo) -> Path:
    """The package exports `double` from a module of its own, as it exports the hand-written layer's names."""
    package = repo.path / "generated" / "clicksend_sms_campaigns"
    (package / "helpers.py").write_text("def double(x: int) -> int:\n    return 2 * x\n")
    init = package / "__init__.py"
    init.write_text(PACKAGE_INIT + "\nfrom .helpers import double\n\n__all__ = ['double', 'get_thing']\n")
    repo.commit_and_tag("v0.1.1")
    return package


def test_an_exported_name_whose_module_moves_is_no_breakage_unless_it_changes(repo: Repo) -> None:
    package = _with_an_exported_helper(repo)
    (package / "_core").mkdir()
    (package / "_core" / "__init__.py").write_text("")
    (package / "helpers.py").rename(package / "_core" / "helpers.py")
    init = package / "__init__.py"
    init.write_text(init.read_text().replace("from .helpers import", "from ._core.helpers import"))
    assert release.api_breakages(repo.path, "v0.1.1") == [], "the module moved; the public name did not"
    moved = package / "_core" / "helpers.py"
    moved.write_text(moved.read_text().replace("x: int", "x: int, times: int"))
    assert release.api_breakages(repo.path, "v0.1.1") == [
        "clicksend_sms_campaigns._core.helpers.double: Parameter was added as required (times)"
    ]


def test_a_new_file_in_the_generated_package_counts_even_before_it_is_committed(repo: Repo) -> None:
    (repo.path / "generated" / "clicksend_sms_campaigns" / "extra.py").write_text("X = 1\n")
    passed, said = repo.check()
    assert not passed and "need a patch bump" in said


def test_a_tag_must_be_v_and_the_version_and_is_compared_with_the_release_before_it(repo: Repo) -> None:
    _remove_answer_field(repo)
    repo.raise_version("0.2.0")
    repo.commit_and_tag("v0.2.0")
    passed, said = repo.check(tag="v0.2.0")
    assert passed, said
    assert "since v0.1.0" in said  # not against the tag being released
    passed, said = repo.check(tag="v0.2.1")
    assert not passed and "the tag v0.2.1 is not v0.2.0" in said


def test_before_the_first_release_only_the_changelog_section_is_asked_for(tmp_path: Path) -> None:
    repo = Repo.__new__(Repo)
    repo.path = tmp_path
    _git(tmp_path, "init", "-q", "-b", "main")
    repo.spec = copy.deepcopy(BASE_SPEC)
    repo.set_version("0.1.0")
    repo.changelog("# Changelog\n\n## Unreleased\n")
    passed, said = repo.check()
    assert not passed and "no section '## 0.1.0'" in said
    repo.add_section("0.1.0")
    assert repo.check()[0]


def test_release_notes_draft_a_section_with_the_needed_version_and_every_change(repo: Repo) -> None:
    _remove_answer_field(repo)
    repo.spec["components"]["schemas"]["ThingInput"]["properties"]["colour"] = {"type": "string"}
    repo.spec["components"]["schemas"]["Thing"]["description"] = "Reworded."
    repo.write_spec()
    notes = release.draft_notes(release.changes_since(repo.path, "v0.1.0"))
    assert notes.startswith("## 0.2.0 - ")
    assert "### Breaking\n- createThing response 200: note" in notes
    assert "### Added\n- createThing request body: colour: new optional request field" in notes
    assert "### Internal\n" in notes


def test_the_changelog_section_of_a_version_is_what_a_release_body_gets() -> None:
    text = "# Changelog\n\n## 0.2.0 - 2026-02-02\n\n- Two.\n\n## [0.1.0]\n\n- One.\n"
    assert release.changelog_section(text, "0.2.0") == "## 0.2.0 - 2026-02-02\n\n- Two.\n"
    assert release.changelog_section(text, "0.1.0") == "## [0.1.0]\n\n- One.\n"
    assert release.changelog_section(text, "0.1") is None


def test_this_repository_passes_its_own_release_check() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "scripts.release", "check"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
