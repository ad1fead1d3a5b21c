"""Writers that append payloads (see formats/__init__.py) to one output.

Files are written atomically (output.AtomicFile): a run that stops half-way
leaves no partial output.  `close()` commits, `abort()` discards.
"""
from __future__ import annotations

import csv
import io
import sys
from pathlib import Path
from typing import Optional

from ..output import AtomicFile
from .ical import CALENDAR_TAIL, calendar_head
from .rows import SHEETS

XLSX_MAX_CELL = 32767


class _StreamWriter:
    """One output stream: an atomic file (committed on close) or stdout."""

    binary = False

    def __init__(self, dest: Optional[Path], stdout=None):
        self.file = AtomicFile(dest, binary=self.binary) if dest else None
        out = stdout or sys.stdout
        self.fh = self.file.fh if self.file else (out.buffer if self.binary else out)

    def close(self) -> None:
        if self.file:
            self.file.commit()
        else:
            self.fh.flush()

    def abort(self) -> None:
        if self.file:
            self.file.discard()


class TextWriter(_StreamWriter):
    """json (one document) and jsonl: payloads are ready-made UTF-8 bytes (str is accepted too)."""

    binary = True

    def __init__(self, dest: Optional[Path], stdout=None):
        out = stdout or sys.stdout
        if dest is None and not hasattr(out, "buffer"):   # a text-only stream (io.StringIO)
            self.binary = False
        elif dest is None:
            out.flush()   # anything written as text before goes first
        super().__init__(dest, stdout)

    def add(self, data) -> None:
        if self.binary and isinstance(data, str):
            data = data.encode("utf-8")
        elif not self.binary and isinstance(data, bytes):
            data = data.decode("utf-8")
        self.fh.write(data)


class IcsWriter(_StreamWriter):
    """One calendar: the head when opened, events as they come, the tail on close."""

    binary = True

    def __init__(self, dest: Optional[Path], stdout=None):
        super().__init__(dest, stdout)
        self.fh.write(calendar_head())

    def add(self, events: list[bytes]) -> None:
        for ev in events:
            self.fh.write(ev)

    def close(self) -> None:
        self.fh.write(CALENDAR_TAIL)
        super().close()


def csv_paths(dest: Path) -> dict[str, Path]:
    """Where each table goes: dest for directives, siblings for the others."""
    prefix = "" if dest.name == "directives.csv" else dest.stem + "."
    return {s: dest if s == "directives" else dest.with_name(f"{prefix}{s}.csv") for s in SHEETS}


class CsvWriter:
    """One CSV per table; to stdout only the directives table (one stream)."""

    def __init__(self, dest: Optional[Path], stdout=None):
        if dest:
            self.files = {s: AtomicFile(p, newline="") for s, p in csv_paths(Path(dest)).items()}
            streams = {s: f.fh for s, f in self.files.items()}
        else:
            self.files = {}
            streams = {"directives": stdout or sys.stdout}
        self.writers = {s: csv.writer(fh) for s, fh in streams.items()}
        for s, w in self.writers.items():
            w.writerow(SHEETS[s])

    def add(self, tables: dict[str, list[list]]) -> None:
        for s, rows in tables.items():
            if s in self.writers:
                self.writers[s].writerows(["" if v is None else v for v in r] for r in rows)

    def close(self) -> None:
        for f in self.files.values():
            f.commit()

    def abort(self) -> None:
        for f in self.files.values():
            f.discard()


class XlsxWriter:
    """One workbook, a sheet per table, in openpyxl's write-only (streaming) mode."""

    def __init__(self, dest: Optional[Path], stdout=None):
        from openpyxl import Workbook
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        self._illegal = ILLEGAL_CHARACTERS_RE
        self.dest, self.stdout = dest, stdout
        self.wb = Workbook(write_only=True)
        self.sheets = {s: self.wb.create_sheet(s) for s in SHEETS}
        for s, ws in self.sheets.items():
            ws.freeze_panes = "A2"
            ws.append(SHEETS[s])

    def _cell(self, ws, v):
        if not isinstance(v, str):
            return v
        v = self._illegal.sub("", v)[:XLSX_MAX_CELL]
        if v.startswith("="):  # text, never a formula
            from openpyxl.cell import WriteOnlyCell

            c = WriteOnlyCell(ws, value=v)
            c.data_type = "s"
            return c
        return v

    def add(self, tables: dict[str, list[list]]) -> None:
        for s, rows in tables.items():
            ws = self.sheets.get(s)
            if ws is not None:
                for r in rows:
                    ws.append([self._cell(ws, v) for v in r])

    def close(self) -> None:
        if self.dest:
            with AtomicFile(self.dest, binary=True) as f:
                self.wb.save(f.fh)
        else:
            buf = io.BytesIO()
            self.wb.save(buf)
            (self.stdout or sys.stdout).buffer.write(buf.getvalue())

    def abort(self) -> None:
        self.wb = None
