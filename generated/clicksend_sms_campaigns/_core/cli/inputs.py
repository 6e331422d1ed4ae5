"""Reading what the person gives: files, standard input and arguments, each refused in one line
when it is not what it should be.

A path must name a regular file: a FIFO would block the read forever, a device (/dev/zero) never
ends, and a directory is a mistake. It is opened without blocking and checked on the open file, so
nothing can be swapped in between the check and the read. Text must be UTF-8: invalid bytes in a
file or on standard input, and in arguments (which Python carries as lone surrogates), are refused
rather than sent as replacement characters. Reads are bounded: a file or a line longer than its
limit is refused after reading at most the limit.
"""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from .failures import CommandError

#: The largest message body read from a file or standard input (ClickSend's own limit is far lower).
MAX_BODY_BYTES = 1024 * 1024
#: The largest config file read; a real one is a few hundred bytes.
MAX_CONFIG_BYTES = 64 * 1024
#: The longest line of a recipients CSV (csv's own field limit is 131,072 characters).
MAX_CSV_LINE = 131_072


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def open_regular_file(path: Path, *, what: str, hint: str) -> io.BufferedReader:
    """The file at `path` opened for reading in binary, or a CommandError when it is not a regular file."""
    if "\0" in str(path):
        raise CommandError(f"cannot read {what}: its path holds a NUL character", hint=hint)
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as error:
        raise CommandError(f"cannot read {what} {path}: {error.strerror or type(error).__name__}", hint=hint) from None
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise CommandError(f"cannot read {what} {path}: it is {_kind(mode)}", hint=hint)
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def decoded(data: bytes, *, what: str, hint: str) -> str:
    """`data` as UTF-8 text (a leading byte order mark dropped), or a CommandError naming the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CommandError(f"{what} is not UTF-8 text (byte {error.start + 1} is not)", hint=hint) from None


def read_bounded(stream: io.BufferedIOBase | io.RawIOBase | TextIO, limit: int, *, what: str, hint: str) -> bytes:
    """At most `limit` bytes of `stream`; a CommandError when there are more."""
    data = stream.read(limit + 1)
    if isinstance(data, str):  # a text stream (tests, or a stdin without a buffer)
        data = data.encode("utf-8", "surrogatepass")  # a lone surrogate then fails to decode
    data = data or b""
    if len(data) > limit:
        raise CommandError(f"{what} is longer than {limit:,} bytes", hint=hint)
    return data


def read_text_file(path: Path, *, what: str, hint: str, limit: int) -> str:
    with open_regular_file(path, what=what, hint=hint) as file:
        data = read_bounded(file, limit, what=f"{what} {path}", hint=hint)
    return decoded(data, what=f"{what} {path}", hint=hint)


def read_stdin(stdin: TextIO, *, what: str, hint: str, limit: int) -> str:
    """Standard input as UTF-8 text: read as bytes where it has them, so invalid bytes are caught."""
    source = getattr(stdin, "buffer", stdin)
    return decoded(read_bounded(source, limit, what=what, hint=hint), what=what, hint=hint)


def bounded_lines(file: io.BufferedReader, *, what: str, hint: str, limit: int = MAX_CSV_LINE) -> Iterator[str]:
    """The file's lines as UTF-8 text (line breaks kept, for csv), each read in at most `limit` bytes."""
    number = 0
    while line := file.readline(limit + 1):
        number += 1
        if len(line) > limit:
            raise CommandError(f"{what}: line {number} is longer than {limit:,} bytes", hint=hint)
        if number == 1:
            line = line.removeprefix(b"\xef\xbb\xbf")  # a spreadsheet's byte order mark
        try:
            yield line.decode("utf-8")
        except UnicodeDecodeError as error:
            raise CommandError(
                f"{what}: line {number} is not UTF-8 text (byte {error.start + 1} is not)", hint=hint
            ) from None


def check_argument_text(argv: list[str]) -> None:
    """Refuse an argument that is not UTF-8 (Python keeps such bytes as lone surrogates)."""
    for position, argument in enumerate(argv, start=1):
        try:
            argument.encode("utf-8")
        except UnicodeEncodeError:
            try:  # the bytes as typed (\xff), where Python kept them as surrogates
                shown = argument.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
            except UnicodeEncodeError:
                shown = argument.encode("utf-8", "backslashreplace").decode("utf-8")
            shown = shown if len(shown) <= 40 else shown[:39] + "…"
            raise CommandError(
                f"argument {position} ({shown}) is not UTF-8 text",
                hint="check the terminal's or the script's encoding",
            ) from None
