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
    "30-query-defaults-stay-on-the-server.overlay.yaml": "4e2db1d75723e8881ca61a2b77c992f566bfe33686015cf5112c96a6d5c29522",
    "generator-config.yaml": "5e36166c1503748e5c5d7a192b74c0c3dc6a5a3d7366cd9d0743b757eeefbfdd",
    "modules/clicksend_client.py": "77e72c7b962f90937fd2bdbf74baf0604622db6f5642610a42120d88bc3a97aa",
    "modules/exceptions.py": "d6f27ea2a6be98964979c2b85d3034c4ff45c7d966fa76a875112559135d3211",
    "modules/message.py": "aa15f984b8ad0f77d54976e676da0c8abff1bf9058b713d875430a18138cac1f",
    "modules/pagination.py": "add80c765286dd598982a7aebeab6bddf6b84eddebaa358e49b9c78d79205d24",
    "modules/query.py": "353fb8c709e9020af42be90ad24a70cc8f81efbc205483d84a745ba967d2e0a1",
    "modules/retries.py": "caa4412d61dc3f21d1d115f5353cdd98b4f7082fb9446bd225dc825c342c0374",
    "modules/validation.py": "7c177b6b7bb9cf9e44711a4626fb6072126a97182839fa2354525c5eb484e600",
    "modules/values.py": "ad48be823e7e366ad118afac56a3c41c27d11b09be0d53109c5ccb11eb07a9e4",
    "templates/README.md.jinja": "e691df4f4f5ffa70001ba7082ac85d545d188ba5c20816f014dbcdb9dde13336",
    "templates/client.py.jinja": "76e515cd2a44b5167dade7126aab703598f25e4c64c664db1f5aac6a59a94515",
    "templates/endpoint_module.py.jinja": "7c36af2eb7f24c7eee4dc2a699072a2850e4dcb432d22241145bc4c490ce1173",
    "templates/model.py.jinja": "d51456edded2fc06bf0473868fe77c8dc2fe24c89f47ca93fda33e65cf863614",
    "templates/package_init.py.jinja": "40a6b555e77e9cf7921bff8edea6b50ee1a8233d3905335d4bca46bfab70dcbe",
    "templates/pyproject_uv.toml.jinja": "e1c2eb152d6749c2222146d88415ee58d34e6e9aae14e83e36c3467392536edd",
}
GENERATOR: Final = "openapi-python-client 0.29.1"
