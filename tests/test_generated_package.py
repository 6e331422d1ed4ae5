"""The generated package is clean under mypy --strict and ruff, and its wheel works when installed.

The wheel test needs no network: the fresh virtualenv gets the wheel with --no-index, and finds
the runtime dependencies (httpx, attrs) through a .pth file pointing at this environment's
site-packages. It checks that the import really comes from the fresh virtualenv.
"""

from __future__ import annotations

import base64
import json
import site
import subprocess
import sys
import venv
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from tests.client.fakes import FakeClickSend, serve

pytestmark = pytest.mark.slow  # builds and installs a wheel; mypy on the package

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "generated"
SPEC = yaml.safe_load((ROOT / "openapi" / "clicksend-sms-campaigns.yaml").read_text(encoding="utf-8"))
GET_EXAMPLE = SPEC["paths"]["/sms-campaigns/{sms_campaign_id}"]["get"]["responses"]["200"]["content"][
    "application/json"
]["examples"]["referenceResponse"]["value"]


def _run(*command: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(c) for c in command], cwd=cwd, capture_output=True, text=True, check=False)


def test_generated_package_passes_mypy_strict() -> None:
    result = _run(sys.executable, "-m", "mypy", "--strict", "clicksend_sms_campaigns", cwd=GENERATED)
    assert result.returncode == 0, result.stdout + result.stderr


def test_generated_package_passes_ruff() -> None:
    for step in (["check", "--no-cache", "."], ["format", "--check", "--no-cache", "."]):
        result = _run(sys.executable, "-m", "ruff", *step, cwd=GENERATED)
        assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    result = _run(
        sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "--no-index",
        "-w", out, GENERATED,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    [built] = out.glob("clicksend_sms_campaigns-*.whl")
    return built


def test_wheel_carries_the_package_its_types_marker_and_metadata(wheel: Path) -> None:
    version = SPEC["info"]["version"]
    assert wheel.name == f"clicksend_sms_campaigns-{version}-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        metadata = archive.read(f"clicksend_sms_campaigns-{version}.dist-info/METADATA").decode()
    for module in ("py.typed", "build_info.py", "client.py", "api/sms_campaigns/send_sms_campaign.py"):
        assert f"clicksend_sms_campaigns/{module}" in names, module
    assert "Name: clicksend-sms-campaigns" in metadata
    assert "Requires-Dist: httpx" in metadata and "Requires-Dist: attrs" in metadata


@pytest.fixture
def local_server() -> Iterator[tuple[FakeClickSend, str]]:
    fake = FakeClickSend()
    with serve(fake) as base_url:
        yield fake, base_url


CALL_ONE_OPERATION = """
import json, sys
import clicksend_sms_campaigns
from clicksend_sms_campaigns import ClickSendClient, build_info
from clicksend_sms_campaigns.api.sms_campaigns import get_sms_campaign

with ClickSendClient("user", "key", base_url=sys.argv[1]) as client:
    answer = get_sms_campaign.sync(sms_campaign_id=7, client=client)
print(json.dumps({
    "file": clicksend_sms_campaigns.__file__,
    "version": clicksend_sms_campaigns.__version__,
    "spec_sha256": build_info.SPEC_SHA256,
    "name": answer.data.name,
    "schedule": answer.data.schedule,
}))
"""


def test_wheel_installs_into_a_fresh_virtualenv_and_calls_an_operation(
    wheel: Path, tmp_path: Path, local_server: tuple[FakeClickSend, str]
) -> None:
    fake, base_url = local_server
    env_dir = tmp_path / "fresh"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    install = _run(python, "-m", "pip", "install", "--quiet", "--no-index", "--no-deps", wheel)
    assert install.returncode == 0, install.stdout + install.stderr
    [fresh_site] = (env_dir / "lib").glob("python3.*/site-packages")
    # Runtime dependencies from this environment; appended after the fresh site-packages.
    (fresh_site / "runtime-dependencies.pth").write_text("\n".join(site.getsitepackages()) + "\n")

    result = _run(python, "-c", CALL_ONE_OPERATION, base_url, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert Path(answer["file"]).is_relative_to(fresh_site), "imported from somewhere else than the fresh virtualenv"
    assert answer["version"] == SPEC["info"]["version"]
    assert len(answer["spec_sha256"]) == 64
    assert (answer["name"], answer["schedule"]) == ("My Campaign 1", "1444821615")
    [request] = fake.requests
    assert (request.method, request.url.path) == ("GET", "/v3/sms-campaigns/7")
    assert request.headers["authorization"] == "Basic " + base64.b64encode(b"user:key").decode()
