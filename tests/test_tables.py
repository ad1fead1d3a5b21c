"""Task tables (annex "Phụ lục"): one directive per task row; rows that open with their number
(tabs, one cell per line) are items of kind `row`, markdown rows (`| 1 | … |`) are text."""
from __future__ import annotations

from pathlib import Path

import pytest

from cchc_extract.models import Document
from cchc_extract.pipeline import extract_text
from cchc_extract.rules import rules_dir
from cchc_extract.tables import (_CELL_LINE_HEADER, TableRulesError, find_task_tables, has_cell_line_header,
                                 header_columns, load_header_rules, result_cells, result_columns, split_cells)

HEAD = ("ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nSố: 12/KH-UBND\nHà Tĩnh, ngày 05 tháng 01 năm 2024\n\n"
        "KẾ HOẠCH\nCải cách hành chính năm 2024\n\n"
        "I. MỤC ĐÍCH\n1. Nâng cao chất lượng phục vụ người dân.\n"
        "II. TỔ CHỨC THỰC HIỆN\n1. Các sở, ngành thực hiện nhiệm vụ tại Phụ lục.\n\n")

ANNEX = HEAD + (
    "PHỤ LỤC\nNHIỆM VỤ NĂM 2024\n"
    "| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Sản phẩm |\n"
    "|---|---|---|---|---|---|\n"
    "| I | CẢI CÁCH THỂ CHẾ | | | | |\n"
    "| 1 | Rà soát văn bản quy phạm pháp luật | Sở Tư pháp | Sở Nội vụ | Quý II/2024 | Báo cáo |\n"
    "| 2 | Kiểm tra công tác cải cách hành chính | Sở Nội vụ | | Năm 2024 | Báo cáo |\n"
    "| II | CẢI CÁCH THỦ TỤC HÀNH CHÍNH | | | | |\n"
    "| 1 | Công khai thủ tục hành chính | Sở Tư pháp | Sở Nội vụ | Thường xuyên | |\n"
    "| 2 | Báo cáo tình hình giải quyết hồ sơ | Sở Nội vụ | | Hằng quý | Báo cáo |\n"
    "| 3 | Số hóa hồ sơ lưu trữ | Tổ công tác liên ngành | | Tháng 9/2024 | |\n"
)


def tabbed(text: str) -> str:
    """The same tables as a Word copy gives them: cells split by tabs, no "|---|" line."""
    out = []
    for line in text.split("\n"):
        if not line.startswith("|"):
            out.append(line)
        elif set(line) - set("|-: "):
            out.append("\t".join(c.strip() for c in line.strip().strip("|").split("|")))
    return "\n".join(out)


ANNEX_TAB = tabbed(ANNEX)


def rows(doc: Document):
    return [it for it in doc.items if it.kind == "row"]


def directive(doc: Document, path: str):
    return next(d for d in doc.directives if d.item == path)


def row_directives(doc: Document):
    """The directives of a markdown table's rows (they are no items: found by their "|")."""
    return [d for d in doc.directives if d.text.startswith("|")]


def row_directive(doc: Document, words: str):
    return next(d for d in row_directives(doc) if words in d.text)


@pytest.fixture(scope="module")
def annex() -> Document:
    return extract_text(ANNEX)


@pytest.fixture(scope="module")
def annex_tab() -> Document:
    return extract_text(ANNEX_TAB)


# --- markdown (pipe) tables: rows are text of the item holding the table -----------------

def test_markdown_table_rows_are_no_items_but_each_task_row_gives_a_directive(annex):
    # ANNOTATION.md: an item opens with a label; "| 1 | …" opens with a pipe, so it is text
    assert not rows(annex)
    assert [d.text.split("|")[2].strip() for d in row_directives(annex)] == [
        "Rà soát văn bản quy phạm pháp luật", "Kiểm tra công tác cải cách hành chính",
        "Công khai thủ tục hành chính", "Báo cáo tình hình giải quyết hồ sơ", "Số hóa hồ sơ lưu trữ"]
    # after the PHỤ LỤC heading the table stands in no item: neither do its rows nor their entities
    assert {d.item for d in row_directives(annex)} == {None}
    assert {x.item for x in annex.deadlines} == {None}


def test_task_row_directive_lead_support_deadline(annex):
    d = row_directive(annex, "Rà soát văn bản")
    assert [b.text for b in d.lead] == ["Sở Tư pháp"]
    assert [b.text for b in d.support] == ["Sở Nội vụ"]
    assert d.modality == "assign" and d.lead_source == "table"
    dls = [x for x in annex.deadlines if x.id in d.deadlines]
    assert [(x.text, x.due) for x in dls] == [("Quý II/2024", "2024-06-30")]
    assert ANNEX[d.span[0]:d.span[1]] == d.text


def test_bare_time_cells(annex):
    by_text = {x.text: x for x in annex.deadlines}
    assert by_text["Năm 2024"].due == "2024-12-31"
    assert by_text["Hằng quý"].recurrence == "quarterly"
    assert by_text["Tháng 9/2024"].due == "2024-09-30"
    assert "Thường xuyên" not in by_text          # no date, no deadline
    # each row's directive holds the deadline of its own row
    assert [[x.text for x in annex.deadlines if x.id in d.deadlines] for d in row_directives(annex)] == [
        ["Quý II/2024"], ["Năm 2024"], [], ["Hằng quý"], ["Tháng 9/2024"]]


def test_row_without_recognised_body_warns(annex):
    d = row_directive(annex, "Số hóa hồ sơ")
    assert d.lead == [] and d.lead_source is None
    assert any(w.code == "W401" and w.span == d.span for w in annex.warnings)


def test_entity_spans_map_to_original_and_output_validates(annex):
    for kind in ("references", "dates", "bodies", "targets", "deadlines"):
        for ent in getattr(annex, kind):
            assert ANNEX[ent.span[0]:ent.span[1]] == ent.text
    for d in annex.directives:
        assert ANNEX[d.span[0]:d.span[1]] == d.text
        for b in d.lead + d.support:
            assert ANNEX[b.span[0]:b.span[1]] == b.text
    Document.model_validate(annex.model_dump())


def test_table_bodies_do_not_leak_into_earlier_items(annex):
    d = directive(annex, "II/1")
    assert [b.text for b in d.lead] == ["Các sở, ngành"]


def test_web_metadata_table_is_ignored():
    text = ("| Số hiệu | 138/KH-UBND |\n| Ngày ban hành | 19/12/2025 |\n| Loại văn bản | Kế hoạch |\n\n"
            + HEAD)
    doc = extract_text(text)
    assert not rows(doc)
    assert not [d for d in doc.directives if d.lead_source == "table"]
    assert find_task_tables(text) == []


def test_a_markdown_table_inside_an_item_belongs_to_it_with_crlf():
    text = (HEAD + "III. NHIỆM VỤ CỤ THỂ\n"
            + "| TT | Nhiệm vụ | Đơn vị thực hiện | Thời gian |\n"
            + "| 1 | Tập huấn nghiệp vụ | Sở Nội vụ | Tháng 6/2024 |\n").replace("\n", "\r\n")
    doc = extract_text(text)
    assert not rows(doc)
    # the row's directive, its deadline and the heading's roles all belong to III; the heading
    # inherits no roles of its own, so the row's are the only ones
    assert [([b.text for b in d.lead], d.lead_source) for d in doc.directives if d.item == "III"] == [
        (["Sở Nội vụ"], "table")]
    d = directive(doc, "III")
    dl = next(x for x in doc.deadlines if x.id in d.deadlines)
    assert dl.due == "2024-06-30" and dl.item == "III" and text[dl.span[0]:dl.span[1]] == dl.text
    iii = next(it for it in doc.items if it.path == "III")
    assert iii.ends.endswith("Sở Nội vụ | Tháng 6/2024") and iii.span[1] >= dl.span[1]


def test_a_tab_table_without_a_number_column_is_text_of_its_item():
    # no STT: each row opens with text, not a label, so it is no item; its bodies lead the item
    # that holds the table, as a markdown table's do
    text = (HEAD + "III. CÁC CHỈ TIÊU\n"
            + "Chỉ tiêu\tKế hoạch 2024\tCơ quan chủ trì\n"
            + "Tỷ lệ hồ sơ giải quyết đúng hạn\tTrên 98%\tSở Nội vụ\n"
            + "Tỷ lệ hồ sơ trực tuyến toàn trình\tTối thiểu 60%\tSở Khoa học và Công nghệ\n\n"
            + "IV. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ theo dõi, đôn đốc.\n")
    doc = extract_text(text)
    assert not rows(doc)
    assert [it.path for it in doc.items if it.path.startswith("III")] == ["III"]
    leads = [b.text for d in doc.directives if d.item == "III" for b in d.lead]
    assert leads == ["Sở Nội vụ", "Sở Khoa học và Công nghệ"]
    # a table with its number column keeps row items (ANNEX above, tab form)
    numbered = extract_text(HEAD + "III. NHIỆM VỤ\nSTT\tNhiệm vụ\tCơ quan chủ trì\tThời gian\n"
                            + "1\tTập huấn nghiệp vụ\tSở Nội vụ\tTháng 6/2024\n")
    assert [it.path for it in rows(numbered)] == ["III/1"]


def test_a_wrapped_tab_row_whose_next_line_carries_a_body_is_one_row():
    # the task wraps in lower case (or the line holds no task at all) while a second lead body and
    # the rest of the time fill the other cells: one row, not an unnumbered one of its own
    text = (HEAD + "III. NHIỆM VỤ\nSTT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời hạn\n"
            + "1\tSố hóa hồ sơ, kết quả giải quyết TTHC,\tTrung tâm Phục vụ hành chính công tỉnh;\tSở Nội vụ\tTrước ngày\n"
            + "\tbảo đảm tỷ lệ số hóa đạt trên 80%\tUBND các huyện\t\t30/11/2024\n"
            + "2\tTổ chức khảo sát SIPAS\tSở Nội vụ\tBưu điện tỉnh\tTháng 10/2024\n"
            + "\tCông bố kết quả khảo sát\tVăn phòng UBND tỉnh\t\tTháng 12/2024\n")
    doc = extract_text(text)
    assert [it.path for it in rows(doc)] == ["III/1", "III/2", "III/3"]
    d = directive(doc, "III/1")
    assert [b.text for b in d.lead] == ["Trung tâm Phục vụ hành chính công tỉnh", "UBND các huyện"]
    # an unnumbered line that opens a task of its own (a capital) is a row
    assert [b.text for b in directive(doc, "III/3").lead] == ["Văn phòng UBND tỉnh"]


def test_labels_a_word_copy_followed_by_a_tab_are_no_table_rows_above_a_table():
    # "IV.\tTỔ CHỨC …", "3.\tPhân công …": one label, one tab, the text; the table under them is found
    text = (HEAD.replace("II. TỔ CHỨC THỰC HIỆN\n1. Các sở", "II.\tTỔ CHỨC THỰC HIỆN\n1.\tCác sở")
            + "2.\tTheo dõi, đôn đốc.\n3.\tPhân công nhiệm vụ cụ thể như sau:\n"
            + "STT\tNhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian hoàn thành\n"
            + "1\tSố hóa hồ sơ\tSở Nội vụ\tSở Tư pháp\tQuý I/2024\n")
    doc = extract_text(text)
    assert [it.path for it in rows(doc)] == ["II/3/1"]
    assert [b.text for b in directive(doc, "II/3/1").lead] == ["Sở Nội vụ"]


def test_an_item_that_names_its_own_actors_keeps_them_beside_its_table_rows():
    text = (HEAD + "3. Nhiệm vụ cụ thể\n\nGiao các cơ quan, đơn vị thực hiện các nhiệm vụ sau:\n\n"
            + "| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành |\n|---|---|---|---|\n"
            + "| 1 | Tập huấn nghiệp vụ | Sở Nội vụ | Tháng 6/2024 |\n")
    doc = extract_text(text)
    item = next(it for it in doc.items if it.text.startswith("3. Nhiệm vụ cụ thể"))
    assert not [it for it in doc.items if it.parent == item.path]
    own, row = [d for d in doc.directives if d.item == item.path]
    assert [b.text for b in own.lead] == ["các cơ quan, đơn vị"] and own.lead_source == "explicit"
    assert own.deadlines == []                     # the row's deadline is the row's
    assert [b.text for b in row.lead] == ["Sở Nội vụ"] and len(row.deadlines) == 1


def test_an_item_holding_only_inherited_roles_gives_way_to_its_table_rows():
    text = ("Kính gửi: Các sở, ban, ngành tỉnh.\n\nỦy ban nhân dân tỉnh đề nghị các cơ quan thực hiện:\n"
            "1. Rà soát thủ tục hành chính.\n2. Phân công thực hiện\n"
            "| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp |\n|---|---|---|---|\n"
            "| 1 | Tập huấn nghiệp vụ | Sở Nội vụ | Sở Tư pháp |\n")
    doc = extract_text(text)
    first = directive(doc, "1")
    assert first.lead_source != "table" and first.lead       # item 1 keeps what it inherits
    assert [([b.text for b in d.lead], [b.text for b in d.support]) for d in doc.directives if d.item == "2"] \
        == [(["Sở Nội vụ"], ["Sở Tư pháp"])]


# --- tables whose rows open with their number (tabs, one cell per line): rows are items ---

def test_rows_are_numbered_by_their_labels_unless_a_path_would_repeat():
    # ANNOTATION.md: a path is the labels alone; the t<N> step only where a row's path would be
    # one the document already has
    table = tabbed("| STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian |\n|---|---|---|---|\n"
                   "| 1 | Rà soát thủ tục | Sở Nội vụ | Quý II/2024 |\n| 2 | Số hóa hồ sơ | Sở Tư pháp | Quý III/2024 |\n")
    plain = extract_text(HEAD + "III. NHIỆM VỤ\n1. Các sở thực hiện như sau:\n" + table)
    assert [it.path for it in rows(plain)] == ["III/1/1", "III/1/2"]
    # a table outside every item: its rows "1", "2" repeat no path of a plan numbered I, II …
    annex_rows = [it.path for it in rows(extract_text(HEAD.replace("1. ", "- ") + "PHỤ LỤC\n" + table))]
    assert annex_rows == ["1", "2"]
    # … but a letter numbered "1.", "2." has those paths, so its annex table's rows go under annex/t1
    letter = extract_text("Công văn.\n\n1. Rà soát.\n2. Báo cáo.\n\nPHỤ LỤC\n" + table)
    assert [it.path for it in rows(letter)] == ["annex/t1/1", "annex/t1/2"]


def test_rows_become_items_with_unique_paths(annex_tab):
    paths = [it.path for it in rows(annex_tab)]
    assert paths == ["annex/t1/I", "annex/t1/I/1", "annex/t1/I/2",
                     "annex/t1/II", "annex/t1/II/1", "annex/t1/II/2", "annex/t1/II/3"]
    all_paths = [it.path for it in annex_tab.items]
    assert len(all_paths) == len(set(all_paths))
    starts = [it.span[0] for it in annex_tab.items]
    assert starts == sorted(starts)


def test_row_item_fields(annex_tab):
    row = next(it for it in annex_tab.items if it.path == "annex/t1/I/1")
    assert row.label == "1" and row.parent == "annex/t1/I" and row.depth == 2
    assert row.text == "1 | Rà soát văn bản quy phạm pháp luật | Sở Tư pháp | Sở Nội vụ | Quý II/2024 | Báo cáo"
    assert ANNEX_TAB[row.span[0]:row.span[1]].startswith("1\tRà soát")


def test_section_rows_are_parents_without_directives(annex_tab):
    section = next(it for it in annex_tab.items if it.path == "annex/t1/II")
    assert section.parent is None and section.depth == 1 and section.label == "II"
    children = [it for it in annex_tab.items if it.parent == "annex/t1/II"]
    assert len(children) == 3 and section.span[1] >= children[-1].span[1]
    assert not [d for d in annex_tab.directives if d.item in ("annex/t1/I", "annex/t1/II")]


def test_row_items_have_their_directives_and_deadlines(annex_tab):
    d = directive(annex_tab, "annex/t1/I/1")
    assert [b.text for b in d.lead] == ["Sở Tư pháp"] and [b.text for b in d.support] == ["Sở Nội vụ"]
    by_item = {x.item: x for x in annex_tab.deadlines}
    assert by_item["annex/t1/I/2"].due == "2024-12-31" and by_item["annex/t1/II/2"].recurrence == "quarterly"
    assert [x.id for x in annex_tab.deadlines if x.item == "annex/t1/I/1"] == d.deadlines
    assert any(w.code == "W401" and "annex/t1/II/3" in w.message for w in annex_tab.warnings)


def test_a_heading_over_a_tab_table_ends_before_its_rows():
    # a Word table copied with tabs: the item's text is normalized (tabs are spaces there)
    text = (HEAD + "III. NHIỆM VỤ CỤ THỂ\n"
            "TT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\n"
            "1\tRà soát thủ tục hành chính\tSở Nội vụ\tSở Tư pháp\tQuý III/2024\n\n"
            "IV. KINH PHÍ\nTừ ngân sách.\n")
    doc = extract_text(text)
    item = next(it for it in doc.items if it.path == "III")
    assert item.text == "III. NHIỆM VỤ CỤ THỂ"
    assert [it.path for it in doc.items if it.parent == "III"] == ["III/1"]


def test_tab_separated_task_table():
    text = (HEAD + "PHỤ LỤC\nSTT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\n"
            "1\tRà soát thủ tục hành chính\tSở Nội vụ\tSở Tư pháp\tQuý III/2024\n")
    doc = extract_text(text)
    d = directive(doc, "1")
    assert [b.text for b in d.lead] == ["Sở Nội vụ"] and [b.text for b in d.support] == ["Sở Tư pháp"]
    assert [x.due for x in doc.deadlines if x.id in d.deadlines] == ["2024-09-30"]


def test_a_name_stops_at_a_tab_table_cell_boundary():
    # "Sở" then the time cell "Hằng quý" (a tab reads as a space) is the bare Sở, not "Sở Hằng quý"
    text = (HEAD + "PHỤ LỤC\nSTT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\n"
            "1\tBáo cáo kết quả\tPhòng Cải cách hành chính\tCác đơn vị thuộc Sở\tHằng quý\n")
    doc = extract_text(text)
    assert not [b.text for b in doc.bodies if "\t" in b.text]
    assert "Hằng quý" not in " ".join(b.text for b in doc.bodies)


def test_a_name_stops_at_a_cell_boundary_of_any_tab_table():
    # a schedule of visits is no task table; its unit cell still ends at the tab
    text = (HEAD + "LỊCH KIỂM TRA\nSTT\tĐơn vị được kiểm tra\tThời gian\tGhi chú\n"
            "1\tUBND huyện Đăk Hà\tNgày 14/6/2022\tKiểm tra\n2\tSở Tư pháp\tNgày 15/6/2022\t\n")
    assert "UBND huyện Đăk Hà" in [b.text for b in extract_text(text).bodies]
    # one tab in running text is a space
    assert [b.text for b in extract_text("Giao UBND huyện Đăk\tHà chủ trì.").bodies] == ["UBND huyện Đăk\tHà"]


def test_a_tab_row_broken_inside_a_cell_is_one_row():
    # a web copy breaks long cells: the row's first line is short of cells, the next has no number
    text = (HEAD + "PHỤ LỤC\nSTT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\n"
            "1\tRà soát thủ tục hành chính nội bộ trong lĩnh vực\n"
            "tài chính, nội vụ\tSở Nội vụ\tSở Tư pháp\tQuý III/2024\n"
            "2\tTổng hợp phương án\tVăn phòng UBND tỉnh\tCác sở, ban, ngành tỉnh;\n"
            "UBND các huyện\tQuý IV/2024\n")
    doc = extract_text(text)
    assert [it.path for it in rows(doc)] == ["1", "2"]
    d1, d2 = directive(doc, "1"), directive(doc, "2")
    assert [b.text for b in d1.lead] == ["Sở Nội vụ"] and [b.text for b in d1.support] == ["Sở Tư pháp"]
    assert [b.text for b in d2.support] == ["Các sở, ban, ngành tỉnh", "UBND các huyện"]
    assert [x.due for x in doc.deadlines if x.id in d2.deadlines] == ["2024-12-31"]


def test_a_table_of_targets_per_unit_gives_row_leads_and_a_target_per_figure():
    text = (HEAD + "Điều 1. Giao chỉ tiêu năm 2023, phấn đấu đạt tối thiểu như sau:\n"
            "| STT | Đơn vị | Tỷ lệ hồ sơ trực tuyến (%) | Số hóa (%) |\n|---|---|---|---|\n"
            "| 1 | UBND huyện Đắk Hà | 50 | 70 |\n| 2 | UBND huyện Sa Thầy | 45 | 65 |\n"
            "Điều 2. Sở Nội vụ theo dõi.\n")
    doc = extract_text(text)
    assert not rows(doc)
    art = next(it.path for it in doc.items if it.label == "Điều 1.")
    assert [(d.item, [b.text for b in d.lead]) for d in row_directives(doc)] == [
        (art, ["UBND huyện Đắk Hà"]), (art, ["UBND huyện Sa Thầy"])]
    got = [(t.text, t.value, t.unit, t.comparator, t.item) for t in doc.targets]
    assert got == [("50", 50, "percent", "ge", art), ("70", 70, "percent", "ge", art),
                   ("45", 45, "percent", "ge", art), ("65", 65, "percent", "ge", art)]
    assert doc.targets[1].measure == "Số hóa (%)"
    # each row's directive holds its own row's figures
    assert [len(d.targets) for d in row_directives(doc)] == [2, 2]
    # the same table copied with tabs: its rows are items of their own
    tab = extract_text(tabbed(text))
    assert [it.path.rsplit("/", 2)[-2:] for it in rows(tab)] == [["Điều 1", "1"], ["Điều 1", "2"]]
    assert [t.item for t in tab.targets] == [rows(tab)[0].path] * 2 + [rows(tab)[1].path] * 2


def test_a_column_in_per_cent_is_a_target_column_whatever_its_first_word():
    # "Kết quả …" names a task table's product, but a column in per cent holds figures
    text = (HEAD + "Điều 1. Giao chỉ tiêu năm 2025 như sau:\n"
            "| STT | Đơn vị | Tỷ lệ hồ sơ trực tuyến (%) | Kết quả số hóa được tái sử dụng (%) |\n|---|---|---|---|\n"
            "| 1 | UBND huyện Đắk Hà | 50 | 40 |\n"
            "Điều 2. Sở Nội vụ theo dõi.\n")
    assert [t.text for t in extract_text(text).targets] == ["50", "40"]


def test_a_reports_figures_per_unit_are_neither_tasks_nor_targets():
    table = ("| STT | Đơn vị | Chứng thư số đã cấp | Văn bản đi ký số (%) |\n"
             "| 1 | UBND huyện Long Mỹ | 264 | 58,9 |\n| 2 | UBND huyện Vị Thủy | 281 | 65,1 |\n\n"
             "Điều 2. Sở Nội vụ theo dõi.\n")
    report = extract_text(HEAD + "Qua theo dõi, một số đơn vị có tỷ lệ thấp như sau:\n\n" + table)
    assert not row_directives(report) and not report.targets
    # the same table after words that set goals is a table of targets
    goal = extract_text(HEAD + "Giao chỉ tiêu năm 2023 cho các đơn vị như sau:\n\n" + table)
    assert len(row_directives(goal)) == 2 and [t.text for t in goal.targets][:1] == ["58,9"]


def test_a_table_of_targets_by_year_gives_a_target_per_figure_and_no_items():
    text = (HEAD + "II. CHỈ TIÊU\nCác cơ quan phấn đấu đạt tối thiểu các chỉ tiêu theo từng năm như sau:\n\n"
            "| TT | Chỉ tiêu | Năm 2024 | Năm 2025 |\n|---|---|---|---|\n"
            "| 1 | Tỷ lệ hồ sơ giải quyết đúng hạn (%) | 97 | 98 |\n"
            "| 2 | Số thủ tục được cắt giảm | 10 | 12 |\n\nIII. NHIỆM VỤ\n1. Sở Nội vụ theo dõi.\n")
    doc = extract_text(text)
    assert not rows(doc)
    got = [(t.text, t.value, t.unit, t.comparator, t.measure) for t in doc.targets]
    assert got == [("97", 97, "percent", "ge", "Tỷ lệ hồ sơ giải quyết đúng hạn (%)"),
                   ("98", 98, "percent", "ge", "Tỷ lệ hồ sơ giải quyết đúng hạn (%)"),
                   ("10", 10, "count", "ge", "Số thủ tục được cắt giảm"),
                   ("12", 12, "count", "ge", "Số thủ tục được cắt giảm")]
    # one year alone is no table by year
    assert not extract_text(text.replace(" Năm 2025 |", " Ghi chú |")).targets


def test_a_tab_cell_holding_line_breaks_keeps_its_row_whole():
    text = (HEAD + "PHỤ LỤC\n\nSTT\tNội dung nhiệm vụ\tĐơn vị thực hiện\tThời gian hoàn thành\n"
            "1\tRà soát văn bản\tPhòng Pháp chế\nChi cục Thủy lợi\nChi cục Kiểm lâm\tTháng 6/2024\n"
            "2\tCập nhật quy trình\tVăn phòng Sở\tQuý II/2024\n")   # (times after the plan's date)
    doc = extract_text(text)
    paths = [it.path for it in rows(doc)]
    assert len(paths) == 2
    assert [b.text for b in directive(doc, paths[0]).lead] == ["Phòng Pháp chế", "Chi cục Thủy lợi", "Chi cục Kiểm lâm"]
    assert [x.due for x in doc.deadlines if x.item == paths[0]] == ["2024-06-30"]


def test_split_cells_keeps_empty_cells_and_trims():
    line = "| 1 |  Tập huấn  | | Sở Nội vụ |"
    assert [line[s:e] for s, e in split_cells(line)] == ["1", "Tập huấn", "", "Sở Nội vụ"]
    assert ["a\t\tb"[s:e] for s, e in split_cells("a\t\tb")] == ["a", "", "b"]


# --- the header vocabulary (rules/_tables.yaml) --------------------------------

def test_header_examples_of_the_yaml_file():
    data = load_header_rules()
    assert data["examples"]
    for ex in data["examples"]:
        line = ex["header"]
        cells = [line[s:e] for s, e in split_cells(line)]
        assert header_columns(cells) == ex["expect"], line


def test_result_header_examples_of_the_yaml_file():
    data = load_header_rules()
    assert data["result_examples"]
    for ex in data["result_examples"]:
        line = ex["header"]
        assert result_columns([line[s:e] for s, e in split_cells(line)]) == ex["expect"], line


def test_figures_under_a_column_of_results_are_not_targets():
    text = (HEAD + "KẾ HOẠCH\nNâng cao chất lượng giải quyết thủ tục hành chính\n\n"
            "I. CHỈ TIÊU\nPhấn đấu đạt các chỉ tiêu sau:\n\n"
            "| STT | Chỉ tiêu | Kết quả 6 tháng đầu năm 2024 | Chỉ tiêu năm 2024 |\n"
            "|---|---|---|---|\n"
            "| 1 | Tỷ lệ hồ sơ giải quyết đúng hạn | 96,8% | Trên 98% |\n"
            "| 2 | Tỷ lệ hồ sơ trực tuyến toàn trình | 41,5% | Tối thiểu 60% |\n")
    cells = result_cells(text)
    assert [text[a:b] for a, b in cells] == ["96,8%", "41,5%"]
    doc = extract_text(text)
    assert [t.text for t in doc.targets] == ["Trên 98%", "Tối thiểu 60%"]


def test_header_matching_is_case_insensitive_and_tone_folded():
    assert header_columns(["STT", "Nhiệm vụ", "ĐƠN VỊ CHỦ TRÌ"]) == {"number": 0, "task": 1, "lead": 2}
    assert header_columns(["Nội dung", "Cơ quan chủ trì", "Thời gian hoàn thành"])["lead"] == 1
    assert header_columns(["Số hiệu", "138/KH-UBND"]) is None


@pytest.mark.parametrize("content", [
    "columns: {support: [phối hợp]}\n",                       # no lead column
    "columns: {lead: [chủ trì], boss: [x]}\n",                # unknown column
    "columns: {lead: []}\n",                                  # empty list
    "columns: {lead: [chủ trì]}\nextra: 1\n",                 # unknown key
    "columns: {lead: [chủ trì]}\nexamples: [{header: x}]\n",  # example without expect
])
def test_strict_loader_rejects_malformed_files(tmp_path: Path, content: str):
    p = tmp_path / "_tables.yaml"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(TableRulesError):
        load_header_rules(p)


def test_shipped_file_is_where_the_loader_looks():
    assert (Path(rules_dir()) / "_tables.yaml").is_file()


def test_wrapped_cells_continue_the_row_above():
    text = (HEAD + "PHỤ LỤC\n"
            "| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |\n"
            "| 1 | Rà soát thủ tục hành chính | Sở Nội vụ | Sở Tư pháp, | Quý II/2024 |\n"
            "| | thuộc thẩm quyền giải quyết | | Sở Tài chính | |\n"
            "| 2 | Tập huấn nghiệp vụ | Sở Tư pháp | | Quý III/2024 |\n")
    doc = extract_text(text)
    assert len(row_directives(doc)) == 2
    d = row_directive(doc, "Rà soát")
    assert [b.text for b in d.support] == ["Sở Tư pháp", "Sở Tài chính"]
    assert text[d.span[0]:d.span[1]].endswith("| Sở Tài chính | |")
    # where rows are items, the item's text joins the wrapped cell
    first = rows(extract_text(tabbed(text)))[0]
    assert first.text.startswith("1 | Rà soát thủ tục hành chính thuộc thẩm quyền giải quyết | Sở Nội vụ")


def test_numbered_stt_cells_do_not_break_the_item_tree():
    # "| 1. |" reads as a numbered line to the structure pass: the rows replace those items
    # and the item after the table gets its own path back
    text = (HEAD + "III. NHIỆM VỤ CỤ THỂ\n1. Nhiệm vụ trọng tâm:\n"
            "| TT | Nhiệm vụ | Đơn vị thực hiện | Thời gian |\n"
            "| 1. | Tập huấn nghiệp vụ | Sở Nội vụ | Tháng 6/2024 |\n"
            "| 2. | Kiểm tra | Sở Tư pháp | Quý III/2024 |\n"
            "2. Sở Tài chính bố trí kinh phí thực hiện.\n")
    doc = extract_text(text)
    kinds = {it.path: it.kind for it in doc.items}
    assert kinds.get("III/2") == "decimal"
    assert "row" not in kinds.values() and all("~" not in p for p in kinds)
    assert [d.item for d in row_directives(doc)] == ["III/1", "III/1"]
    assert not any(w.code == "W204" for w in doc.warnings)
    assert [b.text for b in directive(doc, "III/2").lead] == ["Sở Tài chính"]


def test_two_line_header_names_lead_and_support_columns():
    text = (HEAD + "PHỤ LỤC\n"
            "| STT | Nhiệm vụ | Cơ quan thực hiện | | Thời gian hoàn thành |\n"
            "| | | Chủ trì | Phối hợp | |\n"
            "| 1 | Tập huấn nghiệp vụ | Sở Nội vụ | Sở Tư pháp | Quý III/2024 |\n")
    doc = extract_text(text)
    (d,) = row_directives(doc)
    assert [b.text for b in d.lead] == ["Sở Nội vụ"] and [b.text for b in d.support] == ["Sở Tư pháp"]


@pytest.mark.parametrize("cell, lead, support", [
    ("Đoàn kiểm tra chủ trì; Sở Tư pháp phối hợp", ["Đoàn kiểm tra"], ["Sở Tư pháp"]),
    ("Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp", ["Sở Nội vụ"], ["Sở Tư pháp"]),
    ("Sở Nội vụ; Sở Tư pháp", ["Sở Nội vụ", "Sở Tư pháp"], []),     # no roles said: all lead
])
def test_a_lead_cell_that_names_the_roles_itself(cell, lead, support):
    text = (HEAD + "PHỤ LỤC\n| Bước | Nội dung | Thời gian | Đơn vị thực hiện |\n|---|---|---|---|\n"
            f"| 1 | Kiểm tra trực tiếp | Trong tháng 8/2024 | {cell} |\n")
    (d,) = row_directives(extract_text(text))
    assert [b.text for b in d.lead] == lead and [b.text for b in d.support] == support


def test_to_normalized_inverts_to_original_at_boundaries():
    from cchc_extract.normalize import normalize, to_normalized
    import unicodedata
    original = unicodedata.normalize("NFD", "| Sở Nội vụ |\r\n| **Quý II/2024** |\u200b x\r\n")
    norm = normalize(original)
    for p in [i for i, c in enumerate(original) if c in "|\n"] + [0, len(original)]:
        q = to_normalized(norm, p)
        assert norm.to_original(q, q)[0] == p or original[p] == "\n"   # "\n" of a CRLF lies inside an edit


CELL_LINES = HEAD + (
    "2. Nhiệm vụ cụ thể:\nSTT\nNội dung\nCơ quan chủ trì\nCơ quan phối hợp\nThời gian hoàn thành\n"
    "1\nRà soát thủ tục hành chính\nVăn phòng UBND tỉnh\nCác sở, ban, ngành tỉnh\nTháng 4/2024\n"
    "2\nKhảo sát sự hài lòng\nSở Nội vụ\nUBND các huyện, thị xã, thành phố\nQuý III/2024\n"
    "3. Các sở, ngành báo cáo kết quả.\n")


def test_a_table_copied_with_one_cell_per_line_is_read_as_a_task_table():
    tables = find_task_tables(CELL_LINES)
    assert len(tables) == 1 and tables[0].columns == {"number": 0, "task": 1, "lead": 2, "support": 3, "deadline": 4}
    doc = extract_text(CELL_LINES)
    rows = [it for it in doc.items if it.kind == "row"]
    assert [it.path for it in rows] == ["II/2/1", "II/2/2"]
    by_item = {d.item: d for d in doc.directives}
    assert [b.text for b in by_item["II/2/2"].lead] == ["Sở Nội vụ"]
    assert [b.text for b in by_item["II/2/2"].support] == ["UBND các huyện, thị xã, thành phố"]
    assert "II/3" in {it.path for it in doc.items}      # the labelled line after the last row


def test_an_empty_line_in_a_cell_per_line_row_is_an_empty_cell():
    # row 1 has no partner: its support cell is an empty line, and the rows after it still count
    text = CELL_LINES.replace("Văn phòng UBND tỉnh\nCác sở, ban, ngành tỉnh\n", "Văn phòng UBND tỉnh\n\n")
    doc = extract_text(text)
    assert [it.path for it in doc.items if it.kind == "row"] == ["II/2/1", "II/2/2"]
    by_item = {d.item: d for d in doc.directives}
    assert [b.text for b in by_item["II/2/1"].lead] == ["Văn phòng UBND tỉnh"] and by_item["II/2/1"].support == []
    assert [b.text for b in by_item["II/2/2"].lead] == ["Sở Nội vụ"]
    # a row with no task is no row: the table ends before it
    assert find_task_tables(CELL_LINES.replace("Khảo sát sự hài lòng\n", "\n"))[0].rows[-1].cells[0] \
        == find_task_tables(CELL_LINES)[0].rows[0].cells[0]


def test_cell_lines_that_do_not_fill_whole_rows_are_no_table():
    # a wrapped content cell: the row has six lines for five columns, so nothing is guessed
    wrapped = CELL_LINES.replace("Rà soát thủ tục hành chính\n", "Rà soát thủ tục\nhành chính\n")
    assert find_task_tables(wrapped) == []
    assert find_task_tables(HEAD + "STT\nHọ và tên\nChức vụ\n1\nNguyễn Văn A\nGiám đốc\n") == []


def test_the_cell_line_header_test_finds_what_its_pattern_finds():
    # has_cell_line_header is the str-method form of _CELL_LINE_HEADER.search (random texts of the
    # pieces that matter: the words, spaces, tabs and both line breaks)
    import random
    pieces = [" ", "\t", "\r", "\n", "\r\n", "S", "T", "TT", "STT", "Số TT", "Số thứ tự", "thứ tự", "Số", "x", "\u00a0"]
    rnd = random.Random(7)
    for _ in range(20000):
        s = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12)))
        assert has_cell_line_header(s) == (_CELL_LINE_HEADER.search(s) is not None), repr(s)
    assert has_cell_line_header(CELL_LINES) and not has_cell_line_header(ANNEX)


def test_a_time_cell_copied_from_a_web_page_is_read_up_to_its_line_break():
    text = ANNEX.replace("| Tháng 9/2024 |", "| Tháng 9/2024<br>(đợt 1) |")
    doc = extract_text(text)
    dl = next(x for x in doc.deadlines if x.id in row_directive(doc, "Số hóa hồ sơ").deadlines)
    assert (dl.text, dl.due) == ("Tháng 9/2024", "2024-09-30")


def test_a_two_line_header_splits_the_time_column_into_start_and_completion():
    text = HEAD + (
        "PHỤ LỤC\nNHIỆM VỤ NĂM 2024\n"
        "| STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện | |\n"
        "|---|---|---|---|---|---|\n"
        "| | | | | Bắt đầu | Hoàn thành |\n"
        "| 1 | Rà soát văn bản | Sở Tư pháp | Sở Nội vụ | Tháng 3/2024 | Tháng 11/2024 |\n"
        "| 2 | Số hóa hồ sơ | Sở Nội vụ | | Quý I/2024 | Quý II/2024 |\n")
    doc = extract_text(text)
    assert [[x.text for x in doc.deadlines if x.id in d.deadlines] for d in row_directives(doc)] == [
        ["Tháng 11/2024"], ["Quý II/2024"]]


def test_a_members_table_leads_each_row_by_the_office_held_and_its_task_cell_names_the_support():
    text = ("BAN CHỈ ĐẠO CCHC TỈNH\nBình Thuận, ngày 10 tháng 7 năm 2024\n\n3. Phân công nhiệm vụ\n\n"
            "| TT | Thành viên | Nhiệm vụ được phân công | Thời gian |\n|---|---|---|---|\n"
            "| 1 | Ông Trần Quốc Nam, Giám đốc Sở Nội vụ, Phó Trưởng Ban | Chủ trì, phối hợp với Văn phòng UBND "
            "tỉnh xây dựng kế hoạch khắc phục | Quý III/2024 |\n")
    rows = [d for d in extract_text(text).directives if d.lead_source == "table"]
    assert [[b.text for b in d.lead] for d in rows] == [["Sở Nội vụ"]]
    assert [[b.text for b in d.support] for d in rows] == [["Văn phòng UBND tỉnh"]]


def test_a_list_entry_whose_words_a_copy_split_with_tabs_is_no_table_header():
    from cchc_extract.tables import tab_table_spans

    entries = ("-\tCác sở, ban, ngành,\tđơn vị sự nghiệp\tcông lập trực thuộc\tUBND tỉnh;\n"
               "- UBND các\thuyện, thị xã, thành\tphố.\n")
    assert tab_table_spans(entries) == []
    assert tab_table_spans("STT\tĐơn vị\tTỉnh\n1\tSở Nội vụ\tHà Nội\n") != []
