"""The release build: what a consumer downloads from a release is complete, checked and installable."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from scripts.openapi_spec import SPEC_PATH, load_spec

pytestmark = pytest.mark.slow  # builds and installs wheels

ROOT = Path(__file__).resolve().parents[2]
VERSION = str(load_spec(SPEC_PATH)["info"]["version"])
URL = "https://git.example.test/owner/clicksend"


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("release") / "dist"
    build = ["scripts/build_release.py", "--out", str(out), "--repository-url", URL, "--offline-install-check"]
    done = subprocess.run(
        [sys.executable, *build],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"clicksend_sms_campaigns {VERSION} installs into a fresh virtualenv and imports" in done.stdout
    assert f"clicksend_emulator {VERSION} installs into a fresh virtualenv and imports" in done.stdout
    return out


def test_a_wheel_and_an_sdist_of_each_package_at_the_spec_version_with_their_checksums(dist: Path) -> None:
    names = sorted(p.name for p in dist.iterdir())
    assert names == [
        "SHA256SUMS",
        f"clicksend_emulator-{VERSION}-py3-none-any.whl",
        f"clicksend_emulator-{VERSION}.tar.gz",
        f"clicksend_sms_campaigns-{VERSION}-py3-none-any.whl",
        f"clicksend_sms_campaigns-{VERSION}.tar.gz",
    ]
    for line in (dist / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split("  ")
        assert hashlib.sha256((dist / name).read_bytes()).hexdigest() == digest


def test_every_artifact_carries_the_license_and_the_repository_urls(dist: Path) -> None:
    license_text = (ROOT / "LICENSE").read_text()
    for wheel in dist.glob("*.whl"):
        with zipfile.ZipFile(wheel) as archive:
            [license_name] = [n for n in archive.namelist() if n.endswith(".dist-info/licenses/LICENSE")]
            assert archive.read(license_name).decode() == license_text
            [metadata] = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
            text = archive.read(metadata).decode()
        assert f"Project-URL: Source, {URL}\n" in text and f"Project-URL: Releases, {URL}/releases\n" in text
        assert "License-Expression: MIT" in text
    for sdist in dist.glob("*.tar.gz"):
        with tarfile.open(sdist) as archive:
            assert any(name.endswith("/LICENSE") for name in archive.getnames()), sdist.name


def test_the_emulator_wheel_depends_on_exactly_the_client_of_its_release(dist: Path) -> None:
    [wheel] = dist.glob("clicksend_emulator-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        [metadata] = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        assert f"Requires-Dist: clicksend-sms-campaigns=={VERSION}" in archive.read(metadata).decode()


def test_the_client_readme_in_the_wheel_says_it_is_not_on_the_index_and_installs_from_a_release(dist: Path) -> None:
    [wheel] = dist.glob("clicksend_sms_campaigns-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        [metadata] = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        text = archive.read(metadata).decode()
    assert "not published on the public package index" in text
    assert f"/releases/download/v{VERSION}/clicksend_sms_campaigns-{VERSION}-py3-none-any.whl" in text
    assert f'pip install "clicksend-sms-campaigns=={VERSION}"' not in text


def test_the_license_copies_are_the_repository_license() -> None:
    for copy in (ROOT / "generated" / "LICENSE", ROOT / "emulator" / "LICENSE"):
        assert copy.read_bytes() == (ROOT / "LICENSE").read_bytes(), copy


def test_a_wheel_without_its_license_fails_the_checks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from scripts import build_release

    monkeypatch.setattr(build_release, "_run", lambda *command, **_: "")  # twine and check-wheel-contents pass

    for name in (
        f"clicksend_sms_campaigns-{VERSION}-py3-none-any.whl",
        f"clicksend_emulator-{VERSION}-py3-none-any.whl",
    ):
        with zipfile.ZipFile(tmp_path / name, "w") as archive:
            archive.writestr("x/__init__.py", "")
    for name in (f"clicksend_sms_campaigns-{VERSION}.tar.gz", f"clicksend_emulator-{VERSION}.tar.gz"):
        with tarfile.open(tmp_path / name, "w:gz"):
            pass
    with pytest.raises(build_release.BuildError, match=r"clicksend_emulator-.*does not carry LICENSE"):
        build_release.check_artifacts(sorted(tmp_path.iterdir()), VERSION)
