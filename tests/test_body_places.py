"""A body named with its place alone, when the place is the document's own unit."""
from __future__ import annotations

from cchc_extract.pipeline import extract_text

HEAD = "ỦY BAN NHÂN DÂN\nHUYỆN VỊ XUYÊN\nSố: 15/KH-UBND\nVị Xuyên, ngày 10 tháng 01 năm 2024\nKẾ HOẠCH\nCải cách hành chính\n"


def bodies(text: str) -> list[tuple[str, str]]:
    return [(b.text, b.level) for b in extract_text(text).bodies]


def test_a_branch_named_by_the_documents_own_district_takes_the_name_and_its_level():
    found = bodies(HEAD + "1. Phòng Tài chính - Kế hoạch phối hợp với Kho bạc Nhà nước Vị Xuyên hướng dẫn.\n"
                          "2. Phối hợp với Viettel Vị Xuyên, Trung tâm Viễn thông\nVị Xuyên bảo đảm hạ tầng.\n")
    assert ("Kho bạc Nhà nước Vị Xuyên", "district") in found
    assert ("Viettel Vị Xuyên", "other") in found                  # an enterprise stays "other"
    assert any(t == "Trung tâm Viễn thông\nVị Xuyên" for t, _ in found)    # a wrapped line


def test_a_place_the_document_does_not_name_and_a_next_entry_are_no_part_of_the_body():
    found = [t for t, _ in bodies(HEAD + "1. Phối hợp với Kho bạc Nhà nước Bắc Mê hướng dẫn.\n"
                                         "Nơi nhận:\n- Bộ Nội vụ\nVị Xuyên, ngày 10/01/2024\n")]
    assert "Kho bạc Nhà nước" in found and "Bộ Nội vụ" in found
