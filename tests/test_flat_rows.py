"""Task tables flattened into lines under a bracketed key line (flat_rows.py)."""
from __future__ import annotations

from cchc_extract import extract
from cchc_extract.flat_rows import key_columns

HEAD = "Cà Mau, ngày 5 tháng 3 năm 2025\n\nKẾ HOẠCH\nCải cách hành chính\n\nIII. NHIỆM VỤ\n\n"


def roles(text: str) -> dict:
    return {d.item: ([b.text for b in d.lead], [b.text for b in d.support]) for d in extract(text).directives}


def test_key_line_names_the_columns():
    assert key_columns("(Lĩnh vực – Cơ quan chủ trì – Cơ quan phối hợp – Thời gian)") == (
        {"lead": 1, "support": 2, "deadline": 3}, 4)
    assert key_columns("(Nội dung - Đơn vị thực hiện - Thời gian)") == ({"task": 0, "lead": 1, "deadline": 2}, 3)
    # prose in brackets, or a key without a lead column, is none
    assert key_columns("(kèm theo Kế hoạch số 12/KH-UBND – bản chính – lưu)") is None
    assert key_columns("(Nội dung – Thời gian – Ghi chú)") is None


def test_rows_take_lead_and_support_from_their_cells():
    text = HEAD + ("2. Nhiệm vụ theo lĩnh vực\n\n(Lĩnh vực – Cơ quan chủ trì – Cơ quan phối hợp – Thời gian)\n\n"
                   "a) Cải cách thủ tục hành chính – Sở Lao động - Thương binh và Xã hội – Trung tâm Phục vụ hành "
                   "chính công tỉnh, UBND các xã, phường – Hằng tháng.\n\n"
                   "b) Tuyên truyền – Sở Nội vụ – Quý III/2025.\n")
    got = roles(text)
    # a dash inside a body's name is no cell border
    assert got["III/2/a"] == (["Sở Lao động - Thương binh và Xã hội"],
                              ["Trung tâm Phục vụ hành chính công tỉnh", "UBND các xã, phường"])
    # a row with fewer cells than the key is read as text: "Sở Nội vụ" is no lead from a cell
    assert "III/2/b" not in got or got["III/2/b"][1] == []


def test_a_key_that_opens_with_the_number_column_counts_the_label_as_it():
    text = HEAD.replace("III. NHIỆM VỤ\n\n", "III. NHIỆM VỤ CỤ THỂ\n") + (
        "(STT - Nội dung nhiệm vụ - Cơ quan chủ trì - Cơ quan phối hợp - Thời gian hoàn thành)\n"
        "1. Số hóa hồ sơ - UBND các xã, phường - Phòng Nội vụ - Quý III/2025.\n")
    assert roles(text)["III/1"] == (["UBND các xã, phường"], ["Phòng Nội vụ"])


def test_a_square_bracketed_key_over_group_headings_and_a_dash_in_the_task_words():
    text = HEAD.replace("III. NHIỆM VỤ\n\n", "III. NHIỆM VỤ\n\n[Nội dung nhiệm vụ - Cơ quan chủ trì - Cơ quan phối hợp - "
                        "Thời gian hoàn thành]\n\n1. Cải cách thể chế\n") + (
        "a) Rà soát văn bản về phát triển kinh tế - xã hội - Sở Tư pháp - Các sở, ban, ngành - Quý II/2025\n")
    assert roles(text)["III/1/a"] == (["Sở Tư pháp"], ["Các sở, ban, ngành"])


def deadlines(text: str) -> list[tuple[str, str, object]]:
    return [(d.text, d.item, d.due) for d in extract(text).deadlines]


def test_a_rows_time_cell_is_its_deadline_when_the_key_names_the_time_last():
    text = HEAD.replace("III. NHIỆM VỤ\n\n", "III. NHIỆM VỤ\n\n[Nội dung nhiệm vụ - Cơ quan chủ trì - Cơ quan phối hợp - "
                        "Thời gian hoàn thành]\n\n1. Cải cách thể chế\n") + (
        "a) Rà soát văn bản quy phạm pháp luật - Sở Tư pháp - Các sở, ban, ngành - Quý II/2025.\n"
        "b) Tham mưu kiện toàn tổ chức bộ máy - Sở Nội vụ - Các sở, ban, ngành - Tháng 10/2025\n"
        "c) Sơ kết, tổng kết - Sở Nội vụ - Các sở, ban, ngành - Tháng 6/2025 và tháng 11/2025\n")
    got = deadlines(text)
    # a cell of two times is two deadlines
    assert [(t, str(d)) for t, i, d in got if i == "III/1/c"] == [("Tháng 6/2025", "2025-06-30"),
                                                                  ("tháng 11/2025", "2025-11-30")]
    assert ("Quý II/2025", "III/1/a", "2025-06-30") in [(t, i, str(d)) for t, i, d in got]
    assert ("Tháng 10/2025", "III/1/b", "2025-10-31") in [(t, i, str(d)) for t, i, d in got]


def test_a_time_in_a_row_is_no_deadline_without_a_key_or_when_it_is_not_the_time_column():
    rows = ("a) Rà soát văn bản quy phạm pháp luật - Sở Tư pháp - Các sở, ban, ngành - Quý II/2025.\n")
    # no key line: a bare quarter after a dash is text, not a deadline
    assert deadlines(HEAD + "1. Cải cách thể chế\n" + rows) == []
    # the key's last column is no time column: the last cell is not read as one
    keyed = HEAD.replace("III. NHIỆM VỤ\n\n", "III. NHIỆM VỤ\n\n[Nội dung - Cơ quan chủ trì - Cơ quan phối hợp - "
                         "Ghi chú]\n\n1. Cải cách thể chế\n") + rows
    assert deadlines(keyed) == []


def test_a_key_line_is_found_at_the_start_or_after_a_line_break_and_only_a_key():
    from cchc_extract.flat_rows import has_key_line
    assert has_key_line("(Nội dung – Chủ trì – Phối hợp – Thời gian)\n1. Rà soát – Sở Nội vụ – Sở Tư pháp – Quý I")
    assert has_key_line("III. NHIỆM VỤ\n[Nội dung - Cơ quan chủ trì - Cơ quan phối hợp - Thời gian hoàn thành]\n")
    assert not has_key_line("Giai đoạn 2021 – 2025 (kèm theo Kế hoạch số 12/KH-UBND)\n(đã ký)\n")
    assert not has_key_line("")
