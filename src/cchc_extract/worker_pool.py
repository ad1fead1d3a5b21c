"""A process pool that streams results with bounded memory and survives dead workers.

`multiprocessing.Pool.imap_unordered` alone reads its whole input eagerly and
waits forever for the result of a worker that was killed (out of memory, a
crash in a C extension).  Here inputs are fed through a window of bounded size,
and an input whose worker died is returned as a failure, so a batch always ends
with in = outputs + errors.
"""
from __future__ import annotations

import multiprocessing as mp
import sys
import threading
from typing import Callable, Iterable, Iterator

from .errors import EXIT_INTERNAL

POLL_S = 0.5


def _init_worker() -> None:
    import os
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's: it ends the pool
    # a worker forked while the parent had unflushed output must never flush its copy
    sys.stdout = open(os.devnull, "w", encoding="utf-8")


def died_record(task: tuple) -> tuple:
    """The failure result (batch.process's shape) of an input whose worker died."""
    path, name = task[0], task[1]
    err = {"path": path, "code": "E000", "exit_code": EXIT_INTERNAL,
           "message": f"internal error: worker process died while extracting {path} "
                      "(killed: out of memory? a crash in a native library?)"}
    return ("error", path, name, 0, None, 0, err)


class StreamingPool:
    """Iterate results of fn over tasks (tuples whose [1] is a unique name), unordered.

    The pool is forked on construction (before any other thread starts);
    `close()` must always be called."""

    def __init__(self, fn: Callable, tasks: Iterable[tuple], jobs: int, window: int):
        self.fn, self.tasks = fn, tasks
        self.window = threading.BoundedSemaphore(window)
        self.stop = threading.Event()
        self.pending: dict[str, tuple] = {}  # name -> task, fed and not yet returned
        self.fed_all = False
        sys.stdout.flush()
        sys.stderr.flush()
        ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
        self.pool = ctx.Pool(jobs, initializer=_init_worker)

    def _feed(self) -> Iterator[tuple]:
        for t in self.tasks:
            while not self.window.acquire(timeout=0.2):
                if self.stop.is_set():
                    return
            self.pending[t[1]] = t
            yield t
        self.fed_all = True

    def _pids(self) -> set[int]:
        return {p.pid for p in self.pool._pool}  # the pool replaces a dead worker by a new pid

    def __iter__(self) -> Iterator[tuple]:
        it = self.pool.imap_unordered(self.fn, self._feed(), chunksize=1)
        pids, died = self._pids(), 0
        while True:
            try:
                r = it.next(timeout=POLL_S)
            except StopIteration:
                return
            except mp.TimeoutError:
                now = self._pids()
                died += len(pids - now)
                pids = now
                # every input still pending once all were fed can only be a dead worker's
                # (assumes workers die while working, as a kill for memory does)
                if died and self.fed_all and len(self.pending) <= died:
                    for t in list(self.pending.values()):
                        self.pending.pop(t[1], None)
                        yield died_record(t)
                    return
                continue
            self.pending.pop(r[2], None)
            self.window.release()
            yield r

    def close(self) -> None:
        self.stop.set()
        self.pool.terminate()
        self.pool.join()
