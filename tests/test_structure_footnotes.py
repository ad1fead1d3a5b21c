"""Footnotes: superscript notes mid-body, [n] lists at the end, unmatched marks and notes."""
from __future__ import annotations

from cchc_extract.normalize import normalize
from cchc_extract.structure import analyze


def test_superscript_notes_between_items_anchor_to_items_and_preamble():
    text = ("Thực hiện Chỉ thị số 1/CT-TTg¹, yêu cầu:\n\n1. Triển khai Kế hoạch²;\n\n"
            "¹ Chỉ thị về cải cách.\n\n² Kế hoạch số 9/KH-UBND.\n\n2. Mục hai.")
    lay = analyze(normalize(text))
    assert [(f.marker, f.anchor) for f in lay.footnotes] == [("1", "preamble"), ("2", "1")]
    assert lay.footnotes[0].text == "Chỉ thị về cải cách."
    assert [it.path for it in lay.items] == ["1", "2"]


def test_bracket_notes_at_the_end():
    text = "Yêu cầu:\n1. Theo Chỉ thị số 08[1], số 04[2].\nThực hiện./.\n[1] Chỉ thị số 08.\n[2] Chỉ thị số 04."
    lay = analyze(normalize(text))
    assert [(f.marker, f.anchor, f.text) for f in lay.footnotes] == [
        ("1", "1", "Chỉ thị số 08."), ("2", "1", "Chỉ thị số 04.")]


def test_marks_and_notes_without_partners_warn():
    lay = analyze(normalize("Yêu cầu³:\n1. Mục một.\n¹ Ghi chú lẻ."))
    codes = [w.code for w in lay.warnings]
    assert "W205" in codes and "W206" in codes


def test_mark_span_points_at_the_superscript_in_the_original():
    text = "Yêu cầu:\n1. Theo Kế hoạch¹.\n¹ Kế hoạch số 1."
    norm = normalize(text)
    fn = analyze(norm).footnotes[0]
    assert text[fn.mark_original[0]:fn.mark_original[1]] == "¹"
    s, e = norm.to_original(fn.start, fn.end)
    assert text[s:e] == "Kế hoạch số 1."


def test_area_units_are_not_marks():
    lay = analyze(normalize("Yêu cầu:\n1. Xây dựng 200 m² nhà làm việc."))
    assert lay.footnotes == [] and "W205" not in [w.code for w in lay.warnings]


def test_parenthesised_notes_after_the_body():
    text = ("Thực hiện Nghị quyết số 5/NQ-CP(1), yêu cầu:\n1. Triển khai Kế hoạch(2) theo khoản (3) Điều 4.\n"
            "Yêu cầu thực hiện./.\nCHỦ TỊCH\nNguyễn Văn A\n(1) Nghị quyết về cải cách.\n(2) Kế hoạch số 9.")
    lay = analyze(normalize(text))
    assert [(f.marker, f.anchor) for f in lay.footnotes] == [("1", "preamble"), ("2", "1")]
    assert lay.items[0].text == "1. Triển khai Kế hoạch theo khoản (3) Điều 4."
    assert "W205" not in [w.code for w in lay.warnings]      # "(3)" is text, not a mark


def test_parenthesised_lines_in_the_body_are_not_notes():
    lay = analyze(normalize("Yêu cầu:\n1. Mục một.\n(1) Đoạn đánh số trong thân văn bản.\n2. Mục hai."))
    assert lay.footnotes == []


def test_a_page_foot_note_whose_number_lost_its_superscript_is_read_by_its_mark_above():
    text = ("Yêu cầu:\n\n1. Chấm điểm theo Bộ chỉ số của thành phố¹ và xem xét trách nhiệm, gây phiền hà cho\n\n"
            "1 Quyết định số 1052/QĐ-UBND ngày 26/3/2021 của UBND thành phố.\n\n2\n\n"
            "tổ chức, công dân.\n\n2. Sở Nội vụ tổng hợp.\n")
    lay = analyze(normalize(text))
    assert [(f.marker, f.anchor, f.text) for f in lay.footnotes] == [
        ("1", "1", "Quyết định số 1052/QĐ-UBND ngày 26/3/2021 của UBND thành phố.")]
    assert [it.path for it in lay.items] == ["1", "2"]
    assert "W205" not in [w.code for w in lay.warnings]
    # without a mark of its number above, a bare number before a capital is ordinary text
    plain = analyze(normalize("Yêu cầu:\n\n1. Chấm điểm theo Bộ chỉ số.\n\n1 Quyết định số 1052/QĐ-UBND.\n"))
    assert plain.footnotes == []


def test_a_footnote_cites_figures_and_times_that_are_neither_targets_nor_deadlines():
    from cchc_extract.pipeline import extract_text

    text = ("Yêu cầu:\n\n1. Sở Xây dựng bảo đảm tỷ lệ hồ sơ trực tuyến đạt trên 50% trước ngày 31/12/2024[1].\n\n"
            "[1] Theo số liệu đến ngày 31/5/2024, có 18/63 địa phương đạt trên 50%.\n")
    doc = extract_text(text)
    assert [t.text for t in doc.targets] == ["trên 50% trước ngày 31/12/2024"]
    assert [d.text for d in doc.deadlines] == ["trước ngày 31/12/2024"]
    assert [d.text for d in doc.dates if d.text.startswith("ngày 31/5")] == ["ngày 31/5/2024"]   # still a date
