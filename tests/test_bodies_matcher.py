"""Behaviour of the bodies matcher on small hand-written inputs."""
from __future__ import annotations

import time

import pytest

from cchc_extract.matchers import MatchContext
from cchc_extract.matchers.bodies import find
from cchc_extract.normalize import normalize
from cchc_extract.rules import RuleSet
from cchc_extract.structure import Layout


def bodies(text: str, layout=None) -> list[tuple[str, dict]]:
    norm = normalize(text)
    ctx = MatchContext(norm=norm, rules=RuleSet({}, {}, {}, None), layout=layout)
    out = []
    for f in find(ctx):
        s, e = norm.to_original(f.start, f.end)
        out.append((text[s:e], f.fields))
    return out


def texts(text: str, layout=None) -> list[str]:
    return [t for t, _ in bodies(text, layout)]


def test_leading_positions_are_not_part_of_the_body():
    assert texts("Chủ tịch UBND tỉnh chỉ đạo") == ["UBND tỉnh"]
    assert texts("Giám đốc Sở Nội vụ báo cáo") == ["Sở Nội vụ"]
    assert texts("Lãnh đạo VP UBND tỉnh") == ["VP UBND tỉnh"]
    assert texts("Chỉ thị của Thủ tướng Chính phủ") == ["Thủ tướng Chính phủ"]


def test_old_tone_placement_and_capitals_keep_the_original_text():
    found = bodies("giao Uỷ ban nhân dân tỉnh và UỶ BAN NHÂN DÂN huyện Văn Lâm")
    assert [t for t, _ in found] == ["Uỷ ban nhân dân tỉnh", "UỶ BAN NHÂN DÂN huyện Văn Lâm"]
    assert found[0][1]["canonical"] == "Ủy ban nhân dân tỉnh"
    assert found[1][1]["level"] == "district"


def test_a_list_is_split_at_the_kind_boundary():
    got = texts("Thủ trưởng các sở, ban, ngành, đơn vị sự nghiệp công lập trực thuộc UBND tỉnh; "
                "Chủ tịch UBND các huyện, thị xã, thành phố")
    assert got == ["các sở, ban, ngành", "đơn vị sự nghiệp công lập trực thuộc UBND tỉnh",
                   "UBND các huyện, thị xã, thành phố"]


def test_levels_and_groups():
    found = dict(bodies("các cơ quan, đơn vị, địa phương; Ban Thường vụ Tỉnh ủy; "
                        "các đơn vị sự nghiệp công lập trên địa bàn tỉnh; UBND cấp huyện, cấp xã"))
    assert found["các cơ quan, đơn vị, địa phương"]["level"] == "other"
    assert found["các cơ quan, đơn vị, địa phương"]["group"] is True
    assert found["Ban Thường vụ Tỉnh ủy"]["level"] == "party"
    assert found["Ban Thường vụ Tỉnh ủy"]["group"] is False
    assert found["các đơn vị sự nghiệp công lập trên địa bàn tỉnh"]["level"] == "other"  # locality, not level
    assert found["UBND cấp huyện, cấp xã"]["level"] == "other"                           # two levels


def test_systems_portals_people_and_abstract_authority_are_not_bodies():
    assert texts("cập nhật Hệ thống thông tin báo cáo Chính phủ") == []
    assert texts("trên Cổng Dịch vụ công quốc gia; Chỉ số PAPI, Chỉ số CCHC") == []
    assert texts("cán bộ, công chức; người dân, doanh nghiệp; cấp có thẩm quyền") == []
    # the same words outside a system name are a body
    assert texts("báo cáo theo yêu cầu của Chính phủ tại Nghị định") == ["Chính phủ"]


def test_header_issuer_signature_and_filing_lines_are_skipped():
    doc = ("ỦY BAN NHÂN DÂN\nTỈNH HƯNG YÊN\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
           "Số: 12/UBND-NC\n\nKính gửi: Sở Nội vụ.\n\nỦy ban nhân dân tỉnh yêu cầu thực hiện./.\n\n"
           "Nơi nhận:\n- Như trên;\n- UBND tỉnh;\n- Lưu: VT, UBND.\n\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\n"
           "PHÓ CHỦ TỊCH\n\nNguyễn Văn A\n")
    assert texts(doc) == ["Sở Nội vụ", "Ủy ban nhân dân tỉnh", "UBND tỉnh"]


def test_layout_segments_are_used_when_present():
    doc = "Sở Nội vụ chủ trì; Sở Tư pháp phối hợp"
    layout = Layout(segments=[("issuer", 0, 9), ("signature", 30, 31)])
    assert texts(doc, layout) == ["Sở Tư pháp"]


def test_elliptical_department_names_in_an_enumeration():
    got = texts("Các sở, ngành: Công Thương, Giáo dục và Đào tạo, Công an tỉnh.")
    assert got == ["Công Thương", "Giáo dục và Đào tạo", "Công an tỉnh"]


def test_odd_input_never_crashes_and_stays_fast():
    assert texts("") == []
    assert texts("\x00\ufffd||**") == []
    # long comma lists must not be re-matched from every member (that would be quadratic)
    for piece in ("cơ quan, ", "sở, ngành, ", "huyện ủy, ", "Ban Chỉ đạo ", "Trung tâm Phục vụ "):
        t = time.process_time()
        bodies(piece * 20000)
        assert time.process_time() - t < 3.0, piece


def test_a_name_wrapped_over_two_lines_is_one_body():
    assert texts("giao Ủy ban nhân\ndân tỉnh chủ trì; Sở Thông tin và\nTruyền thông phối hợp") == [
        "Ủy ban nhân\ndân tỉnh", "Sở Thông tin và\nTruyền thông"]
    # a place name cut by a hard wrap, its rest followed by a stop or a comma
    text = ("Trên đây là Kế hoạch chuyển đổi số năm 2026 của Ủy ban nhân dân xã Mỹ\nLệ. Trong quá trình thực "
            "hiện, các cơ quan, đơn vị của huyện Hướng Hóa phản ánh về Ủy ban nhân dân huyện Hướng\nHóa, để xử lý.")
    assert texts(text)[0] == "Ủy ban nhân dân xã Mỹ\nLệ" and texts(text)[-1] == "Ủy ban nhân dân huyện Hướng\nHóa"


def test_header_and_signature_are_found_without_line_breaks():
    doc = ("ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Số: 12/UBND-NC "
           "Kính gửi: Sở Nội vụ. Nơi nhận: - UBND tỉnh; - Lưu: VT. TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH Nguyễn Văn A")
    assert texts(doc) == ["Sở Nội vụ", "UBND tỉnh"]


def test_a_bullet_starting_with_luu_y_is_not_a_filing_line():
    assert texts("- Lưu ý các sở, ban, ngành thực hiện") == ["các sở, ban, ngành"]


def test_the_enacting_authority_of_a_decision_is_not_a_body():
    # the ALL-CAPS line above the grounds ("Căn cứ ...") restates the issuer, as the header does
    doc = ("QUYẾT ĐỊNH\nVề việc phê duyệt Kế hoạch\n\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG\n\n"
           "Căn cứ Luật Tổ chức chính quyền địa phương;\nTheo đề nghị của Giám đốc Sở Nội vụ.\n\n"
           "Điều 3. Chánh Văn phòng UBND tỉnh thi hành Quyết định này.\n")
    assert texts(doc) == ["Sở Nội vụ", "Văn phòng UBND tỉnh"]
    # the same name as a sentence's subject above the grounds is still a body
    assert texts("Ủy ban nhân dân tỉnh ban hành\nCăn cứ Luật") == ["Ủy ban nhân dân tỉnh"]
    # a council's resolution prints its term and session between the authority and the grounds
    council = ("NGHỊ QUYẾT\nVề kết quả giám sát\n\nHỘI ĐỒNG NHÂN DÂN TỈNH QUẢNG BÌNH\nKHÓA XVIII, KỲ HỌP THỨ 9\n\n"
               "Căn cứ Luật Tổ chức chính quyền địa phương;\n\nĐiều 2. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện.\n")
    assert texts(council) == ["Ủy ban nhân dân tỉnh"]


def test_a_locality_does_not_run_onto_a_capitalised_next_line():
    doc = "3. Văn phòng HĐND và UBND huyện\nChủ trì tổng hợp báo cáo."
    assert texts(doc) == ["Văn phòng HĐND và UBND huyện"]
    # a place name on the same line is still part of the name
    assert texts("Văn phòng HĐND và UBND huyện Mộ Đức chủ trì") == ["Văn phòng HĐND và UBND huyện Mộ Đức"]


def test_the_party_filing_line_names_no_body():
    doc = "Nơi nhận:\n- Ban Tổ chức Trung ương,\n- Lưu Văn phòng Tỉnh ủy.\n"
    assert texts(doc) == ["Ban Tổ chức Trung ương"]


def test_an_abbreviated_ministry_list_in_a_distribution_list_is_not_taken_for_a_signature():
    from cchc_extract import extract

    text = ("1. Giao Bộ Tài chính chủ trì.\n\nNơi nhận:\n- Thủ tướng Chính phủ;\n"
            "- Các Bộ: TC, KH&ĐT, TP, NV;\n- Lưu: VT, KTTH.\n\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nNGUYỄN VĂN AN\n")
    found = [(b.text, b.level) for b in extract(text).bodies]
    assert [t for t, lvl in found if lvl == "central" and len(t) <= 5] == ["TC", "KH&ĐT", "TP", "NV"]
    assert not any("NGUYỄN" in t or t in ("VT", "KTTH") for t, _ in found)


def test_a_recipient_in_capitals_is_no_signature_but_a_right_column_signer_is():
    text = ("1. Giao Sở Nội vụ chủ trì.\n\nNơi nhận:\n- Chủ tịch, các PCT UBND TP;\n"
            "- UBND TP;\n- Sở Tư pháp;                  KT. CHỦ TỊCH\n- Lưu: VT, NC.            PHÓ CHỦ TỊCH\n"
            "\nNGUYỄN VĂN AN\n")
    found = texts(text)
    assert found.count("UBND TP") == 2
    assert not any("CHỦ TỊCH" in t or "NGUYỄN" in t for t in found)


def test_a_bloc_of_units_names_the_group():
    # a ranking's blocs ("khối sở, ban, ngành", "Khối UBND huyện, thành phố") are the group's name
    text = "Điểm trung bình khối sở, ban, ngành đạt 83,36 điểm, Khối UBND huyện, thành phố đạt 82,51 điểm."
    assert texts(text) == ["khối sở, ban, ngành", "Khối UBND huyện, thành phố"]
    assert texts("Sở Nội vụ khối thi đua") == ["Sở Nội vụ"]


@pytest.mark.parametrize("text, body, level", [
    # the issuer named short is at the issuer's level
    ("TỔNG CỤC THUẾ\nCỤC THUẾ TỈNH NGHỆ AN\nSố: 315/KH-CT\nNghệ An, ngày 08 tháng 3 năm 2022\n\n"
     "KẾ HOẠCH\nCải cách thủ tục hành chính thuế năm 2022\n\n"
     "1. Lãnh đạo Cục Thuế chỉ đạo các phòng rà soát thủ tục.\n", "Cục Thuế", "province"),
    # "BẢO HIỂM XÃ HỘI VIỆT NAM" holds no level word: the gazetteer's own level of the name counts
    ("BẢO HIỂM XÃ HỘI VIỆT NAM\nSố: 486/BHXH-CNTT\nHà Nội, ngày 14 tháng 02 năm 2025\n\n"
     "Kính gửi: Bảo hiểm xã hội các tỉnh, thành phố.\n\n"
     "1. Trung tâm Công nghệ thông tin nâng cấp Cổng Dịch vụ công.\n", "Trung tâm Công nghệ thông tin", "central"),
])
def test_the_issuers_own_units_are_at_the_issuers_level(text, body, level):
    from cchc_extract.pipeline import extract_text

    levels = {b.text: b.level for b in extract_text(text).bodies}
    assert levels[body] == level


def test_a_person_the_document_names_elsewhere_is_no_part_of_the_body_his_office_names():
    text = ("Kết luận của Phó Chủ tịch UBND huyện Danh Hoàng Sơn tại buổi kiểm tra.\n"
            "Đoàn do đồng chí Danh Hoàng Sơn, Phó Chủ tịch UBND huyện làm Trưởng đoàn.")
    assert texts(text)[0] == "UBND huyện"
    # a name the document gives no person keeps its place in the body
    assert texts("Kết luận của Phó Chủ tịch UBND huyện Danh Hoàng Sơn tại buổi kiểm tra.")[0] \
        == "UBND huyện Danh Hoàng Sơn"


def test_a_holders_name_after_the_body_his_office_names_is_no_part_of_it():
    assert texts("Chủ trì: đồng chí Phó Chủ tịch UBND huyện Nguyễn Văn Tâm.") == ["UBND huyện"]
    assert texts("làm việc với UBND huyện Trần Văn Thời.") == ["UBND huyện Trần Văn Thời"]   # a place so named
    # a three-word name opened by a family name, after the holder's office
    assert texts("Phó Chủ tịch Ủy ban nhân dân Thành phố Phạm Minh Tuấn kết luận.") == ["Ủy ban nhân dân Thành phố"]
    assert texts("Phó Chủ tịch Ủy ban nhân dân Thành phố Hồ Chí Minh kết luận.") == [
        "Ủy ban nhân dân Thành phố Hồ Chí Minh"]                                    # a city named after a person


def test_the_standing_agency_is_a_body_by_its_role_but_not_after_its_name_or_in_a_role_statement():
    names = [t for t, _ in bodies("b) Cơ quan thường trực Ban Chỉ đạo (Sở Nội vụ): chủ trì tổng hợp.")]
    assert names == ["Cơ quan thường trực Ban Chỉ đạo (Sở Nội vụ)"]
    # "là …" says the agency's role; "X - Cơ quan thường trực …" is X's own tail
    for text in ("Sở Nội vụ là Cơ quan thường trực Ban Chỉ đạo.",
                 "Giao Vụ Tổ chức cán bộ - Cơ quan thường trực Ban Chỉ đạo tổng hợp."):
        assert not [t for t, _ in bodies(text) if t.startswith("Cơ quan thường trực")], text


def test_a_unit_dash_parent_name_ends_at_its_sentence():
    # "X - Sở Y" / "X - Bộ Y" is one body (rules/bodies.yaml), but not across a sentence's end and a
    # bulleted line, which the matcher sees flattened to " - "
    assert texts("gửi Văn phòng Ủy ban nhân dân tỉnh trước ngày 31/10/2025.\n\n- Sở Khoa học và Công nghệ "
                 "chủ trì") == ["Văn phòng Ủy ban nhân dân tỉnh", "Sở Khoa học và Công nghệ"]
    assert texts("báo cáo Văn phòng Chính phủ trước ngày 15/12/2025.\n- Bộ Tài chính chủ trì") == [
        "Văn phòng Chính phủ", "Bộ Tài chính"]


def test_some_of_a_group_in_a_report_is_no_body():
    assert texts("Một số cấp ủy, người đứng đầu chưa quan tâm; một số thành viên Ban Chỉ đạo chưa dự họp.") == []
    # inside a body's name, or a group without "một số", stays
    assert texts("Ủy ban nhân dân một số xã chưa cập nhật; các cấp ủy, tổ chức đảng lãnh đạo") == [
        "Ủy ban nhân dân một số xã", "các cấp ủy, tổ chức đảng"]


def test_the_words_of_an_address_are_no_bodies():
    text = ("To: vpubnd@phutho.gov.vn; ubnd.xaphuong@phutho.gov.vn\nXem tại https://ubnd.phutho.gov.vn/sonoivu "
            "và www.ubnd-tinh.vn; gửi UBND tỉnh.")
    assert texts(text) == ["UBND tỉnh"]


def test_a_name_does_not_run_onto_the_next_row_of_a_tab_table():
    text = ("Thứ Tư\tChiều\tCông chức Văn phòng - Thống kê\tTrung tâm Phục vụ hành chính công xã\n"
            "Thứ Năm\tSáng\tChủ tịch UBND xã\tphòng tiếp công dân\n")
    assert "Trung tâm Phục vụ hành chính công xã" in texts(text)
    # a name wrapped in plain text still goes on
    assert "Trung tâm Phục vụ hành chính công xã\nThanh Sơn" in texts(
        "gửi hồ sơ về Trung tâm Phục vụ hành chính công xã\nThanh Sơn để tổng hợp.")


def test_a_long_line_ending_in_a_name_is_no_hard_wrap_unless_the_rest_closes():
    line = ("2. Sở Xây dựng, Sở Nông nghiệp và Môi trường, Ủy ban nhân dân xã An Lão, Ủy ban nhân dân phường "
            "Lê Chân, Ủy ban nhân dân phường Thành Đông\n")
    assert len(line) > 110
    assert texts(line + "Khẩn trương rà soát hồ sơ quá hạn.")[-1] == "Ủy ban nhân dân phường Thành Đông"
    # a break inside a name of a long OCR'd line, its rest closed by a comma, still joins
    ocr = ("a) Báo cáo tình hình kiểm soát thủ tục hành chính quý III năm 2024: Sở Xây dựng, "
           "Ủy ban nhân dân huyện Hướng\nHóa, Ủy ban nhân dân huyện Cồn Cỏ.")
    assert "Ủy ban nhân dân huyện Hướng\nHóa" in texts(ocr)
