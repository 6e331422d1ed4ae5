"""What this package was generated from. Written by scripts/regenerate.py; never edit it."""

from typing import Final

#: The spec's info.version, which is also the package version.
VERSION: Final = "0.1.0"
#: sha256 of the hand-written spec, before overlays.
SPEC_SHA256: Final = "5dfab3081af82f27f26984f57fb27796ced4fd495d459f21b3a05e898e65e5b7"
#: sha256 of every file under overlays/ (overlays, generator config, templates, modules).
OVERLAYS_SHA256: Final[dict[str, str]] = {
    "30-query-defaults-stay-on-the-server.overlay.yaml": "4e2db1d75723e8881ca61a2b77c992f566bfe33686015cf5112c96a6d5c29522",
    "40-answers-in-the-shape-the-reader-gives.overlay.yaml": "0a431f996019fa726bafcc5496df2f89643553c2dc1f573e36dfbaf4a6304b19",
    "generator-config.yaml": "5e36166c1503748e5c5d7a192b74c0c3dc6a5a3d7366cd9d0743b757eeefbfdd",
    "modules/answers.py": "8639e87220cab08e1be0314c457cf04b29b157d647711aee09202524c49057d9",
    "modules/bounds.py": "dd0a19221523067d49e4fbcd7c9062fec3d20cbc82e3a90a9524909f1f290f3f",
    "modules/clicksend_client.py": "bd43bc983a9b68d3fbed17099bfdfa88ae307bf2f85aeefe80bd2b6898ec9517",
    "modules/exceptions.py": "a7fcda923c5a603fc6796d27f401c375f3c446bbfd9c010b607f16372856e3cc",
    "modules/message.py": "aa15f984b8ad0f77d54976e676da0c8abff1bf9058b713d875430a18138cac1f",
    "modules/pagination.py": "a8893dff0ccdee772ed54343e49251a3357cbcdb7cfe108167502395a279b477",
    "modules/query.py": "353fb8c709e9020af42be90ad24a70cc8f81efbc205483d84a745ba967d2e0a1",
    "modules/retries.py": "8af4534c46e1d4900736a31dc84fba74e792a009afb2d69dcb35428c0ab48b22",
    "modules/validation.py": "bd4fa2af157da6d203e58b203984b5649d30b066cbced07e7acbcef115c83785",
    "modules/values.py": "ad48be823e7e366ad118afac56a3c41c27d11b09be0d53109c5ccb11eb07a9e4",
    "templates/README.md.jinja": "0ecb13dbef5d9321aa7575da1483ac77018aecf3b797ba67c625e9c47e810206",
    "templates/client.py.jinja": "76e515cd2a44b5167dade7126aab703598f25e4c64c664db1f5aac6a59a94515",
    "templates/endpoint_module.py.jinja": "626126c6cdeaadab7b1d2027d4615fa7b1baa14e57b25dfa96e86c81d0e1f105",
    "templates/model.py.jinja": "19327a2277c78428c9ef3720f5cabfc50804b444da39e4d096a480eb712bc6b0",
    "templates/package_init.py.jinja": "08ae9849e5a75443ccd34fbd663e9ded0e116618b320e06efa07cf120ede03d6",
    "templates/pyproject_uv.toml.jinja": "476ba0c9f5082575b12ea2879e3d2029ce0de67ba1fdc4b29b6370eace116a1e",
}
GENERATOR: Final = "openapi-python-client 0.29.1"
