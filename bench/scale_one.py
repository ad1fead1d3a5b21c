"""Time extract_text on one generated document of SIZE MB; prints JSON.  Used by run.py
in a subprocess so that a run can be stopped by a timeout and its memory is freed."""
from __future__ import annotations

import json
import resource
import sys
import time

import make_data


def main(size_mb: float) -> None:
    from cchc_extract.pipeline import extract_text

    extract_text(make_data.long_text(2000))  # warm: lazily compiled lexicons are start-up cost
    text = make_data.long_text(int(size_mb * 1e6))
    r0 = resource.getrusage(resource.RUSAGE_SELF)
    t0 = time.perf_counter()
    doc = extract_text(text, budget_s=1e9)
    secs = time.perf_counter() - t0
    r1 = resource.getrusage(resource.RUSAGE_SELF)
    n = sum(len(getattr(doc, k)) for k in ("items", "references", "dates", "bodies", "deadlines"))
    # system time is mostly first-touch page faults of the growing heap: on a freshly booted virtual
    # machine each costs several times what it does once the host has backed the guest's memory
    print(json.dumps({"seconds": secs, "entities": n, "warnings": len(doc.warnings),
                      "user": r1.ru_utime - r0.ru_utime, "sys": r1.ru_stime - r0.ru_stime,
                      "faults": r1.ru_minflt - r0.ru_minflt}))


if __name__ == "__main__":
    main(float(sys.argv[1]))
