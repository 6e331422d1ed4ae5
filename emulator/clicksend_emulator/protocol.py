"""ClickSend's side of the wire, as the emulator speaks it: the envelope, API errors, id paths."""

from __future__ import annotations

from typing import Any

from starlette.convertors import Convertor, register_url_convertor
from starlette.responses import JSONResponse, Response
from starlette.types import Receive, Scope, Send


class ApiError(Exception):
    """Ends a request with ClickSend's error envelope."""

    def __init__(self, status: int, code: str, message: str, data: Any = None, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.data, self.headers = status, code, message, data, headers or {}


def envelope(
    status: int, code: str, message: str, data: Any = None, headers: dict[str, str] | None = None
) -> JSONResponse:
    body = {"http_code": status, "response_code": code, "response_msg": message, "data": data}
    return JSONResponse(body, status_code=status, headers=headers)


class DroppedConnection(Response):
    """Declares a body it never finishes, so the server must close the connection mid-answer."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        headers = [(b"content-type", b"application/json"), (b"content-length", b"4096")]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": b'{"http_code": 200,', "more_body": False})


class CampaignIdConvertor(Convertor[int]):
    """Digits, at most 30 of them: a longer "id" is a path that does not exist (404), never an
    integer too long for Python to read (which Starlette's own `int` convertor turns into a 500)."""

    regex = "[0-9]{1,30}"

    def convert(self, value: str) -> int:
        return int(value)

    def to_string(self, value: int) -> str:
        return str(value)


register_url_convertor("campaign_id", CampaignIdConvertor())


#: The application code of each status the emulator answers by itself. 405 is NOT_FOUND, as the older
#: reference's status table has it ("Method doesn't exist or is not allowed").
STATUS_CODES = {400: "BAD_REQUEST", 401: "UNAUTHORIZED", 403: "FORBIDDEN", 404: "NOT_FOUND", 405: "NOT_FOUND"}


def field_name(path: Any, name: str | None = None) -> str:
    parts = [str(p) if not isinstance(p, int) else f"[{p}]" for p in path]
    if name is not None:
        parts.append(name)
    return ".".join(parts).replace(".[", "[") or "body"


def shorten(message: str, limit: int = 200) -> str:
    return message if len(message) <= limit else message[: limit - 3] + "..."
