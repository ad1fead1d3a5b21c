"""Targets: number parsing, comparator/change logic, list distribution and text extent."""
from __future__ import annotations

import pytest

from _own_rules import own_rules, run
from cchc_extract.matchers import targets
from cchc_extract.matchers.targets import change_of, comparator_of, parse_number
from cchc_extract.pipeline import extract_text


@pytest.fixture(scope="module")
def rules(tmp_path_factory):
    return own_rules(tmp_path_factory.mktemp("rules"))


def found(rules, text):
    got, _ = run(targets.find, rules, text)
    return [(t, f["value"], f["unit"], f["comparator"], f["change"]) for t, f in got]


@pytest.mark.parametrize("s, v", [("98", 98), ("2,5", 2.5), ("1.000", 1000), ("99.5", 99.5), ("05", 5)])
def test_parse_number(s, v):
    assert parse_number(s) == v


@pytest.mark.parametrize("groups, cmp_", [
    ({"ge": "tối thiểu"}, "ge"), ({"gt": "trên"}, "gt"), ({"le": "không quá"}, "le"),
    ({"lt": "dưới"}, "lt"), ({"up": " trở lên"}, "ge"), ({}, None),
])
def test_comparator_of(groups, cmp_):
    assert comparator_of(groups) == cmp_


def test_change_of():
    assert change_of({"dec": "giảm"}) == "decrease"
    assert change_of({"inc": "tăng"}) == "increase"
    assert change_of({}) is None


@pytest.mark.parametrize("text, span, cmp_", [
    ("Trên 98% số hồ sơ được giải quyết đúng hạn.", "Trên 98% số hồ sơ được giải quyết đúng hạn", "gt"),
    ("đạt tối thiểu 85% TTHC.", "tối thiểu 85% TTHC", "ge"),
    ("đạt từ 80% trở lên số hồ sơ.", "từ 80% trở lên số hồ sơ", "ge"),
    ("bảo đảm đạt và vượt 100% chỉ tiêu.", "đạt và vượt 100% chỉ tiêu", "ge"),
    ("tỷ lệ trả lại tối đa 5% hồ sơ.", "tối đa 5% hồ sơ", "le"),
    ("tỷ lệ trả lại không quá 5% hồ sơ.", "không quá 5% hồ sơ", "le"),
    ("tỷ lệ nợ đọng dưới 3% nhiệm vụ.", "dưới 3% nhiệm vụ", "lt"),
    ("Công khai 100% TTHC trên Cổng.", "100% TTHC trên Cổng", "eq"),
])
def test_comparators_start_the_text(rules, text, span, cmp_):
    assert [(t, c) for t, _, _, c, _ in found(rules, text)] == [(span, cmp_)]


@pytest.mark.parametrize("text, span", [
    ("kiểm tra tối thiểu 08 cơ quan, trong đó ưu tiên những nơi có nhiều thủ tục hành chính.", "tối thiểu 08 cơ quan"),
    # a request after the comma is a clause of its own; "yêu cầu" as a noun is not one
    ("Phấn đấu Chỉ số SIPAS đạt từ 85% trở lên, đề nghị các cơ quan, đơn vị tập trung thực hiện.", "từ 85% trở lên"),
    ("bảo đảm 100% công chức nắm rõ mục đích, yêu cầu của cuộc điều tra.",
     "100% công chức nắm rõ mục đích, yêu cầu của cuộc điều tra"),
])
def test_an_aside_after_a_comma_ends_the_quantified_text(rules, text, span):
    assert [t for t, *_ in found(rules, text)] == [span]


def test_a_verb_of_change_governs_members_with_their_own_comparator(rules):
    text = "Bảo đảm cắt giảm ít nhất 30% thời gian giải quyết, ít nhất 30% chi phí tuân thủ và ít nhất 30% điều kiện kinh doanh."
    assert [(c, ch) for _, _, _, c, ch in found(rules, text)] == [("ge", "decrease")] * 3


def test_scores_and_scoring_thresholds_are_no_targets(rules):
    text = ("1. Lĩnh vực chỉ đạo, điều hành (tối đa 12 điểm). Hoàn thành 100% nhiệm vụ thì đạt 2/2 điểm; "
            "từ 80% đến dưới 100% thì đạt 1 điểm; dưới 80% không chấm điểm. Bảo đảm 100% hồ sơ được gửi đúng hạn.")
    assert [t for t, *_ in found(rules, text)] == ["100% hồ sơ được gửi đúng hạn"]
    # a scale told in words: "thì chấm điểm tối đa", "thì chấm 1/2 số điểm tối đa"
    text = ("Ví dụ: tỷ lệ văn bản được rà soát đạt 100% thì chấm điểm tối đa; đạt từ 80% đến dưới 100% thì "
            "chấm 1/2 số điểm tối đa. Bảo đảm 100% hồ sơ được gửi đúng hạn.")
    assert [t for t, *_ in found(rules, text)] == ["100% hồ sơ được gửi đúng hạn"]


def test_a_field_line_ends_the_quantified_text(rules):
    # a Phụ lục task in numbered text: the target's line ends where "Đơn vị chủ trì:" opens the next
    text = ("1. Nhiệm vụ: Bảo đảm 100% hồ sơ được tiếp nhận, giải quyết trực tuyến\n"
            "Đơn vị chủ trì: Cục Công nghệ thông tin\nThời gian hoàn thành: Quý III/2025\n")
    assert [t for t, *_ in found(rules, text)] == ["100% hồ sơ được tiếp nhận, giải quyết trực tuyến"]


def test_a_table_cell_ends_the_quantified_text(rules):
    text = "| 2 | Số hóa kết quả giải quyết TTHC tại 100% xã, phường | Sở Nội vụ | UBND các xã | Quý IV/2025 |"
    assert [t for t, *_ in found(rules, text)] == ["100% xã, phường"]


def test_a_tab_cell_ends_the_quantified_text():
    # a Word table copied as text: its cells are joined by tabs; elsewhere a tab is only spacing
    row = "5\tBảo đảm trên 45% hồ sơ TTHC được thanh toán trực tuyến\tSở Thông tin và Truyền thông\tQuý IV/2024\n"
    table = "II. NHIỆM VỤ\nTT\tNội dung\tCơ quan chủ trì\tThời gian hoàn thành\n" + row
    doc = extract_text("KẾ HOẠCH\nCải cách hành chính\n\nI. MỤC ĐÍCH\n1. Tốt.\n\n" + table)
    assert [t.text for t in doc.targets] == ["trên 45% hồ sơ TTHC được thanh toán trực tuyến"]
    prose = "Bảo đảm trên 45% hồ sơ\tTTHC được thanh toán trực tuyến."
    assert [t.text for t in extract_text(prose).targets] == ["trên 45% hồ sơ\tTTHC được thanh toán trực tuyến"]


def test_a_footnote_mark_is_no_part_of_the_target(rules):
    text = "Phấn đấu Chỉ số CCHC tăng ít nhất 05 bậc so với năm 2023[2]. Tiếp tục rà soát."
    assert [t for t, *_ in found(rules, text)] == ["ít nhất 05 bậc so với năm 2023"]


def test_change_verb_sets_change_outside_text(rules):
    assert found(rules, "cắt giảm tối thiểu 20% thông tin phải khai báo.") == [
        ("tối thiểu 20% thông tin phải khai báo", 20, "percent", "ge", "decrease")]
    assert found(rules, "tăng thêm 2,5% số hồ sơ trực tuyến.") == [
        ("2,5% số hồ sơ trực tuyến", 2.5, "percent", "eq", "increase")]
    assert found(rules, "tăng cường 100% hồ sơ") == [("100% hồ sơ", 100, "percent", "eq", None)]


def test_list_distributes_comparator_and_change(rules):
    text = ("bảo đảm giảm tối thiểu 10% đơn vị sự nghiệp, 10% biên chế sự nghiệp, "
            "5% biên chế công chức cấp tỉnh, cấp huyện so với năm 2021 và 100 cán bộ cấp xã.")
    assert found(rules, text) == [
        ("tối thiểu 10% đơn vị sự nghiệp", 10, "percent", "ge", "decrease"),
        ("10% biên chế sự nghiệp", 10, "percent", "ge", "decrease"),
        ("5% biên chế công chức cấp tỉnh, cấp huyện so với năm 2021", 5, "percent", "ge", "decrease"),
        ("100 cán bộ cấp xã", 100, "count", "ge", "decrease"),
    ]


def test_members_with_their_own_comparator_keep_it(rules):
    got = found(rules, "giảm tối thiểu 10% biên chế, trên 5% kinh phí.")
    assert [(c, ch) for _, _, _, c, ch in got] == [("ge", "decrease"), ("gt", None)]


def test_extent_cut_before_next_target_and_purpose(rules):
    text = ("100% TTHC đủ điều kiện được cung cấp trực tuyến toàn trình, tỷ lệ hồ sơ đạt từ 80% trở lên; "
            "bảo đảm 100% thủ tục được công khai và 100% hồ sơ được theo dõi để người dân giám sát.")
    assert [t for t, *_ in found(rules, text)] == [
        "100% TTHC đủ điều kiện được cung cấp trực tuyến toàn trình",
        "từ 80% trở lên",
        "100% thủ tục được công khai",
        "100% hồ sơ được theo dõi",
    ]


def test_item_label_ends_the_text(rules):
    assert [t for t, *_ in found(rules, "b) 100% hồ sơ được số hóa c) 95% người dân hài lòng")] == [
        "100% hồ sơ được số hóa", "95% người dân hài lòng"]


def test_rank_group(rules):
    assert found(rules, "nằm trong nhóm 10 địa phương dẫn đầu cả nước và có điểm tăng.") == [
        ("nhóm 10 địa phương dẫn đầu cả nước", 10, "rank", "le", None)]


def test_measure(rules):
    got, _ = run(targets.find, rules, "Mức độ hài lòng của người dân đạt tối thiểu 91%.")
    assert got[0][1]["measure"] == "Mức độ hài lòng của người dân"
    got, _ = run(targets.find, rules, "100% hồ sơ được số hóa.")
    assert got[0][1]["measure"] == "hồ sơ được số hóa"


@pytest.mark.parametrize("text, expected", [
    ("Chỉ số CCHC xếp thứ 12/63, giảm 03 bậc so với năm 2021.", []),
    ("tăng 6 bậc so với năm 2022", []),
    ("triển khai 06 nội dung về CCHC", []),
    ("25 dịch vụ công thiết yếu", []),
    ("chính quyền 02 cấp", []),
    ("Quyết định số 749/QĐ-TTg ngày 03/6/2020", []),
    ("trong 04 năm", []),
    ("gửi báo cáo không quá 03 ngày làm việc sau hội nghị", []),
    ("Năm 2022, tỷ lệ hồ sơ đúng hạn đã đạt 97,5%.", []),
    ("Khoảng 20% hồ sơ đã được số hóa.", []),
    ("tổ chức 02 hội nghị và 03 lớp tập huấn", []),
    ("100% hồ sơ được số hóa và 02 bản sao được lưu", ["100% hồ sơ được số hóa và 02 bản sao được lưu"]),
])
def test_not_targets(rules, text, expected):
    assert [t for t, *_ in found(rules, text)] == expected


def test_results_of_past_years_are_not_targets(rules):
    text = ("Năm 2023, tỷ lệ hồ sơ đúng hạn đạt 98,7%. Tỷ lệ hài lòng năm 2023 đạt 95%. "
            "Năm 2024, phấn đấu 100% hồ sơ được số hóa; giảm 10% biên chế so với năm 2021.")
    got, _ = run(targets.find, rules, text, doc_date="2024-01-05")
    assert [t for t, _ in got] == ["100% hồ sơ được số hóa", "10% biên chế so với năm 2021"]
    got, _ = run(targets.find, rules, text)          # no document date: no year to compare
    assert len(got) == 4


def test_a_paragraph_opened_by_a_past_year_reports_in_its_later_sentences(rules):
    text = ("Năm 2023, công tác cải cách hành chính đạt nhiều kết quả. Chỉ số CCHC năm 2023 xếp thứ 9/63; "
            "tỷ lệ hồ sơ được giải quyết đúng hạn đạt 98,6%.\n"
            "Năm 2023, công tác CCHC có chuyển biến. Năm 2024, phấn đấu tỷ lệ hồ sơ trực tuyến đạt 50%.")
    got, _ = run(targets.find, rules, text, doc_date="2024-01-05")
    assert [t for t, _ in got] == ["50%"]


def test_a_hard_wrapped_paragraph_opened_by_a_past_year_reports_in_its_later_lines(rules):
    # a PDF's layout copy wraps the paragraph: its opening year is lines above the figure
    text = ("      Năm 2025, Bộ đã công bố, công khai 312 thủ tục hành chính\n"
            "  (TTHC); tỷ lệ hồ sơ được giải quyết trực tuyến toàn trình đạt 68,5%, tỷ lệ hồ sơ giải quyết đúng\n"
            "  hạn đạt 96,2%.\n"
            "  Năm 2026, phấn đấu tỷ lệ hồ sơ trực tuyến toàn trình đạt 80%.\n")
    got, _ = run(targets.find, rules, text, doc_date="2026-01-20")
    assert [t for t, _ in got] == ["80%"]


def test_top_rank(rules):
    assert found(rules, "Chỉ số PAR INDEX thuộc Top 10 cả nước.") == [("Top 10 cả nước", 10, "rank", "le", None)]


def test_wrapped_lines_continue_and_parentheses_close(rules):
    assert [t for t, *_ in found(rules, "bảo đảm 100% hồ sơ được\nsố hóa đầy đủ.\nb) Khác")] == [
        "100% hồ sơ được\nsố hóa đầy đủ"]
    assert [t for t, *_ in found(rules, "nâng tỷ lệ hồ sơ trực tuyến (tối thiểu 50% tổng số hồ sơ) trong năm.")] == [
        "tối thiểu 50% tổng số hồ sơ"]
    assert [t for t, *_ in found(rules, "100% văn bản (trừ văn bản mật) được ký số.")] == [
        "100% văn bản (trừ văn bản mật) được ký số"]


def test_report_figures_need_a_goal(rules):
    from types import SimpleNamespace

    from cchc_extract.matchers import MatchContext
    from cchc_extract.normalize import normalize
    text = "Tỷ lệ hồ sơ đúng hạn đạt 98,5%. Năm tới phấn đấu 100% hồ sơ được số hóa; tối thiểu 50% trực tuyến."
    for doc_type, n in (("bao_cao", 2), ("ke_hoach", 3)):
        layout = SimpleNamespace(metadata=SimpleNamespace(doc_type=doc_type))
        ctx = MatchContext(norm=normalize(text), rules=rules, layout=layout)
        assert len(targets.find(ctx)) == n


def test_a_deadline_clause_after_a_comma_ends_the_target():
    from cchc_extract.pipeline import extract_text

    doc = extract_text("1. Bảo đảm tỷ lệ hồ sơ giải quyết đúng hạn đạt trên 95%, hoàn thành trước ngày 30/6/2025.")
    assert [(t.text, t.comparator) for t in doc.targets] == [("trên 95%", "gt")]
    assert [d.text for d in doc.deadlines] == ["trước ngày 30/6/2025"]   # the verb is not the deadline


@pytest.mark.parametrize("text,target", [
    ("b) Đề xuất đơn giản hóa ít nhất 05 TTHC lĩnh vực nội vụ, trình Ủy ban nhân dân tỉnh trong quý III/2026.",
     "ít nhất 05 TTHC lĩnh vực nội vụ"),
    ("Đề xuất cắt giảm tối thiểu 30% chi phí tuân thủ, gửi Bộ Công Thương trước ngày 15/11/2025.",
     "tối thiểu 30% chi phí tuân thủ"),
    # a participle listed with the noun's others is part of it
    ("Bảo đảm 100% văn bản đi được ký số, gửi, nhận trên môi trường điện tử.",
     "100% văn bản đi được ký số, gửi, nhận trên môi trường điện tử"),
])
def test_what_is_then_sent_to_whom_ends_the_target(text, target):
    from cchc_extract.pipeline import extract_text

    assert [t.text for t in extract_text(text).targets] == [target]


def test_result_reported_after_a_past_clause_is_not_a_target(rules):
    text = ("Sau 02 tháng vận hành, Trung tâm đã đi vào hoạt động ổn định; tỷ lệ hồ sơ giải quyết "
            "đúng hạn đạt 96,4%, có 41.270 hồ sơ được tiếp nhận trực tuyến.\n")
    assert found(rules, text) == []


def test_goal_in_the_sentence_keeps_the_figure_a_target(rules):
    text = ("Trung tâm đã đi vào hoạt động; phấn đấu tỷ lệ hồ sơ giải quyết đúng hạn đạt 98%.\n")
    assert [v for _, v, *_ in found(rules, text)] == [98]


@pytest.mark.parametrize("report,goal", [
    # the object of a past clause is no goal, but a goal named after it is
    ("Năm 2025, các cơ quan, đơn vị đã nỗ lực hoàn thành cơ bản các nhiệm vụ CCHC; tỷ lệ hồ sơ "
     "trực tuyến toàn trình của tỉnh đạt 46,8%.\n",
     "Các cơ quan, đơn vị đã hoàn thành các nhiệm vụ năm 2025; phấn đấu tỷ lệ hồ sơ trực tuyến "
     "toàn trình đạt 60%.\n"),
    # figures of a result acknowledged are no targets, but a goal named after it is
    ("1. Thường trực Tỉnh ủy ghi nhận kết quả 6 tháng đầu năm 2024: tỷ lệ hồ sơ trực tuyến toàn trình "
     "đạt 38,6%; 100% cơ quan hành chính cấp tỉnh sử dụng chữ ký số.\n",
     "1. Thường trực Tỉnh ủy ghi nhận kết quả đạt được; phấn đấu tỷ lệ hồ sơ trực tuyến toàn trình "
     "đạt 60%.\n"),
    # criticised too
    ("1. Phê bình UBND các xã có tỷ lệ hồ sơ giải quyết trễ hạn trên 5% trong tháng 10/2025.\n",
     "1. Phê bình UBND các xã giải quyết hồ sơ chậm; phấn đấu tỷ lệ hồ sơ đúng hạn đạt 60%.\n"),
])
def test_a_reported_result_is_no_target_but_a_goal_named_after_it_is(rules, report, goal):
    assert found(rules, report) == []
    assert [t for t, *_ in found(rules, goal)] == ["60%"]


def test_goals_restated_after_so_voi_chi_tieu_are_targets(rules):
    # a report request: "the extent reached against the targets: …" restates the targets
    text = ("b) Nêu rõ mức độ đạt được so với chỉ tiêu năm 2024 của tỉnh: tỷ lệ hồ sơ trực tuyến "
            "toàn trình đạt tối thiểu 50%; 100% kết quả được số hóa;\n")
    assert [t for t, *_ in found(rules, text)][:1] == ["tối thiểu 50%"]
    # the targets themselves reached, listed after a colon, are results
    result = "Năm 2023, tỉnh đã đạt được các chỉ tiêu: tỷ lệ hồ sơ trực tuyến đạt 98%.\n"
    assert found(rules, result) == []


def test_figures_of_a_period_already_over_or_to_date_are_results():
    from cchc_extract.pipeline import extract_text

    head = "UBND TỈNH LÀO CAI\nSố: 612/TB-VPUBND\nLào Cai, ngày 14 tháng 10 năm 2025\nTHÔNG BÁO\nKết luận\n"
    text = head + ("I. ĐÁNH GIÁ\nTrong quý III/2025, tỷ lệ hồ sơ đúng hạn đạt 97,6%; tỷ lệ hồ sơ trực tuyến "
                   "đạt 41,2%. Đến nay, 100% cơ quan đã kết nối mạng.\nII. NHIỆM VỤ\n1. Trong quý IV/2025, "
                   "phấn đấu tỷ lệ hồ sơ trực tuyến đạt 50%.\n2. Đến nay, phấn đấu 100% xã có Trung tâm.\n")
    doc = extract_text(text)
    assert [t.text for t in doc.targets] == ["50%", "100% xã có Trung tâm"]
    # a change on the same period of last year, and a year over "đến hết năm 2021", report too
    text2 = head + ("I. ĐÁNH GIÁ\nTỷ lệ hồ sơ trực tuyến đã đạt 46,7%, tăng 9,2% so với cùng kỳ năm 2024. "
                    "Đến hết năm 2024, tỉnh có 1.108 dịch vụ công; 100% thủ tục hành chính được công khai.\n"
                    "II. NHIỆM VỤ\n1. Phấn đấu tăng 10% so với cùng kỳ năm 2024.\n")
    assert [t.text for t in extract_text(text2).targets] == ["10% so với cùng kỳ năm 2024"]
    # the quarter over is no deadline either; the one to come is
    assert [d.text for d in doc.deadlines] == ["Trong quý IV/2025"]


def test_the_share_a_count_works_out_to_is_no_target(rules):
    assert found(rules, "- Hoàn thành 19/22 nhiệm vụ (đạt 86,4%); tổ chức đối thoại 01 lần.\n") == []
    assert [t for t, *_ in found(rules, "- Phấn đấu hoàn thành 100% nhiệm vụ (22/22 nhiệm vụ).\n")] == \
        ["100% nhiệm vụ (22/22 nhiệm vụ)"]      # the goal, its count in brackets


def test_only_reached_is_a_result(rules):
    text = "Tuy nhiên, tỷ lệ hồ sơ trực tuyến toàn trình mới đạt 18,6%; tỷ lệ thanh toán chỉ đạt 20%.\n"
    assert found(rules, text) == []


def test_figures_under_a_results_heading_are_results_unless_a_goal_is_named():
    from cchc_extract.pipeline import extract_text

    text = ("KẾ HOẠCH\nCải cách hành chính năm 2026\n\nPHẦN I. KẾT QUẢ THỰC HIỆN NĂM 2025\n"
            "1. Kết quả giải quyết thủ tục hành chính\nTỷ lệ hồ sơ trực tuyến toàn trình đạt 75,8%; tỷ lệ "
            "hài lòng đạt 97,2%.\nPHẦN II. KẾ HOẠCH NĂM 2026\n1. Mục tiêu\nTỷ lệ hồ sơ trực tuyến toàn trình "
            "đạt 80%.\n2. Kết quả cần đạt\nTỷ lệ hài lòng đạt 98%.\n3. Tình hình thực hiện\nPhấn đấu số hóa "
            "đạt 100%.\n")
    assert [t.text for t in extract_text(text).targets] == ["80%", "98%", "100%"]


def test_a_past_participle_qualifying_a_task_noun_before_a_comma_does_not_make_a_bound_figure_a_result(rules):
    text = "b) Rà soát, chuẩn hóa dữ liệu đã số hóa, giảm tối thiểu 50% số bản ghi sai lệch thông tin."
    assert [t for t, *_ in found(rules, text)] == ["tối thiểu 50% số bản ghi sai lệch thông tin"]
    text = "tỷ lệ khai thác, sử dụng lại dữ liệu đã số hóa trong giải quyết TTHC đạt tối thiểu 40%."
    assert [t for t, *_ in found(rules, text)] == ["tối thiểu 40%"]
    # a past marker in the figure's own part still reports a result
    assert found(rules, "Năm 2023, 100% đơn vị đã tổ chức ít nhất 01 lần đối thoại.") == []
    assert found(rules, "tỷ lệ hồ sơ trực tuyến đã đạt trên 40%.") == []


def test_a_share_of_what_was_counted_is_no_target(rules):
    text = "toàn tỉnh tiếp nhận 48.215 hồ sơ, trong đó còn 6.732 hồ sơ trễ hạn (chiếm 13,9%), tập trung ở đất đai."
    assert found(rules, text) == []
    goal = "Phấn đấu số hồ sơ trực tuyến chiếm tỷ lệ ít nhất 50% tổng số hồ sơ."
    assert [t for t, *_ in found(rules, goal)] == ["ít nhất 50% tổng số hồ sơ"]


def test_a_ranked_figure_is_a_result(rules):
    text = "Chỉ số SIPAS của tỉnh đạt 84,12%, xếp thứ 35/63. Phấn đấu năm 2022 đạt trên 85%."
    assert [t for t, *_ in found(rules, text)] == ["trên 85%"]


def test_who_does_it_in_parentheses_is_no_part_of_the_target(rules):
    text = ("Công khai 100% thủ tục hành chính tại Bộ phận một cửa (Văn phòng UBND huyện chủ trì, phối hợp "
            "với UBND các xã thực hiện); tối thiểu 10 thủ tục phát sinh hồ sơ trực tuyến (UBND các xã thực hiện).")
    assert [t for t, *_ in found(rules, text)] == ["100% thủ tục hành chính tại Bộ phận một cửa",
                                                   "tối thiểu 10 thủ tục phát sinh hồ sơ trực tuyến"]
    assert [t for t, *_ in found(rules, "100% văn bản đi (trừ văn bản mật) được ký số.")] == [
        "100% văn bản đi (trừ văn bản mật) được ký số"]


def test_a_new_clause_after_a_comma_ends_the_target(rules):
    text = ("Cắt giảm tối thiểu 30% số điều kiện kinh doanh còn lại, đồng thời phối hợp với Văn phòng Chính phủ "
            "cập nhật kết quả; bảo đảm 100% hồ sơ hư hỏng được lập lại, không yêu cầu người dân nộp lại giấy tờ.")
    assert [t for t, *_ in found(rules, text)] == ["tối thiểu 30% số điều kiện kinh doanh còn lại",
                                                   "100% hồ sơ hư hỏng được lập lại"]


def test_the_bands_of_a_scoring_scale_are_no_targets(rules):
    text = ("| 1.2 | Mức độ thực hiện kế hoạch: hoàn thành 100% kế hoạch: 3 điểm; từ 80% đến dưới 100%: 1,5 điểm; "
            "dưới 80%: 0 | 3 |\nGhi chú: điểm tự đánh giá chênh lệch trên 10% so với điểm thẩm định thì bị trừ 01 điểm.\n"
            "Phấn đấu 100% cơ quan hoàn thành kế hoạch.")
    assert [t for t, *_ in found(rules, text)] == ["100% cơ quan hoàn thành kế hoạch"]


# a report sets goals only in its section of what comes next; an assessment or shortcomings heading,
# and a heading line over its own paragraphs, report results
@pytest.mark.parametrize("text, expected", [
    ("UBND HUYỆN CHỢ GẠO\nSố: 412/BC-UBND\n\nBÁO CÁO\nKết quả cải cách hành chính năm 2023\n\n"
     "I. KẾT QUẢ\n1. Tỷ lệ hồ sơ trực tuyến đạt 38,6%.\n\n"
     "II. TỒN TẠI, HẠN CHẾ\nTỷ lệ hồ sơ trực tuyến chưa đạt chỉ tiêu tỉnh giao (40%).\n\n"
     "III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024\n"
     "1. Các cơ quan thực hiện nhiệm vụ; 100% kết quả giải quyết thủ tục hành chính được số hóa.\n",
     ["100% kết quả giải quyết thủ tục hành chính được số hóa"]),
    ("THÔNG BÁO\nKết luận của Chủ tịch UBND tỉnh\n\nI. ĐÁNH GIÁ CHUNG\n"
     "Công tác cải cách hành chính có chuyển biến; tỷ lệ hồ sơ giải quyết đúng hạn đạt 96,8%.\n"
     "II. NHIỆM VỤ\n1. Kết quả đạt được\n\nGiai đoạn 2021 - 2023, tỷ lệ hồ sơ đúng hạn đạt 97,6%.\n\n"
     "2. Tồn tại, hạn chế\n\nTỷ lệ hồ sơ trễ hạn ở cấp xã là 3,5%.\n\n"
     "3. Phòng Nội vụ\n\nBảo đảm tỷ lệ hồ sơ trực tuyến đạt 80%.\n",
     ["80%"]),
    # an inspection's findings report and its requests set goals; a decision that approves and
    # publishes results reports them in its article
    ("Hưng Yên, ngày 20 tháng 10 năm 2025\n\nII. KẾT QUẢ KIỂM TRA VÀ NHIỆM VỤ ĐỐI VỚI TỪNG ĐƠN VỊ\n\n"
     "1. Đối với UBND xã Tiên Lữ:\n\na) Ưu điểm: tỷ lệ hồ sơ giải quyết đúng hạn đạt 98,7%, cao nhất tỉnh "
     "trong các đơn vị được kiểm tra năm nay.\n\nb) Đề nghị Ủy ban nhân dân xã Tiên Lữ:\n\n"
     "- Duy trì tỷ lệ hồ sơ giải quyết trực tuyến toàn trình đạt trên 75% trên tổng số hồ sơ tiếp nhận.\n",
     ["trên 75% trên tổng số hồ sơ tiếp nhận"]),
    ("Hà Nội, ngày 16 tháng 4 năm 2024\n\nQUYẾT ĐỊNH\nPhê duyệt và công bố Chỉ số cải cách hành chính năm 2023\n\n"
     "QUYẾT ĐỊNH:\n\nĐiều 1. Phê duyệt và công bố Chỉ số cải cách hành chính năm 2023 như sau:\n"
     "1. Giá trị trung bình Chỉ số của các bộ đạt 86,74%.\n\n"
     "Điều 2. Trách nhiệm của các bộ\n1. Phấn đấu Chỉ số năm 2024 đạt tối thiểu 85%.\n",
     ["tối thiểu 85%"]),
])
def test_only_goal_sections_set_targets_in_reports_and_conclusions(text, expected):
    assert [t.text for t in extract_text(text).targets] == expected


@pytest.mark.parametrize("sentence", [
    "Đến hết tháng 6/2024, tỷ lệ hồ sơ trực tuyến mới đạt 31,4%; vẫn còn 17 tỉnh, thành phố có tỷ lệ dưới 15%.",
    "Vẫn còn 3 xã có tỷ lệ hồ sơ trễ hạn trên 5%.",
    "Qua theo dõi, 37 xã, phường, đặc khu có tỷ lệ hồ sơ giải quyết trễ hạn trên 5%, ảnh hưởng đến người dân.",
    "Có 21/63 địa phương có tỷ lệ dưới 10%.",
])
def test_what_still_remains_or_how_many_stand_at_a_rate_is_reported(rules, sentence):
    text = sentence + " Phấn đấu không còn đơn vị có tỷ lệ hồ sơ trễ hạn trên 2%."
    assert [t for t, *_ in found(rules, text)] == ["trên 2%"]
    # a count of units aimed at keeps its rate a target
    goal = "Phấn đấu có 15 xã có tỷ lệ hồ sơ trực tuyến trên 50%."
    assert [t for t, *_ in found(rules, goal)] == ["trên 50%"]
    # a year is no count: "… năm 2025 của địa phương, trong đó có tỷ lệ … (chỉ tiêu: trên 98%)"
    asked = "- Kết quả thực hiện các chỉ tiêu năm 2025 của địa phương, trong đó có tỷ lệ hồ sơ đúng hạn (chỉ tiêu: trên 98%);"
    assert [t for t, *_ in found(rules, asked)] == ["trên 98%"]
    # a rate that picks the units a measure is for is no goal either
    picked = "c) Đề xuất biện pháp chấn chỉnh đối với cơ quan, đơn vị có tỷ lệ hài lòng dưới 80%."
    assert [t for t, *_ in found(rules, picked)] == []


def test_a_past_marker_before_a_goal_verb_belongs_to_its_own_clause(rules):
    text = ("Chia sẻ dữ liệu theo danh mục đã thống nhất, bảo đảm 100% dữ liệu trong danh mục được đồng bộ tự động. "
            "Năm 2025, Sở đã số hóa 100% hồ sơ.")
    assert [t for t, *_ in found(rules, text)] == ["100% dữ liệu trong danh mục được đồng bộ tự động"]


def test_a_figure_as_of_a_day_already_past_is_a_result():
    head = "Hà Nội, ngày 20 tháng 10 năm 2022\n\n"
    past = head + "1. Tính đến ngày 15/9/2022, tỷ lệ văn bản đi được ký số đạt 86,2%.\n"
    ahead = head + "1. Đến ngày 31/12/2022, tỷ lệ văn bản đi được ký số đạt 90%.\n"
    assert [t.text for t in extract_text(past).targets] == []
    assert [t.text for t in extract_text(ahead).targets] == ["90%"]


def test_a_change_from_a_past_years_figure_told_with_no_goal_is_a_result():
    text = ("Hà Nội, ngày 15 tháng 8 năm 2023\n\n1. Thời gian qua, các Bộ đã triển khai các nhiệm vụ; "
            "tỷ lệ hồ sơ trực tuyến tăng từ 14% năm 2022 lên 26% trong 7 tháng đầu năm 2023.\n\n"
            "2. Phấn đấu tỷ lệ hồ sơ trực tuyến tăng từ 26% năm 2023 lên 40% năm 2024.\n")
    targets = [t.text for t in extract_text(text).targets]
    assert not [t for t in targets if "14%" in t or "26% trong" in t]      # what 2022-2023 gave
    assert "40% năm 2024" in targets                                       # what is aimed at


def test_a_reports_bounded_results_are_no_targets_and_its_proposals_set_goals():
    text = ("SỞ NỘI VỤ TỈNH ĐẮK LẮK\nSố: 412/BC-SNV\nĐắk Lắk, ngày 20 tháng 12 năm 2025\n\n"
            "BÁO CÁO\nKết quả Chỉ số cải cách hành chính năm 2025\n\n"
            "I. KẾT QUẢ CHỈ SỐ NĂM 2025\n\n"
            "Có 09 đơn vị đạt trên 90%, 14 đơn vị đạt từ 80% đến dưới 90%; không có đơn vị nào dưới 75%.\n\n"
            "II. ĐỀ XUẤT\n\n1. Các sở, ban, ngành bảo đảm 100% kết quả giải quyết thủ tục hành chính được số hóa.\n")
    assert [t.text for t in extract_text(text).targets] == ["100% kết quả giải quyết thủ tục hành chính được số hóa"]


def test_clause_searches_tried_only_where_they_can_start_find_what_a_search_finds():
    # _extent tries _ASIDE and _DEADLINE_CLAUSE only at commas and before "(": random texts of
    # the pieces that matter must give the match a plain search gives
    import random
    from cchc_extract.matchers.targets import (_ASIDE, _DEADLINE_CLAUSE, _aside_starts, _first_match,
                                               _places_of)
    pieces = [",", " ", "\n", "(", ")", "trong đó", "xem phụ lục", "chủ trì", "hoàn thành", "trình",
              " Sở", "x", "thực hiện", ";", "  "]
    rnd = random.Random(5)
    for _ in range(20000):
        s = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 9)))
        lo = rnd.randint(0, len(s))
        comma, paren = s.find(",", lo), s.find("(", lo)
        want = _DEADLINE_CLAUSE.search(s, lo, len(s))
        got = _first_match(_DEADLINE_CLAUSE, s, _places_of(s, ",", comma, len(s)), len(s))
        assert (want and want.span()) == (got and got.span()), (s, lo)
        want = _ASIDE.search(s, lo, len(s))
        got = _first_match(_ASIDE, s, _aside_starts(s, lo, comma, paren, len(s)), len(s))
        assert (want and want.span()) == (got and got.span()), (s, lo)


def test_a_target_in_a_tables_last_cell_ends_with_its_row_and_its_column():
    head = "KẾ HOẠCH\nChuyển đổi số năm 2026\n\nII. CHỈ TIÊU\nPhấn đấu đạt các chỉ tiêu sau:\n"
    by_year = ("STT\tChỉ tiêu\tNăm 2026\tNăm 2027\n"
               "1\tTỷ lệ hồ sơ trực tuyến toàn trình\tTối thiểu 60%\tTối thiểu 75%\n"
               "2\tTỷ lệ hồ sơ được số hóa\t90%\t100%\n")
    assert [t.text for t in extract_text(head + by_year).targets] == [
        "Tối thiểu 60%", "Tối thiểu 75%", "90%", "100%"]
    # columns aligned with spaces: a cell's target stops at the gap before the next column
    spaced = ("1. Bồi dưỡng kỹ năng số cho công chức, bảo đảm tối thiểu 20 lớp tập huấn      UBND các xã\n"
              "3    Triển khai thanh toán trực tuyến, tỷ lệ tối thiểu 50%\n"
              "4    Làm sạch dữ liệu hộ tịch\n")
    assert [t.text for t in extract_text(head + spaced).targets] == ["tối thiểu 20 lớp tập huấn", "tối thiểu 50%"]


_REPORT_HEAD = "CHỈ THỊ\nVề kỷ luật hành chính\n\n"


@pytest.mark.parametrize("report, goal", [
    # a paragraph that opens looking back, even hard-wrapped
    ("Thời gian qua, công tác cải cách hành chính đạt nhiều kết quả. Chỉ số hài lòng của người\n"
     "dân, tổ chức (SIPAS) đạt 80,15%. Tuy nhiên, còn hồ sơ trễ hạn.\n\n",
     "Thời gian qua, kết quả còn thấp; năm 2026 phấn đấu đạt trên 85%.\n"),
    # a sentence that names where its figures come from
    ("Theo số liệu trên Hệ thống thông tin giải quyết thủ tục hành chính, toàn Thành phố tiếp nhận "
     "1.126.540 hồ sơ; tỷ lệ hồ sơ giải quyết đúng hạn là 97,1%, trong đó 74% thuộc thẩm quyền cấp xã.\n\n",
     "Theo kết quả khảo sát năm 2025, các xã phấn đấu tỷ lệ hài lòng trên 85%.\n"),
])
def test_a_reports_figures_are_no_targets_but_a_goal_named_in_it_is(report, goal):
    task = "1. Các sở, ngành bảo đảm tỷ lệ hồ sơ đúng hạn trên 98%.\n"
    assert [t.text for t in extract_text(_REPORT_HEAD + report + task).targets] == ["trên 98%"]
    assert [t.text for t in extract_text(_REPORT_HEAD + goal).targets] == ["trên 85%"]


def test_figures_in_a_petition_quoted_after_its_colon_are_no_goals():
    head = "CÔNG VĂN\nVề trả lời kiến nghị\n\n"
    petition = ("3. Về chỉ tiêu hồ sơ trực tuyến\n\nỦy ban nhân dân xã kiến nghị: “Chỉ tiêu tỷ lệ hồ sơ trực "
                "tuyến toàn trình đạt 80% trong năm 2026 là quá cao. Đề nghị xem xét giảm xuống còn 60%.”\n\n"
                "Trả lời: đề nghị xã bảo đảm tỷ lệ hồ sơ trực tuyến đạt tối thiểu 70%.\n")
    assert [t.text for t in extract_text(head + petition).targets] == ["tối thiểu 70%"]
    # a higher directive quoted as adopted still sets its goal
    adopted = "Chỉ thị số 08/CT-TTg nêu rõ: “Các bộ, ngành bảo đảm 100% hồ sơ được cập nhật trạng thái xử lý.”\n"
    assert [t.text[:40] for t in extract_text(head + adopted).targets] == ["100% hồ sơ được cập nhật trạng thái xử lý"[:40]]

def test_a_year_tables_row_words_set_its_comparator_and_its_rank_cells_are_targets():
    head = "KẾ HOẠCH\nCải cách hành chính\n\n1. Chỉ tiêu cụ thể theo từng năm\n"
    table = ("STT\tChỉ tiêu\tNăm 2025\tNăm 2026\n"
             "1\tXếp hạng Chỉ số CCHC của tỉnh\tNhóm 20\tNhóm 15\n"
             "2\tChỉ số SIPAS của tỉnh đạt tối thiểu\t84%\t86%\n")
    got = [(t.text, t.value, t.unit, t.comparator) for t in extract_text(head + table).targets]
    assert got == [("Nhóm 20", 20, "rank", "le"), ("Nhóm 15", 15, "rank", "le"),
                   ("84%", 84, "percent", "ge"), ("86%", 86, "percent", "ge")]


def test_a_tab_table_of_targets_per_province_reads_its_cells_and_their_own_bounds():
    text = ("BẢO HIỂM XÃ HỘI VIỆT NAM\nV/v giao chỉ tiêu\n\nBHXH Việt Nam giao chỉ tiêu cho một số địa phương như sau:\n\n"
            "Tỉnh\tTỷ lệ hồ sơ trực tuyến (%)\tSố hóa (%)\n"
            "Hà Nội\t85\t95\n"
            "Các tỉnh còn lại\tTối thiểu 75\tTối thiểu 85\n\n"
            "Chỉ tiêu được tính trên tổng số hồ sơ tiếp nhận.\n")
    got = [(t.text, t.value, t.unit, t.comparator) for t in extract_text(text).targets]
    assert got == [("85", 85, "percent", "eq"), ("95", 95, "percent", "eq"),
                   ("Tối thiểu 75", 75, "percent", "ge"), ("Tối thiểu 85", 85, "percent", "ge")]
