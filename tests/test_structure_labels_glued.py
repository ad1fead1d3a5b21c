"""A label typed without its space ("3.Sở Tư pháp") still opens an item, with warning W215."""
from cchc_extract.pipeline import extract_text
from cchc_extract.structure.labels import match_label

HEAD = ("ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nSố: 12/TB-UBND\nHà Tĩnh, ngày 05 tháng 01 năm 2024\n\n"
        "THÔNG BÁO\nKết luận của Chủ tịch\n\n")


def test_a_label_glued_to_a_capital_opens_an_item_and_is_reported():
    doc = extract_text(HEAD + "1. Sở Nội vụ chủ trì kiểm tra.\n2.Sở Tư pháp rà soát văn bản.\n"
                       "a)Tổ chức tập huấn.\nII.NHIỆM VỤ KHÁC\n")
    assert [(i.path, i.label) for i in doc.items] == [("1", "1."), ("2", "2."), ("2/a", "a)"), ("II", "II.")]
    assert [b.text for d in doc.directives if d.item == "2" for b in d.lead] == ["Sở Tư pháp"]
    glued = [w for w in doc.warnings if w.code == "W215"]
    assert [w.message.split()[1] for w in glued] == ["2.", "a)", "II."]


def test_figures_and_lower_case_words_after_a_mark_are_no_glued_label():
    for text in ("1.000 người dân tham gia", "3.sở Tư pháp", "v.v và", "a.b c", "II.mục",
                 "01/NQ-CP ngày 08/01/2022", "b/Tổ"):   # a document number opening a wrapped line
        assert match_label(text) is None, text
    assert match_label("3.Sở Tư pháp").key == "3" and match_label("II.NHIỆM VỤ").key == "II"


def test_a_party_documents_number_with_a_dash_opens_an_item():
    # Party documents number their parts "1- …", "2- …" (a capital after the dash)
    party = ("TỈNH ỦY HƯNG YÊN\n*\nSố 12-CT/TU\nHưng Yên, ngày 08 tháng 01 năm 2025\n\nCHỈ THỊ\nvề kỷ luật\n\n"
             "1- Tăng cường sự lãnh đạo của cấp ủy\n\nCấp ủy các cấp quán triệt.\n\n2- Siết chặt kỷ luật, kỷ cương\n"
             "- Thực hiện nghiêm quy định về thời giờ làm việc.\n")
    doc = extract_text(party)
    assert [(i.path, i.label) for i in doc.items] == [("1", "1-"), ("2", "2-"), ("2/-1", "-")]
    # and their sub-items "2.1-", "2.2-"
    sub = party.replace("- Thực hiện nghiêm", "2.1- Ban cán sự đảng UBND huyện lãnh đạo thực hiện nghiêm")
    assert [i.label for i in extract_text(sub).items] == ["1-", "2-", "2.1-"]
    # a range or a date is no label: a figure or nothing follows the dash
    for text in ("3- 5 ngày làm việc", "10-15%", "25-10-2017 của Ban Chấp hành", "2-"):
        assert match_label(text) is None, text


def test_a_guidances_steps_are_named_items():
    # "Bước 1: …" under a section, like "Nhiệm vụ 1: …": path "III/Bước 1"
    text = ("SỞ NỘI VỤ\nSố: 12/HD-SNV\nHà Nội, ngày 05 tháng 9 năm 2025\n\nHƯỚNG DẪN\nVị trí việc làm\n\n"
            "III. CÁC BƯỚC THỰC HIỆN\n\nBước 1: Rà soát hiện trạng (thực hiện trước ngày 25/9/2025)\n\n"
            "Đơn vị thực hiện: các cơ quan, đơn vị.\n\nBước 2: Thẩm định (hoàn thành trong tháng 11/2025)\n\n"
            "Đơn vị thực hiện: Sở Nội vụ chủ trì, phối hợp với Sở Tài chính.\n")
    doc = extract_text(text)
    assert [i.path for i in doc.items] == ["III", "III/Bước 1", "III/Bước 2"]
    leads = {d.item: [b.text for b in d.lead] for d in doc.directives}
    assert leads.get("III/Bước 2") == ["Sở Nội vụ"]
    assert match_label("Bước đầu triển khai") is None and match_label("Bước 3 chưa") is None
