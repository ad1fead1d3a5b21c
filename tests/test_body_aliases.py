"""Short names a document defines for a body: "(sau đây gọi là Trung tâm)", "(Ban QLDA)"."""
from __future__ import annotations

from cchc_extract.pipeline import extract_text


def bodies(text: str) -> list[tuple[str, str, bool]]:
    return [(b.text, b.level, b.group) for b in extract_text(text).bodies]


def test_a_defined_short_name_is_the_body_wherever_it_is_used_later():
    text = ("UBND xã phối hợp với Trung tâm Phục vụ hành chính công xã (sau đây gọi là Trung tâm) "
            "trong tiếp nhận hồ sơ; công chức làm việc tại Trung tâm phải có thái độ đúng mực.\n"
            "a) Chủ trì, phối hợp với Trung tâm rà soát.\n")
    found = bodies(text)
    assert found.count(("Trung tâm", "commune", False)) == 3      # defined, then used twice


def test_an_abbreviation_in_brackets_defines_a_short_name_and_an_aside_does_not():
    text = ("- Phối hợp Ban Quản lý dự án đầu tư xây dựng thành phố (Ban QLDA) rà soát.\n"
            "- Phối hợp P.TCKH, Ban QLDA đẩy nhanh tiến độ.\n"
            "- Gửi Sở Nội vụ (Phòng Cải cách hành chính) trước ngày 5; Phòng Cải cách hành chính tổng hợp.\n")
    found = [t for t, _, _ in bodies(text)]
    assert found.count("Ban QLDA") == 2 and "P.TCKH" in found      # defined, then used
    # the aside's office is found by its own name, not as a short name of Sở Nội vụ
    assert all(b.rule != "alias.defined" for b in extract_text(text).bodies if b.text.startswith("Phòng"))


def test_a_short_name_of_the_head_serving_a_body_stands_for_the_head():
    text = ("a) Tổ Thư ký giúp việc Hội đồng thẩm định Trung ương (sau đây gọi là Tổ Thư ký) hoàn thành "
            "thẩm định sơ bộ.\nb) Các bộ giải trình theo ý kiến của Tổ Thư ký.\n")
    found = [t for t, _, _ in bodies(text)]
    assert found[0] == "Tổ Thư ký giúp việc Hội đồng thẩm định Trung ương" and "Tổ Thư ký" in found[1:]


def test_no_short_name_of_a_thing_nor_in_a_filing_code():
    text = ("Quyết định ban hành Bộ Chỉ số cải cách hành chính của các cơ quan, đơn vị, địa phương "
            "(sau đây gọi là Bộ Chỉ số). Các cơ quan tự chấm điểm theo Bộ Chỉ số.\n"
            "a) Phòng Tổ chức cán bộ (TCCB) chủ trì rà soát.\nNơi nhận:\n- Lưu: VT, TCCB.\n")
    found = [t for t, _, _ in bodies(text)]
    assert not any(t.startswith("Bộ Chỉ số") for t in found)
    assert found.count("TCCB") == 1          # its definition; the filing code names no body


def test_the_initials_of_a_bodys_field_abbreviate_the_field_not_the_body():
    # "(GDĐT)" shortens "Giáo dục và Đào tạo", written after other heads later ("Sở GDĐT")
    text = ("Bộ Giáo dục và Đào tạo (GDĐT) đề nghị các Sở GDĐT chỉ đạo; ngành GDĐT thực hiện.\n"
            "a) Sở Tài nguyên và Môi trường (TNMT) rà soát dữ liệu TNMT.\n")
    found = [t for t, _, _ in bodies(text)]
    assert "GDĐT" not in found and "TNMT" not in found
    assert "các Sở GDĐT" in found
    # the initials of the whole name stay a short name of the body
    text = "a) Ban Chỉ đạo cải cách hành chính (BCĐ) họp; BCĐ kết luận.\n"
    assert [t for t, _, _ in bodies(text)].count("BCĐ") == 2
