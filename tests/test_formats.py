"""Output formats, on hand-built Documents: xlsx, csv, ics, jsonl."""
from __future__ import annotations

import csv
import datetime as dt
import json

from _docs import TEXT, make_doc
from cchc_extract.formats import open_writer, payload
from cchc_extract.formats.rows import SHEETS
from cchc_extract.models import Document


def _write(fmt, dest, docs):
    w = open_writer(fmt, dest)
    for name, doc in docs:
        w.add(payload(fmt, doc, name))
    w.close()


def test_xlsx_opens_with_openpyxl_and_has_the_rows(tmp_path):
    from openpyxl import load_workbook

    dest = tmp_path / "documents.xlsx"
    _write("xlsx", dest, [("a.txt", make_doc()), ("b.txt", make_doc("cd" * 32))])
    wb = load_workbook(dest, read_only=True)
    assert wb.sheetnames == list(SHEETS)
    rows = list(wb["directives"].iter_rows(values_only=True))
    assert list(rows[0]) == SHEETS["directives"]
    assert len(rows) == 1 + 4
    head = rows[0]
    first = dict(zip(head, rows[1]))
    assert first["lead"] == "Sở Nội vụ" and first["support"] == "Sở Tư pháp"
    assert first["deadline_due"] == "2023-12-31" and first["targets"] == "100% hồ sơ"
    assert first["references"] == "Kế hoạch số 12/KH-UBND"
    assert dict(zip(head, rows[2]))["lead"] == "Công an tỉnh"
    dl = list(wb["deadlines"].iter_rows(values_only=True))
    assert len(dl) == 1 + 6
    rec = dict(zip(dl[0], dl[1]))
    assert TEXT[rec["start"]:rec["end"]] == rec["text"] == "trong tháng 12/2023"
    for sheet in ("references", "dates", "bodies", "targets", "items", "documents"):
        assert len(list(wb[sheet].iter_rows())) > 1, sheet


def test_xlsx_formula_like_text_is_stored_as_text(tmp_path):
    from openpyxl import load_workbook

    doc = make_doc()
    doc.directives[1].text = "=SUM(A1) làm ngay"
    dest = tmp_path / "f.xlsx"
    _write("xlsx", dest, [("a.txt", doc)])
    ws = load_workbook(dest)["directives"]
    assert ws.cell(row=3, column=4).data_type == "s"
    assert ws.cell(row=3, column=4).value == "=SUM(A1) làm ngay"


def test_ics_parses_and_has_one_event_per_dated_deadline(tmp_path):
    from icalendar import Calendar

    dest = tmp_path / "deadlines.ics"
    doc = make_doc()
    _write("ics", dest, [("a.txt", doc)])
    cal = Calendar.from_ical(dest.read_bytes())
    events = cal.walk("VEVENT")
    assert len(events) == sum(1 for d in doc.deadlines if d.due)  # the recurring one has no event
    starts = sorted(e.decoded("dtstart") for e in events)
    assert starts == [dt.date(2023, 12, 31), dt.date(2024, 1, 14)]
    by_start = {e.decoded("dtstart"): e for e in events}
    first = by_start[dt.date(2023, 12, 31)]
    assert "Sở Nội vụ" in str(first["summary"])
    assert "Sở Tư pháp" in str(first["description"]) and "rà soát thủ tục" in str(first["description"])


def test_ics_uids_are_stable_and_distinct(tmp_path):
    from icalendar import Calendar

    def uids(doc):
        dest = tmp_path / "u.ics"
        _write("ics", dest, [("a.txt", doc)])
        return sorted(str(e["uid"]) for e in Calendar.from_ical(dest.read_bytes()).walk("VEVENT"))

    a, b = uids(make_doc()), uids(make_doc())
    assert a == b and len(set(a)) == len(a) == 2
    assert uids(make_doc("ef" * 32)) != a  # another input, other events


def test_csv_one_file_per_table_parses(tmp_path):
    dest = tmp_path / "directives.csv"
    _write("csv", dest, [("a.txt", make_doc()), ("b.txt", make_doc())])
    with dest.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 4 and rows[0]["document"] == "a.txt" and rows[0]["lead"] == "Sở Nội vụ"
    with (tmp_path / "bodies.csv").open(encoding="utf-8", newline="") as fh:
        bodies = list(csv.DictReader(fh))
    assert len(bodies) == 6
    assert TEXT[int(bodies[0]["start"]):int(bodies[0]["end"])] == bodies[0]["text"]
    assert {p.name for p in tmp_path.iterdir()} == {f"{s}.csv" for s in SHEETS}


def test_csv_output_file_names_its_sibling_tables(tmp_path):
    _write("csv", tmp_path / "x.csv", [("a.txt", make_doc())])
    names = {p.name for p in tmp_path.iterdir()}
    assert names == {"x.csv"} | {f"x.{s}.csv" for s in SHEETS if s != "directives"}


def test_csv_to_stdout_is_the_directives_table(capsys):
    w = open_writer("csv", None)
    w.add(payload("csv", make_doc(), "a.txt"))
    w.close()
    rows = list(csv.reader(capsys.readouterr().out.splitlines()))
    assert rows[0] == SHEETS["directives"] and len(rows) == 3


def test_jsonl_lines_parse_and_validate(tmp_path):
    dest = tmp_path / "documents.jsonl"
    _write("jsonl", dest, [("a.txt", make_doc()), ("b.txt", make_doc())])
    lines = dest.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    for line in lines:
        doc = Document.model_validate_json(line)
        assert doc.deadlines[0].due == "2023-12-31"
        assert json.loads(line)["directives"][0]["lead"][0]["text"] == "Sở Nội vụ"


def test_aborted_writer_leaves_no_file(tmp_path):
    dest = tmp_path / "documents.xlsx"
    for fmt, name in (("jsonl", "d.jsonl"), ("ics", "d.ics"), ("csv", "directives.csv")):
        w = open_writer(fmt, tmp_path / name)
        w.add(payload(fmt, make_doc(), "a.txt"))
        w.abort()
    assert not dest.exists() and list(tmp_path.iterdir()) == []
