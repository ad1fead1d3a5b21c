"""JSON Schema of the output and of the rule files, written to schemas/."""
from __future__ import annotations

import json
from pathlib import Path

from .models import Document
from .rules import FragmentFileSpec, RuleFileSpec


def schemas() -> dict[str, dict]:
    return {
        "document.schema.json": Document.model_json_schema(),
        "rule-file.schema.json": RuleFileSpec.model_json_schema(),
        "fragments.schema.json": FragmentFileSpec.model_json_schema(),
    }


def render(schema: dict) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas().items():
        p = out / name
        p.write_text(render(schema), encoding="utf-8")
        written.append(p)
    return written
