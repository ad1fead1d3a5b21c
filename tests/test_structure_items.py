"""Item tree: label kinds, paths, own text, rejoin, inline siblings, lost headings."""
from __future__ import annotations

import pytest

from cchc_extract.normalize import normalize
from cchc_extract.structure import analyze
from cchc_extract.structure.labels import LETTERS, match_label, roman_value


def layout(text: str):
    return analyze(normalize(text))


def paths(text: str) -> list[str]:
    return [it.path for it in layout(text).items]


@pytest.mark.parametrize("line,kind,key", [
    ("I. MỤC ĐÍCH", "roman", "I"),
    ("XIV. KHÁC", "roman", "XIV"),
    ("Điều 12. Hiệu lực", "dieu", "Điều 12"),
    ("3. Sở Tư pháp", "decimal", "3"),
    ("2.2. Cải cách thủ tục", "multilevel", "2.2"),
    ("1.2.3 Nhiệm vụ", "multilevel", "1.2.3"),
    ("đ) Về quy trình", "letter", "đ"),
    ("- Theo dõi", "dash", "-"),
    ("+ Ưu tiên", "plus", "+"),
    ("2) Về bàn giao tài sản", "decimal", "2"),       # the less common forms of the same labels
    ("b. Sở Tài chính chủ trì", "letter", "b"),
    ("Một là, nâng cao trách nhiệm", "ordinal", "Một là"),   # a chỉ thị's tasks by ordinal words
    ("Thứ tư, tăng cường kiểm tra", "ordinal", "Thứ tư"),
    ("Nhiệm vụ 2: Công khai thủ tục", "named", "Nhiệm vụ 2"),   # a task numbered with its noun
    ("Chỉ tiêu 1: Tỷ lệ hồ sơ đúng hạn đạt 95%", "named", "Chỉ tiêu 1"),
])
def test_label_kinds(line, kind, key):
    lab = match_label(line)
    assert lab is not None and lab.kind == kind and lab.key == key


@pytest.mark.parametrize("line", ["f) không phải điểm", "w) sai", "IIII. sai", "2023 là năm", "-x", "Căn cứ Luật",
                                  "v.v. và các nội dung khác", "f. sai", "1)", "Năm 2023, tỉnh đã",
                                  "Thứ hai, ngày 12/6/2023, Sở tổ chức", "Hai là nhiệm vụ",
                                  "Nhiệm vụ trọng tâm: rà soát", "Nhiệm vụ 1 là rà soát"])
def test_not_labels(line):
    assert match_label(line) is None


def test_vietnamese_letter_order():
    assert LETTERS == "abcdđeghiklmnopqrstuvxy"
    assert roman_value("IX") == 9 and roman_value("IIX") is None


def test_paths_follow_the_tree():
    text = ("Mở đầu yêu cầu:\n"
            "I. NHIỆM VỤ\n1. Các sở\n1.1. Về thủ tục\na) Rà soát\n- Một\n+ Chi tiết\n- Hai\nb) Công khai\n"
            "1.2. Về điều hành\n2. Công an tỉnh\nII. TỔ CHỨC\n1. Giao Sở Nội vụ\n")
    assert paths(text) == ["I", "I/1", "I/1/1.1", "I/1/1.1/a", "I/1/1.1/a/-1", "I/1/1.1/a/-1/+1",
                           "I/1/1.1/a/-2", "I/1/1.1/b", "I/1/1.2", "I/2", "II", "II/1"]


def test_dieu_items_and_children():
    text = "Căn cứ Luật.\nĐiều 1. Thành lập Tổ.\na) Rà soát;\nĐiều 2. Hiệu lực thi hành."
    assert paths(text) == ["Điều 1", "Điều 1/a", "Điều 2"]


def test_own_text_excludes_children_and_includes_continuations():
    text = "Yêu cầu:\n\n1. Tiêu đề mục\n\nĐoạn tiếp theo của mục một.\n\na) Điểm a của mục.\n\n2. Mục hai."
    items = layout(text).items
    assert items[0].text == "1. Tiêu đề mục Đoạn tiếp theo của mục một."
    assert items[1].path == "1/a" and items[1].text == "a) Điểm a của mục."
    assert items[0].end >= items[1].end          # the region covers the children


def test_page_break_rejoin_skips_footnote_block_and_warns():
    text = ("Yêu cầu:\n\n1. Tăng cường trách nhiệm người\n\n¹ Quyết định số 1/QĐ-UBND.\n\n"
            "đứng đầu các cơ quan¹.\n\n2. Mục hai.")
    lay = layout(text)
    assert lay.items[0].text == "1. Tăng cường trách nhiệm người đứng đầu các cơ quan."
    assert [w.code for w in lay.warnings].count("W207") == 1
    assert lay.footnotes[0].anchor == "1"


def test_two_items_on_one_line_are_split():
    text = "Mục tiêu:\na) 100% hồ sơ được số hóa theo quy định. c) sai thứ tự. b) 95% người dân hài lòng.\nc) Cuối."
    lay = layout(text)
    assert [it.path for it in lay.items] == ["a", "b", "c"]
    assert lay.items[0].text.endswith("c) sai thứ tự.")
    assert lay.items[1].text == "b) 95% người dân hài lòng."


def test_closing_paragraph_is_not_an_item():
    text = "Yêu cầu:\n\n1. Mục một.\n\nỦy ban nhân dân tỉnh yêu cầu các cơ quan nghiêm túc thực hiện./.\n\nNơi nhận:\n- Như trên;"
    lay = layout(text)
    assert lay.items[0].text == "1. Mục một."
    assert any(k == "closing" for k, _, _ in lay.segments)


@pytest.mark.parametrize("text,last", [
    # a thông báo's closing formula without the final mark
    ("Thông báo:\n\n6. Văn phòng Tỉnh ủy theo dõi, báo cáo vào tháng 01-2024.\n\n"
     "Văn phòng Tỉnh ủy thông báo để các cơ quan, đơn vị liên quan biết, thực hiện.\n\nNơi nhận:\n- Như trên,",
     "6. Văn phòng Tỉnh ủy theo dõi, báo cáo vào tháng 01-2024."),
    # a resolution's adoption sentence after its last article
    ("Điều 3. Tổ chức thực hiện\nHội đồng nhân dân tỉnh giao Ủy ban nhân dân tỉnh tổ chức thực hiện.\n"
     "Nghị quyết này đã được Hội đồng nhân dân tỉnh Khóa XVIII, Kỳ họp thứ 9 thông qua ngày 14 tháng 7 "
     "năm 2023 và có hiệu lực từ ngày thông qua./.\n\nNơi nhận:\n- UBTV Quốc hội;",
     "Điều 3. Tổ chức thực hiện\nHội đồng nhân dân tỉnh giao Ủy ban nhân dân tỉnh tổ chức thực hiện."),
])
def test_a_closing_formula_is_no_part_of_the_last_item(text, last):
    lay = layout(text)
    assert " ".join(lay.items[-1].text.split()) == " ".join(last.split())
    assert any(k == "closing" for k, _, _ in lay.segments)


def test_a_closing_formula_above_the_courtesy_line_closes_too():
    text = ("Đề nghị:\n\ne) Báo cáo kết quả trước ngày 15/3/2022.\n\nTrong quá trình thực hiện, nếu có vướng mắc, "
            "đề nghị liên hệ Cục Kiểm soát thủ tục hành chính để được hướng dẫn.\n\nTrân trọng./.\n\nNơi nhận:\n- Như trên;")
    lay = layout(text)
    assert lay.items[-1].text == "e) Báo cáo kết quả trước ngày 15/3/2022."
    closing = [(s, e) for k, s, e in lay.segments if k == "closing"]
    assert closing and text[closing[0][0]:].startswith("Trong quá trình thực hiện")


def test_lost_heading_attaches_to_nearest_parent_with_unique_paths():
    text = ("Kế hoạch:\n2. Yêu cầu\na) Một.\nb) Hai.\nPhấn đấu đạt mục tiêu chung.\n"
            "a) Ba.\nb) Bốn.\n")
    lay = layout(text)
    got = [it.path for it in lay.items]
    assert got[:3] == ["2", "2/a", "2/b"]
    assert len(set(got)) == len(got)
    codes = [w.code for w in lay.warnings]
    assert "W203" in codes and "W204" in codes
    # the paragraph before the restarted list is the lost heading's, not b)'s
    assert lay.items[2].text == "b) Hai."


def test_multilevel_under_wrong_decimal_goes_to_nearest_parent():
    assert paths("X:\nI. A\n1. B\n2.1. C\n") == ["I", "I/1", "I/2.1"]


def test_recipient_and_distribution_dashes_are_not_items():
    text = ("Số: 5/UBND-VX\nV/v thử\nKính gửi:\n- Sở Nội vụ;\n- Sở Tài chính.\n"
            "Đề nghị các sở thực hiện./.\nNơi nhận:\n- Như trên;\n- Lưu: VT.")
    assert paths(text) == []


def test_bracket_marks_removed_from_item_text():
    lay = layout("Yêu cầu:\n1. Theo Chỉ thị số 08/CT-UBND[1] của tỉnh.\n[1] Chỉ thị về kỷ cương.")
    assert lay.items[0].text == "1. Theo Chỉ thị số 08/CT-UBND của tỉnh."


def test_numbering_gap_marks_lost_headings():
    text = ("Yêu cầu:\n5. Văn phòng:\na) Tham mưu.\nChịu trách nhiệm về lĩnh vực giáo dục.\n"
            "Chịu trách nhiệm về lĩnh vực y tế.\n10. Báo tỉnh:\nTuyên truyền.")
    lay = layout(text)
    a = [it for it in lay.items if it.path == "5/a"][0]
    assert a.text == "a) Tham mưu."              # the lost headings' paragraphs are not a)'s
    assert "W203" in [w.code for w in lay.warnings]
    assert [it for it in lay.items if it.path == "10"][0].text == "10. Báo tỉnh: Tuyên truyền."


def test_upper_case_continuation_after_a_footnote_block_is_rejoined():
    text = ("Yêu cầu:\n\n1. Thực hiện theo chỉ đạo của\n\n¹ Ghi chú.\n\nỦy ban nhân dân tỉnh¹ về cải cách.\n\n"
            "2. Mục hai.")
    lay = analyze(normalize(text))
    assert lay.items[0].text == "1. Thực hiện theo chỉ đạo của Ủy ban nhân dân tỉnh về cải cách."
    assert "W207" in [w.code for w in lay.warnings]


def test_item_text_is_quoted_as_written_without_marks():
    lay = layout("Yêu cầu:\n1. Hoàn thành hoà giải ở cơ sở¹ theo **kế hoạch**.\n¹ Ghi chú.")
    assert lay.items[0].text == "1. Hoàn thành hoà giải ở cơ sở theo **kế hoạch**."


def test_two_numbered_items_on_one_line_are_split():
    lay = layout("Yêu cầu:\n1. Rà soát văn bản trong năm 2024. 2. Công khai kết quả. Xem 3. mục khác.")
    assert [(it.path, it.text) for it in lay.items] == [
        ("1", "1. Rà soát văn bản trong năm 2024."), ("2", "2. Công khai kết quả. Xem 3. mục khác.")]


def test_closing_mark_on_its_own_line():
    lay = layout("Yêu cầu:\n1. Mục một.\nĐề nghị các cơ quan thực hiện.\n./.\nNơi nhận:\n- Như trên.")
    assert lay.items[0].text == "1. Mục một."


def test_round_and_star_bullets_are_items_like_dashes():
    lay = layout("Đề nghị:\n1. Rà soát các nội dung sau:\n• Công bố thủ tục.\n• Số hóa hồ sơ.\n"
                 "2. Đối với UBND các xã:\n* Phân công công chức.\n*Ghi chú in nghiêng.*\n")
    # a round bullet's path is written with a dash (as most annotators do); "*" keeps its own sign
    assert [(it.path, it.kind) for it in lay.items] == [
        ("1", "decimal"), ("1/-1", "bullet"), ("1/-2", "bullet"), ("2", "decimal"), ("2/*1", "bullet")]


def test_a_second_bullet_sign_nests_and_words_o_bullet_is_read():
    # a list copied from Word: "•" items, "o" (its second-level glyph, tab turned to space) below
    lay = layout("Đề nghị:\n1. Về dịch vụ công:\n•\tCác bệnh viện:\no\tSử dụng thẻ căn cước.\n"
                 "o\tKết nối dữ liệu.\n•\tSở Y tế chủ trì.\n2. Về báo cáo:\no sau đó chữ thường là văn bản.\n")
    assert [(it.path, it.kind) for it in lay.items] == [
        ("1", "decimal"), ("1/-1", "bullet"), ("1/-1/o1", "bullet"), ("1/-1/o2", "bullet"), ("1/-2", "bullet"),
        ("2", "decimal")]


def test_round_bullets_under_dashes_keep_paths_apart():
    # "•" under "-" nests; "-" after "•" nests too: written with the same sign, no path is given twice
    lay = layout("Đề nghị:\n1. Về dịch vụ công:\n- Sở Y tế:\n• Công bố thủ tục.\n• Số hóa hồ sơ.\n"
                 "- Sở Tư pháp rà soát.\n")
    paths = [it.path for it in lay.items]
    assert paths == ["1", "1/-1", "1/-1/-1", "1/-1/-2", "1/-2"]


def test_slash_labels_are_items_and_their_heading_body_leads():
    # some provinces number "1/ …", "a/ …"
    from cchc_extract.pipeline import extract_text

    doc = extract_text("Kính gửi: Các sở.\n\nUBND tỉnh yêu cầu:\n\n1/ Sở Nội vụ:\na/ Chủ trì, phối hợp với "
                       "Sở Tư pháp rà soát quy trình.\nb/ Kiểm tra công tác CCHC.\n2/ Sở Tài chính bố trí kinh phí.\n")
    assert [i.path for i in doc.items] == ["1", "1/a", "1/b", "2"]
    leads = {d.item: [b.text for b in d.lead] for d in doc.directives}
    assert leads["1/a"] == ["Sở Nội vụ"] and leads["2"] == ["Sở Tài chính"]


def test_parts_numbered_in_words_are_parts():
    lay = layout("Kế hoạch.\n\nPHẦN THỨ NHẤT\nKẾT QUẢ\nI. KẾT QUẢ ĐẠT ĐƯỢC\n1. Đã thành lập.\n"
                 "PHẦN THỨ HAI\nNHIỆM VỤ\nI. MỤC TIÊU\n1. Đạt 100%.\n")
    assert [it.path for it in lay.items] == ["PHẦN THỨ NHẤT", "PHẦN THỨ NHẤT/I", "PHẦN THỨ NHẤT/I/1",
                                             "PHẦN THỨ HAI", "PHẦN THỨ HAI/I", "PHẦN THỨ HAI/I/1"]


def test_an_item_pasted_twice_is_marked_as_the_copy():
    lay = layout("Yêu cầu:\n1. Rà soát hồ sơ.\na) Lập danh mục.\n1. Rà soát hồ sơ.\na) Lập danh mục.\n"
                 "1. Công khai kết quả.\n")
    assert [it.path for it in lay.items] == ["1", "1/a", "dup/1", "dup/1/a", "1~2"]


def test_structure_warnings_are_capped_per_code():
    lay = layout("Yêu cầu:\n" + "a) Một.\n" * 200)
    w204 = [w for w in lay.warnings if w.code == "W204"]
    assert len(lay.items) == 200 and len({it.path for it in lay.items}) == 200
    assert 1 < len(w204) <= 21 and "more not listed" in w204[-1].message


def _wrap(text: str, width: int) -> str:
    import textwrap
    return "\n".join("\n".join(textwrap.wrap(line, width)) if line.strip() else line for line in text.split("\n"))


def test_hard_wrapped_lines_give_the_same_structure():
    text = ("Thực hiện Nghị quyết số 5/NQ-CP của Chính phủ về cải cách hành chính, Ủy ban nhân dân tỉnh yêu cầu:\n\n"
            "1. Các sở, ban, ngành rà soát toàn bộ thủ tục hành chính thuộc phạm vi quản lý trong năm 2024¹.\n\n"
            "a) Hoàn thành việc số hóa hồ sơ, kết quả giải quyết thủ tục hành chính theo quy định. b) Công khai "
            "đầy đủ Thủ tục hành chính trên Cổng Dịch vụ công của tỉnh.\n\n"
            "¹ Theo Quyết định số 12/QĐ-UBND ngày 05/01/2024 của Ủy ban nhân dân tỉnh về danh mục thủ tục.\n\n"
            "2. Sở Nội vụ theo dõi, đôn đốc và tổng hợp kết quả thực hiện, báo cáo Ủy ban nhân dân tỉnh.\n\n"
            "Ủy ban nhân dân tỉnh yêu cầu các cơ quan, đơn vị Nghiêm túc thực hiện./.")
    flat, wrapped = layout(text), layout(_wrap(text, 38))
    assert [(it.path, it.text) for it in wrapped.items] == [(it.path, it.text) for it in flat.items]
    assert [(f.marker, f.anchor, f.text) for f in wrapped.footnotes] == [
        (f.marker, f.anchor, f.text) for f in flat.footnotes]
    assert [it.path for it in flat.items] == ["1", "1/a", "1/b", "2"]


def test_party_letter_parts_are_a_level_above_the_items():
    lay = layout("Báo cáo:\nA. TÌNH HÌNH\n1. Kết quả đạt được.\nB. NHIỆM VỤ\nTiếp tục triển khai.\n2. Mục hai.")
    assert [(it.path, it.text) for it in lay.items] == [
        ("A", "A. TÌNH HÌNH"), ("A/1", "1. Kết quả đạt được."),
        ("B", "B. NHIỆM VỤ Tiếp tục triển khai."), ("B/2", "2. Mục hai.")]


def test_parts_keep_the_paths_of_their_sections_apart():
    lay = layout("Kế hoạch:\nPHẦN I. KẾT QUẢ\nI. Đánh giá\n1. Tốt.\nPHẦN II. NHIỆM VỤ\nI. Mục tiêu\n1. Rà soát.\n"
                 "Phần II của Kế hoạch này gồm các nhiệm vụ.\n")
    assert [(it.path, it.label, it.kind) for it in lay.items] == [
        ("PHẦN I", "PHẦN I.", "part"), ("PHẦN I/I", "I.", "roman"), ("PHẦN I/I/1", "1.", "decimal"),
        ("PHẦN II", "PHẦN II.", "part"), ("PHẦN II/I", "I.", "roman"), ("PHẦN II/I/1", "1.", "decimal")]
    assert not [w for w in lay.warnings if w.code == "W204"]      # no duplicate paths made unique


def test_items_at_agrees_with_item_at_everywhere():
    text = ("Kính gửi: Sở Nội vụ\nMở đầu văn bản.\nI. NHIỆM VỤ\n1. Sở Tư pháp rà soát¹.\n"
            "a) Chi tiết.\n2. Sở Tài chính.\n¹ Ghi chú cuối trang.\nNơi nhận:\n- Lưu: VT.\n")
    lay = layout(text)
    n = len(normalize(text).text)
    assert lay.items_at(list(range(n + 1))) == [lay.item_at(p) for p in range(n + 1)]


def test_paren_numbers_and_dotted_letters_build_the_same_tree():
    text = ("Kính gửi: Sở Nội vụ.\n\n1) Về bàn giao hồ sơ\na. Sở Nội vụ chủ trì hướng dẫn.\n"
            "b. UBND các xã tiếp nhận.\n2) Về con dấu\na. Công an tỉnh hướng dẫn.\n")
    assert paths(text) == ["1", "1/a", "1/b", "2", "2/a"]


def test_a_number_alone_on_its_line_opens_the_item_whose_text_follows():
    text = ("Kính gửi: Sở Nội vụ.\n\n1.\nNhiệm vụ: Rà soát thủ tục.\nĐơn vị chủ trì: Cục A.\n"
            "2.\nNhiệm vụ: Số hóa hồ sơ.\na)\nHồ sơ còn hiệu lực.\n")
    items = layout(text).items
    assert [it.path for it in items] == ["1", "2", "2/a"]
    assert text[items[0].start:items[0].end].startswith("1.\nNhiệm vụ: Rà soát thủ tục.\nĐơn vị chủ trì")
    # a figure alone is a page number, not a label
    assert paths("Kính gửi: Sở Nội vụ.\n\n1. Rà soát thủ tục\n2\nhành chính.\n") == ["1"]


def test_ordinal_words_list_the_tasks_under_their_heading():
    text = ("I. CÁC NHIỆM VỤ TRỌNG TÂM\nCác sở, ngành thực hiện các nhiệm vụ sau:\n"
            "Một là, rà soát thủ tục.\nHai là, số hóa hồ sơ.\na) Tại cấp tỉnh.\nb) Tại cấp xã.\n"
            "Ba là, kiểm tra công vụ.\nII. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ theo dõi.\n")
    assert paths(text) == ["I", "I/Một là", "I/Hai là", "I/Hai là/a", "I/Hai là/b", "I/Ba là", "II", "II/1"]


def test_a_decisions_last_article_runs_to_the_signature():
    text = ("QUYẾT ĐỊNH:\nĐiều 1. Công bố Chỉ số cải cách hành chính năm 2023.\n"
            "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.\n"
            "Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ chịu trách nhiệm thi hành Quyết định này./.\n\n"
            "Nơi nhận:\n- Như Điều 2;\n- Lưu: VT.\nCHỦ TỊCH\n\nNguyễn Văn An\n")
    lay = layout(text)
    assert lay.items[-1].path == "Điều 2" and lay.items[-1].text.endswith("thi hành Quyết định này./.")
    assert "closing" not in [k for k, _, _ in lay.segments]


def test_a_note_line_under_a_bare_heading_is_its_text():
    # "(Chi tiết tại bảng dưới đây)" says what the heading holds; after a task's sentence the same
    # kind of line is a note on the part (corpus 002: III/6/đ does not take it)
    text = ("I. MỤC ĐÍCH\n1. Nâng cao chất lượng phục vụ.\n(Nhiệm vụ cụ thể theo Phụ lục đính kèm).\n\n"
            "II. NHIỆM VỤ CỤ THỂ\n(Chi tiết tại bảng dưới đây)\n\nIII. TỔ CHỨC THỰC HIỆN\nCác sở thực hiện.\n")
    texts = {it.path: it.text for it in layout(text).items}
    assert texts["II"] == "II. NHIỆM VỤ CỤ THỂ (Chi tiết tại bảng dưới đây)"
    assert texts["I/1"] == "1. Nâng cao chất lượng phục vụ."


def test_the_number_column_of_a_table_that_assigns_nothing_gives_no_items():
    text = ("Điều 1. Ban hành Bộ tiêu chí.\nĐiều 2. Hiệu lực.\n\nPHỤ LỤC\n"
            "| STT | Tiêu chí | Điểm tối đa |\n|---|---|---|\n| 1 | Công tác chỉ đạo | 13 |\n"
            "| 1.1 | Ban hành kế hoạch CCHC | 2 |\n| 1.2 | Kiểm tra công tác CCHC | 3 |\n")
    assert paths(text) == ["Điều 1", "Điều 2"]
    # a scraped page's one-cell rows keep their labels
    assert paths("| I. MỤC ĐÍCH |\n| 1. Nâng cao chất lượng. |\n| 1.1. Rà soát quy trình. |\n") == ["I", "I/1", "I/1/1.1"]


def test_a_parts_title_on_the_line_under_its_bare_label_is_its_text():
    text = ("Chương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\nQuy chế này quy định.\n"
            "Chương II\nNHIỆM VỤ CỦA THÀNH VIÊN\nĐiều 2. Trưởng ban\nChỉ đạo chung.\n")
    texts = {it.path: it.text for it in layout(text).items}
    assert texts["Chương I"] == "Chương I QUY ĐỊNH CHUNG" and texts["Chương II"] == "Chương II NHIỆM VỤ CỦA THÀNH VIÊN"
    assert "Chương II/Điều 2" in texts


def test_a_quoted_passages_numbered_lines_nest_under_the_quoting_item():
    from cchc_extract.pipeline import extract_text
    text = ("2. Nhiệm vụ\n"
            "c) Văn phòng UBND tỉnh:\n"
            "- Tham mưu ban hành Chỉ thị, trong đó yêu cầu:\n"
            "“1. Người đứng đầu chịu trách nhiệm khi để hồ sơ quá hạn;\n"
            "2. Không yêu cầu người dân nộp lại giấy tờ đã số hóa;\n"
            "3. Công khai danh sách cơ quan để hồ sơ quá hạn.”\n"
            "d) Sở Tư pháp chủ trì hướng dẫn các xã.\n"
            "3. Đề nghị Ủy ban Mặt trận Tổ quốc tỉnh phối hợp.\n")
    assert paths(text) == ["2", "2/c", "2/c/-1", "2/c/-1/1", "2/c/-1/2", "2/c/-1/3", "2/d", "3"]
    # the quoted lines are the quoted text's: no task of this document
    tasks = [d.item for d in extract_text(text).directives]
    assert "2/d" in tasks and not [p for p in tasks if p.startswith("2/c/-1/")]
    # a stray mark inside a sentence opens no quotation; an unpaired one at a line's start lets
    # labels count again after a few lines
    assert paths("1. Ghi “Đã xử lý vào sổ.\n2. Tiếp tục.\n") == ["1", "2"]
    text = "1. Nội dung:\n“Dòng mở đầu\n" + "".join(f"Dòng {i} của đoạn văn.\n" for i in range(14)) + "2. Tiếp tục.\n"
    assert paths(text) == ["1", "2"]
    # a quotation opened before any item has no item to nest under: the labels below still count
    assert paths("“Tiếp tục đẩy mạnh cải cách\n1. Rà soát thủ tục.\n2. Số hóa hồ sơ.”\n") == ["1", "2"]


def test_a_heading_printed_twice_in_a_row_keeps_the_items_below_under_the_first():
    text = ("I. MỤC TIÊU\nNâng cao chất lượng.\nII. NHIỆM VỤ\nII. NHIỆM VỤ\n"
            "1. Rà soát thủ tục.\n2. Số hóa hồ sơ.\n")
    assert paths(text) == ["I", "II", "dup/II", "II/1", "II/2"]
    # a block pasted twice keeps its copy's items under the copy
    block = "II. NHIỆM VỤ\n1. Rà soát thủ tục.\n"
    assert paths("I. MỤC TIÊU\nNâng cao chất lượng.\n" + block + block) == ["I", "II", "II/1", "dup/II", "dup/II/1"]


def test_an_item_pasted_twice_keeps_its_paragraph_with_each_copy():
    para = "Giao Sở Khoa học và Công nghệ khắc phục lỗi đồng bộ.\n"
    text = "1. Rà soát hồ sơ.\n2. Số hóa hồ sơ.\n3. Khắc phục lỗi\n" + para + "3. Khắc phục lỗi\n" + para + "4. Báo cáo.\n"
    lay = analyze(normalize(text))
    spans = {it.path: text[it.start:it.end] for it in lay.items}
    assert list(spans) == ["1", "2", "3", "dup/3", "4"]
    assert spans["3"] == spans["dup/3"] == "3. Khắc phục lỗi\n" + para.rstrip()
    assert "W203" not in [w.code for w in lay.warnings]      # no restarted list


def test_a_markdown_blockquotes_numbered_lines_nest_under_the_quoting_item():
    text = ("## 3. Về kỷ luật, kỷ cương\n\nChủ tịch UBND tỉnh đã kết luận như sau:\n\n"
            "> Người đứng đầu phải chịu trách nhiệm.\n>\n> 1. Không để phát sinh hồ sơ quá hạn.\n"
            "> 2. Giảm ít nhất 20% số hồ sơ phải bổ sung.\n\n## 4. Tổ chức thực hiện\n\nSở Nội vụ theo dõi.\n")
    assert paths(text) == ["3", "3/1", "3/2", "4"]
