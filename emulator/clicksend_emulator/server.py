"""Run the emulator over real HTTP on loopback, in-process (tests) or from the command line."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

import uvicorn

from .app import Emulator
from .config import EmulatorConfig


@dataclass(frozen=True)
class RunningEmulator:
    emulator: Emulator
    host: str
    port: int

    @property
    def base_url(self) -> str:
        """What to give ClickSendClient(base_url=...)."""
        return f"http://{self.host}:{self.port}/v3"


@contextlib.contextmanager
def run_emulator(
    emulator: Emulator | None = None, *, config: EmulatorConfig | None = None, host: str = "127.0.0.1", port: int = 0
) -> Iterator[RunningEmulator]:
    """Serve an emulator in a background thread until the block ends. Port 0 takes a free port."""
    emulator = emulator or Emulator(config)
    server = uvicorn.Server(
        uvicorn.Config(
            emulator.app, host=host, port=port, log_level="critical", http="h11", lifespan="off", access_log=False
        )
    )
    thread = threading.Thread(target=server.run, name="clicksend-emulator", daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"the emulator did not start on {host}:{port}")
        time.sleep(0.01)
    bound_port = server.servers[0].sockets[0].getsockname()[1]
    if emulator.config.public_base_url is None:
        emulator.public_base_url = f"http://{host}:{bound_port}"
    try:
        yield RunningEmulator(emulator, host, bound_port)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        emulator.store.close()
