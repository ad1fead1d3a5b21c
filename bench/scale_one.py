"""Time extract_text on one generated document of SIZE MB; prints JSON.  Used by run.py
in a subprocess so that a run can be stopped by a timeout and its memory is freed."""
from __future__ import annotations

import json
import sys
import time

import make_data


def main(size_mb: float) -> None:
    from cchc_extract.pipeline import extract_text

    extract_text(make_data.long_text(2000))  # warm: lazily compiled lexicons are start-up cost
    text = make_data.long_text(int(size_mb * 1e6))
    t0 = time.perf_counter()
    doc = extract_text(text, budget_s=1e9)
    secs = time.perf_counter() - t0
    n = sum(len(getattr(doc, k)) for k in ("items", "references", "dates", "bodies", "deadlines"))
    print(json.dumps({"seconds": secs, "entities": n, "warnings": len(doc.warnings)}))


if __name__ == "__main__":
    main(float(sys.argv[1]))
