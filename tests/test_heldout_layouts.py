"""Layouts and phrasings met outside the corpus (hand-written, not corpus copies)."""
from __future__ import annotations

from cchc_extract.pipeline import extract_text

SIDE_BY_SIDE = """ỦY BAN NHÂN DÂN TỈNH NGHỆ AN        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
VĂN PHÒNG                            Độc lập - Tự do - Hạnh phúc
Số: 215/TB-VPUB                      Nghệ An, ngày 18 tháng 9 năm 2024

THÔNG BÁO
Kết luận của Chủ tịch UBND tỉnh tại cuộc họp về công tác cải cách hành chính

Ngày 12/9/2024, đồng chí Chủ tịch UBND tỉnh chủ trì cuộc họp về công tác cải cách hành chính. Chủ tịch UBND tỉnh kết luận như sau:

1. Giao Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp tham mưu xây dựng Kế hoạch, hoàn thành trước 30/10/2024.

2. Thống nhất chủ trương theo Chương trình số 05-CTr/TU ngày 02/3/2021 của Tỉnh ủy.

Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.

Nơi nhận:                                     KT. CHÁNH VĂN PHÒNG
- Chủ tịch, các PCT UBND tỉnh;                 PHÓ CHÁNH VĂN PHÒNG
- Các sở, ban, ngành cấp tỉnh;
- Lưu: VT, NC.                                  Lê Văn Hòa
"""


def test_signer_name_in_the_right_column_of_the_last_noi_nhan_line():
    doc = extract_text(SIDE_BY_SIDE)
    assert doc.metadata.signer.name == "Lê Văn Hòa"
    assert doc.metadata.signer.authority == "KT. CHÁNH VĂN PHÒNG"
    assert doc.metadata.distribution[-1] == "Lưu: VT, NC"


def test_chairing_a_meeting_is_not_a_task():
    doc = extract_text(SIDE_BY_SIDE)
    by_item = {d.item: d for d in doc.directives}
    assert "preamble" not in by_item
    assert [b.text for b in by_item["1"].lead] == ["Sở Nội vụ"]
    assert [b.text for b in by_item["1"].support] == ["Sở Tư pháp"]
    # item 2 names nobody and asks nothing of anyone: no lead is invented for it
    assert "2" not in by_item or not by_item["2"].lead


def test_bare_district_committee_and_member_positions():
    doc = extract_text("Điều 1. Thành lập Tổ công tác, gồm:\n"
                       "1. Ông Trần Văn An, Phó Chủ tịch UBND huyện, Tổ trưởng;\n"
                       "2. Bà Lê Thị Bình, Trưởng phòng Nội vụ, Tổ phó.\n")
    assert [(b.text, b.level) for b in doc.bodies] == [("UBND huyện", "district"), ("phòng Nội vụ", "district")]


def test_a_running_header_with_its_page_is_a_page_break():
    doc = extract_text("1. Sở Nội vụ tổ chức kiểm tra công tác cải cách hành chính tại ít nhất 12 cơ quan.\n"
                       "Kế hoạch số 45/KH-UBND ngày 08/3/2022 - Trang 2/4\n"
                       "2. Giao Sở Tài chính bố trí kinh phí.\nTrang 3/4\n3. Sở Tư pháp theo dõi.\n")
    assert [i.path for i in doc.items] == ["1", "2", "3"]
    assert "Trang" not in doc.items[0].text and "Trang" not in doc.items[1].text


def test_markdown_headings_blockquotes_and_pandoc_notes():
    # a letter exported by a markdown converter: "## 1." headings, a "> 1." quoted list, "[^1]" notes
    doc = extract_text("Kính gửi: Các sở, ban, ngành tỉnh.\n\nThực hiện Công điện của Thủ tướng[^1], UBND tỉnh "
                       "yêu cầu:\n\n## 1. Về rà soát thủ tục\n\n### a) Công bố danh mục\n\nSở Tư pháp chủ trì.\n\n"
                       "## 2. Về kỷ luật\n\n> a) Không để hồ sơ quá hạn.\n\nNơi nhận:\n- Như trên;\n\n"
                       "[^1]: Công điện số 142/CĐ-TTg ngày 28/8/2025.\n")
    assert [i.path for i in doc.items] == ["1", "1/a", "2", "2/a"]
    assert doc.items[0].text.startswith("1. Về rà soát") and doc.items[3].text.startswith("a) Không để")
    assert [(f.marker, f.text) for f in doc.footnotes] == [("1", "Công điện số 142/CĐ-TTg ngày 28/8/2025.")]


def test_a_page_number_line_inside_a_paragraph_is_a_page_break():
    doc = extract_text("1. Chủ tịch UBND các huyện chỉ đạo rà soát, báo cáo kết quả về Sở Nội vụ để tổng hợp, "
                       "báo cáo UBND\n\n2\n\ntỉnh.\n\n2. Giao Sở Nội vụ theo dõi, kiểm tra.\n"
                       "\n- 3 -\n\n3. Sở Tài chính bố trí kinh phí.\n")
    assert [i.path for i in doc.items] == ["1", "2", "3"]
    assert doc.items[0].text.endswith("báo cáo UBND tỉnh.")
    assert "3 -" not in doc.items[1].text


def test_the_issuers_name_repeated_at_a_pages_top_is_page_furniture():
    head = ("BỘ KHOA HỌC VÀ CÔNG NGHỆ\nSố: 2150/BKHCN-CĐS\nHà Nội, ngày 12 tháng 8 năm 2025\n\n"
            "Kính gửi: Ủy ban nhân dân các tỉnh, thành phố.\n\n")
    body = ("1. Các sở rà soát dữ liệu, không yêu cầu người dân\n\n2\nBỘ KHOA HỌC VÀ CÔNG NGHỆ\n\n"
            "cung cấp lại giấy tờ đã có trong cơ sở dữ liệu.\n\n2. Sở Nội vụ theo dõi.\n")
    doc = extract_text(head + body)
    assert [i.path for i in doc.items] == ["1", "2"]
    # the sentence the page break cut is read whole, without the page's furniture
    assert doc.items[0].text.endswith("không yêu cầu người dân cung cấp lại giấy tờ đã có trong cơ sở dữ liệu.")
    assert [b.text for b in doc.bodies if b.span[0] > len(head)] == ["Các sở", "Sở Nội vụ"]
    # a capitals line after a page number that repeats no header line is content: the break stays
    other = extract_text(head + body.replace("BỘ KHOA HỌC VÀ CÔNG NGHỆ\n\ncung", "PHỤ LỤC\n\ncung"))
    assert other.items[0].text.endswith("không yêu cầu người dân")


def test_a_chat_copys_pictographs_mark_bullets_or_decorate_a_label():
    # a letter pasted from Zalo: "📌 1." is item 1 (the pictograph only decorates its label, and the
    # item starts at the label); "🔹" and "✅" open bullets, pathed as dashes are
    text = ("Chủ tịch UBND phường yêu cầu:\n📌 1. Trung tâm Phục vụ hành chính công phường:\n"
            "🔹 Rà soát toàn bộ hồ sơ quá hạn.\n🔹 Bố trí công chức hướng dẫn người dân.\n"
            "📌 2. Ban điều hành các khu phố:\n✅ Thông báo đến từng hộ dân.\n")
    doc = extract_text(text)
    assert [(i.label, i.path) for i in doc.items] == [
        ("1.", "1"), ("🔹", "1/-1"), ("🔹", "1/-2"), ("2.", "2"), ("✅", "2/-1")]
    assert doc.items[0].text.startswith("1. Trung tâm")
    ds = {d.item: d for d in doc.directives}
    assert [b.text for b in ds["1/-2"].lead] == ["Trung tâm Phục vụ hành chính công phường"]
    # a degree sign or a copyright sign is no bullet (pictographs start at the arrows' block)
    assert [i.label for i in extract_text("° Nhiệt độ.\n© Bản quyền.\n").items] == []


def test_a_list_restarted_before_a_skipped_number_is_under_its_lost_heading():
    # "II." with 1-2, then a list restarting at "1." with no heading, then "IV.": the heading "III." was
    # lost, and its items are pathed under it (13 held-out golds of pasted and scraped copies so read)
    text = ("KẾ HOẠCH\nCải cách hành chính năm 2024\n\nI. MỤC ĐÍCH\n1. Nâng cao chất lượng dịch vụ.\n"
            "II. CHỈ TIÊU\n1. 100% thủ tục được công khai.\n2. 90% hồ sơ trực tuyến.\n"
            "1. Văn phòng Bộ\na) Rà soát thủ tục.\nb) Công khai thủ tục.\n2. Vụ Pháp chế rà soát văn bản.\n"
            "IV. TỔ CHỨC THỰC HIỆN\n1. Các đơn vị báo cáo kết quả.\n")
    doc = extract_text(text)
    assert [i.path for i in doc.items] == ["I", "I/1", "II", "II/1", "II/2", "III/1", "III/1/a", "III/1/b",
                                           "III/2", "IV", "IV/1"]
    assert [i.parent for i in doc.items if i.path.startswith("III/1/")] == ["III/1", "III/1"]
    assert any(w.code == "W203" and "lost heading III" in (w.message or "") for w in doc.warnings)
    # with no number skipped after it, the restarted list stays where it was, made unique
    kept = extract_text(text.replace("IV. TỔ CHỨC", "III. TỔ CHỨC").replace("\n1. Các đơn vị", "\n1. Các đơn vị"))
    assert "III/1" not in [i.path for i in kept.items][:9] and "II/1~2" in [i.path for i in kept.items]


def test_an_email_forwards_own_instruction_is_the_preamble_task():
    wrapper = ("From: Văn phòng HĐND và UBND huyện Đức Hòa <vp@longan.gov.vn>\nSent: Monday, November 18, 2024\n"
               "To: Phòng Nội vụ huyện Đức Hòa <pnv@longan.gov.vn>\nSubject: FW: V/v chấm điểm Chỉ số CCHC\n\n"
               "Kính chuyển Phòng Nội vụ Công văn số 4127/SNV-CCHC ngày 15/11/2024 của Sở Nội vụ.\n"
               "{note}\nTrân trọng,\nLê Thị Trâm\n\n")
    letter = ("UBND TỈNH LONG AN\nSỞ NỘI VỤ\nSố: 4127/SNV-CCHC\nLong An, ngày 15 tháng 11 năm 2024\n\n"
              "Kính gửi: Ủy ban nhân dân các huyện.\n\nSở Nội vụ đề nghị Ủy ban nhân dân các huyện thực hiện "
              "các nội dung sau:\n\n1. Tự đánh giá, chấm điểm Chỉ số CCHC năm 2024.\n")
    note = ("Thừa lệnh Phó Chủ tịch UBND huyện: giao Phòng Nội vụ chủ trì, phối hợp với Bộ phận Một cửa huyện "
            "tham mưu thực hiện.")
    ds = {d.item: d for d in extract_text(wrapper.format(note=note) + letter).directives}
    assert ([b.text for b in ds["preamble"].lead], [b.text for b in ds["preamble"].support]) == (
        ["Phòng Nội vụ"], ["Bộ phận Một cửa huyện"])
    assert [b.text for b in ds["1"].lead] == ["Ủy ban nhân dân các huyện"]    # the letter's items keep theirs
    # a note that only passes the letter on sets no task
    ds = {d.item: d for d in extract_text(wrapper.format(note="Đề nghị xem xét.") + letter).directives}
    assert "preamble" not in ds
