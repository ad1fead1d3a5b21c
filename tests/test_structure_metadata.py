"""Header metadata and segmentation on hand-written documents (tests/data/structure_*.txt)."""
from __future__ import annotations

from pathlib import Path

import pytest

from cchc_extract.normalize import normalize
from cchc_extract.pipeline import extract_text
from cchc_extract.structure import analyze
from cchc_extract.structure.casing import is_abbreviation, sentence_case

DATA = Path(__file__).parent / "data"


def analyzed(text: str):
    return analyze(normalize(text))


def doc(name: str):
    text = (DATA / name).read_text(encoding="utf-8")
    return text, analyzed(text)


@pytest.mark.parametrize("upper,expected", [
    ("ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN", "Ủy ban nhân dân tỉnh Hưng Yên"),
    ("BAN CHỈ ĐẠO CCHC TỈNH", "Ban Chỉ đạo CCHC tỉnh"),
    ("UBND TỈNH HÀ TĨNH", "UBND tỉnh Hà Tĩnh"),
    ("SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "Sở Tài nguyên và Môi trường"),
    ("VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH", "Văn phòng Ủy ban nhân dân tỉnh"),
    ("TỈNH ỦY QUẢNG NAM", "Tỉnh ủy Quảng Nam"),
    ("Sở Nội vụ", "Sở Nội vụ"),
    ("UỶ BAN NHÂN DÂN TỈNH THANH HOÁ", "Uỷ ban nhân dân tỉnh Thanh Hoá"),      # new tone style kept
    ("TỈNH UỶ QUẢNG NAM", "Tỉnh uỷ Quảng Nam"),
    # minority-language place names are words, not abbreviations to keep in capitals
    ("ỦY BAN NHÂN DÂN HUYỆN KRÔNG BÔNG", "Ủy ban nhân dân huyện Krông Bông"),
    ("UBND TỈNH ĐẮK LẮK", "UBND tỉnh Đắk Lắk"),
    # the "vụ" of a field name is no head word of its own
    ("SỞ NỘI VỤ TỈNH HƯNG YÊN", "Sở Nội vụ tỉnh Hưng Yên"),
    # fields with a comma or a dash, and "xã hội", which is no commune
    ("BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "Bộ Văn hóa, Thể thao và Du lịch"),
    ("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI TỈNH BẮC NINH", "Sở Lao động - Thương binh và Xã hội tỉnh Bắc Ninh"),
    # a province's name ending the line needs no level word; "Bệnh viện" is one head ("viện" no other)
    ("SỞ Y TẾ QUẢNG NGÃI", "Sở Y tế Quảng Ngãi"),
    ("CÔNG AN THỪA THIÊN HUẾ", "Công an Thừa Thiên Huế"),
    ("BỆNH VIỆN ĐA KHOA TỈNH", "Bệnh viện Đa khoa tỉnh"),
    ("BAN CHỈ ĐẠO CẢI CÁCH HÀNH CHÍNH", "Ban Chỉ đạo cải cách hành chính"),
    # the Youth Union's committees
    ("BAN CHẤP HÀNH ĐOÀN TỈNH BẮC GIANG", "Ban Chấp hành Đoàn tỉnh Bắc Giang"),
    ("HUYỆN ĐOÀN YÊN THẾ", "Huyện đoàn Yên Thế"),
    # a numbered urban unit is named by its number, with its level word
    ("ỦY BAN NHÂN DÂN QUẬN 1", "Ủy ban nhân dân Quận 1"),
    ("ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "Ủy ban nhân dân Thành phố Hồ Chí Minh"),   # named after a person
    # the "bộ" of "Đảng bộ" is no head word
    ("ĐẢNG BỘ TỈNH HÀ TĨNH", "Đảng bộ tỉnh Hà Tĩnh"),
    ("BCH ĐOÀN TNCS HỒ CHÍ MINH TỈNH BẮC GIANG", "BCH Đoàn TNCS Hồ Chí Minh tỉnh Bắc Giang"),
])
def test_sentence_case(upper, expected):
    assert sentence_case(upper) == expected


def test_abbreviations_are_kept():
    assert is_abbreviation("UBND") and is_abbreviation("CCHC") and not is_abbreviation("TỈNH")


def test_quyet_dinh_header_and_signer():
    text, d = doc("structure_qd_dieu.txt")
    md = d.metadata
    assert (md.doc_type, md.number, md.symbol) == ("quyet_dinh", "1206", "QĐ-UBND")
    assert md.issuer == "Ủy ban nhân dân huyện Đông Anh" and md.parent_issuer is None
    assert (md.place, md.date) == ("Đông Anh", "2024-01-05")
    assert md.subject == "Về việc thành lập Tổ công tác rà soát thủ tục hành chính"
    assert md.signer.title == "CHỦ TỊCH" and md.signer.authority is None
    assert md.signer.name == "Nguyễn Văn Cường"
    assert md.distribution == ["Như Điều 3", "Lưu: VT, NV"]
    assert [it.path for it in d.items][:3] == ["Điều 1", "Điều 1/1", "Điều 1/2"]
    for key, (s, e) in md.spans.items():
        assert 0 <= s <= e <= len(text), key
    assert text[slice(*md.spans["symbol"])] == "QĐ-UBND"


def test_party_document():
    _, d = doc("structure_party_chi_thi.txt")
    md = d.metadata
    assert (md.doc_type, md.number, md.symbol) == ("chi_thi", "45", "CT/TU")
    assert md.issuer == "Tỉnh ủy Quảng Nam"
    assert md.signer.authority == "T/M BAN THƯỜNG VỤ" and md.signer.title == "BÍ THƯ"
    assert [(f.marker, f.anchor) for f in d.footnotes] == [("1", "preamble"), ("2", "II/1")]
    assert "I/2/-1/+2" in [it.path for it in d.items]


def test_ministry_cong_van_with_flattened_columns():
    _, d = doc("structure_ministry_cong_van.txt")
    md = d.metadata
    assert (md.issuer, md.parent_issuer) == ("Vụ Cải cách hành chính", "Bộ Nội vụ")
    assert md.subject == "hướng dẫn xây dựng kế hoạch cải cách hành chính năm 2026"
    assert md.recipients == ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]
    assert md.signer.authority == "TL. BỘ TRƯỞNG / KT. VỤ TRƯỞNG VỤ CẢI CÁCH HÀNH CHÍNH"
    assert (md.signer.title, md.signer.name) == ("PHÓ VỤ TRƯỞNG", "Phạm Minh Hùng")
    assert md.distribution == ["Như trên", "Lưu: VT, CCHC"]
    # the paragraph split by the footnote block is rejoined into item 1.2
    item = [it for it in d.items if it.path == "1/1.2"][0]
    assert item.text.endswith("và dự kiến kinh phí thực hiện.")


def test_blank_number_and_partial_date():
    d = analyzed("ỦY BAN NHÂN DÂN\nTỈNH HƯNG YÊN\nSố: /UBND-NC\nHưng Yên, ngày tháng 5 năm 2023\n"
                     "V/v thử nghiệm\nKính gửi:\n- Các sở, ban, ngành;\n- UBND các huyện.\nNội dung.")
    md = d.metadata
    assert md.number is None and md.symbol == "UBND-NC" and md.date == "2023-05"
    assert md.recipients == ["Các sở, ban, ngành", "UBND các huyện"]
    assert md.doc_type == "cong_van"


def test_issuer_from_closing_formula_when_header_is_missing():
    d = analyzed("Số: /TB-VPUBND\nThái Bình, ngày 02 tháng 5 năm 2023\nTHÔNG BÁO\nKết luận của Hội nghị\n\n"
                     "Nội dung của tỉnh Thái Bình.\n\n1. Mục.\n\n"
                     "Văn phòng Ủy ban nhân dân tỉnh thông báo đến các cơ quan biết./.")
    assert d.metadata.issuer == "Văn phòng Ủy ban nhân dân tỉnh Thái Bình"
    assert d.metadata.doc_type == "thong_bao" and d.metadata.subject == "Kết luận của Hội nghị"
    assert "W201" not in [w.code for w in d.warnings]


def test_site_debris_and_repeated_opening():
    opening = ["ỦY BAN NHÂN DÂN TỈNH AN GIANG", "Số: 7/KH-UBND", "An Giang, ngày 01 tháng 02 năm 2024",
               "KẾ HOẠCH PHÁT TRIỂN CHÍNH QUYỀN SỐ NĂM 2024",
               "Thực hiện chỉ đạo của Chính phủ về chuyển đổi số, Ủy ban nhân dân tỉnh ban hành Kế hoạch.",
               "1. Mục đích phát triển chính quyền số trong các cơ quan nhà nước của tỉnh",
               "a) Bảo đảm 100% văn bản được ký số và gửi nhận trên môi trường mạng theo quy định."]
    text = "\n".join(["Kế hoạch 7/KH-UBND năm 2024", "| Số hiệu | 7/KH-UBND |", "| Người ký | Lê Văn A |", "|"]
                     + opening[:5] + opening + ["b) Hai.", "Yêu cầu thực hiện./.", "TM. ỦY BAN NHÂN DÂN",
                                                "Đăng xuất"])
    d = analyzed(text)
    codes = [w.code for w in d.warnings]
    assert "W202" in codes and "W208" in codes
    ps = [it.path for it in d.items]
    assert ps == ["1", "1/a", "1/b"]           # the truncated first copy holds no item here
    assert d.metadata.signer.name == "Lê Văn A" and d.metadata.signer.authority == "TM. ỦY BAN NHÂN DÂN"
    assert d.metadata.issuer == "Ủy ban nhân dân tỉnh An Giang"
    kinds = [k for k, _, _ in d.segments]
    assert kinds[0] == "debris" and "repeat" in kinds and kinds[-1] == "debris"


@pytest.mark.parametrize("text", ["", "\n\n", "Số: 1/UBND-VX", "ỦY BAN NHÂN DÂN\nTỈNH X\nSố: /UBND\nX, ngày tháng năm",
                                  "Một đoạn văn không có nhãn.", "¹", "[1]", "Nơi nhận:", "a) x. b) y.", "TM. ỦY BAN"])
def test_never_crashes(text):
    lay = analyzed(text)
    for it in lay.items:
        assert it.start < it.end and it.parts


@pytest.mark.parametrize("text", ["", "ỦY BAN NHÂN DÂN\nTỈNH X\nSố: /UBND-VX\nX, ngày tháng năm 2024",
                                  "Văn bản không có nhãn nào.\nĐoạn hai./."])
def test_extract_never_crashes_on_odd_documents(text):
    d = extract_text(text)
    assert d.items == [] and all(w.code for w in d.warnings)


def test_single_addressee_without_dash():
    lay = analyzed("Số: 1/UBND-VX\nV/v thử\n\nKính gửi:\n\nỦy ban nhân dân các huyện, thành phố.\n\n"
                   "Thực hiện chỉ đạo, đề nghị:\n\n1. Một.")
    assert lay.metadata.recipients == ["Ủy ban nhân dân các huyện, thành phố"]
    assert [it.path for it in lay.items] == ["1"]


def test_repeated_lines_deep_in_the_body_do_not_move_the_header():
    block = [f"- Nội dung lặp lại số {k} trong danh sách nhiệm vụ của các cơ quan, đơn vị." for k in range(5)]
    text = "\n".join(["ỦY BAN NHÂN DÂN TỈNH AN GIANG", "Số: 7/KH-UBND", "An Giang, ngày 01 tháng 02 năm 2024",
                      "Mở đầu."] + [f"{k}. Mục {k}." for k in range(1, 20)] + block + ["20. Mục hai mươi."] + block)
    lay = analyzed(text)
    assert lay.metadata.symbol == "KH-UBND"
    assert not any(it.path.startswith("dup/") for it in lay.items)
    assert "W202" in [w.code for w in lay.warnings]


def test_header_and_footer_written_as_tables():
    _, lay = doc("structure_table_header_ke_hoach.txt")
    md = lay.metadata
    assert (md.doc_type, md.number, md.symbol, md.place, md.date) == (
        "ke_hoach", "45", "KH-UBND", "Bắc Ninh", "2024-02-15")
    assert md.issuer == "Ủy ban nhân dân tỉnh Bắc Ninh"
    assert md.subject == "CẢI CÁCH HÀNH CHÍNH NHÀ NƯỚC NĂM 2024"
    assert md.distribution == ["Bộ Nội vụ (b/c)", "Lưu: VT, NC"]
    assert (md.signer.authority, md.signer.title, md.signer.name) == (
        "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Phong")
    assert "W208" not in [w.code for w in lay.warnings]      # a header table is not site debris
    assert [it.path for it in lay.items] == ["I", "I/1", "I/1/a", "I/1/b", "II", "II/1", "II/1/-1", "II/1/-2"]


def test_markdown_emphasis_around_header_lines():
    lay = analyzed("**ỦY BAN NHÂN DÂN**\n**TỈNH LÀO CAI**\n\nSố: 12/UBND-VX\n\n*Lào Cai, ngày 3 tháng 4 năm 2023*\n\n"
                   "*V/v triển khai thực hiện*\n\n*Kính gửi:* Sở Nội vụ.\n\nNội dung công văn./.\n\n***Nơi nhận:***\n"
                   "- Như trên;\n- Lưu: VT.\n\n**KT. CHỦ TỊCH**\n**PHÓ CHỦ TỊCH**\n\n**Lê Văn C**\n")
    md = lay.metadata
    assert (md.issuer, md.place, md.date, md.subject) == (
        "Ủy ban nhân dân tỉnh Lào Cai", "Lào Cai", "2023-04-03", "triển khai thực hiện")
    assert md.recipients == ["Sở Nội vụ"] and md.distribution == ["Như trên", "Lưu: VT"]
    assert (md.signer.authority, md.signer.title, md.signer.name) == ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Văn C")


def test_a_markdown_header_table_with_html_breaks_and_an_alignment_row():
    lay = analyzed("| UBND TỈNH LÀO CAI<br>**VĂN PHÒNG** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>"
                   "**Độc lập - Tự do - Hạnh phúc** |\n|:---:|:---:|\n"
                   "| Số: 612/TB-VPUBND | *Lào Cai, ngày 14 tháng 10 năm 2025* |\n\n# THÔNG BÁO\n\n"
                   "**Ý kiến kết luận của Chủ tịch UBND tỉnh tại cuộc họp**\n\n1. Sở Nội vụ tổng hợp.\n")
    md = lay.metadata
    assert (md.doc_type, md.number, md.symbol, md.date) == ("thong_bao", "612", "TB-VPUBND", "2025-10-14")
    assert (md.issuer, md.parent_issuer) == ("Văn phòng", "UBND tỉnh Lào Cai")
    assert md.subject == "Ý kiến kết luận của Chủ tịch UBND tỉnh tại cuộc họp"


def test_normative_number_is_not_a_cong_van():
    md = analyzed("CHÍNH PHỦ\nSố: 30/2020/NĐ-CP\nHà Nội, ngày 05 tháng 3 năm 2020\nNGHỊ ĐỊNH\nVề công tác văn thư\n"
                  "Căn cứ Luật.").metadata
    assert (md.doc_type, md.number, md.symbol, md.issuer) == ("other", "30", "2020/NĐ-CP", "Chính phủ")


def test_pdf_text_with_side_by_side_columns_and_wrapped_lines():
    _, lay = doc("structure_pdf_columns_cong_van.txt")
    md = lay.metadata
    assert (md.issuer, md.number, md.symbol, md.place, md.date) == (
        "Ủy ban nhân dân tỉnh Quảng Trị", "1234", "UBND-NC", "Quảng Trị", "2023-03-10")
    assert md.subject == "tăng cường công tác cải cách hành chính"
    assert md.recipients == ["Các sở, ban, ngành cấp tỉnh", "UBND các huyện, thị xã, thành phố"]
    assert (md.signer.authority, md.signer.title, md.signer.name) == ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Hoàng Nam")
    assert md.distribution == ["Như trên", "Lưu: VT, NC"]
    assert [it.text for it in lay.items] == [
        "1. Tăng cường công tác chỉ đạo, điều hành; thực hiện nghiêm các quy định về cải cách hành chính.",
        "2. Sở Nội vụ chủ trì, theo dõi, tổng hợp kết quả thực hiện, báo cáo UBND tỉnh trước ngày 15/12/2023."]


def test_wrapped_recipient_and_distribution_entries():
    lay = analyzed("Số: 3/UBND-VX\nV/v thử\nKính gửi:\n- Các sở, ban, ngành, đơn vị sự nghiệp\ncông lập thuộc UBND tỉnh;\n"
                   "- UBND các huyện.\nThực hiện chỉ đạo, đề nghị thực hiện./.\nNơi nhận:\n- Như trên;\n"
                   "- Chủ tịch, các Phó Chủ tịch\nUBND tỉnh;\n- Lưu: VT.")
    md = lay.metadata
    assert md.recipients == ["Các sở, ban, ngành, đơn vị sự nghiệp công lập thuộc UBND tỉnh", "UBND các huyện"]
    assert md.distribution == ["Như trên", "Chủ tịch, các Phó Chủ tịch UBND tỉnh", "Lưu: VT"]


def test_dash_entries_typed_on_the_kinh_gui_line_are_recipients_each():
    head = "Số: 5/UBND-NC\nV/v thử\n"
    md = analyzed(head + "| Kính gửi: | - Sở Nội vụ; - Sở Tài chính; - UBND các xã, phường. |\nThực hiện./.").metadata
    assert md.recipients == ["Sở Nội vụ", "Sở Tài chính", "UBND các xã, phường"]
    # a list that does not open with a dash stays one entry, as printed
    md = analyzed(head + "Kính gửi: Sở Nội vụ; - Sở Tài chính.\nThực hiện./.").metadata
    assert md.recipients == ["Sở Nội vụ; - Sở Tài chính"]


def test_metadata_values_are_nfc_and_free_of_invisible_characters():
    import unicodedata
    text = ("ỦY BAN NHÂN DÂN\nTỈNH HƯNG YÊN\nSố: 9/UBND-VX\nHưng Yên, ngày 02 tháng 5 năm 2023\n"
            "V/v tri\u00adển khai\nKính gửi:\n- Sở Nội\u00a0vụ.\nNội dung./.")
    md = analyzed(unicodedata.normalize("NFD", text)).metadata
    assert (md.issuer, md.subject, md.recipients) == ("Ủy ban nhân dân tỉnh Hưng Yên", "triển khai", ["Sở Nội vụ"])
    assert md.place == "Hưng Yên" and unicodedata.is_normalized("NFC", md.place)


def test_a_vv_block_goes_on_over_a_capitalised_line_up_to_its_blank_line():
    head = ("SỞ NỘI VỤ\nSố: 1452/SNV-CCHC\nQuảng Bình, ngày 12 tháng 8 năm 2019\n"
            "V/v hướng dẫn tự đánh giá, chấm điểm\nChỉ số cải cách hành chính năm 2019\ncủa UBND cấp huyện\n")
    body = ("Kính gửi: Ủy ban nhân dân các huyện.\nThực hiện Nghị quyết, Sở Nội vụ hướng dẫn như sau:\n"
            "1. Tổ chức tự đánh giá\na) Lập tổ công tác.\nb) Chấm điểm.\n2. Thẩm định\nSở Nội vụ thẩm định.\n")
    md = analyzed(head + "\n" + body).metadata
    assert md.subject == ("hướng dẫn tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2019 "
                          "của UBND cấp huyện")
    assert md.recipients == ["Ủy ban nhân dân các huyện"]
    # with no blank line to close it, a capitalised line is not taken into the block
    md = analyzed(head.replace("\ncủa UBND cấp huyện", "") + body).metadata
    assert md.subject == "hướng dẫn tự đánh giá, chấm điểm"


def test_a_vv_block_of_a_column_header_ends_at_the_national_motto():
    """Two header columns read one after the other: the V/v cell's capitalised second line
    belongs to it, and the motto that follows closes it as a blank line would."""
    text = ("ỦY BAN NHÂN DÂN\nHUYỆN KRÔNG BÔNG\nSố: 1187/UBND-VP\nV/v chấn chỉnh hoạt động của Bộ phận\n"
            "Một cửa cấp huyện, cấp xã\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Krông Bông, ngày 08 tháng 7 năm 2022\n\nKính gửi:\n- Các phòng, ban chuyên môn thuộc UBND huyện;\n"
            "- UBND các xã, thị trấn.\n\nThực hiện chỉ đạo của UBND tỉnh, UBND huyện yêu cầu:\n"
            "1. Bố trí công chức.\n2. Niêm yết công khai.\n")
    md = analyzed(text).metadata
    assert md.subject == "chấn chỉnh hoạt động của Bộ phận Một cửa cấp huyện, cấp xã"
    assert (md.place, md.date) == ("Krông Bông", "2022-07-08")
    assert md.recipients == ["Các phòng, ban chuyên môn thuộc UBND huyện", "UBND các xã, thị trấn"]


def test_signature_cells_of_a_markdown_table_around_its_rule_row():
    lay = analyzed("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG\nSố: 2317/UBND-NC\nHải Phòng, ngày 14 tháng 10 năm 2025\n"
                   "V/v cải cách hành chính\n\nNội dung công văn./.\n\n"
                   "| **Nơi nhận:** | **KT. CHỦ TỊCH** |\n|---|---|\n| - Như trên; | **PHÓ CHỦ TỊCH** |\n"
                   "| - Lưu: VT, NC. | |\n| | **Đỗ Minh Khiêm** |\n")
    md = lay.metadata
    assert (md.signer.authority, md.signer.title, md.signer.name) == ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Đỗ Minh Khiêm")
    assert md.distribution == ["Như trên", "Lưu: VT, NC"]


def test_a_place_date_cell_glued_to_the_first_body_paragraph_is_still_read():
    lay = analyzed("UBND TỈNH ĐỒNG THÁP\nSỞ NỘI VỤ\nSố: 1846/SNV-CCHC\nV/v đôn đốc thực hiện nhiệm vụ\n\n"
                   "Kính gửi: Các sở, ban, ngành tỉnh.\n\n"
                   "Đồng Tháp, ngày 08 tháng 9 năm 2025 Thực hiện Công văn số 3012/UBND-NC, Sở Nội vụ đề nghị:\n"
                   "1. Rà soát tiến độ.\n")
    md = lay.metadata
    assert (md.place, md.date) == ("Đồng Tháp", "2025-09-08")
    assert [it.path for it in lay.items] == ["1"]


def test_a_type_line_with_its_author_keeps_the_subject_below_it():
    # the Party form names the author on the type line; the subject is the "về …" lines under it
    text = ("TỈNH ỦY QUẢNG NGÃI\n*\nSố 125-KL/TU\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\n"
            "Quảng Ngãi, ngày 12 tháng 9 năm 2024\n\n"
            "KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY\nvề công tác cải cách hành chính\nnăm 2024\n\n"
            "Tại phiên họp ngày 05/9/2024, Ban Thường vụ Tỉnh ủy kết luận như sau:\n\n1. Đánh giá chung\n")
    md = extract_text(text).metadata
    assert md.subject == "về công tác cải cách hành chính năm 2024"
    assert md.doc_type == "other"
    # a type line that has an author still gives its type
    text2 = text.replace("KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY", "THÔNG BÁO CỦA BAN THƯỜNG VỤ TỈNH ỦY")
    assert extract_text(text2).metadata.doc_type == "thong_bao"


@pytest.mark.parametrize("lines,issuer,parent", [
    ("BỘ NÔNG NGHIỆP\nVÀ MÔI TRƯỜNG", "Bộ Nông nghiệp và Môi trường", None),
    ("BỘ LAO ĐỘNG -\nTHƯƠNG BINH VÀ XÃ HỘI", "Bộ Lao động - Thương binh và Xã hội", None),
    ("UBND TỈNH BẮC NINH\nSỞ NÔNG NGHIỆP\nVÀ PHÁT TRIỂN NÔNG THÔN", "Sở Nông nghiệp và Phát triển nông thôn",
     "UBND tỉnh Bắc Ninh"),
    ("UBND TỈNH HƯNG YÊN\nSỞ NỘI VỤ", "Sở Nội vụ", "UBND tỉnh Hưng Yên"),
    # a narrow column wraps both names; the last two words open no name of their own
    ("BỘ NÔNG NGHIỆP\nVÀ PHÁT TRIỂN NÔNG THÔN\nBAN CHỈ ĐẠO CẢI CÁCH\nHÀNH CHÍNH",
     "Ban Chỉ đạo cải cách hành chính", "Bộ Nông nghiệp và Phát triển nông thôn"),
    ("UBND TỈNH QUẢNG NAM\nCÔNG AN", "Công an", "UBND tỉnh Quảng Nam"),
    # a working group's name wrapped; the proper name in it keeps its capital
    ("UBND TỈNH AN GIANG\nTỔ CÔNG TÁC TRIỂN KHAI\nĐỀ ÁN 06 TỈNH", "Tổ công tác triển khai Đề án 06 tỉnh",
     "UBND tỉnh An Giang"),
    # an OCR'd head line without its marks stays the parent's, as printed
    ("Uy ban nhan dan\nTỈNH QUẢNG TRỊ\nVĂN PHÒNG", "Văn phòng", "Uy ban nhan dan tỉnh Quảng Trị"),
])
def test_an_issuer_name_wrapped_onto_the_next_line_is_one_name(lines, issuer, parent):
    text = (f"{lines}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 12/KH-BNNMT\nHà Nội, ngày 3 tháng 3 năm 2025\n\nKẾ HOẠCH\nCải cách hành chính năm 2025\n\n"
            "1. Văn phòng Bộ chủ trì.\n")
    md = extract_text(text).metadata
    assert (md.issuer, md.parent_issuer) == (issuer, parent)


def test_a_cong_dien_address_line_opens_its_recipients_like_kinh_gui():
    text = ("THỦ TƯỚNG CHÍNH PHỦ\nSố: 96/CĐ-TTg\nHà Nội, ngày 12 tháng 9 năm 2024\nCÔNG ĐIỆN\n"
            "Về tập trung khắc phục hậu quả bão số 3\n\nTHỦ TƯỚNG CHÍNH PHỦ điện:\n"
            "- Bộ trưởng các Bộ: Nội vụ, Tài chính;\n- Chủ tịch UBND các tỉnh, thành phố.\n\n"
            "Trong những ngày qua, bão số 3 gây thiệt hại lớn.\n1. Các Bộ khẩn trương hỗ trợ.\n"
            "2. Điện lực và Bưu điện khôi phục điện: trong ngày.\n")
    lay = analyzed(text)
    assert lay.metadata.recipients == ["Bộ trưởng các Bộ: Nội vụ, Tài chính", "Chủ tịch UBND các tỉnh, thành phố"]
    assert [kind for kind, _, _ in lay.segments].count("recipients") == 1
    # the recipients are no items; a line that only mentions "điện:" is no address line
    assert [i.label for i in lay.items] == ["1.", "2."]


def test_site_lines_above_a_header_whose_issuer_is_ruled_off_from_the_motto():
    text = ("Đăng nhập\nTrang chủ » Văn bản pháp luật\nKế hoạch 37/KH-UBND năm 2021 về cải cách hành chính\n"
            "Tải văn bản\nNgày ban hành: 03/02/2021\n\nỦY BAN NHÂN DÂN\nHUYỆN MỸ XUYÊN\n-------\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n"
            "Số: 37/KH-UBND\nMỹ Xuyên, ngày 03 tháng 02 năm 2021\n\nKẾ HOẠCH\nCải cách hành chính năm 2021\n\n"
            "1. Rà soát thủ tục.\n")
    md = analyzed(text).metadata
    assert (md.issuer, md.number) == ("Ủy ban nhân dân huyện Mỹ Xuyên", "37")


def test_a_sites_name_in_capitals_over_its_menu_is_no_issuer():
    text = ("CỔNG THÔNG TIN ĐIỆN TỬ TỈNH ĐẮK LẮK\nTrang chủ | Giới thiệu | Văn bản | Dịch vụ công\n"
            "Trang chủ » Văn bản\nNgày đăng: 15/08/2025 | Lượt xem: 1.284\n\nỦY BAN NHÂN DÂN\nTỈNH ĐẮK LẮK\n-------\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nSố: 3915/UBND-NC\n"
            "V/v đẩy mạnh dịch vụ công trực tuyến\n\nĐắk Lắk, ngày 14 tháng 8 năm 2025\n\nKính gửi: Các sở, ban, ngành.\n\n"
            "1. Rà soát thủ tục.\n")
    md = analyzed(text).metadata
    assert (md.issuer, md.number, md.date) == ("Ủy ban nhân dân tỉnh Đắk Lắk", "3915", "2025-08-14")


def test_a_vv_cell_beside_the_date_wraps_onto_the_next_line():
    text = ("BỘ KẾ HOẠCH VÀ ĐẦU TƯ              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Số: 8125/BKHĐT-PC\nV/v rà soát, cắt giảm thủ tục hành chính    Hà Nội, ngày 05 tháng 11 năm 2019\n"
            "và điều kiện đầu tư kinh doanh năm 2019\n\nKính gửi:\n- Các Bộ, cơ quan ngang Bộ;\n"
            "- Ủy ban nhân dân các tỉnh.\n\nThực hiện Nghị quyết, Bộ đề nghị:\n1. Rà soát điều kiện.\n")
    md = extract_text(text).metadata
    assert md.subject == "rà soát, cắt giảm thủ tục hành chính và điều kiện đầu tư kinh doanh năm 2019"
    assert md.recipients == ["Các Bộ, cơ quan ngang Bộ", "Ủy ban nhân dân các tỉnh"] and md.date == "2019-11-05"


@pytest.mark.parametrize("mark", ["HỎA TỐC", "KHẨN", "Thượng khẩn"])
def test_an_urgency_mark_under_the_vv_cell_is_no_part_of_the_subject(mark):
    text = ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG\nSố: 1/UBND-NC\nV/v triển khai Nghị quyết số 76/2025/UBTVQH15\n"
            f"{mark}\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Hải Phòng, ngày 22 tháng 4 năm 2025\n\nKính gửi: Sở Nội vụ.\n\nĐề nghị Sở Nội vụ báo cáo.\n")
    assert extract_text(text).metadata.subject == "triển khai Nghị quyết số 76/2025/UBTVQH15"


def test_the_youth_unions_banner_stands_in_the_mottos_place():
    text = ("BAN CHẤP HÀNH ĐOÀN TỈNH BẮC GIANG\n***\nSố: 142-KH/TĐTN-TNTH\nĐOÀN TNCS HỒ CHÍ MINH\n"
            "Bắc Giang, ngày 08 tháng 4 năm 2022\n\nKẾ HOẠCH\nTổ chức cho đoàn viên tham gia cải cách hành chính\n\n"
            "1. Các huyện, thành đoàn triển khai.\n")
    doc = extract_text(text)
    assert (doc.metadata.issuer, doc.metadata.subject) == (
        "Ban Chấp hành Đoàn tỉnh Bắc Giang", "Tổ chức cho đoàn viên tham gia cải cách hành chính")
    assert not [b for b in doc.bodies if "TNCS" in b.text]
    # the name inside the committee's own line is no banner
    assert analyzed("BCH ĐOÀN TNCS HỒ CHÍ MINH TỈNH BẮC GIANG\nSố: 1-KH/TĐTN\n").metadata.issuer == \
        "BCH Đoàn TNCS Hồ Chí Minh tỉnh Bắc Giang"


def test_a_vv_in_the_number_cell_of_a_flattened_header_is_the_subject():
    text = ("| ỦY BAN NHÂN DÂN HUYỆN TIÊN DU | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc |\n"
            "|---|---|\n| Số: 2146/UBND-VP V/v chấn chỉnh việc giải quyết hồ sơ quá hạn | Tiên Du, ngày 19 tháng 10 "
            "năm 2022 |\n\nKính gửi: UBND các xã.\n\n1. Rà soát hồ sơ quá hạn.\n")
    md = extract_text(text).metadata
    assert (md.number, md.symbol, md.subject, md.date) == (
        "2146", "UBND-VP", "chấn chỉnh việc giải quyết hồ sơ quá hạn", "2022-10-19")


def test_a_signature_whose_line_breaks_are_doubled_is_read_whole():
    doubled = ("UBND TỈNH VĨNH LONG\n\nSố: 5/TB-UBND\n\nThông báo.\n\n1. Sở Nội vụ báo cáo./.\n\n"
               "Nơi nhận:\n\n- Như trên;\n\n- Lưu: VT.\n\nTL. CHỦ TỊCH\n\nCHÁNH VĂN PHÒNG\n\nTrương Văn Lộc\n")
    s = extract_text(doubled).metadata.signer
    assert (s.authority, s.title, s.name) == ("TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "Trương Văn Lộc")
    # where lines follow each other, a blank line sets a concurrent office apart (corpus 003)
    single = doubled.replace("TL. CHỦ TỊCH\n\nCHÁNH VĂN PHÒNG\n\nTrương Văn Lộc", "TRƯỞNG BAN\n\nCHỦ TỊCH UBND TỈNH\nVõ Trọng Hải")
    assert extract_text(single).metadata.signer.title == "TRƯỞNG BAN"


def test_a_name_wrapped_by_a_narrow_column_is_one_issuer():
    text = ("VĂN PHÒNG CHÍNH PHỦ\nCỤC KIỂM SOÁT\nTHỦ TỤC HÀNH CHÍNH\nSố: 1187/KSTT-TH\n"
            "Hà Nội, ngày 20 tháng 12 năm 2021\n\nKính gửi: Văn phòng UBND các tỉnh.\n\n1. Rà soát.\n")
    md = extract_text(text).metadata
    assert (md.issuer, md.parent_issuer) == ("Cục Kiểm soát thủ tục hành chính", "Văn phòng Chính phủ")
    # a line opened by an abbreviation or a head word names a body of its own
    md = extract_text(text.replace("CỤC KIỂM SOÁT\nTHỦ TỤC HÀNH CHÍNH", "CỤC THUẾ TỈNH\nBHXH TỈNH")).metadata
    assert md.issuer == "BHXH tỉnh"


def test_a_rule_line_under_the_title_is_no_part_of_the_subject():
    text = ("HUYỆN ỦY CẨM XUYÊN\nSố 318-TB/HU\nCẩm Xuyên, ngày 09 tháng 10 năm 2024\n\nTHÔNG BÁO\n"
            "kết luận của Ban Thường vụ Huyện ủy về cải cách hành chính\nnhững tháng cuối năm 2024\n-----\n\n"
            "1. Đảng ủy các xã rà soát.\n")
    assert extract_text(text).metadata.subject == (
        "kết luận của Ban Thường vụ Huyện ủy về cải cách hành chính những tháng cuối năm 2024")


def test_a_signature_column_flattened_onto_the_noi_nhan_by_tabs():
    # a Word copy: each signature line rides on a Nơi nhận entry after a tab, the name included
    text = ("UBND TỈNH ĐẮK LẮK\nBAN CHỈ ĐẠO CCHC\nSố: 05/KH-BCĐ\n\nKẾ HOẠCH\nHoạt động năm 2024\n\n"
            "1. Sở Nội vụ theo dõi./.\n\nNơi nhận:\tKT. TRƯỞNG BAN\n- Bộ Nội vụ (b/c);\tPHÓ TRƯỞNG BAN\n"
            "- TT Tỉnh ủy, TT HĐND tỉnh;\n- Các thành viên Ban Chỉ đạo;\tGIÁM ĐỐC SỞ NỘI VỤ\n- Các sở, ban, ngành;\tNguyễn Thành Tâm\n"
            "- Lưu: VT, BCĐ.\n")
    doc = extract_text(text)
    s = doc.metadata.signer
    assert (s.authority, s.title, s.name) == ("KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Nguyễn Thành Tâm")
    assert doc.metadata.distribution[-2:] == ["Các sở, ban, ngành", "Lưu: VT, BCĐ"]
    # the concurrent office in the signature column is the signer's, no body given a task
    assert "SỞ NỘI VỤ" not in [b.text for b in doc.bodies]


def test_a_header_date_in_words():
    text = ("TỈNH ỦY QUẢNG TRỊ\nSố 12-TB/TU\nĐông Hà, ngày hai mươi mốt tháng Giêng năm 2021\n\n"
            "THÔNG BÁO\nKết luận của Ban Thường vụ\n\n1. Sở Nội vụ báo cáo.\n")
    md = extract_text(text).metadata
    assert (md.place, md.date) == ("Đông Hà", "2021-01-21")


def test_a_schools_name_is_cased_after_its_kind():
    assert sentence_case("TRƯỜNG THCS HOẰNG ĐẠO") == "Trường THCS Hoằng Đạo"
    assert sentence_case("TRƯỜNG TIỂU HỌC XÃ TÂN LẬP") == "Trường Tiểu học xã Tân Lập"
    assert sentence_case("VỤ GIÁO DỤC MẦM NON") == "Vụ Giáo dục mầm non"


def test_the_countrys_name_keeps_its_capitals():
    assert sentence_case("BẢO HIỂM XÃ HỘI VIỆT NAM") == "Bảo hiểm xã hội Việt Nam"


@pytest.mark.parametrize("line,name", [("Đại tướng Lê Quang Vinh", "Đại tướng Lê Quang Vinh"),
                                       ("PGS.TS. Trần Văn An", "PGS.TS. Trần Văn An")])
def test_a_rank_or_degree_before_the_signers_name_is_kept_as_printed(line, name):
    text = (f"BỘ QUỐC PHÒNG\nSố: 12/CT-BQP\nHà Nội, ngày 3 tháng 4 năm 2024\nCHỈ THỊ\nVề chuyển đổi số\n"
            f"1. Các cơ quan thực hiện.\nNơi nhận:\n- Lưu: VT.\nBỘ TRƯỞNG\n\n{line}\n")
    doc = extract_text(text)
    assert (doc.metadata.signer.title, doc.metadata.signer.name) == ("BỘ TRƯỞNG", name)


def test_markdown_star_bullets_list_the_recipients_and_the_distribution():
    lay = analyzed("**UBND TỈNH QUẢNG TRỊ**\n**VĂN PHÒNG**\n\nSố: 2847/VP-KSTT\nV/v xử lý hồ sơ trễ hạn\n\n"
                   "*Quảng Trị, ngày 10 tháng 11 năm 2025*\n\n**Kính gửi:**\n\n* Sở Nội vụ;\n* Sở Xây dựng.\n\n"
                   "Văn phòng UBND tỉnh truyền đạt ý kiến như sau:\n\n1. Sở Nội vụ tổng hợp.\n\n"
                   "**Nơi nhận:**\n* Như trên;\n* Lưu: VT, KSTT.\n\n**KT. CHÁNH VĂN PHÒNG**\n**PHÓ CHÁNH VĂN PHÒNG**\n\n**Lê Văn C**\n")
    md = lay.metadata
    assert md.recipients == ["Sở Nội vụ", "Sở Xây dựng"]
    assert md.distribution == ["Như trên", "Lưu: VT, KSTT"]


def test_subject_and_place_date_cells_on_one_pipe_row():
    lay = analyzed("| UBND TỈNH BẠC LIÊU\nVĂN PHÒNG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc |\n"
                   "| Số: 1186/VP-KSTT\nV/v nâng cao tỷ lệ hồ sơ trên Cổng Dịch vụ công quốc gia | Bạc Liêu, ngày 21 "
                   "tháng 4 năm 2025 |\n\nKính gửi: Các sở, ban, ngành tỉnh.\n\nNội dung công văn./.\n")
    md = lay.metadata
    assert (md.place, md.date) == ("Bạc Liêu", "2025-04-21")
    assert md.subject == "nâng cao tỷ lệ hồ sơ trên Cổng Dịch vụ công quốc gia"


def test_signature_cell_on_the_first_list_line_goes_on_under_the_list():
    lay = analyzed("ỦY BAN NHÂN DÂN\nHUYỆN ĐIỆN BIÊN ĐÔNG\n\nSố: 45/KH-UBND\n\nĐiện Biên Đông, ngày 3 tháng 4 năm 2024\n\n"
                   "KẾ HOẠCH\nCải cách hành chính\n\n1. Các phòng triển khai.\n\nNơi nhận:\n"
                   "- Sở Nội vụ tỉnh Điện Biên (b/c);\tTM. ỦY BAN NHÂN DÂN\n- UBND các xã, thị trấn;\n- Lưu: VT, VP.\n\n"
                   "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nLò Văn Tiến\n")
    sg = lay.metadata.signer
    assert (sg.authority, sg.title, sg.name) == ("TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lò Văn Tiến")
    assert lay.metadata.distribution[0] == "Sở Nội vụ tỉnh Điện Biên (b/c)"


def test_a_sites_metadata_table_with_two_pairs_a_row_is_no_header():
    # "| Số hiệu: | 7815/BGTVT-VP | Loại văn bản: | Công văn |": the site's table above the document,
    # not its header (its "Số hiệu:" was read as the number line, and the real header as the body)
    from cchc_extract.pipeline import extract_text

    text = "\n".join([
        "THƯ VIỆN PHÁP LUẬT - Cơ sở dữ liệu văn bản pháp luật", "Thuộc tính văn bản",
        "| Số hiệu: | 7815/BGTVT-VP | Loại văn bản: | Công văn |",
        "| Nơi ban hành: | Bộ Giao thông vận tải | Người ký: | Lê Đình Thọ |",
        "| Ngày ban hành: | 02/08/2024 | Ngày hiệu lực: | Đã biết |", "",
        "BỘ GIAO THÔNG VẬN TẢI", "-------", "Số: 7815/BGTVT-VP",
        "V/v đẩy mạnh cải cách thủ tục hành chính trong lĩnh vực đăng kiểm",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Hà Nội, ngày 02 tháng 8 năm 2024", "",
        "Kính gửi:", "- Cục Đăng kiểm Việt Nam.", "",
        "Bộ Giao thông vận tải yêu cầu thực hiện các nội dung sau:", "",
        "1. Rà soát quy trình kiểm định, hoàn thành trước ngày 30/9/2024.", ""])
    meta = extract_text(text).metadata
    assert (meta.number, meta.date, meta.place) == ("7815", "2024-08-02", "Hà Nội")
    assert meta.subject == "đẩy mạnh cải cách thủ tục hành chính trong lĩnh vực đăng kiểm"
    assert meta.recipients == ["Cục Đăng kiểm Việt Nam"]
