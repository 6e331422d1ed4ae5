"""A scripted hostile HTTP server on loopback, speaking raw bytes over a socket.

Each connection reads one request (headers, and a body by Content-Length), records it, and then
plays the next scripted `Behaviour`: bytes to write, with pauses, and how to end (close, reset, or
hang until the client gives up). Nothing of HTTP is checked on the way out, so an answer can be
anything: a wrong status line, a truncated body, a gzip bomb, a byte every 0.15 s.
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field


@dataclass
class Behaviour:
    """What the server does with one request."""

    #: Pieces written in order; a float is a pause in seconds before the next piece.
    pieces: list[bytes | float] = field(default_factory=list)
    #: "close" (FIN), "reset" (RST), or "hang" (keep the connection open, silent, until the client leaves).
    end: str = "close"

    @classmethod
    def answer(
        cls,
        status: int,
        body: bytes,
        headers: Iterable[tuple[str, str]] = (),
        *,
        reason: str = "X",
        content_length: bool = True,
    ) -> Behaviour:
        head = f"HTTP/1.1 {status} {reason}\r\n".encode()
        for name, value in headers:
            head += name.encode("latin-1") + b": " + value.encode("utf-8") + b"\r\n"  # bytes past ASCII too
        if content_length:
            head += f"Content-Length: {len(body)}\r\n".encode()
        head += b"Connection: close\r\n\r\n"
        return cls([head + body])


@dataclass
class Received:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


class HostileServer:
    """Serves scripted behaviours on a free loopback port; `base_url` ends in /v3."""

    def __init__(self) -> None:
        self.requests: list[Received] = []
        self.script: list[Behaviour] = []
        self.default = Behaviour.answer(500, b"")
        self._listener = socket.socket()
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self._closing = threading.Event()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._listener.getsockname()[1]}/v3"

    def then(self, *behaviours: Behaviour) -> HostileServer:
        with self._lock:
            self.script.extend(behaviours)
        return self

    def close(self) -> None:
        self._closing.set()
        with contextlib.suppress(OSError):
            self._listener.close()

    def _serve(self) -> None:
        while not self._closing.is_set():
            try:
                connection, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._handle, args=(connection,), daemon=True).start()

    def _handle(self, connection: socket.socket) -> None:
        with contextlib.closing(connection):
            received = _read_request(connection)
            if received is None:
                return
            with self._lock:
                self.requests.append(received)
                behaviour = self.script.pop(0) if self.script else self.default
            _play(connection, behaviour, self._closing)


def _read_request(connection: socket.socket) -> Received | None:
    connection.settimeout(10)
    data = b""
    try:
        while b"\r\n\r\n" not in data:
            chunk = connection.recv(65536)
            if not chunk:
                return None
            data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        method, path, _ = lines[0].split(" ", 2)
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        wanted = int(headers.get("content-length", "0"))
        while len(body) < wanted:
            chunk = connection.recv(65536)
            if not chunk:
                break
            body += chunk
    except (OSError, ValueError):
        return None
    return Received(method, path, headers, body)


def _play(connection: socket.socket, behaviour: Behaviour, closing: threading.Event) -> None:
    try:
        for piece in behaviour.pieces:
            if isinstance(piece, float):
                if closing.wait(piece):
                    return
            else:
                connection.sendall(piece)
        if behaviour.end == "reset":
            connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        elif behaviour.end == "hang":
            connection.settimeout(0.5)
            while not closing.is_set():
                try:
                    if connection.recv(1) == b"":
                        return  # the client left
                except TimeoutError:
                    continue
    except OSError:
        return  # the client hung up first


@contextlib.contextmanager
def hostile_server(*behaviours: Behaviour) -> Iterator[HostileServer]:
    server = HostileServer().then(*behaviours)
    try:
        yield server
    finally:
        server.close()


def drip(data: bytes, every: float) -> list[bytes | float]:
    """The pieces that write `data` one byte at a time, pausing `every` seconds between bytes."""
    pieces: list[bytes | float] = []
    for index in range(len(data)):
        pieces += [data[index : index + 1], every]
    return pieces
