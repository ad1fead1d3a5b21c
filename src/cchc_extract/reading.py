"""Bytes to text.  UTF-8 (with or without BOM) here; other encodings in encodings.py."""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from .errors import NotTextError, TooLargeError, UnreadableError
from .models import Source, Warning_

DEFAULT_MAX_BYTES = 50 * 1024 * 1024


@dataclass
class Decoded:
    text: str
    encoding: str
    warnings: list[Warning_] = field(default_factory=list)


def decode_bytes(data: bytes, name: str = "<input>", encoding: str | None = None) -> Decoded:
    """Decode bytes to text, or raise an InputError with a one-line message."""
    try:
        from .encodings import decode as decode_any  # full detection, when present
    except ImportError:  # pragma: no cover
        decode_any = None
    if decode_any is not None:
        return decode_any(data, name=name, encoding=encoding)
    if b"\x00" in data:
        raise NotTextError(f"{name}: binary data (NUL bytes), not a text document")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise NotTextError(f"{name}: not UTF-8 text (invalid byte at offset {exc.start})") from None
    return Decoded(text, "utf-8")


def read_path(path: str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES,
              encoding: str | None = None) -> tuple[Decoded, Source]:
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise TooLargeError(f"{p}: {size} bytes is over the size limit of {max_bytes} bytes (--max-bytes)")
        data = p.read_bytes()
    except TooLargeError:
        raise
    except IsADirectoryError:
        raise UnreadableError(f"{p}: is a directory") from None
    except FileNotFoundError:
        raise UnreadableError(f"{p}: no such file") from None
    except PermissionError:
        raise UnreadableError(f"{p}: permission denied") from None
    except OSError as exc:
        raise UnreadableError(f"{p}: cannot read ({exc.strerror or exc})") from None
    return read_bytes(data, name=str(p), max_bytes=max_bytes, encoding=encoding)


def read_bytes(data: bytes, name: str = "<stdin>", max_bytes: int = DEFAULT_MAX_BYTES,
               encoding: str | None = None) -> tuple[Decoded, Source]:
    if len(data) > max_bytes:
        raise TooLargeError(f"{name}: {len(data)} bytes is over the size limit of {max_bytes} bytes (--max-bytes)")
    decoded = decode_bytes(data, name=name, encoding=encoding)
    src = Source(file=name, size=len(data), sha256=hashlib.sha256(data).hexdigest(),
                 encoding=decoded.encoding)
    return decoded, src
