"""Body fields that depend on who issued the document (bodies.issuer_tier)."""
from __future__ import annotations

from cchc_extract.pipeline import extract_text


def _doc(issuer_lines: str, body: str) -> str:
    return (f"{issuer_lines}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            f"Số: 12/KH-UBND\nA, ngày 3 tháng 10 năm 2025\n\nKẾ HOẠCH\nCải cách hành chính năm 2025\n\n"
            f"1. {body}\n")


def _fields(text: str, name: str) -> tuple:
    doc = extract_text(text)
    b = next(b for b in doc.bodies if b.text == name)
    return b.level, b.group


def test_an_office_without_locality_is_at_the_level_of_a_commune_issuer():
    body = "Phòng Kinh tế chủ trì, phối hợp với các phòng, ban, đơn vị rà soát hồ sơ."
    commune = _doc("ỦY BAN NHÂN DÂN\nXÃ PHÚ BÌNH", body)
    district = _doc("ỦY BAN NHÂN DÂN\nHUYỆN TIÊN LỮ", body)
    assert _fields(commune, "Phòng Kinh tế") == ("commune", False)
    assert _fields(district, "Phòng Kinh tế") == ("district", False)
    # the issuer's own offices, listed
    assert _fields(commune, "các phòng, ban, đơn vị") == ("commune", True)
    assert _fields(district, "các phòng, ban, đơn vị") == ("district", True)


def test_provincial_committees_named_by_a_ministry_are_a_group():
    body = "Ủy ban nhân dân cấp tỉnh chỉ đạo Sở Tư pháp rà soát văn bản."
    assert _fields(_doc("BỘ TƯ PHÁP", body), "Ủy ban nhân dân cấp tỉnh")[1] is True
    assert _fields(_doc("ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN", body), "Ủy ban nhân dân cấp tỉnh")[1] is False


def test_a_centre_named_without_locality_is_a_unit_at_the_issuer_level():
    body = "Trung tâm Công nghệ thông tin chủ trì, phối hợp với Văn phòng Sở."
    assert _fields(_doc("UBND TỈNH NGHỆ AN\nSỞ KHOA HỌC VÀ CÔNG NGHỆ", body), "Trung tâm Công nghệ thông tin") \
        == ("province", False)
    assert _fields(_doc("ỦY BAN NHÂN DÂN\nXÃ PHÚ BÌNH", body), "Trung tâm Công nghệ thông tin")[0] == "commune"


def test_ubnd_cung_cap_follows_its_antecedent_as_read_in_the_issuer_context():
    body = "Phòng Kinh tế tham mưu UBND cùng cấp rà soát hồ sơ."
    assert _fields(_doc("ỦY BAN NHÂN DÂN\nXÃ PHÚ BÌNH", body), "UBND cùng cấp") == ("commune", False)
    assert _fields(_doc("ỦY BAN NHÂN DÂN\nHUYỆN TIÊN LỮ", body), "UBND cùng cấp") == ("district", False)


def test_an_unnamed_city_is_the_issuer_in_a_centrally_run_citys_document():
    body = ("Các sở, ban, ngành thành phố, Thanh tra thành phố và Văn phòng UBND thành phố phối hợp "
            "với UBND thành phố Thủy Nguyên rà soát hồ sơ.")
    central_city = _doc("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG", body)
    assert _fields(central_city, "Các sở, ban, ngành thành phố") == ("province", True)
    assert _fields(central_city, "Thanh tra thành phố") == ("province", False)
    assert _fields(central_city, "Văn phòng UBND thành phố") == ("province", False)
    # a named city inside it keeps its own level
    assert _fields(central_city, "UBND thành phố Thủy Nguyên")[0] == "district"
    # a provincial city's own offices are at district level
    provincial_city = _doc("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ BẮC NINH", body)
    assert _fields(provincial_city, "Thanh tra thành phố")[0] == "district"
    # "TP" abbreviates it the same way; "TP. Hồ Chí Minh" is named
    short = _doc("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG", "UBND TP chỉ đạo; Văn phòng HĐND TP và UBND TP. Hồ Chí Minh phối hợp.")
    assert _fields(short, "UBND TP")[0] == "province"
    assert _fields(provincial_city.replace("Thanh tra thành phố", "Thanh tra TP"), "Thanh tra TP")[0] == "district"
    # the city writes its own name with a capital ("Ủy ban nhân dân Thành phố"), under a department too
    capital = _doc("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH\nSỞ NỘI VỤ",
                   "Thực hiện kế hoạch của Ủy ban nhân dân Thành phố, Công an Thành phố rà soát hồ sơ.")
    assert _fields(capital, "Ủy ban nhân dân Thành phố")[0] == "province"
    assert _fields(capital, "Công an Thành phố")[0] == "province"


def test_a_bare_steering_committee_is_the_issuers_own_at_its_level():
    body = "Các Tổng cục, Cục báo cáo Ban Chỉ đạo trước ngày 25/12/2025."
    ministry = _doc("BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\nBAN CHỈ ĐẠO CẢI CÁCH HÀNH CHÍNH", body)
    assert _fields(ministry, "Ban Chỉ đạo")[0] == "central"
    assert _fields(_doc("ỦY BAN NHÂN DÂN\nTỈNH HƯNG YÊN", body), "Ban Chỉ đạo")[0] == "province"
    # a level word in the name wins over the issuer's
    named = _doc("BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "Sở Nội vụ báo cáo Ban Chỉ đạo cải cách hành chính tỉnh.")
    assert _fields(named, "Ban Chỉ đạo cải cách hành chính tỉnh")[0] == "province"


def test_an_office_named_alone_in_a_provincial_document_is_the_issuers_own():
    sở = "UBND TỈNH SÓC TRĂNG\nSỞ Y TẾ"
    body = "Phòng Kế hoạch - Tài chính chủ trì, phối hợp với Phòng Nội vụ huyện Mỹ Tú và các Phòng Y tế."
    assert _fields(_doc(sở, body), "Phòng Kế hoạch - Tài chính") == ("province", False)
    # named with its district, or as every district's office ("các Phòng Y tế"): district
    assert _fields(_doc(sở, body), "Phòng Nội vụ huyện Mỹ Tú")[0] == "district"
    assert _fields(_doc(sở, body), "Phòng Y tế")[0] == "district"
    # a district's document: its own office
    assert _fields(_doc("ỦY BAN NHÂN DÂN\nHUYỆN MỸ TÚ", body), "Phòng Kế hoạch - Tài chính")[0] == "district"


def test_an_office_after_its_district_body_or_in_a_letter_to_districts_stays_district():
    sở = "UBND TỈNH QUẢNG BÌNH\nSỞ NỘI VỤ"
    after = "UBND cấp huyện thành lập Tổ công tác, Phòng Nội vụ là cơ quan thường trực."
    assert _fields(_doc(sở, after), "Phòng Nội vụ")[0] == "district"
    letter = (f"{sở}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 12/SNV-CCHC\n"
              "Quảng Bình, ngày 3 tháng 10 năm 2025\nV/v tự đánh giá Chỉ số CCHC\n\n"
              "Kính gửi: Ủy ban nhân dân các huyện, thị xã, thành phố.\n\n"
              "1. Giao Phòng Nội vụ tham mưu tổ chức tự đánh giá.\n")
    assert _fields(letter, "Phòng Nội vụ")[0] == "district"
