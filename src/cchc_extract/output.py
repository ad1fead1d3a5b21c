"""Atomic file writes: a temporary file in the same folder, then rename.

An interrupted run therefore never leaves a half-written result: either the old
file (or none) or the complete new one.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_MODE = 0o666 & ~_umask()  # what open() would give: mkstemp's own 0600 would hide results from others


def _temp_beside(path: Path) -> tuple[int, str]:
    folder = path.parent
    prefix = f".{path.name}."
    try:
        fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=folder)
    except (FileNotFoundError, NotADirectoryError):
        # the folder is made only when missing: a batch writes many files into one folder, and
        # mkdir on an existing one costs a system call and a caught exception per file
        folder.mkdir(parents=True, exist_ok=True)     # (raises as before when it cannot be made)
        fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=folder)
    os.fchmod(fd, _MODE)
    return fd, tmp


def _unlink_quietly(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass


def write_atomic(path: Path, data: str | bytes) -> None:
    path = Path(path)
    fd, tmp = _temp_beside(path)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(tmp, path)
    except BaseException:
        _unlink_quietly(tmp)
        raise


class AtomicFile:
    """A file streamed to a temporary name and renamed into place by `commit()`.

    `discard()` (or leaving a `with` block by an exception) removes the
    temporary file, so a streamed combined output is also all-or-nothing."""

    def __init__(self, path: Path, binary: bool = False, newline: str | None = None):
        self.path = Path(path)
        fd, self.tmp = _temp_beside(self.path)
        if binary:
            self.fh = os.fdopen(fd, "wb")
        else:
            self.fh = os.fdopen(fd, "w", encoding="utf-8", newline=newline)
        self.done = False

    def write(self, data) -> None:
        self.fh.write(data)

    def commit(self) -> None:
        if not self.done:
            self.fh.close()
            os.replace(self.tmp, self.path)
            self.done = True

    def discard(self) -> None:
        if not self.done:
            self.fh.close()
            _unlink_quietly(self.tmp)
            self.done = True

    def __enter__(self) -> "AtomicFile":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.discard()
