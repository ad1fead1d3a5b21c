"""The checked-in JSON Schema must match the models (run `make schema` after a model change)."""
import json

from cchc_extract.schema_export import render, schemas
from conftest import ROOT


def test_checked_in_schemas_are_current():
    for name, schema in schemas().items():
        path = ROOT / "schemas" / name
        assert path.exists(), f"{path} missing: run `make schema`"
        assert path.read_text(encoding="utf-8") == render(schema), f"{name} is stale: run `make schema`"


def test_output_validates_against_schema():
    import jsonschema

    from cchc_extract.pipeline import extract_text

    schema = schemas()["document.schema.json"]
    doc = extract_text("Số: 12/UBND-VX\nKính gửi: Sở Nội vụ\n1. Thực hiện ngay.")
    jsonschema.validate(json.loads(doc.model_dump_json()), schema)
