"""A scripted stand-in for ClickSend, for unit tests of the client layer.

`FakeClickSend.handle` is an httpx MockTransport handler: it records each request and answers
with the next scripted answer (a Response, or an exception to raise), else with the spec's own
example of a success for that operation.
"""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import yaml
from clicksend_sms_campaigns import ClickSendClient, RetryPolicy
from clicksend_sms_campaigns._core.operations import operation_for

ROOT = Path(__file__).resolve().parents[2]
SPEC = yaml.safe_load((ROOT / "openapi" / "clicksend-sms-campaigns.yaml").read_text(encoding="utf-8"))
BASE_URL = "https://clicksend.test/v3"
USERNAME, API_KEY = "alice-user-93", "secret-key-4f1c"


def success_example(path: str, method: str) -> dict[str, Any]:
    content = SPEC["paths"][path][method]["responses"]["200"]["content"]["application/json"]
    value: dict[str, Any] = next(iter(content["examples"].values()))["value"]
    return value


def _operation_of(request: httpx.Request) -> tuple[str, str]:
    """(spec path, method) of the operation a request is, from the spec's registry."""
    operation = operation_for(request.method, request.url.path)
    assert operation is not None, f"{request.method} {request.url.path} is no operation of the spec"
    return operation.path, operation.method.lower()


Answer = httpx.Response | Exception | Callable[[httpx.Request], httpx.Response]


class FakeClickSend:
    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.script: list[Answer] = []

    def then(self, *answers: Answer) -> FakeClickSend:
        self.script.extend(answers)
        return self

    def handle(self, request: httpx.Request) -> httpx.Response:
        request.read()
        # A copy as it arrived: the client drops the Authorization header from its request once sent.
        copy = httpx.Request(request.method, request.url, headers=request.headers.copy(), content=request.content)
        copy.extensions = request.extensions
        self.requests.append(copy)
        if self.script:
            answer = self.script.pop(0)
            if isinstance(answer, Exception):
                raise answer
            if callable(answer):
                return answer(request)
            # A fresh copy: a Response's stream is bound to the client that first reads it.
            return httpx.Response(answer.status_code, headers=answer.headers, content=answer.read())
        return httpx.Response(200, json=success_example(*_operation_of(request)))

    def bodies(self) -> list[Any]:
        return [json.loads(r.content) if r.content else None for r in self.requests]

    def client(self, **options: Any) -> ClickSendClient:
        options.setdefault("retry_policy", RetryPolicy(max_retries=2, backoff_base=0.0))
        return ClickSendClient(
            USERNAME,
            API_KEY,
            base_url=BASE_URL,
            transport=httpx.MockTransport(self.handle),
            async_transport=httpx.MockTransport(self.handle),
            **options,
        )


def envelope(status: int, response_code: str, response_msg: str, data: Any = None, **headers: str) -> httpx.Response:
    body = {"http_code": status, "response_code": response_code, "response_msg": response_msg, "data": data}
    return httpx.Response(status, json=body, headers={k.replace("_", "-"): v for k, v in headers.items()})


@contextlib.contextmanager
def serve(fake: FakeClickSend) -> Iterator[str]:
    """Serve `fake` over real HTTP on a free loopback port; yields the base URL."""

    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            request = httpx.Request(
                self.command, f"http://{self.headers['Host']}{self.path}", headers=dict(self.headers), content=body
            )
            response = fake.handle(request)
            self.send_response(response.status_code)
            for name, value in response.headers.items():
                if name.lower() not in ("content-length", "transfer-encoding", "connection"):
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(response.content)))
            self.end_headers()
            self.wfile.write(response.content)

        do_GET = do_POST = do_PUT = do_DELETE = _answer

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v3"
    finally:
        server.shutdown()
        server.server_close()
