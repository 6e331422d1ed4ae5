"""What this package was generated from. Written by scripts/regenerate.py; never edit it."""

from typing import Final

#: The spec's info.version, which is also the package version.
VERSION: Final = "0.1.0"
#: sha256 of the hand-written spec, before overlays.
SPEC_SHA256: Final = "1c2c0599993834aa4b51c077c2f729301b566c13a27938b431e30126672997a9"
#: sha256 of every file under overlays/ (overlays, generator config, templates, modules).
OVERLAYS_SHA256: Final[dict[str, str]] = {
    "10-sender-id-as-plain-string.overlay.yaml": "b0f95ac264965ca4788879cfc5ddbea1c0c530aa0c8e9ca289fe8b7d20261d09",
    "20-sender-input-as-model.overlay.yaml": "71e34e9b2725612c8f0ca5fe30ac62c2a3fb536e936aed71948de1ae47ae5cc2",
    "generator-config.yaml": "6c52a9b524e6c1ede29e32601547360eac4b5db0d5e346e359ab8ab552d1af6f",
    "templates/README.md.jinja": "3d90cf70c892f64e8c1e78cccfaa5f55e7cd710fbfff8d373c95e988b24441bd",
    "templates/package_init.py.jinja": "b66e0142e8ce0c8c7b00309145de1478420bd34790ca572d613d3518b3213902",
    "templates/pyproject_uv.toml.jinja": "e1c2eb152d6749c2222146d88415ee58d34e6e9aae14e83e36c3467392536edd",
}
GENERATOR: Final = "openapi-python-client 0.29.1"
