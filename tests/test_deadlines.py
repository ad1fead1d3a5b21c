"""Deadlines: due computation (pure calendar logic) and the matcher's context checks."""
from __future__ import annotations

import pytest

from _own_rules import own_rules, run
from cchc_extract.matchers import deadlines
from cchc_extract.matchers.deadline_due import When, compute_due, due_of, resolve_year


@pytest.fixture(scope="module")
def rules(tmp_path_factory):
    return own_rules(tmp_path_factory.mktemp("rules"))


def texts(rules, text, doc_date=None):
    found, _ = run(deadlines.find, rules, text, doc_date)
    return [(t, f["due"], f["recurrence"]) for t, f in found]


# --- due computation ---------------------------------------------------------

@pytest.mark.parametrize("when, before, due", [
    (When("day", 2023, 2, 15), False, "2023-02-15"),
    (When("day", 2023, 2, 15), True, "2023-02-14"),
    (When("day", 2024, 3, 1), True, "2024-02-29"),          # leap year
    (When("day", 2023, 1, 1), True, "2022-12-31"),
    (When("month", 2022, 12), False, "2022-12-31"),
    (When("month", 2023, 12), True, "2023-11-30"),          # trước tháng 12 -> 30/11
    (When("month", 2023, 1), True, "2022-12-31"),
    (When("month", 2023, 2), False, "2023-02-28"),
    (When("quarter", 2023, q=1), False, "2023-03-31"),
    (When("quarter", 2023, q=3), True, "2023-06-30"),
    (When("quarter", 2023, q=1), True, "2022-12-31"),
    (When("half", 2024, h=1), False, "2024-06-30"),
    (When("half", 2024, h=2), True, "2024-06-30"),
    (When("year", 2026), False, "2026-12-31"),
    (When("year", 2026), True, "2025-12-31"),
    (When("period", 2026, y0=2022), False, "2026-12-31"),
])
def test_due_of(when, before, due):
    assert due_of(when, before) == due


def test_impossible_day_has_no_due():
    assert due_of(When("day", 2023, 2, 30), False) is None
    assert compute_due({"d": "31", "m": "4", "y": "2023"}, False, None) == (None, False, True)


@pytest.mark.parametrize("doc_date, year", [
    ("2023", 2023),            # year only: that year
    ("2023-05", 2023),         # 30/6 still ahead
    ("2023-05-20", 2023),
    ("2023-07-02", 2024),      # 30/6 already over at the document date: next year
    ("1999-01", 1999),         # nothing depends on today's date
])
def test_relative_day_resolves_against_document_date(doc_date, year):
    assert resolve_year(When("day", None, 6, 30), doc_date).y == year


def test_relative_without_document_date_stays_unresolved():
    assert resolve_year(When("quarter", None, q=3), None) is None
    assert compute_due({"q": "III"}, False, None) == (None, False, False)
    assert compute_due({"q": "III"}, False, "2001-02") == ("2001-09-30", True, False)


def test_matcher_relative_forms(rules):
    assert texts(rules, "báo cáo trước ngày 30/6.", "2005-03") == [("trước ngày 30/6", "2005-06-29", None)]
    found, warnings = run(deadlines.find, rules, "tổng kết trong quý III.")
    assert [(t, f["due"], f["resolved"]) for t, f in found] == [("trong quý III", None, False)]
    assert [w.code for w in warnings] == ["W303"]


def test_an_end_point_after_the_document_date_is_a_goals_time_despite_a_noun_qualified_by_da(rules):
    # "dữ liệu đã số hóa" (data already digitised) qualifies a noun; the time is still ahead
    goal = "3. Đến hết năm 2026, tỷ lệ khai thác dữ liệu đã số hóa đạt từ 50% trở lên."
    assert texts(rules, goal, "2026-01-05") == [("Đến hết năm 2026", "2026-12-31", None)]
    # the same end point already passed, or a time said by a report, stays no deadline
    assert texts(rules, goal, "2027-02-10") == []
    assert texts(rules, "Trong tháng 3/2026, Sở đã tiếp nhận 40 hồ sơ.", "2026-01-05") == []


def test_a_past_point_of_a_count_so_far_is_no_deadline(rules):
    # "mới có 41/63 tỉnh" (only 41 of 63 so far) reports what a past point in time gave
    report = "Theo số liệu tổng hợp, đến hết quý I/2024, cả nước mới có 41/63 tỉnh triển khai chứng thực điện tử."
    assert texts(rules, report, "2024-05-17") == []
    # "mới có thể" (only then can) reports nothing: the time stays a deadline
    task = "Trong quý III/2024, các tỉnh mới có thể triển khai chứng thực điện tử."
    assert [t for t, *_ in texts(rules, task, "2024-05-17")] == ["Trong quý III/2024"]


@pytest.mark.parametrize("heading, expected", [
    ("2. Nhiệm vụ trọng tâm trong quý IV năm 2025", []),
    ("III. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2025:", []),
    # a task said on the line keeps its time
    ("2. Hoàn thành nhiệm vụ trong quý IV năm 2025", ["trong quý IV năm 2025"]),
    ("2. Nhiệm vụ trọng tâm trong quý IV năm 2025, Sở Nội vụ hoàn thành rà soát", ["trong quý IV năm 2025"]),
])
def test_a_tasks_heading_names_their_period_not_a_deadline(rules, heading, expected):
    text = heading + "\na) Sở Nội vụ rà soát thủ tục.\n"
    assert [t for t, *_ in texts(rules, text, "2025-10-13")] == expected


def test_the_past_time_of_what_was_done_is_no_deadline(rules):
    # "giấy phép … do các đơn vị thuộc Bộ cấp trước ngày 01/7/2025" dates the issuing (before the letter)
    text = "a) Tiếp nhận dữ liệu giấy phép do các đơn vị thuộc Bộ Công Thương cấp trước ngày 01/7/2025 để quản lý."
    assert texts(rules, text, "2025-07-28") == []
    # a limit the letter sets stays one (a term already over when it was signed: see
    # test_a_term_over_when_the_document_was_signed_…), and so does one after the letter's date
    assert [t for t, *_ in texts(rules, "Các Sở báo cáo trước ngày 01/7/2025.", "2025-06-02")] == ["trước ngày 01/7/2025"]
    assert [t for t, *_ in texts(rules, text, "2025-06-02")] == ["trước ngày 01/7/2025"]
    # the papers a past time qualifies: when they were received, not when to act
    papers = "a) Rà soát toàn bộ hồ sơ TTHC tiếp nhận trước ngày 01/7/2025 tại UBND cấp huyện."
    assert texts(rules, papers, "2025-07-28") == []
    arisen = "b) Giải quyết dứt điểm các hồ sơ tồn đọng phát sinh trước ngày 01/7/2025, hoàn thành trong tháng 9/2025."
    assert [t for t, *_ in texts(rules, arisen, "2025-07-28")] == ["trong tháng 9/2025"]
    acted = "a) Hoàn thành số hóa hồ sơ trước ngày 01/7/2025."      # what to do by then: a deadline
    assert [t for t, *_ in texts(rules, acted, "2025-06-02")] == ["trước ngày 01/7/2025"]


def test_impossible_date_warns(rules):
    found, warnings = run(deadlines.find, rules, "hoàn thành trước ngày 31/4/2023.")
    assert found[0][1]["due"] is None
    assert [w.code for w in warnings] == ["W302"]


# --- phrase forms -------------------------------------------------------------

def test_lead_words_and_markdown_kept_in_text(rules):
    got = texts(rules, "phục vụ. Thời gian hoàn thành trong **quý I/2023**.")
    assert got == [("Thời gian hoàn thành trong **quý I/2023", "2023-03-31", None)]


def test_before_month_and_day_are_consistent(rules):
    assert texts(rules, "chậm nhất trước tháng 12/2023 hoàn thành") == [
        ("chậm nhất trước tháng 12/2023", "2023-11-30", None)]
    assert texts(rules, "gửi Sở Nội vụ trước ngày 15/02/2023.") == [
        ("trước ngày 15/02/2023", "2023-02-14", None)]


def test_year_needs_completion_context(rules):
    assert texts(rules, "hoàn thành các nhiệm vụ của Đề án trong năm 2023, kịp thời") == [
        ("trong năm 2023", "2023-12-31", None)]
    assert texts(rules, "Phấn đấu các Chỉ số sau đây trong năm 2026 nằm trong nhóm 10") == []
    assert texts(rules, "Trong năm 2024, hoàn thành số hóa hồ sơ.") == [("Trong năm 2024", "2024-12-31", None)]


def test_target_year(rules):
    assert texts(rules, "Đến năm 2025, tỷ lệ hồ sơ trực tuyến đạt 40%.") == [("Đến năm 2025", "2025-12-31", None)]
    assert texts(rules, "b) Đến hết năm ngân sách 2026, phấn đấu giải ngân") == [
        ("Đến hết năm ngân sách 2026", "2026-12-31", None)]


@pytest.mark.parametrize("text", [
    "Hoàn thành các nhiệm vụ trọng tâm được giao năm 2023.",
    "Xây dựng kế hoạch CCHC năm 2023.",
    "Triển khai ngay từ những tháng đầu năm 2023.",
    "có hiệu lực bắt đầu từ ngày 01/7/2023",
    "giai đoạn 2021-2030, tầm nhìn đến năm 2035",
    "định kỳ tổng hợp, báo cáo kết quả theo quy định",
    "giảm 5% so với năm 2021",
    "Trong tháng 3/2023, Sở đã tiếp nhận 1.200 hồ sơ.",
    "Chiến lược phát triển chính phủ số đến năm 2030",
    "từ ngày 01/01/2023 đến hết ngày 31/12/2023",
])
def test_not_deadlines(rules, text):
    assert texts(rules, text) == []


def test_recurrence(rules):
    assert texts(rules, "đánh giá, xếp loại công chức hằng tháng, hằng năm theo quy định.") == [
        ("hằng tháng", None, "monthly"), ("hằng năm", None, "yearly")]
    assert texts(rules, "định kỳ trước ngày 20 tháng cuối quý báo cáo") == [
        ("định kỳ trước ngày 20 tháng cuối quý", None, "quarterly")]
    assert texts(rules, "bố trí kinh phí từ nguồn ngân sách tỉnh hàng năm") == []
    assert texts(rules, "xây dựng kế hoạch hằng năm") == []


def test_bare_impossible_day_is_no_deadline(rules):
    found, warnings = run(deadlines.find, rules, "đứng trước 12/63 tỉnh")
    assert found == [] and warnings == []


def test_table_column_cells(rules):
    table = ("| STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành |\n"
             "| 1 | Rà soát quy trình | Sở Nội vụ | Quý II/2024 |\n"
             "| 2 | Tập huấn | Sở Tư pháp | Thường xuyên |\n"
             "| 3 | Số hóa hồ sơ | Văn phòng UBND tỉnh | Tháng 6/2024 |\n")
    assert texts(rules, table) == [("Quý II/2024", "2024-06-30", None), ("Tháng 6/2024", "2024-06-30", None)]
    assert texts(rules, table.replace("Thời gian hoàn thành", "Ghi chú")) == []


@pytest.mark.parametrize("text", ["trước ngày 0/0", "trong quý V/2023", "trước tháng 13/2023",
                                  "hằng", "trước", "ngày 31/02", "Thời gian hoàn thành:", "\n\n|||",
                                  "trong năm 99999", "đến hết năm 2023" * 3])
def test_odd_input_never_crashes(rules, text):
    for doc_date in (None, "2023", "2023-13", "xx", "2023-05-xx"):
        run(deadlines.find, rules, text, doc_date)


def test_past_tense_only_matters_for_opening_time_adverbials(rules):
    assert texts(rules, "Trong tháng 3/2023, Sở đã tiếp nhận 1.200 hồ sơ.") == []
    assert texts(rules, "gửi Sở Nội vụ trước ngày 15/12/2023 kết quả các nhiệm vụ đã thực hiện.") == [
        ("trước ngày 15/12/2023", "2023-12-14", None)]
    assert texts(rules, "Hồ sơ phải được gửi trước ngày 15/12/2023.") == [("trước ngày 15/12/2023", "2023-12-14", None)]
    assert texts(rules, "các văn bản được ban hành trước ngày 01/7/2025") == []


def test_clause_bounds_follow_paragraphs_not_wrapped_lines():
    from cchc_extract.matchers.clauses import clause_end, clause_start, opens_clause
    text = "a) Đến năm 2025, tỷ lệ hồ sơ của\nChính phủ đạt 40%.\nb) Khác; tiếp"
    assert clause_start(text, text.index("Chính")) == 0  # neither the comma nor the wrap is a boundary
    assert text[:clause_end(text, text.index("Chính"))].endswith("đạt 40%")
    assert opens_clause(text, text.index("Đến"))
    assert not opens_clause(text, text.index("tỷ lệ"))
    assert clause_end(text, text.index("Khác")) == text.index(";")
    # every bullet sign opens a clause as a label does, markdown's "*" too
    for sign in "-+•*":
        bullet = f"II. CHỈ TIÊU\n{sign} Đến ngày 30/9/2025, 100% xã được bố trí trụ sở."
        assert opens_clause(bullet, bullet.index("Đến")), sign


def test_a_period_counted_from_an_event_has_no_due_and_no_w303():
    from cchc_extract.pipeline import extract_text

    doc = extract_text("1. Các sở gửi báo cáo về Sở Nội vụ trong thời hạn 05 ngày làm việc kể từ ngày "
                       "nhận được văn bản này.\n")
    (d,) = doc.deadlines
    assert (d.text, d.due, d.within, d.working_days, d.resolved) == (
        "trong thời hạn 05 ngày làm việc kể từ ngày nhận được văn bản này", None, "P5D", True, False)
    assert not [w for w in doc.warnings if w.code == "W303"]


def test_a_heading_line_ends_its_clause(rules):
    """A short labelled line without a full stop is a heading: the time adverbial that opens
    the next line opens its own clause, so a report in the past tense there is no deadline."""
    from cchc_extract.matchers.clauses import opens_clause
    report = "1. Đánh giá chung\nTrong quý II/2024, các cơ quan, đơn vị đã triển khai kế hoạch."
    assert opens_clause(report, report.index("Trong"))
    assert texts(rules, report) == []
    task = "2. Nhiệm vụ\nTrong quý III/2024, các sở hoàn thành việc rà soát."
    assert texts(rules, task) == [("Trong quý III/2024", "2024-09-30", None)]
    # a wrapped sentence is not a heading: the line break stays inside the clause
    wrapped = "1. Giao Sở Nội vụ chủ trì, phối hợp với các sở\nTrong quý III/2024 báo cáo."
    assert not opens_clause(wrapped, wrapped.index("Trong"))
    wrapped = "1. Sở Nội vụ triển khai kế hoạch của\nChính phủ trong quý III/2024."
    assert not opens_clause(wrapped, wrapped.index("Chính"))


def test_a_table_time_already_past_when_the_document_was_signed_is_no_deadline():
    from cchc_extract.pipeline import extract_text

    head = "SỞ NỘI VỤ\nSố: 12/SNV-CCHC\nThanh Hóa, ngày 20 tháng 11 năm 2025\nV/v đôn đốc nhiệm vụ quá hạn\n"
    table = ("| STT | Nhiệm vụ | Cơ quan chủ trì | Thời hạn hoàn thành |\n|---|---|---|---|\n"
             "| 1 | Rà soát TTHC nội bộ | Sở Tư pháp | 30/6/2025 |\n"
             "| 2 | Số hóa hồ sơ | Sở Nội vụ | 31/12/2025 |\n")
    assert [d.text for d in extract_text(head + table).deadlines] == ["31/12/2025"]


def test_a_day_at_a_line_end_takes_no_month_from_the_next_lines_number():
    from cchc_extract.pipeline import extract_text

    text = ("KẾ HOẠCH\nSố: 1/KH-UBND\nHà Nội, ngày 05 tháng 01 năm 2024\n"
            "a) Báo cáo UBND huyện trước ngày 18.\n2. Sở Nội vụ tổng hợp.\n")
    assert [d.due for d in extract_text(text).deadlines] == []      # not 18 February
    monthly = text.replace("trước ngày 18.", "hằng tháng, trước ngày 18.")
    assert [(d.text, d.recurrence) for d in extract_text(monthly).deadlines] == \
        [("hằng tháng, trước ngày 18", "monthly")]


def test_a_period_over_when_the_document_was_signed_and_reported_on_is_no_deadline(rules):
    text = "Qua theo dõi, tỷ lệ hồ sơ trực tuyến toàn trình trên địa bàn tỉnh trong quý I/2025 mới đạt 27,6%."
    assert texts(rules, text, "2025-04-20") == []
    # the same time ahead of the document is a time limit
    ahead = "Bảo đảm tỷ lệ hồ sơ trực tuyến toàn trình trên địa bàn tỉnh trong quý III/2025 đạt 40%."
    assert texts(rules, ahead, "2025-04-20") == [("trong quý III/2025", "2025-09-30", None)]


def test_a_past_period_that_gave_a_figure_or_lies_under_a_results_heading_is_no_deadline():
    from cchc_extract.pipeline import extract_text

    head = "SỞ NỘI VỤ\nSố: 45/TB-SNV\nHòa Bình, ngày 10 tháng 4 năm 2025\nTHÔNG BÁO\nKết luận kiểm tra\n\n"
    results = ("I. KẾT QUẢ ĐẠT ĐƯỢC\n\n1. UBND huyện Đà Bắc tổ chức hội nghị đối thoại trong tháng 02/2025.\n\n"
               "2. Tỷ lệ hồ sơ giải quyết đúng hạn trong quý I/2025 đạt 97,6%.\n\n")
    tasks = "II. NHIỆM VỤ\n\n1. UBND huyện Đà Bắc khắc phục tồn tại trong tháng 5/2025.\n"
    assert [d.text for d in extract_text(head + results + tasks).deadlines] == ["trong tháng 5/2025"]
    # a past period that gave a figure, outside any results heading, is no deadline either
    measured = head + "1. Tỷ lệ hồ sơ trực tuyến trong quý I/2025 đạt 46,3%, chưa đạt chỉ tiêu.\n"
    assert [d.text for d in extract_text(measured).deadlines] == []


def test_a_term_over_when_the_document_was_signed_is_a_deadline_only_where_its_task_is_restated():
    from cchc_extract.pipeline import extract_text

    head = "UBND TỈNH HÀ NAM\nSố: 45/TB-UBND\nHà Nam, ngày 21 tháng 4 năm 2025\nTHÔNG BÁO\nKết luận\n\n"
    past = ("1. UBND thị xã Kim Bảng làm rõ trách nhiệm đối với hồ sơ quá hạn trong quý I năm 2025, "
            "báo cáo trong tháng 5/2025.\n")
    assert [d.text for d in extract_text(head + past).deadlines] == ["trong tháng 5/2025"]
    # a list of overdue tasks restates each task with the term it had
    overdue = ("1. Thông báo số 96/TB-VP ngày 19/3/2024: giao Sở Xây dựng trình UBND tỉnh trong tháng 3/2025; "
               "đến nay chưa trình.\n")
    assert [d.text for d in extract_text(head + overdue).deadlines] == ["trong tháng 3/2025"]
