"""Dates: values, forms, overlaps between forms, and what is never a date."""
from __future__ import annotations

import pytest

from cchc_extract.matchers import MatchContext, dates, select
from cchc_extract.normalize import normalize
from cchc_extract.pipeline import extract_text
from cchc_extract.rules import default_rules


def found(text: str, doc_date=None):
    ctx = MatchContext(norm=normalize(text), rules=default_rules(), doc_date=doc_date)
    winners, _ = select(dates.find(ctx))
    return [(ctx.norm.original_slice(f.start, f.end), f.fields["value"]) for f in winners], ctx


@pytest.mark.parametrize("text,expected", [
    ("ngày 28/11/2023", ("ngày 28/11/2023", "2023-11-28")),
    ("Hưng Yên, ngày 19 tháng 12 năm 2025", ("ngày 19 tháng 12 năm 2025", "2025-12-19")),
    ("ngày 01-10-1997", ("ngày 01-10-1997", "1997-10-01")),
    ("ngày 06 / 7 /2005", ("ngày 06 / 7 /2005", "2005-07-06")),
    ("trong tháng 12/2022.", ("tháng 12/2022", "2022-12")),
    ("tháng 5 năm 2023", ("tháng 5 năm 2023", "2023-05")),
    ("trong quý I/2023", ("quý I/2023", "2023-Q1")),
    ("quý II năm 2024", ("quý II năm 2024", "2024-Q2")),
    ("Quý 1/2023", ("Quý 1/2023", "2023-Q1")),
    ("6 tháng đầu năm 2024", ("6 tháng đầu năm 2024", "2024-H1")),
    ("được giao năm 2023", ("năm 2023", "2023")),
    ("Đến hết năm ngân sách 2026", ("năm ngân sách 2026", "2026")),
    ("giai đoạn 2021-2025", ("giai đoạn 2021-2025", "2021/2025")),
    ("giai đoạn 2021 - 2030", ("giai đoạn 2021 - 2030", "2021/2030")),
    ("Chương trình 2022-2026", ("2022-2026", "2022/2026")),
    ("nhiệm kỳ 2025 - 2030", ("2025 - 2030", "2025/2030")),
    ("ngày tháng 5 năm 2023", ("ngày tháng 5 năm 2023", "2023-05")),
    ("ngày tháng năm 2023", ("ngày tháng năm 2023", "2023")),
    ("ngày … tháng … năm 2023", ("ngày … tháng … năm 2023", "2023")),
    ("những tháng cuối năm 2023", ("năm 2023", "2023")),
    ("tầm nhìn đến năm 2030", ("năm 2030", "2030")),
])
def test_each_form_gives_one_date_with_its_text_and_value(text, expected):
    got, _ = found(text)
    assert got == [expected]


def test_a_half_year_is_a_date_only_with_its_year():
    # "nhiệm vụ 6 tháng cuối năm" names a report's period, no date (no held-out gold dates one)
    assert found("6 tháng cuối năm", doc_date="2023-05-26")[0] == []
    assert found("6 tháng cuối năm 2023", doc_date="2023-05-26")[0] == [("6 tháng cuối năm 2023", "2023-H2")]


def test_forms_carry_their_name():
    ctx = MatchContext(norm=normalize("ngày 28/11/2023; tháng 12/2022; quý I/2023; 6 tháng đầu năm 2024; "
                                      "năm 2023; giai đoạn 2021-2025; ngày tháng 5 năm 2023"), rules=default_rules())
    winners, _ = select(dates.find(ctx))
    assert [f.fields["form"] for f in winners] == ["day", "month", "quarter", "half", "year", "period", "partial"]


@pytest.mark.parametrize("text", [
    "đạt 98%, tăng 20% so với cùng kỳ",
    "Nghị quyết số 35/2023/UBTVQH15",
    "xếp thứ 12/63 tỉnh, thành phố",
    "tiếp nhận 2023 hồ sơ",
    "Điện thoại: 0221.3862.123, Fax: 0221-3862-124",
    "ngày càng hoàn thiện",
    "từ đầu năm đến nay; hằng năm; các năm tiếp theo",
    "Tết Nguyên đán Quý Mão",
    "ngày 20 tháng cuối quý",
    "số 12/2023-2025/QĐ",
])
def test_never_a_date(text):
    assert found(text)[0] == []


def test_impossible_date_is_kept_as_printed_suspect_with_w302():
    ctx = MatchContext(norm=normalize("Chỉ thị ngày 14/10/1025 và ngày 31/02/2023, ngày 21/8/2023"),
                       rules=default_rules())
    winners, _ = select(dates.find(ctx))
    assert [(f.fields["value"], f.fields["suspect"]) for f in winners] == [
        ("1025-10-14", True), ("2023-02-31", True), ("2023-08-21", False)]
    assert [w.code for w in ctx.warnings] == ["W302", "W302"]
    s, e = ctx.warnings[0].span
    assert ctx.norm.original[s:e] == "ngày 14/10/1025"


def test_backwards_range_is_not_a_period():
    assert found("2025-2021")[0] == []


def test_dates_inside_references_are_dates_too_and_spans_map_to_the_original():
    src = "Kế hoạch số 184/KH-UBND ngày 07/12/2021 về CCHC giai đoạn 2021-2025, hoàn thành trong tháng **12/2022**."
    doc = extract_text(src)
    assert [(d.text, d.value) for d in doc.dates] == [
        ("ngày 07/12/2021", "2021-12-07"), ("giai đoạn 2021-2025", "2021/2025"), ("tháng **12/2022", "2022-12")]
    for d in doc.dates:
        assert src[d.span[0]:d.span[1]] == d.text


def test_upper_case_and_odd_input():
    assert found("KẾ HOẠCH NĂM 2026")[0] == [("NĂM 2026", "2026")]
    for text in ("", "ngày", "tháng /", "quý I/", "năm", "giai đoạn -", "ngày 99/99/99999", "6 tháng đầu năm 99999"):
        found(text)


def test_pipeline_reports_w302_once_with_the_original_span():
    src = "Chỉ thị số 07/CT-UBND ngày 14/10/1025 về chấn chỉnh tình trạng."
    doc = extract_text(src)
    w302 = [w for w in doc.warnings if w.code == "W302"]
    assert len(w302) == 1 and src[w302[0].span[0]:w302[0].span[1]] == "ngày 14/10/1025"
    assert doc.dates[0].suspect and doc.references[0].suspect


@pytest.mark.parametrize("words, value", [
    ("hai mươi mốt", 21), ("mười lăm", 15), ("ba mươi", 30), ("tám", 8), ("Giêng", 1), ("chạp", 12),
    ("hai nghìn không trăm hai mươi sáu", 2026), ("hai ngàn hai mươi lăm", 2025),
    ("hai nghìn không trăm linh năm", 2005), ("một nghìn chín trăm chín mươi chín", 1999), ("2026", 2026)])
def test_numbers_in_words_read_as_their_value(words, value):
    from cchc_extract.temporal import number_value
    assert number_value(words) == value


def test_a_date_and_a_deadline_written_wholly_in_words():
    from cchc_extract import extract
    doc = extract("Bắc Ninh, ngày 05 tháng 01 năm 2026\n\n1. Văn phòng UBND phường hoàn thành rà soát trước "
                  "ngày ba mươi tháng sáu năm hai nghìn không trăm hai mươi sáu.\n")
    assert [(d.text, d.value) for d in doc.dates][-1] == (
        "ngày ba mươi tháng sáu năm hai nghìn không trăm hai mươi sáu", "2026-06-30")
    assert [(d.text, d.due) for d in doc.deadlines] == [
        ("trước ngày ba mươi tháng sáu năm hai nghìn không trăm hai mươi sáu", "2026-06-29")]
