"""Running extraction over many inputs: worker processes, streamed results.

Memory stays flat however many files: inputs are listed as (path, name) pairs
only, fed to the pool through a bounded window, and each result is a small
record (per-document JSON is written by the worker itself; combined formats
get a compact payload the parent appends to one streamed output).  Every
output is written atomically.  One bad input is reported and recorded in
DIR/errors.jsonl; it never stops the others.  In = written + skipped + failed.
"""
from __future__ import annotations

import functools
import gc
import json
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional

from .errors import EXIT_FAILURES, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, CchcError
from .gc_pause import collector_paused
from .models import ENTITY_KINDS
from .reading import DEFAULT_MAX_BYTES

KINDS = ("items",) + ENTITY_KINDS + ("directives",)
WINDOW_PER_JOB = 16  # inputs in flight per worker: bounds queued inputs and unread results
# Extracted once in the parent before forking so that every lazily compiled
# lexicon (gazetteer, roles, rules) is built once and shared by the workers.
WARM_UP_TEXT = ("ỦY BAN NHÂN DÂN TỈNH A\nSố: 1/KH-UBND\nA, ngày 1 tháng 1 năm 2024\nKẾ HOẠCH\n"
                "1. Sở Nội vụ chủ trì, phối hợp với UBND các huyện thực hiện theo Kế hoạch "
                "số 2/KH-UBND ngày 2/1/2024; hoàn thành trước ngày 31/12/2024, đạt 100% hồ sơ; "
                "báo cáo hằng quý.\n")


class UsageError(CchcError):
    exit_code = EXIT_USAGE
    code = "E001"


@dataclass(frozen=True)
class Options:
    fmt: str = "json"
    pretty: bool = True
    encoding: Optional[str] = None
    max_bytes: int = DEFAULT_MAX_BYTES
    out_dir: Optional[str] = None  # json only: the worker writes DIR/NAME.json itself


@dataclass
class Stats:
    inputs: int = 0
    written: int = 0
    skipped: int = 0
    failed: int = 0
    nbytes: int = 0
    warnings: int = 0
    entities: dict = field(default_factory=lambda: dict.fromkeys(KINDS, 0))


def iter_inputs(paths: list[str]) -> Iterator[tuple[str, str]]:
    """(input, output name without extension); folders recurse for .txt, keeping sub-folders."""
    for p in paths:
        if p == "-":
            yield "-", "stdin"
        elif os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    if f.endswith(".txt") and not f.startswith("."):
                        full = os.path.join(root, f)
                        yield full, os.path.relpath(full, p)[:-4]
        else:
            yield p, Path(p).stem


def unique_names(inputs, needed: bool = True) -> Iterator[tuple[str, str]]:
    """Append ~2, ~3 … to a name already used, so two inputs never share an output.
    (Not needed for one folder: its relative paths are unique, and memory stays flat.)"""
    if not needed:
        yield from inputs
        return
    seen: set[str] = set()
    for path, name in inputs:
        base, n = name, 1
        while name in seen:
            n += 1
            name = f"{base}~{n}"
        seen.add(name)
        yield path, name


def _error_record(path: str, exc: BaseException) -> dict:
    if isinstance(exc, CchcError):
        return {"path": path, "code": exc.code, "exit_code": exc.exit_code, "message": exc.one_line()}
    msg = " ".join(f"{type(exc).__name__}: {exc}".split())[:300]
    return {"path": path, "code": "E000", "exit_code": EXIT_INTERNAL, "message": f"internal error: {msg}"}


def process(opts: Options, task: tuple) -> tuple:
    """Extract one input (runs in a worker).  Never raises: failures are returned.

    The cyclic collector stays paused for the whole input (gc_pause.py says why): re-enabled
    only after the Document is gone, its next pass finds almost nothing young to traverse."""
    with collector_paused():
        return _process(opts, task)


def _process(opts: Options, task: tuple) -> tuple:
    from .formats import payload
    from .pipeline import extract_text
    from .reading import read_bytes, read_path

    path, name = task[0], task[1]
    try:
        if len(task) > 2:  # stdin bytes, read by the parent
            decoded, src = read_bytes(task[2], name="<stdin>", max_bytes=opts.max_bytes,
                                      encoding=opts.encoding)
        else:
            decoded, src = read_path(path, max_bytes=opts.max_bytes, encoding=opts.encoding)
        doc = extract_text(decoded.text, src)
        doc.warnings[0:0] = decoded.warnings
        counts = {k: len(getattr(doc, k)) for k in KINDS}
        if opts.out_dir is not None:   # json, one file per document: written here, as bytes
            from .formats import json_bytes
            from .output import write_atomic

            write_atomic(Path(opts.out_dir) / f"{name}.json", json_bytes(doc, opts.pretty))
            data = None
        else:
            data = payload(opts.fmt, doc, path, opts.pretty)
        return ("ok", path, name, src.size, counts, len(doc.warnings), data)
    except Exception as exc:  # noqa: BLE001 - one bad input must not stop the batch
        return ("error", path, name, 0, None, 0, _error_record(path, exc))


def open_results(opts: Options, tasks: Iterator[tuple], jobs: int):
    """Results in completion order (an iterator; with jobs > 1, a StreamingPool to close)."""
    from .pipeline import extract_text

    extract_text(WARM_UP_TEXT)  # every lazily built pattern, lexicon and model now exists
    # they live as long as the process: out of the collector's sight, its passes stop
    # re-traversing them (and forked workers stop writing to the pages they share)
    gc.freeze()
    if jobs <= 1:
        return map(functools.partial(process, opts), tasks)  # lazy: one document at a time
    from .worker_pool import StreamingPool

    return StreamingPool(functools.partial(process, opts), tasks, jobs, jobs * WINDOW_PER_JOB)


def _progress(total: int, enabled: bool):
    if not enabled:
        return None
    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                               TimeElapsedColumn, TimeRemainingColumn)

    prog = Progress(TextColumn("extract"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    TimeRemainingColumn(), console=Console(stderr=True), transient=True)
    prog.add_task("extract", total=total)
    return prog


def _say(prog, line: str) -> None:
    if prog is not None:
        prog.console.print(line, markup=False, highlight=False)
    else:
        print(line, file=sys.stderr, flush=True)


def summary_line(st: Stats, seconds: float) -> str:
    mb = st.nbytes / 1e6
    ents = ", ".join(f"{k} {v}" for k, v in st.entities.items())
    return (f"cchc: {st.inputs} input(s): {st.written} written, {st.skipped} skipped, {st.failed} failed; "
            f"{ents}; warnings {st.warnings}; {mb:.2f} MB in {seconds:.2f} s "
            f"({mb / seconds if seconds > 0 else 0:.2f} MB/s)")


EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as a shell reports a pipeline cut short by `| head`


def run_extract(paths, **options) -> int:
    """`cchc extract`: returns the exit code (errors.py); options as in _run_extract."""
    try:
        return _run_extract(paths, **options)
    except BrokenPipeError:  # the reader of stdout went away: stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE


def _run_extract(paths, *, out=None, output=None, fmt="json", jobs=0, quiet=False,
                 skip_existing=False, encoding=None, max_bytes=DEFAULT_MAX_BYTES, pretty=True) -> int:
    from .formats import COMBINED, FORMATS, open_writer

    paths = [str(p) for p in paths]
    if fmt not in FORMATS:
        raise UsageError(f"unknown --format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if out is not None and output is not None:
        raise UsageError("--out DIR and --output FILE exclude each other")
    if fmt == "xlsx" and out is None and output is None and sys.stdout.isatty():
        raise UsageError("xlsx is binary: write it with --output FILE.xlsx or --out DIR")
    count = sum(1 for _ in iter_inputs(paths))  # a first walk: inputs are never all held
    if not count:
        raise UsageError(f"no .txt documents found in {' '.join(paths)}")
    if out is None and fmt == "json" and count > 1:
        raise UsageError("several inputs: use --out DIR, or --format jsonl for one stream")
    stdin = sys.stdin.buffer.read() if "-" in paths else None

    def tasks():  # (path, name) or, for stdin, (path, name, bytes)
        for t in unique_names(iter_inputs(paths), needed=len(paths) > 1):
            yield t if t[0] != "-" else (*t, stdin)

    if count == 1 and out is None:  # one document: in-process, its own exit code on failure
        return _run_single(next(tasks()), output, Options(fmt, pretty, encoding, max_bytes))

    from .rules import default_rules

    default_rules()  # bad rules fail the run once (exit 7); loaded before forking, workers share them
    out = Path(out) if out is not None else None
    if out is not None:
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UsageError(f"--out {out}: cannot create the folder ({exc.strerror or exc})") from None
    per_file = out is not None and fmt == "json"
    opts = Options(fmt, pretty, encoding, max_bytes, str(out) if per_file else None)
    st = Stats(inputs=count)
    if skip_existing and not per_file and not quiet:
        print("cchc: note: --skip-existing applies to --format json with --out only", file=sys.stderr)
    skip = skip_existing and per_file
    prog = None

    def todo():
        for t in tasks():
            if skip and (out / f"{t[1]}.json").exists():
                st.skipped += 1
                if prog:
                    prog.advance(prog.task_ids[0])
            else:
                yield t

    jobs = min(jobs if jobs and jobs > 0 else (os.cpu_count() or 1), count)
    t0 = time.monotonic()
    last_error = None
    results = writer = errors = None
    try:
        # fork the workers first: they must not inherit half-written output buffers
        results = open_results(opts, todo(), jobs)
        writer = None if per_file else open_writer(fmt, out / COMBINED[fmt] if out else output, sys.stdout)
        if out is not None:
            from .output import AtomicFile

            errors = AtomicFile(out / "errors.jsonl")
        prog = _progress(count, not quiet and sys.stderr.isatty())
        if prog:
            prog.start()
        for status, path, name, size, counts, nwarn, data in results:
            if status == "ok":
                st.written += 1
                st.nbytes += size
                st.warnings += nwarn
                for k, v in counts.items():
                    st.entities[k] += v
                if writer is not None:
                    writer.add(data)
            else:
                st.failed += 1
                last_error = data
                _say(prog, f"cchc: error: {data['message']} [{data['code']}]")
                if errors is not None:
                    errors.write(json.dumps(data, ensure_ascii=False) + "\n")
            if prog:
                prog.advance(prog.task_ids[0])
        if writer is not None:
            writer.close()
        if errors is not None:
            errors.commit()
    except BaseException:
        if writer is not None:
            writer.abort()
        if errors is not None:
            errors.discard()
        raise
    finally:
        if hasattr(results, "close"):
            results.close()  # ends the worker processes
        if prog:
            prog.stop()
    if not quiet and not (st.failed and count == 1):  # a lone failure: its one line only
        print(summary_line(st, time.monotonic() - t0), file=sys.stderr, flush=True)
    if st.failed and count == 1:
        return last_error["exit_code"]
    return EXIT_FAILURES if st.failed else EXIT_OK


def _run_single(task: tuple, output, opts: Options) -> int:
    from .formats import open_writer

    status, path, name, size, counts, nwarn, data = process(opts, task)
    if status != "ok":
        print(f"cchc: error: {data['message']}", file=sys.stderr, flush=True)
        return data["exit_code"]
    writer = open_writer(opts.fmt, Path(output) if output else None, sys.stdout)
    try:
        writer.add(data)
        writer.close()
    except BaseException:
        writer.abort()
        raise
    return EXIT_OK
