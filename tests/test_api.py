"""The library API: `from cchc_extract import extract` is cheap, picklable, stateless."""
from __future__ import annotations

import pickle
import subprocess
import sys

from cchc_extract import extract
from cchc_extract.models import Document

TEXT = ("UBND TỈNH HƯNG YÊN\nSố: 12/KH-UBND\nHưng Yên, ngày 5 tháng 3 năm 2024\n"
        "1. Sở Nội vụ chủ trì rà soát, hoàn thành trong tháng 12/2024.\n")


def test_import_is_cheap():
    """Importing the package loads no pipeline, pydantic or regex: `cchc --help` stays fast."""
    code = ("import sys, cchc_extract; heavy = [m for m in ('cchc_extract.pipeline', 'pydantic', 'regex',"
            " 'spacy', 'openpyxl', 'icalendar') if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_function_and_document_pickle():
    f = pickle.loads(pickle.dumps(extract))
    assert f is extract
    doc = extract(TEXT)
    back = pickle.loads(pickle.dumps(doc))
    assert isinstance(back, Document) and back == doc


def test_text_path_and_bytes_agree(tmp_path):
    p = tmp_path / "d.txt"
    p.write_text(TEXT, encoding="utf-8")
    from_text, from_path, from_bytes = extract(TEXT), extract(p), extract(TEXT.encode("utf-8"))
    assert from_path.source.file == str(p) and from_path.source.sha256
    strip = lambda d: d.model_dump(exclude={"source"})  # noqa: E731
    assert strip(from_text) == strip(from_path) == strip(from_bytes)


def test_a_str_is_text_not_a_path(tmp_path):
    p = tmp_path / "d.txt"
    p.write_text(TEXT, encoding="utf-8")
    assert extract(str(p)).source.file is None  # use Path(...) to read a file


def test_no_state_carries_over_between_calls():
    first = extract(TEXT).model_dump()
    extract("Kế hoạch số 99/KH-UBND ngày 01/01/2020 " * 50)
    assert extract(TEXT).model_dump() == first
