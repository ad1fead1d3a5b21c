"""Documents attached after the signature: "KẾ HOẠCH … (Ban hành kèm theo Quyết định số …)"."""
from __future__ import annotations

from cchc_extract.normalize import normalize
from cchc_extract.pipeline import extract_text
from cchc_extract.structure import analyze

DECISION = """ỦY BAN NHÂN DÂN
TỈNH BẮC NINH
Số: 88/QĐ-UBND
Bắc Ninh, ngày 10 tháng 02 năm 2026
QUYẾT ĐỊNH
Về việc ban hành Kế hoạch cải cách hành chính năm 2026
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH
Căn cứ Luật Tổ chức chính quyền địa phương;
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2026.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.
Nơi nhận:
- Như Điều 2;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn An

ỦY BAN NHÂN DÂN
TỈNH BẮC NINH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
{title}
Cải cách hành chính năm 2026
{attached}
I. NHIỆM VỤ
1. Sở Nội vụ chủ trì rà soát thủ tục hành chính, hoàn thành trước ngày 30/6/2026.
2. Sở Tư pháp kiểm tra việc thi hành pháp luật.
II. TỔ CHỨC THỰC HIỆN
Các sở, ngành báo cáo kết quả về Sở Nội vụ.
"""


def _text(title="KẾ HOẠCH", attached="(Ban hành kèm theo Quyết định số 88/QĐ-UBND ngày 10/02/2026 của Chủ tịch UBND tỉnh)"):
    return DECISION.format(title=title, attached=attached)


def test_items_of_an_attached_plan_are_numbered_by_their_labels():
    # ANNOTATION.md: a path is the labels alone; the plan's "I" repeats no path of the decision
    lay = analyze(normalize(_text()))
    assert [it.path for it in lay.items] == ["Điều 1", "Điều 2", "I", "I/1", "I/2", "II"]
    kinds = [k for k, _, _ in lay.segments]
    assert "attachment" in kinds and "debris" not in kinds
    assert not [w for w in lay.warnings if w.code == "W208"]


def test_the_attachment_does_not_move_the_main_signature_or_distribution():
    doc = extract_text(_text())
    assert doc.metadata.signer and doc.metadata.signer.name == "Nguyễn Văn An"
    assert doc.metadata.distribution[0] == "Như Điều 2" and len(doc.metadata.distribution) == 2
    due = [d for d in doc.deadlines if d.item == "I/1"]
    assert due and due[0].due == "2026-06-29"
    assert any(d.item == "I/1" and [b.text for b in d.lead] == ["Sở Nội vụ"] for d in doc.directives)


def test_an_attached_title_that_goes_on_with_its_subject_in_capitals():
    # "KẾ HOẠCH TIẾN HÀNH THANH TRA" over "(Kèm theo Quyết định số …)": no separate subject line
    text = _text(title="KẾ HOẠCH TIẾN HÀNH THANH TRA").replace("Cải cách hành chính năm 2026\n(", "(", 1)
    lay = analyze(normalize(text))
    assert [it.path for it in lay.items] == ["Điều 1", "Điều 2", "I", "I/1", "I/2", "II"]
    assert "debris" not in [k for k, _, _ in lay.segments]


def test_an_attachment_whose_paths_would_repeat_takes_the_prefix_of_its_type():
    two = _text() + "\n" + _text().split("\n\n", 1)[1].replace("KẾ HOẠCH", "QUY CHẾ", 1)
    paths = [it.path for it in analyze(normalize(two)).items]
    assert "I/1" in paths and "qc/I/1" in paths and len(paths) == len(set(paths))
    again = _text() + "\n" + _text().split("\n\n", 1)[1]
    assert "kh2/I/1" in [it.path for it in analyze(normalize(again)).items]


def test_an_attached_plan_repeating_the_main_bodys_labels_goes_under_its_prefix():
    text = _text().replace("Điều 1. Ban hành", "I. Ban hành", 1).replace("Điều 2. Quyết định", "II. Quyết định", 1)
    paths = [it.path for it in analyze(normalize(text)).items]
    assert paths == ["I", "II", "kh/I", "kh/I/1", "kh/I/2", "kh/II"]


def test_a_title_without_a_kem_theo_line_is_no_attachment():
    lay = analyze(normalize(_text(attached="Căn cứ tình hình thực tế, xây dựng kế hoạch như sau:")))
    assert "attachment" not in [k for k, _, _ in lay.segments] and not any(
        it.path.startswith("kh/") for it in lay.items)
    assert "attachment" not in [k for k, _, _ in lay.segments]


def test_a_standalone_plan_that_names_its_decision_is_read_as_usual():
    # the "(Ban hành kèm theo …)" line under the document's own title is header, not an attachment
    standalone = _text().split("\n\n", 1)[1]
    paths = [it.path for it in analyze(normalize(standalone)).items]
    assert paths == ["I", "I/1", "I/2", "II"]


def test_an_appendix_marked_phu_luc_in_title_case_over_its_capitalised_title():
    text = ("BỘ NỘI VỤ\nSố: 512/KH-BNV\nHà Nội, ngày 26 tháng 01 năm 2024\nKẾ HOẠCH\nXác định Chỉ số CCHC\n"
            "I. NHIỆM VỤ\n1. Các bộ, tỉnh tự đánh giá.\nNơi nhận:\n- Lưu: VT.\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n"
            "Phạm Quang Huy\n\n\nPhụ lục\nDANH MỤC NHIỆM VỤ NĂM 2023\n"
            "(Kèm theo Kế hoạch số 512/KH-BNV ngày 26 tháng 01 năm 2024 của Bộ Nội vụ)\n\n"
            "1. Nội dung: Tập huấn nghiệp vụ\nĐơn vị chủ trì: Vụ Cải cách hành chính\n"
            "Thời gian hoàn thành: Tháng 02/2024\n\n2. Nội dung: Điều tra xã hội học\n"
            "Đơn vị chủ trì: Vụ Cải cách hành chính\n")
    paths = [it.path for it in analyze(normalize(text)).items]
    assert paths == ["I", "I/1", "1", "2"]
