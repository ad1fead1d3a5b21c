"""Tables whose columns are aligned with runs of spaces (a PDF converted with its layout kept)."""
from cchc_extract.space_tables import segments, space_rows
from cchc_extract.tables import header_columns

TABLE = (
    "Nhiệm vụ cụ thể như sau:\n"
    "\n"
    "STT  Nhiệm vụ                       Cơ quan chủ trì      Cơ quan phối hợp    Thời gian\n"
    "                                                                             hoàn thành\n"
    "1    Rà soát quy trình, cung cấp    Văn phòng UBND tỉnh  Sở Tư pháp;         Quý I/2026\n"
    "     dịch vụ công trực tuyến                             các sở, ngành\n"
    "2    Số hóa hồ sơ tại Bộ phận Một   Sở Nội vụ            UBND các xã         Quý II/2026\n"
    "     cửa cấp xã\n"
    "\n"
    "IV. TỔ CHỨC THỰC HIỆN\n"
)


def _texts(text, rows):
    return [[text[a:b] for a, b in cells] for _, _, cells in rows]


def test_segments_split_at_two_spaces_or_more():
    assert segments("STT  Nhiệm vụ   Cơ quan chủ trì ") == [(0, 3), (5, 13), (16, 31)]
    assert segments("   a b") == [(3, 6)]
    assert segments("") == []


def test_header_wrapped_over_two_lines_and_rows_split_by_column():
    [(rows, head)] = space_rows(TABLE, header_columns)
    assert head == ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]
    assert header_columns(head)["deadline"] == 4
    texts = _texts(TABLE, rows[1:])
    assert texts[0] == ["1", "Rà soát quy trình, cung cấp", "Văn phòng UBND tỉnh", "Sở Tư pháp;", "Quý I/2026"]
    assert texts[1] == ["", "dịch vụ công trực tuyến", "", "các sở, ngành", ""]
    assert texts[3] == ["", "cửa cấp xã", "", "", ""]
    assert len(rows) == 5                      # the header's first line and four lines: the blank line ends it
    assert TABLE[rows[-1][0]:rows[-1][1]] == "     cửa cấp xã"


def test_crlf_lines_keep_their_offsets():
    text = TABLE.replace("\n", "\r\n")
    [(rows, _)] = space_rows(text, header_columns)
    assert [text[a:b] for a, b in rows[1][2]][:3] == ["1", "Rà soát quy trình, cung cấp", "Văn phòng UBND tỉnh"]
    assert all(text[e] == "\r" for _, e, _ in rows[1:])


def test_text_left_of_the_columns_ends_the_table():
    text = TABLE.replace("\n\nIV.", "\nIV.").replace("     cửa cấp xã\n", "")
    text = text.replace("                                                                             hoàn thành\n", "")
    text = text.replace("\nIV.", "\n  Ghi chú: các cơ quan báo cáo\nIV.")
    [(rows, _)] = space_rows(text, header_columns)
    assert _texts(text, rows[-1:])[0][0] == "2"


def test_prose_with_wide_gaps_or_no_responsible_column_is_no_table():
    prose = "Các nội dung   cần thực hiện   gồm có   ba phần\n1    Rà soát    quy trình    Quý I\n"
    assert space_rows(prose, header_columns) == []
    visits = "STT  Đơn vị được kiểm tra   Thời gian\n1    Sở Tư pháp             Quý I/2026\n"
    assert space_rows(visits, header_columns) == []
    assert space_rows("Không có bảng nào.", header_columns) == []


def test_rows_of_a_space_aligned_table_are_items_with_their_lead_and_support():
    from cchc_extract import extract

    doc = extract("ỦY BAN NHÂN DÂN TỈNH AN GIANG\nSố: 27/KH-UBND\nAn Giang, ngày 20 tháng 01 năm 2026\n\n"
                  "KẾ HOẠCH\nChuyển đổi số năm 2026\n\nIII. NHIỆM VỤ\n\n" + TABLE)
    rows = {it.path: it for it in doc.items if it.path.startswith("III/")}
    assert sorted(rows) == ["III/1", "III/2"]
    by_item = {d.item: d for d in doc.directives}
    assert [b.text for b in by_item["III/1"].lead] == ["Văn phòng UBND tỉnh"]
    assert [b.text for b in by_item["III/1"].support] == ["Sở Tư pháp", "các sở, ngành"]
    assert [b.text for b in by_item["III/2"].lead] == ["Sở Nội vụ"]
    assert any(dl.text == "Quý II/2026" and dl.item == "III/2" for dl in doc.deadlines)


def test_centred_header_blank_lines_and_a_page_footer_between_rows():
    text = ("  STT          Nội dung            Đơn vị chủ trì       Thời hạn\n"
            "\n"
            "  1   Đặt lịch kiểm định trực      Cục Đăng kiểm        Quý IV/2024\n"
            "      tuyến tại các đơn vị\n"
            "\n"
            "                               Trang 1/2\n"
            "\f  2   Cung cấp dịch vụ công        Thanh tra Bộ         Hằng quý\n"
            "\n"
            "        3. Giao Văn phòng Bộ chủ trì theo dõi, đôn đốc các đơn vị thực hiện Công văn này.\n")
    [(rows, head)] = space_rows(text, header_columns)
    assert head == ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn"]
    texts = _texts(text, rows[1:])
    assert [t[0] for t in texts] == ["1", "", "2"]            # the footer and the labelled paragraph are not rows
    assert texts[0][1:] == ["Đặt lịch kiểm định trực", "Cục Đăng kiểm", "Quý IV/2024"]
    assert texts[2][1:] == ["Cung cấp dịch vụ công", "Thanh tra Bộ", "Hằng quý"]
