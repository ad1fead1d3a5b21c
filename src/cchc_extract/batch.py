"""Running extraction over inputs and writing results (simple sequential version)."""
from __future__ import annotations

import sys
from pathlib import Path

from .output import write_atomic
from .pipeline import extract_text
from .reading import read_bytes, read_path


def _dump(doc, pretty: bool) -> str:
    return doc.model_dump_json(indent=2 if pretty else None) + "\n"


def run_extract(paths, *, out=None, output=None, fmt="json", jobs=0, quiet=False,
                skip_existing=False, encoding=None, max_bytes=50 * 1024 * 1024, pretty=True) -> int:
    if len(paths) == 1 and out is None:
        p = paths[0]
        if p == "-":
            decoded, src = read_bytes(sys.stdin.buffer.read(), name="<stdin>", max_bytes=max_bytes,
                                      encoding=encoding)
        else:
            decoded, src = read_path(p, max_bytes=max_bytes, encoding=encoding)
        doc = extract_text(decoded.text, src)
        doc.warnings[0:0] = decoded.warnings
        text = _dump(doc, pretty)
        if output:
            write_atomic(Path(output), text)
        else:
            sys.stdout.write(text)
        return 0
    raise NotImplementedError("batch mode")
