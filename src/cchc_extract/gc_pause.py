"""Pause the cyclic garbage collector while a document is extracted.

Extraction allocates millions of short-lived objects and, measured, no reference
cycles at all (gc.collect() after an extraction finds 0 unreachable objects), so
reference counting frees everything and the collector's passes are pure cost.
Those passes grow with the live heap, which made a 50 MB document cost more than
10x a 5 MB one.  The collector is process-wide: nested and concurrent pauses
are counted, and it is re-enabled only by the last one to end, and only if it
was enabled before the first began.
"""
from __future__ import annotations

import gc
import threading
from contextlib import contextmanager
from typing import Iterator

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
