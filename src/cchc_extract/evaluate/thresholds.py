"""The score gate: thresholds.yaml maps a metric to its minimum.

A metric is a dotted path into the `scores` of `cchc eval --json`, e.g.
`references.partial.f1` or `items.fields.path.accuracy`.  A path that stops at a
block with an `f1` or `accuracy` key means that value (`items.fields.path`).
A metric with no data on the corpus (nothing annotated, value null) is reported
as n/a and does not fail the gate; a path that names nothing is an error.
"""
from __future__ import annotations

from dataclasses import dataclass
import sys
from pathlib import Path
from typing import Any, Optional

import yaml

from ..errors import RuleError
from .scoring import FIELDS, KIND_ORDER, METADATA_FIELDS, SIGNER_FIELDS

# field names that may be absent from a run's scores (e.g. paths on lossy documents only)
KNOWN_FIELDS = ({f for fs in FIELDS.values() for f in fs} | {"label", "path", "ends", "marker", "anchor", "modality"}
                | set(METADATA_FIELDS) | {f"signer.{s}" for s in SIGNER_FIELDS})


class ThresholdsError(RuleError):
    code = "E310"


@dataclass
class Gate:
    metric: str
    minimum: float
    value: Optional[float]

    @property
    def ok(self) -> bool:
        return self.value is None or self.value + 1e-9 >= self.minimum

    def as_json(self) -> dict[str, Any]:
        return {"metric": self.metric, "min": self.minimum, "value": self.value, "ok": self.ok}


def default_thresholds_path() -> Optional[Path]:
    here = Path(__file__).resolve()
    for cand in (here.parents[3] / "thresholds.yaml", Path.cwd() / "thresholds.yaml",
                 Path(sys.prefix) / "share" / "cchc-extract" / "thresholds.yaml"):
        if cand.is_file():
            return cand
    return None


def load_thresholds(path: Path) -> dict[str, float]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ThresholdsError([f"{path}: cannot read: {' '.join(str(exc).split())[:200]}"]) from None
    gates = data.get("gates", data) if isinstance(data, dict) else None
    if not isinstance(gates, dict):
        raise ThresholdsError([f"{path}: expected a mapping `gates: {{metric: minimum}}`"])
    problems = []
    out: dict[str, float] = {}
    for metric, minimum in gates.items():
        if str(metric).split(".")[0] not in KIND_ORDER:
            problems.append(f"{path.name}: {metric}: unknown kind (one of {', '.join(KIND_ORDER)})")
        elif isinstance(minimum, bool) or not isinstance(minimum, (int, float)) or not 0 <= minimum <= 1:
            problems.append(f"{path.name}: {metric}: minimum must be a number in [0, 1]")
        else:
            out[str(metric)] = float(minimum)
    if problems:
        raise ThresholdsError(problems)
    return out


_MISSING = object()


def metric_value(scores: dict[str, Any], metric: str) -> Any:
    """The value at a dotted path; _MISSING when the path names nothing."""
    node: Any = scores
    for part in metric.split("."):
        if not isinstance(node, dict) or part not in node:
            return _MISSING
        node = node[part]
    if isinstance(node, dict):
        for key in ("f1", "accuracy"):
            if key in node:
                return node[key]
        return _MISSING
    return node


def _known_field(metric: str) -> bool:
    parts = metric.split(".")
    if "fields" not in parts[1:2]:
        return False
    name = ".".join(p for p in parts[2:] if p not in ("accuracy", "correct", "total"))
    return name in KNOWN_FIELDS


def check(scores: dict[str, Any], thresholds: dict[str, float]) -> list[Gate]:
    """One Gate per threshold.  A kind absent from the scores (not annotated) is n/a;
    a path that names nothing inside a scored kind is a typo: an error."""
    gates, problems = [], []
    for metric, minimum in thresholds.items():
        kind = metric.split(".")[0]
        value = metric_value(scores, metric) if kind in scores else None
        if value is _MISSING and _known_field(metric):
            value = None  # the field was not scored on this corpus
        if value is _MISSING:
            problems.append(f"thresholds: {metric}: no such metric in the scores")
            continue
        if value is not None and not isinstance(value, (int, float)):
            problems.append(f"thresholds: {metric}: not a number")
            continue
        gates.append(Gate(metric, minimum, value))
    if problems:
        raise ThresholdsError(problems)
    return gates
