"""Directives built from hand-made Documents (items and bodies given, as the pipeline would)."""
from __future__ import annotations

import pytest

from cchc_extract.directives import build_directives
from cchc_extract.matchers import MatchContext
from cchc_extract.models import Body, Deadline, Document, Item
from cchc_extract.normalize import normalize
from cchc_extract.pipeline import extract_text


def make(text: str, items: list[tuple[str, str]], bodies: list[str], **extra) -> tuple[Document, MatchContext]:
    """items: (first words of the item, path) in document order; bodies: texts in document order.
    An item's region runs to the next item (so it holds only its own text)."""
    starts, pos = [], 0
    for head, _ in items:
        i = text.index(head, pos)
        starts.append(i)
        pos = i + 1
    doc_items = []
    for k, (head, path) in enumerate(items):
        s = starts[k]
        e = starts[k + 1] if k + 1 < len(starts) else (text.find("\n\n", s) if "\n\n" in text[s:] else len(text))
        parent = path.rsplit("/", 1)[0] if "/" in path else None
        doc_items.append(Item(label=head.split()[0], path=path, kind="decimal", depth=path.count("/"),
                              parent=parent, text=text[s:e], span=(s, e)))
    doc_bodies, pos = [], 0
    for j, b in enumerate(bodies, 1):
        i = text.index(b, pos)
        doc_bodies.append(Body(id=f"b{j}", text=b, span=(i, i + len(b)), canonical=b))
        pos = i + len(b)
    doc = Document(items=doc_items, bodies=doc_bodies, **extra)
    return doc, MatchContext(norm=normalize(text), rules=None)


def leads_by_item(text: str) -> dict:
    """The whole pipeline's directives of text: item path -> lead body texts."""
    from cchc_extract import extract
    return {d.item: [b.text for b in d.lead] for d in extract(text).directives}


def by_item(doc, ctx):
    return {d.item: d for d in build_directives(doc, ctx)}


def leads(d):
    return [b.text for b in d.lead]


def supports(d):
    return [b.text for b in d.support]


def directives_of(text: str) -> dict:
    """The whole pipeline's directives of text by item path."""
    return {d.item: d for d in extract_text(text).directives}


def test_giao_x_chu_tri_phoi_hop_voi_y():
    text = ("Ủy ban nhân dân tỉnh yêu cầu:\n\n"
            "1. Giao Sở Nội vụ chủ trì, phối hợp với Sở Tài chính và UBND các huyện rà soát biên chế; "
            "báo cáo UBND tỉnh trước ngày 30/6/2024.\n")
    doc, ctx = make(text, [("1. Giao", "1")],
                    ["Ủy ban nhân dân tỉnh", "Sở Nội vụ", "Sở Tài chính", "UBND các huyện", "UBND tỉnh"])
    d = by_item(doc, ctx)["1"]
    assert leads(d) == ["Sở Nội vụ"]
    assert supports(d) == ["Sở Tài chính", "UBND các huyện"]     # not UBND tỉnh: it receives the report
    assert d.modality == "assign" and d.lead_source == "explicit"
    assert d.lead[0].body == "b2" and text[slice(*d.lead[0].span)] == "Sở Nội vụ"
    assert text[slice(*d.span)] == d.text


def test_body_heading_gives_the_lead_to_every_item_under_it():
    text = ("Ủy ban nhân dân tỉnh yêu cầu:\n\n"
            "2. Công an tỉnh\n\n"
            "a) Chủ trì, phối hợp với các sở, ban, ngành liên quan đẩy mạnh dịch vụ công.\n\n"
            "b) Tăng cường bảo đảm an ninh mạng theo hướng dẫn của Bộ Công an.\n\n"
            "3. Sở Tư pháp\n\n"
            "a) Giao Văn phòng UBND tỉnh tổng hợp kết quả.\n")
    doc, ctx = make(text, [("2. Công an", "2"), ("a) Chủ trì", "2/a"), ("b) Tăng", "2/b"),
                           ("3. Sở Tư pháp", "3"), ("a) Giao", "3/a")],
                    ["Ủy ban nhân dân tỉnh", "Công an tỉnh", "các sở, ban, ngành liên quan", "Bộ Công an",
                     "Sở Tư pháp", "Văn phòng UBND tỉnh"])
    ds = by_item(doc, ctx)
    assert leads(ds["2"]) == ["Công an tỉnh"] and ds["2"].lead_source == "heading"
    assert leads(ds["2/a"]) == ["Công an tỉnh"] and supports(ds["2/a"]) == ["các sở, ban, ngành liên quan"]
    assert leads(ds["2/b"]) == ["Công an tỉnh"] and supports(ds["2/b"]) == []   # guidance giver is no role
    assert ds["2/b"].lead_source == "heading"
    assert leads(ds["3/a"]) == ["Văn phòng UBND tỉnh"]                            # explicit Giao replaces


def test_preamble_addressees_are_inherited_positions_stripped():
    text = ("Ủy ban nhân dân tỉnh yêu cầu Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các huyện "
            "nghiêm túc đánh giá kết quả thực hiện; đồng thời thực hiện tốt một số nội dung sau:\n\n"
            "1. Tăng cường kỷ luật hành chính.\n\n"
            "2. Đẩy mạnh chuyển đổi số; các cơ quan, đơn vị khẩn trương số hóa hồ sơ.\n")
    doc, ctx = make(text, [("1. Tăng", "1"), ("2. Đẩy", "2")],
                    ["Ủy ban nhân dân tỉnh", "các sở, ban, ngành", "UBND các huyện", "các cơ quan, đơn vị"])
    ds = by_item(doc, ctx)
    assert leads(ds["preamble"]) == ["các sở, ban, ngành", "UBND các huyện"]    # the requester is no lead
    assert leads(ds["1"]) == ["các sở, ban, ngành", "UBND các huyện"]
    assert ds["1"].lead_source == "preamble" and ds["1"].modality == "assign"
    # a body named as the actor of part of the item is added to what it inherits
    assert leads(ds["2"]) == ["các sở, ban, ngành", "UBND các huyện", "các cơ quan, đơn vị"]


def test_a_body_named_again_by_its_short_name_is_not_inherited_twice():
    text = ("Sở Nội vụ đề nghị Ủy ban nhân dân các huyện, thị xã (sau đây gọi chung là UBND cấp huyện) "
            "thực hiện như sau:\n\n"
            "1. Tỷ lệ hồ sơ đúng hạn: UBND cấp huyện phải bảo đảm đạt từ 95% trở lên.\n\n"
            "2. Hồ sơ phải được số hóa; các cơ quan, đơn vị khẩn trương số hóa hồ sơ.\n")
    bodies = ["Sở Nội vụ", "Ủy ban nhân dân các huyện, thị xã", "UBND cấp huyện", "UBND cấp huyện",
              "các cơ quan, đơn vị"]
    doc, ctx = make(text, [("1. Tỷ", "1"), ("2. Hồ", "2")], bodies)
    ds = by_item(doc, ctx)
    assert leads(ds["1"]) == ["UBND cấp huyện"]     # the same body as the inherited one
    # another body is still added to what the item inherits
    assert leads(ds["2"]) == ["Ủy ban nhân dân các huyện, thị xã", "các cơ quan, đơn vị"]


@pytest.mark.parametrize("item, short", [
    # the short name opening the paragraph under a title line (else it would replace the list)
    ("1. Về báo cáo kết quả\nBộ, ngành, địa phương gửi báo cáo về Bộ Tư pháp.\n", "Bộ, ngành, địa phương"),
    # the short name as the subject of a later clause
    ("1. Rà soát văn bản; bộ, ngành, địa phương báo cáo kết quả.\n", "bộ, ngành, địa phương"),
])
def test_the_short_name_of_the_inherited_list_keeps_the_list(item, short):
    text = ("Bộ Tư pháp đề nghị các bộ, cơ quan ngang bộ, Ủy ban nhân dân các tỉnh (sau đây gọi chung là "
            "bộ, ngành, địa phương) thực hiện như sau:\n\n" + item)
    bodies = ["Bộ Tư pháp", "các bộ, cơ quan ngang bộ", "Ủy ban nhân dân các tỉnh", "bộ, ngành, địa phương", short]
    doc, ctx = make(text, [(item[:5], "1")], bodies)
    doc.bodies[4].canonical = "bộ, ngành, địa phương"
    assert leads(by_item(doc, ctx)["1"]) == ["các bộ, cơ quan ngang bộ", "Ủy ban nhân dân các tỉnh", short]


def test_an_item_led_by_its_subject_keeps_the_request_it_is_under():
    text = ("Sở Nội vụ đề nghị các sở, ban, ngành thực hiện một số nội dung sau:\n\n"
            "1. Các sở, ban, ngành rà soát thủ tục.\n\n"
            "2. Giao Văn phòng Sở tổng hợp.\n")
    doc, ctx = make(text, [("1. Các", "1"), ("2. Giao", "2")],
                    ["Sở Nội vụ", "các sở, ban, ngành", "Các sở, ban, ngành", "Văn phòng Sở"])
    ds = by_item(doc, ctx)
    assert ds["1"].modality == "request" and leads(ds["1"]) == ["Các sở, ban, ngành"]
    assert ds["2"].modality == "assign"          # its own verb says how


def test_a_heading_keeps_the_way_the_preamble_asked_its_body():
    # a ministry asks the provinces (đề nghị) and orders its own provincial branches (yêu cầu);
    # asked alike, every heading keeps the request
    paths = ("I", "I/1", "II", "II/1")
    names = ["Bộ Công an", "Ủy ban nhân dân các tỉnh", "Công an các tỉnh", "ỦY BAN NHÂN DÂN CÁC TỈNH", "CÔNG AN CÁC TỈNH"]
    for verb, want in (("yêu cầu ", ["request", "request", "assign", "assign"]), ("", ["request"] * 4)):
        text = (f"Bộ Công an đề nghị Ủy ban nhân dân các tỉnh quan tâm chỉ đạo và {verb}Công an các tỉnh thực hiện "
                "một số nội dung sau:\n\nI. ĐỐI VỚI ỦY BAN NHÂN DÂN CÁC TỈNH\n1. Ban hành kế hoạch.\n"
                "II. ĐỐI VỚI CÔNG AN CÁC TỈNH\n1. Cấp căn cước.\n")
        ds = by_item(*make(text, list(zip(("I. ĐỐI", "1. Ban", "II. ĐỐI", "1. Cấp"), paths)), names))
        assert [ds[p].modality for p in paths] == want, verb



def test_headings_under_an_issuer_that_only_says_de_nghi_are_asked():
    # "Bộ … đề nghị:" names no addressee: the headings name the Kính gửi bodies, and they are asked
    head = ("BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\nSố: 12/BNNMT-QLĐĐ\nHà Nội, ngày 10 tháng 6 năm 2025\n\n"
            "Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.\n\n")
    items = "1. Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương\n\na) Chỉ đạo rà soát hồ sơ.\n"
    ds = directives_of(head + "Để khắc phục tình trạng trên, Bộ Nông nghiệp và Môi trường đề nghị:\n\n" + items)
    assert (ds["1"].modality, ds["1/a"].modality) == ("request", "request")
    # "yêu cầu:" orders them
    ds = directives_of(head + "Bộ Nông nghiệp và Môi trường yêu cầu:\n\n" + items)
    assert ds["1/a"].modality == "assign"

def test_the_issuers_own_units_are_given_tasks_under_a_request_to_others():
    from cchc_extract.models import Metadata
    text = ("Bộ Tài chính đề nghị Ủy ban nhân dân các tỉnh thực hiện một số nội dung sau:\n\n"
            "1. Đối với Ủy ban nhân dân các tỉnh\na) Rà soát thủ tục.\n"
            "2. Đối với {own}\na) Vụ Pháp chế phối hợp với Văn phòng Bộ rà soát.\n")
    items = [("1. Đối", "1"), ("a) Rà", "1/a"), ("2. Đối", "2"), ("a) Vụ", "2/a")]
    for own, issuer, want in (("các đơn vị thuộc Bộ Tài chính", "Bộ Tài chính", "assign"),
                              ("các đơn vị thuộc Bộ", "BỘ TÀI CHÍNH", "assign"),
                              # another ministry's units are asked as the preamble asks
                              ("các đơn vị thuộc Bộ Công an", "Bộ Tài chính", "request")):
        names = ["Bộ Tài chính", "Ủy ban nhân dân các tỉnh", "Ủy ban nhân dân các tỉnh", own, "Vụ Pháp chế",
                 "Văn phòng Bộ"]
        doc, ctx = make(text.format(own=own), items, names, metadata=Metadata(issuer=issuer))
        ds = by_item(doc, ctx)
        assert [ds[p].modality for p in ("1", "1/a")] == ["request", "request"]
        assert [ds[p].modality for p in ("2", "2/a")] == [want, want], own
        assert leads(ds["2"]) == [own] and leads(ds["2/a"]) == ["Vụ Pháp chế"]
    # own units the letter itself asks keep the request ("Bộ Y tế đề nghị …, các bệnh viện trực thuộc Bộ Y tế")
    own = "các bệnh viện trực thuộc Bộ Y tế"
    text = (f"Bộ Y tế đề nghị Sở Y tế các tỉnh và {own} thực hiện một số nội dung sau:\n\n"
            f"1. Đối với Sở Y tế các tỉnh\na) Rà soát thủ tục.\n2. Đối với {own}\na) Công khai thủ tục.\n")
    items = [("1. Đối", "1"), ("a) Rà", "1/a"), ("2. Đối", "2"), ("a) Công", "2/a")]
    names = ["Bộ Y tế", "Sở Y tế các tỉnh", own, "Sở Y tế các tỉnh", own]
    ds = by_item(*make(text, items, names, metadata=Metadata(issuer="Bộ Y tế")))
    assert [ds[p].modality for p in ("1", "1/a", "2", "2/a")] == ["request"] * 4


def test_a_time_said_before_the_subject_keeps_it_the_subject():
    # "1. Từ tháng 10/2025, Sở Tư pháp …": the subject; "2. Theo kết quả kiểm tra, Sở Tư pháp …" is a
    # finding, not a time, and "3. Đến nay, …" tells what was done: what they inherit stays first
    asked = "Sở Nội vụ đề nghị các sở, ban, ngành thực hiện một số nội dung sau:\n\n"
    lines = {"1": "1. Từ tháng 10/2025, Sở Tư pháp thực hiện nghiêm chế độ báo cáo.\n\n",
             "2": "2. Theo kết quả kiểm tra, Sở Tư pháp còn chậm.\n\n",
             "3": "3. Đến nay, Sở Tư pháp thực hiện rà soát 40 thủ tục.\n"}
    ds = by_item(*make(asked + "".join(lines.values()), [(t[:5], p) for p, t in lines.items()],
                       ["Sở Nội vụ", "các sở, ban, ngành", "Sở Tư pháp", "Sở Tư pháp", "Sở Tư pháp"]))
    assert (leads(ds["1"]), ds["1"].lead_source) == (["Sở Tư pháp"], "explicit")
    assert leads(ds["2"])[:1] == leads(ds["3"])[:1] == ["các sở, ban, ngành"]


def test_preamble_that_only_introduces_the_items_is_no_directive():
    text = ("Ban Chỉ đạo yêu cầu Giám đốc các Sở; Chủ tịch UBND cấp huyện thực hiện một số nội dung sau:\n\n"
            "1. Khắc phục các tồn tại, hạn chế.\n")
    doc, ctx = make(text, [("1. Khắc", "1")], ["Ban Chỉ đạo", "các Sở", "UBND cấp huyện"])
    ds = by_item(doc, ctx)
    assert "preamble" not in ds
    assert leads(ds["1"]) == ["các Sở", "UBND cấp huyện"]


def test_subject_at_item_start_replaces_inherited_lead():
    text = ("Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành thực hiện các nội dung sau:\n\n"
            "1. Tăng cường kiểm tra.\n\n"
            "2. Các thành viên Ban Chỉ đạo nâng cao hơn nữa tinh thần trách nhiệm.\n")
    doc, ctx = make(text, [("1. Tăng", "1"), ("2. Các", "2")],
                    ["Ủy ban nhân dân tỉnh", "các sở, ban, ngành", "Các thành viên Ban Chỉ đạo"])
    ds = by_item(doc, ctx)
    assert leads(ds["2"]) == ["Các thành viên Ban Chỉ đạo"] and ds["2"].lead_source == "explicit"


def test_a_body_opening_the_line_after_a_topic_title_is_the_items_own_lead():
    # "1. Về báo cáo kết quả" is a title: the line break after it ends a line, so the body
    # starting the next line opens the item's text, as if it followed the label: it replaces
    # what the item inherits (004's subject at the item start)
    text = ("Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành thực hiện các nội dung sau:\n\n"
            "1. Về báo cáo kết quả\nSở Tư pháp gửi báo cáo kết quả rà soát về Bộ Tư pháp.\n\n"
            "2. Tăng cường kiểm tra, giám sát,\nSở Nội vụ tổng hợp.\n")
    doc, ctx = make(text, [("1. Về", "1"), ("2. Tăng", "2")],
                    ["Ủy ban nhân dân tỉnh", "các sở, ban, ngành", "Sở Tư pháp", "Bộ Tư pháp", "Sở Nội vụ"])
    ds = by_item(doc, ctx)
    assert leads(ds["1"]) == ["Sở Tư pháp"]
    # a break after a line ending in a comma may be a hard wrap inside one sentence: nothing changes
    assert leads(ds["2"]) == ["các sở, ban, ngành"]


def test_an_item_that_asks_after_an_opening_phrase_passes_the_request_to_its_children():
    text = ("Thường trực Tỉnh ủy kết luận như sau:\n\n"
            "1. Trong thời gian tới, đề nghị tập trung thực hiện các nhiệm vụ sau:\n\n"
            "1.1. Ban Tổ chức Tỉnh ủy rà soát tiêu chí đánh giá.\n\n"
            "1.2. Sở Nội vụ tổng hợp kết quả.\n")
    doc, ctx = make(text, [("1. Trong", "1"), ("1.1.", "1/1.1"), ("1.2.", "1/1.2")],
                    ["Ban Tổ chức Tỉnh ủy", "Sở Nội vụ"])
    ds = by_item(doc, ctx)
    assert ds["1/1.1"].modality == "request" and leads(ds["1/1.1"]) == ["Ban Tổ chức Tỉnh ủy"]
    assert ds["1/1.2"].modality == "request"


def test_de_nghi_is_a_request_and_directed_bodies_are_not_leads():
    text = ("Các sở, ban, ngành thực hiện các nhiệm vụ sau:\n\n"
            "8. Đề nghị Ủy ban Mặt trận Tổ quốc tỉnh tăng cường giám sát; hướng dẫn, đôn đốc "
            "Mặt trận Tổ quốc các cấp đẩy mạnh giám sát.\n")
    doc, ctx = make(text, [("8. Đề", "8")],
                    ["Các sở, ban, ngành", "Ủy ban Mặt trận Tổ quốc tỉnh", "Mặt trận Tổ quốc các cấp"])
    d = by_item(doc, ctx)["8"]
    assert leads(d) == ["Ủy ban Mặt trận Tổ quốc tỉnh"] and d.modality == "request"


def test_objects_listed_after_semicolon_are_not_added():
    text = ("Yêu cầu các sở thực hiện nội dung sau:\n\n"
            "6. Giao Sở Nội vụ đôn đốc các thành viên Ban Chỉ đạo; các cơ quan, đơn vị kịp thời triển khai.\n")
    doc, ctx = make(text, [("6. Giao", "6")],
                    ["các sở", "Sở Nội vụ", "các thành viên Ban Chỉ đạo", "các cơ quan, đơn vị"])
    assert leads(by_item(doc, ctx)["6"]) == ["Sở Nội vụ"]


def test_places_and_passive_agents_are_no_roles():
    text = ("Ủy ban nhân dân tỉnh yêu cầu:\n\n"
            "1. Văn phòng UBND tỉnh\n\n"
            "a) Sử dụng Hệ thống do Văn phòng Chính phủ phối hợp với Bộ Thông tin và Truyền thông triển khai; "
            "xử lý hồ sơ tại UBND các xã.\n")
    doc, ctx = make(text, [("1. Văn", "1"), ("a) Sử", "1/a")],
                    ["Ủy ban nhân dân tỉnh", "Văn phòng UBND tỉnh", "Văn phòng Chính phủ",
                     "Bộ Thông tin và Truyền thông", "UBND các xã"])
    d = by_item(doc, ctx)["1/a"]
    assert leads(d) == ["Văn phòng UBND tỉnh"] and supports(d) == []


def test_a_passive_agent_who_leads_with_a_partner_is_the_tasks_doer():
    text = ("BỘ QUỐC PHÒNG\nSố: 12/KH-BQP\nHà Nội, ngày 05 tháng 8 năm 2025\n\nKẾ HOẠCH\nChuyển đổi số\n\n"
            "II. NHIỆM VỤ\n1. Triển khai Đề án 06; nhiệm vụ này do Bộ Tổng Tham mưu chủ trì, phối hợp với "
            "Bộ Công an thực hiện.\n2. Cập nhật dữ liệu; việc này do Cục Chính trị thực hiện.\n"
            "3. Sử dụng Hệ thống do Văn phòng Chính phủ phối hợp với Bộ Công an triển khai.\n"
            "4. Tuyên truyền trên hệ thống truyền thanh; việc tuyên truyền do Cục Tuyên huấn thực hiện thường xuyên.\n")
    ds = directives_of(text)
    assert (leads(ds["II/1"]), supports(ds["II/1"])) == (
        ["Bộ Tổng Tham mưu"], ["Bộ Công an"])
    assert leads(ds["II/2"]) == ["Cục Chính trị"]
    assert leads(ds["II/4"]) == ["Cục Tuyên huấn"]     # how often it is done may follow the verb
    assert "II/3" not in ds or not ds["II/3"].lead


def test_a_request_quoted_from_the_letter_answered_is_no_task():
    text = ("BỘ CÔNG THƯƠNG\nSố: 215/BCT-PC\nHà Nội, ngày 10 tháng 3 năm 2026\n"
            "V/v trả lời kiến nghị của UBND tỉnh Đồng Tháp\n\nKính gửi: Ủy ban nhân dân tỉnh Đồng Tháp.\n\n"
            "Bộ Công Thương nhận được Công văn số 694/UBND-KT ngày 24/02/2026 của Ủy ban nhân dân tỉnh Đồng Tháp. "
            "Bộ Công Thương trả lời như sau:\n\n1. Về giấy phép bán lẻ rượu\n\n"
            "Nội dung kiến nghị: “Đề nghị Bộ Công Thương hướng dẫn cơ quan tiếp nhận hồ sơ.”\n\n"
            "Ý kiến của Bộ Công Thương: thẩm quyền cấp giấy phép của Ủy ban nhân dân cấp huyện được chuyển giao "
            "cho Ủy ban nhân dân cấp xã.\n\nĐề nghị Sở Công Thương tỉnh Đồng Tháp chủ trì rà soát hồ sơ.\n\n"
            "2. Về cửa hàng xăng dầu\n\nNội dung kiến nghị: “Đề nghị Bộ Công Thương xem xét sửa đổi điều kiện.”\n\n"
            "Ý kiến của Bộ Công Thương: điều kiện đã được Chính phủ quy định.\n")
    ds = directives_of(text)
    assert leads(ds["1"]) == ["Sở Công Thương tỉnh Đồng Tháp"]
    assert "2" not in ds


def test_an_addressee_who_hands_its_task_on_is_no_lead():
    text = ("BỘ NỘI VỤ\nSố: 12/HD-BNV\nHà Nội, ngày 05 tháng 12 năm 2024\n\nHƯỚNG DẪN\nChỉ số cải cách hành chính\n\n"
            "II. CÁC BƯỚC THỰC HIỆN\n1. Tự đánh giá\n"
            "- Các bộ, cơ quan ngang bộ: giao Vụ Tổ chức cán bộ chủ trì, phối hợp với Văn phòng Bộ thu thập tài liệu.\n"
            "- Ủy ban nhân dân các tỉnh: tổ chức tự đánh giá, chấm điểm.\n")
    ds = directives_of(text)
    assert leads(ds["II/1/-1"]) == ["Vụ Tổ chức cán bộ"]
    assert supports(ds["II/1/-1"]) == ["Văn phòng Bộ"]
    assert leads(ds["II/1/-2"]) == ["Ủy ban nhân dân các tỉnh"]


def test_a_count_in_brackets_does_not_break_a_list_of_subjects():
    text = ("SỞ NỘI VỤ\nSố: 12/HD-SNV\n\nHƯỚNG DẪN\nTự đánh giá\n\nII. NỘI DUNG\n\n1. Triển khai\n\n"
            "Các sở, ban, ngành tỉnh (19 cơ quan) và Ủy ban nhân dân các huyện, thị xã, thành phố (11 đơn vị) "
            "thực hiện tự đánh giá theo Bộ Chỉ số.\n")
    d = directives_of(text)["II/1"]
    assert leads(d) == ["Các sở, ban, ngành tỉnh", "Ủy ban nhân dân các huyện, thị xã, thành phố"]


def test_a_tally_of_a_bodys_overdue_tasks_is_no_task_of_it():
    text = ("BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG\nSố: 512/BTNMT-VP\nHà Nội, ngày 18 tháng 10 năm 2024\n\n"
            "Kính gửi: Các đơn vị thuộc Bộ.\n\nTính đến ngày 15/10/2024, còn các nhiệm vụ quá hạn sau:\n"
            "- Cục Khoáng sản Việt Nam: 02 nhiệm vụ quá hạn (giải quyết hồ sơ cấp phép tồn đọng);\n"
            "- Vụ Pháp chế: 02 nhiệm vụ quá hạn (thẩm định 02 dự thảo Thông tư).\n\n"
            "Bộ trưởng yêu cầu:\n\n1. Vụ Pháp chế ưu tiên thẩm định các dự thảo Thông tư trước ngày 31/10/2024.\n")
    ds = directives_of(text)
    assert "-1" not in ds and "-2" not in ds
    assert leads(ds["1"]) == ["Vụ Pháp chế"]      # the name stops before "ưu tiên"



def test_counts_of_the_files_each_body_handled_late_are_no_tasks():
    text = ("ỦY BAN NHÂN DÂN\nTỈNH ĐẮK NÔNG\nSố: 5120/UBND-KSTT\nĐắk Nông, ngày 18 tháng 10 năm 2024\n\n"
            "Kính gửi:\n- Các sở, ban, ngành tỉnh;\n- UBND các huyện, thành phố.\n\n"
            "Một số cơ quan, địa phương vẫn để phát sinh nhiều hồ sơ trễ hạn, cụ thể:\n"
            "- Cấp tỉnh: Sở Xây dựng 41 hồ sơ; Sở Tư pháp 27 hồ sơ (chủ yếu lĩnh vực hộ tịch).\n"
            "- Cấp xã: 214 hồ sơ, trong đó:\n"
            "+ UBND xã Quảng Sơn (huyện Đắk Glong): 35 hồ sơ;\n"
            "+ UBND phường Nghĩa Đức: 22 hồ sơ.\n"
            "Chủ tịch UBND tỉnh yêu cầu:\n\n"
            "1. Sở Xây dựng giải trình nguyên nhân trước ngày 31/10/2024.\n"
            "2. UBND các huyện, thành phố xử lý dứt điểm 35 hồ sơ.\n")
    ds = directives_of(text)
    assert not [p for p in ds if p.startswith("-")]      # the tally lines and the lines under them
    assert leads(ds["1"]) == ["Sở Xây dựng"]
    assert leads(ds["2"]) == ["UBND các huyện, thành phố"]   # a task with a count of files is still one

def test_bodies_directed_to_cooperate_are_no_partners_of_the_doer():
    text = ("BỘ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 05/CT-BGDĐT\nHà Nội, ngày 10 tháng 3 năm 2025\n\nCHỈ THỊ\nVề kỷ luật\n\n"
            "4. Tổ chức thực hiện\n"
            "b) Đề nghị Ủy ban nhân dân các tỉnh chỉ đạo các sở giáo dục và đào tạo phối hợp thực hiện Chỉ thị này.\n"
            "c) Văn phòng Bộ chủ trì; Cục Công nghệ thông tin phối hợp thực hiện.\n")
    ds = directives_of(text)
    assert leads(ds["4/b"]) == ["Ủy ban nhân dân các tỉnh"] and ds["4/b"].support == []
    assert supports(ds["4/c"]) == ["Cục Công nghệ thông tin"]


def test_a_unit_named_in_brackets_after_its_body_leads_with_it():
    text = ("VĂN PHÒNG CHÍNH PHỦ\nSố: 12/TB-VPCP\nHà Nội, ngày 10 tháng 3 năm 2025\n\nTHÔNG BÁO\nKết luận\n\n"
            "1. Văn phòng Chính phủ (Cục Kiểm soát thủ tục hành chính) theo dõi, đôn đốc việc thực hiện.\n"
            "2. Phòng Kiểm soát thủ tục hành chính (Văn phòng UBND tỉnh) tổng hợp kết quả.\n"
            "3. Phòng Tài chính - Kế hoạch (P.TCKH) bố trí kinh phí.\n")
    ds = directives_of(text)
    assert leads(ds["1"]) == ["Văn phòng Chính phủ", "Cục Kiểm soát thủ tục hành chính"]
    # the body above the unit, or its short name, in brackets is no second doer
    assert leads(ds["2"]) == ["Phòng Kiểm soát thủ tục hành chính"]
    assert leads(ds["3"]) == ["Phòng Tài chính - Kế hoạch"]


def test_a_catalogue_of_procedures_names_who_handles_them_not_a_task():
    text = ("BỘ CÔNG THƯƠNG\nSố: 215/QĐ-BCT\nHà Nội, ngày 23 tháng 01 năm 2026\n\nQUYẾT ĐỊNH\nCông bố thủ tục\n\n"
            "Điều 1. Công bố kèm theo Quyết định này danh mục thủ tục hành chính.\n"
            "Điều 2. Cục Xúc tiến thương mại chủ trì cập nhật các thủ tục lên Cơ sở dữ liệu quốc gia.\n\n"
            "DANH MỤC THỦ TỤC HÀNH CHÍNH\n"
            "1. Đăng ký tổ chức hội chợ ở nước ngoài - Mã số: 2.000041 - Cơ quan thực hiện: Cục Xúc tiến thương mại.\n"
            "2. Đăng ký tổ chức hội chợ tại Việt Nam - Mã số: 2.000033 - Cơ quan thực hiện: Sở Công Thương.\n")
    ds = directives_of(text)
    assert leads(ds["Điều 2"]) == ["Cục Xúc tiến thương mại"]
    assert not {p for p, d in ds.items() if d.lead} - {"Điều 2"}


def test_nobody_named_gives_no_lead_and_w401():
    text = "Kế hoạch này nhằm mục đích sau:\n\n1. Chủ trì tổ chức thực hiện các nhiệm vụ được giao.\n"
    doc, ctx = make(text, [("1. Chủ", "1")], [])
    d = by_item(doc, ctx)["1"]
    assert d.lead == [] and d.lead_source is None
    assert any(w.code == "W401" and w.span == d.span for w in doc.warnings)


def test_kinh_gui_list_when_the_preamble_names_nobody():
    text = ("Kính gửi:\n- Sở Y tế;\n- Sở Giáo dục và Đào tạo.\n\n"
            "Ủy ban nhân dân tỉnh yêu cầu:\n\n1. Triển khai tiêm chủng đúng tiến độ.\n")
    doc, ctx = make(text, [("1. Triển", "1")], ["Sở Y tế", "Sở Giáo dục và Đào tạo", "Ủy ban nhân dân tỉnh"])
    d = by_item(doc, ctx)["1"]
    assert leads(d) == ["Sở Y tế", "Sở Giáo dục và Đào tạo"] and d.lead_source == "recipients"


def test_links_are_the_item_entities():
    text = "Các sở thực hiện các nội dung sau:\n\n1. Hoàn thành trong quý I/2024.\n\n2. Báo cáo kết quả.\n"
    doc, ctx = make(text, [("1. Hoàn", "1"), ("2. Báo", "2")], ["Các sở"])
    i = text.index("trong quý")
    doc.deadlines.append(Deadline(id="d1", text="trong quý I/2024", span=(i, i + 16), item="1", due="2024-03-31"))
    ds = by_item(doc, ctx)
    assert ds["1"].deadlines == ["d1"] and ds["2"].deadlines == []


def test_odd_input_never_crashes():
    for text in ("", "1.", "Giao", "1. Giao Sở\n"):
        doc = Document()
        assert build_directives(doc, MatchContext(norm=normalize(text), rules=None)) == []


def test_responsibility_heading_and_dieu_with_positions():
    text = ("IV. TỔ CHỨC THỰC HIỆN\n\n"
            "1. Trách nhiệm của Sở Y tế\n\n"
            "a) Hướng dẫn các bệnh viện triển khai.\n\n"
            "Điều 3. Chánh Văn phòng UBND tỉnh; Giám đốc các sở, ban, ngành; Chủ tịch UBND các huyện "
            "chịu trách nhiệm thi hành Quyết định này.\n")
    doc, ctx = make(text, [("1. Trách", "IV/1"), ("a) Hướng", "IV/1/a"), ("Điều 3.", "Điều 3")],
                    ["Sở Y tế", "Văn phòng UBND tỉnh", "các sở, ban, ngành", "UBND các huyện"])
    ds = by_item(doc, ctx)
    assert leads(ds["IV/1"]) == ["Sở Y tế"] and ds["IV/1"].lead_source == "heading"
    assert leads(ds["IV/1/a"]) == ["Sở Y tế"]                      # the guided hospitals are no body here
    assert leads(ds["Điều 3"]) == ["Văn phòng UBND tỉnh", "các sở, ban, ngành", "UBND các huyện"]


def test_x_duoc_giao_chu_tri_and_giao_nhiem_vu_cho():
    text = ("Các sở thực hiện nội dung sau:\n\n"
            "1. Sở Công Thương được giao chủ trì xây dựng đề án.\n\n"
            "2. Ủy ban nhân dân tỉnh giao nhiệm vụ cho Sở Xây dựng tổng hợp.\n")
    doc, ctx = make(text, [("1. Sở", "1"), ("2. Ủy", "2")],
                    ["Các sở", "Sở Công Thương", "Ủy ban nhân dân tỉnh", "Sở Xây dựng"])
    ds = by_item(doc, ctx)
    assert leads(ds["1"]) == ["Sở Công Thương"]
    assert leads(ds["2"]) == ["Sở Xây dựng"]                        # the assigner is no lead


def test_inline_and_semicolon_headings_and_caps_sections():
    text = ("II. TỔ CHỨC THỰC HIỆN\n\n"
            "2. Sở Tài chính: Chủ trì, phối hợp với Sở Kế hoạch và Đầu tư bố trí kinh phí.\n\n"
            "3. Các sở, ban, ngành cấp tỉnh; UBND các huyện\n\n"
            "a) Định kỳ báo cáo kết quả về Sở Thông tin và Truyền thông.\n")
    doc, ctx = make(text, [("II. TỔ", "II"), ("2. Sở", "II/2"), ("3. Các", "II/3"), ("a) Định", "II/3/a")],
                    ["Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Các sở, ban, ngành cấp tỉnh", "UBND các huyện",
                     "Sở Thông tin và Truyền thông"])
    ds = by_item(doc, ctx)
    assert "II" not in ds                                             # a section title asks nothing
    assert leads(ds["II/2"]) == ["Sở Tài chính"] and supports(ds["II/2"]) == ["Sở Kế hoạch và Đầu tư"]
    assert leads(ds["II/3/a"]) == ["Các sở, ban, ngành cấp tỉnh", "UBND các huyện"]
    assert supports(ds["II/3/a"]) == []                               # reported to, not a supporter


def test_letter_without_items_its_only_paragraph_is_the_directive():
    from cchc_extract.structure import Layout

    text = ("Kính gửi: Sở Tài chính.\n\n"
            "Xét đề nghị của Sở Nội vụ, Ủy ban nhân dân tỉnh giao Sở Tài chính chủ trì, phối hợp với "
            "Sở Nội vụ tham mưu UBND tỉnh bố trí kinh phí, báo cáo trước ngày 20/5/2024./.\n")
    doc, ctx = make(text, [], ["Sở Tài chính", "Sở Nội vụ", "Ủy ban nhân dân tỉnh", "Sở Tài chính", "Sở Nội vụ",
                               "UBND tỉnh"])
    para = text.index("Xét")
    ctx.layout = Layout(segments=[("recipients", 0, 23), ("closing", para, len(text) - 1)])
    i = text.index("trước ngày")
    doc.deadlines.append(Deadline(id="d1", text="trước ngày 20/5/2024", span=(i, i + 20), due="2024-05-19"))
    (d,) = build_directives(doc, ctx)
    assert d.item == "preamble" and leads(d) == ["Sở Tài chính"] and supports(d) == ["Sở Nội vụ"]
    assert d.deadlines == ["d1"] and d.lead[0].span[0] > para      # the Sở in the item, not the addressee


def test_letter_without_items_every_paragraph_after_the_asking_line_is_the_request():
    from cchc_extract.structure import Layout

    text = ("Kính gửi: Các phòng.\n\n"
            "Qua theo dõi, hồ sơ quá hạn còn nhiều. Chủ tịch UBND huyện yêu cầu:\n\n"
            "Giao Phòng Nội vụ chủ trì, phối hợp với Công an huyện rà soát hồ sơ; "
            "giao Phòng Tài chính - Kế hoạch hướng dẫn thanh toán trực tuyến.\n\n"
            "UBND các xã, thị trấn chỉ đạo Bộ phận Một cửa cấp xã công khai hồ sơ.\n")
    doc, ctx = make(text, [], ["UBND huyện", "Phòng Nội vụ", "Công an huyện", "Phòng Tài chính - Kế hoạch",
                               "UBND các xã, thị trấn", "Bộ phận Một cửa cấp xã"])
    ctx.layout = Layout(segments=[("recipients", 0, 19)], preamble=(21, len(text) - 1))
    (d,) = build_directives(doc, ctx)
    assert d.item == "preamble"
    assert leads(d) == ["Phòng Nội vụ", "Phòng Tài chính - Kế hoạch", "UBND các xã, thị trấn"]
    assert supports(d) == ["Công an huyện"]


def test_background_paragraph_is_not_the_request_and_remit_adverbial_keeps_the_subject():
    text = ("Thời gian qua, các sở, ngành tích cực triển khai nhiệm vụ.\n"
            "Để khắc phục hạn chế, Ủy ban nhân dân tỉnh yêu cầu:\n\n"
            "1. Rà soát hồ sơ tồn đọng.\n\n"
            "2. Sở Nội vụ, theo chức năng, nhiệm vụ được giao, chủ động kiểm tra công vụ.\n")
    doc, ctx = make(text, [("1. Rà", "1"), ("2. Sở", "2")], ["các sở, ngành", "Ủy ban nhân dân tỉnh", "Sở Nội vụ"])
    ds = by_item(doc, ctx)
    assert "1" in ds and ds["1"].lead == []                           # nobody named: no guess
    assert leads(ds["2"]) == ["Sở Nội vụ"]


def test_support_named_before_phoi_hop_and_with_adverbs():
    text = ("Các sở thực hiện nội dung sau:\n\n"
            "1. Giao Sở Xây dựng chủ trì, Sở Tài nguyên và Môi trường phối hợp thực hiện.\n\n"
            "2. Sở Y tế phối hợp chặt chẽ với Công an tỉnh kiểm tra an toàn thực phẩm.\n")
    doc, ctx = make(text, [("1. Giao", "1"), ("2. Sở", "2")],
                    ["Các sở", "Sở Xây dựng", "Sở Tài nguyên và Môi trường", "Sở Y tế", "Công an tỉnh"])
    ds = by_item(doc, ctx)
    assert leads(ds["1"]) == ["Sở Xây dựng"] and supports(ds["1"]) == ["Sở Tài nguyên và Môi trường"]
    assert leads(ds["2"]) == ["Sở Y tế"] and supports(ds["2"]) == ["Công an tỉnh"]


def test_items_inherit_the_preamble_support_too():
    text = ("Ủy ban nhân dân tỉnh giao Sở Nội vụ chủ trì, phối hợp với Sở Tài chính thực hiện các nội dung sau:\n\n"
            "1. Rà soát biên chế.\n")
    doc, ctx = make(text, [("1. Rà", "1")], ["Ủy ban nhân dân tỉnh", "Sở Nội vụ", "Sở Tài chính"])
    ds = by_item(doc, ctx)
    assert "preamble" not in ds
    assert leads(ds["1"]) == ["Sở Nội vụ"] and supports(ds["1"]) == ["Sở Tài chính"]
    assert ds["1"].lead_source == "preamble"


def test_hard_wrapped_lines_do_not_start_clauses():
    text = ("Ủy ban nhân dân tỉnh yêu cầu:\n\n"
            "1. Sở Y tế\n\n"
            "a) Chủ trì, phối hợp với\nSở Tài chính rà soát hồ sơ tại\nTrung tâm Kiểm soát bệnh tật tỉnh.\n")
    doc, ctx = make(text, [("1. Sở", "1"), ("a) Chủ", "1/a")],
                    ["Ủy ban nhân dân tỉnh", "Sở Y tế", "Sở Tài chính", "Trung tâm Kiểm soát bệnh tật tỉnh"])
    d = by_item(doc, ctx)["1/a"]
    assert leads(d) == ["Sở Y tế"] and supports(d) == ["Sở Tài chính"]   # the place is no actor


def test_doi_voi_heading():
    text = ("Ủy ban nhân dân tỉnh yêu cầu:\n\n1. Đối với các sở, ban, ngành:\n\n"
            "a) Rà soát thủ tục hành chính.\n")
    doc, ctx = make(text, [("1. Đối", "1"), ("a) Rà", "1/a")], ["Ủy ban nhân dân tỉnh", "các sở, ban, ngành"])
    ds = by_item(doc, ctx)
    assert leads(ds["1/a"]) == ["các sở, ban, ngành"] and ds["1"].lead_source == "heading"



def test_a_hamlet_head_is_an_office_before_the_hamlets_it_heads():
    # "Trưởng ấp các ấp", "Trưởng thôn các thôn": the title of the hamlets' heads, like "Thủ trưởng"
    text = ("Chủ tịch Ủy ban nhân dân xã yêu cầu Thủ trưởng các cơ quan, đơn vị và Trưởng ấp các ấp "
            "thực hiện các nội dung sau:\n\n1. Đối với Trưởng ấp các ấp\n"
            "- Tuyên truyền, vận động người dân sử dụng dịch vụ công trực tuyến.\n")
    doc, ctx = make(text, [("1. Đối", "1"), ("- Tuyên", "1/-1")],
                    ["Ủy ban nhân dân xã", "các cơ quan, đơn vị", "các ấp", "các ấp"])
    ds = by_item(doc, ctx)
    assert leads(ds["1/-1"]) == ["các ấp"] and ds["1"].lead_source == "heading"
    # after "và", the office joins the hamlets to the list the request is addressed to: a request
    # that only announces the items sets no task of its own, one with a task gives it to both
    assert "preamble" not in directives_of(text)
    asked = text.replace("thực hiện các nội dung sau", "rà soát hồ sơ trễ hạn. Cụ thể")
    assert leads(directives_of(asked)["preamble"]) == ["các cơ quan, đơn vị", "các ấp"]

def test_lexicon_prefilter_accepts_a_phrase_split_by_two_spaces_or_a_line_end():
    # the role patterns allow any whitespace between words; their literal prefilter must too
    for gap in (" ", "  ", "\n"):
        text = f"1. Sở Nội vụ chủ trì, phối{gap}hợp với Sở Tư pháp rà soát thủ tục.\n"
        doc, ctx = make(text, [("1.", "1")], ["Sở Nội vụ", "Sở Tư pháp"])
        d = by_item(doc, ctx)["1"]
        assert (leads(d), [b.text for b in d.support]) == (["Sở Nội vụ"], ["Sở Tư pháp"]), repr(gap)


def test_a_heading_of_bodies_with_an_alias_aside_leads_its_sub_items():
    text = ("1. Các bộ, Ủy ban nhân dân các tỉnh (sau đây gọi chung là bộ, ngành, địa phương):\n"
            "a) Rà soát thủ tục hành chính.\nb) Báo cáo kết quả.\n")
    doc, ctx = make(text, [("1.", "1"), ("a)", "1/a"), ("b)", "1/b")],
                    ["Các bộ", "Ủy ban nhân dân các tỉnh"])
    got = by_item(doc, ctx)
    assert leads(got["1/a"]) == ["Các bộ", "Ủy ban nhân dân các tỉnh"]
    assert got["1/a"].lead_source == "heading"


def test_under_a_party_organ_lanh_dao_a_state_body_is_the_organ_leading_it():
    text = ("Ban Thường vụ Tỉnh ủy yêu cầu:\n\n"
            "1. Ban cán sự đảng UBND tỉnh\n\n"
            "a) Lãnh đạo UBND tỉnh chỉ đạo các sở, ban, ngành khắc phục hạn chế.\n\n"
            "b) Chỉ đạo Sở Nội vụ chủ trì kiểm tra công vụ.\n\n"
            "2. Lãnh đạo UBND các huyện công khai kết quả.\n")
    doc, ctx = make(text, [("1. Ban", "1"), ("a) Lãnh", "1/a"), ("b) Chỉ", "1/b"), ("2. Lãnh", "2")],
                    ["Ban Thường vụ Tỉnh ủy", "Ban cán sự đảng UBND tỉnh", "UBND tỉnh", "các sở, ban, ngành",
                     "Sở Nội vụ", "UBND các huyện"])
    for b in doc.bodies[:2]:
        b.level = "party"
    ds = by_item(doc, ctx)
    assert leads(ds["1/a"]) == ["Ban cán sự đảng UBND tỉnh"]     # lãnh đạo: the organ leads UBND tỉnh
    assert leads(ds["1/b"]) == ["Sở Nội vụ"]                     # X chủ trì still names the lead
    # an item no Party organ heads (the requester is no lead): "Lãnh đạo UBND các huyện" are its leaders, UBND acts
    assert leads(ds["2"]) == ["UBND các huyện"]


# headings whose items name no one to act: what an inspection covers, whom its findings are about,
# the papers sent with the letter, a team's members
@pytest.mark.parametrize("text, items, bodies, no_task, led", [
    ("1. Đối tượng kiểm tra\n\na) Các sở, ban, ngành tỉnh: kiểm tra tối thiểu 08 cơ quan.\n\n"
     "2. Tổ chức thực hiện\n\na) Sở Nội vụ chủ trì kiểm tra.\n",
     [("1. Đối", "1"), ("a) Các", "1/a"), ("2. Tổ", "2"), ("a) Sở", "2/a")],
     ["Các sở, ban, ngành tỉnh", "Sở Nội vụ"], {"1/a"}, ("2/a", ["Sở Nội vụ"])),
    ("I. KẾT QUẢ KIỂM TRA\n\n1. Ủy ban nhân dân xã An Bình\n\n- Hoàn thành 19/22 nhiệm vụ.\n\n"
     "II. YÊU CẦU KHẮC PHỤC\n\n1. Ủy ban nhân dân xã An Bình\n\n- Xử lý dứt điểm hồ sơ quá hạn.\n",
     [("I. KẾT", "I"), ("1. Ủy", "I/1"), ("- Hoàn", "I/1/-1"), ("II. YÊU", "II"),
      ("1. Ủy ban nhân dân xã An Bình\n\n- Xử", "II/1"), ("- Xử", "II/1/-1")],
     ["Ủy ban nhân dân xã An Bình", "Ủy ban nhân dân xã An Bình"], {"I/1", "I/1/-1"},
     ("II/1/-1", ["Ủy ban nhân dân xã An Bình"])),
    # the tasks done ("KẾT QUẢ THỰC HIỆN NHIỆM VỤ") are results too
    ("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 01/2026\n\n1. Ủy ban nhân dân xã An Bình\n\n"
     "- Tiếp nhận 186 hồ sơ, giải quyết đúng hạn 181 hồ sơ.\n\n"
     "II. NHIỆM VỤ THÁNG 02/2026\n\n1. Ủy ban nhân dân xã An Bình\n\n- Xử lý dứt điểm hồ sơ quá hạn.\n",
     [("I. KẾT", "I"), ("1. Ủy", "I/1"), ("- Tiếp", "I/1/-1"), ("II. NHI", "II"),
      ("1. Ủy ban nhân dân xã An Bình\n\n- Xử", "II/1"), ("- Xử", "II/1/-1")],
     ["Ủy ban nhân dân xã An Bình", "Ủy ban nhân dân xã An Bình"], {"I/1", "I/1/-1"},
     ("II/1/-1", ["Ủy ban nhân dân xã An Bình"])),
    ("Bộ Nội vụ đề nghị các bộ, cơ quan ngang bộ thực hiện một số nội dung sau:\n\n"
     "1. Tổ chức tự đánh giá, chấm điểm.\n\n2. Tài liệu gửi kèm theo Công văn này, gồm:\n\n"
     "- Quyết định số 876/QĐ-BNV ngày 10/11/2022;\n\n- Phụ lục I: Mẫu báo cáo.\n",
     [("1. Tổ", "1"), ("2. Tài", "2"), ("- Quyết", "2/-1"), ("- Phụ", "2/-2")],
     ["Bộ Nội vụ", "các bộ, cơ quan ngang bộ"], {"2", "2/-1", "2/-2"}, ("1", ["các bộ, cơ quan ngang bộ"])),
    ("Sở Nội vụ đề nghị các cơ quan thực hiện:\n\n1. Thành phần các Đoàn kiểm tra\n\n"
     "a) Đoàn kiểm tra số 1: Giám đốc Sở Nội vụ làm Trưởng đoàn.\n\n2. Đoàn kiểm tra số 1 tổng hợp kết quả.\n",
     [("1. Thành", "1"), ("a) Đoàn", "1/a"), ("2. Đoàn", "2")],
     ["Sở Nội vụ", "các cơ quan", "Đoàn kiểm tra số 1", "Sở Nội vụ", "Đoàn kiểm tra số 1"], {"1", "1/a"},
     ("2", ["Đoàn kiểm tra số 1"])),
])
def test_headings_whose_items_name_no_actor_give_no_tasks(text, items, bodies, no_task, led):
    ds = by_item(*make(text, items, bodies))
    assert not no_task & set(ds)
    assert leads(ds[led[0]]) == led[1]


def test_a_task_intro_naming_only_whom_to_work_with_passes_them_to_its_tasks():
    task = by_item(*make(
        "Bộ Xây dựng đề nghị Sở Xây dựng các tỉnh thực hiện:\n\n"
        "2. Phối hợp với Ủy ban nhân dân cấp huyện và Bưu điện tỉnh thực hiện các nhiệm vụ sau:\n\n"
        "a) Hướng dẫn tổ chức, cá nhân nộp hồ sơ trực tuyến.\n",
        [("2. Phối", "2"), ("a) Hướng", "2/a")],
        ["Bộ Xây dựng", "Sở Xây dựng các tỉnh", "Ủy ban nhân dân cấp huyện", "Bưu điện tỉnh"]))["2/a"]
    assert (leads(task), [b.text for b in task.support]) == (
        ["Sở Xây dựng các tỉnh"], ["Ủy ban nhân dân cấp huyện", "Bưu điện tỉnh"])


def test_a_body_and_a_colon_opening_each_paragraph_are_its_subjects():
    from cchc_extract.pipeline import extract_text

    text = ("THÔNG BÁO\nKết luận của Chủ tịch UBND huyện\n\n"
            "1. Về giải quyết thủ tục hành chính\n\n"
            "**Phòng Nội vụ:** chủ trì tham mưu kế hoạch kiểm tra; hoàn thành trước ngày 15/9/2023.\n\n"
            "**Văn phòng HĐND và UBND huyện:** chỉ đạo Bộ phận Một cửa công khai hồ sơ quá hạn.\n\n"
            "2. Về chuyển đổi số\n\nCác Sở: Nội vụ, Tư pháp đã hướng dẫn.\n")
    ds = directives_of(text)
    assert leads(ds["1"]) == ["Phòng Nội vụ", "Văn phòng HĐND và UBND huyện"]
    assert "2" not in ds or not ds["2"].lead


def test_field_lines_under_a_task_give_the_task_its_roles():
    from cchc_extract.pipeline import extract_text

    text = ("KẾ HOẠCH\nCải cách hành chính năm 2024 của Sở Nội vụ\n\nII. NHIỆM VỤ\n"
            "Nhiệm vụ 1: Rà soát văn bản quy phạm pháp luật thuộc lĩnh vực nội vụ.\n"
            "- Đơn vị chủ trì: Thanh tra Sở.\n- Đơn vị phối hợp: Văn phòng Sở.\n"
            "- Thời gian hoàn thành: trước ngày 30/6/2024.\n"
            "Nhiệm vụ 2: Công khai thủ tục hành chính.\n- Đơn vị chủ trì: Văn phòng Sở.\n")
    doc = extract_text(text)
    ds = {d.item: d for d in doc.directives}
    assert ([b.text for b in ds["II/Nhiệm vụ 1"].lead], [b.text for b in ds["II/Nhiệm vụ 1"].support]) == (
        ["Thanh tra Sở"], ["Văn phòng Sở"])
    assert [b.text for b in ds["II/Nhiệm vụ 2"].lead] == ["Văn phòng Sở"]
    assert not [p for p in ds if p.startswith("II/Nhiệm vụ 1/")]      # the field lines are no tasks
    assert [d.item for d in doc.deadlines] == ["II/Nhiệm vụ 1/-3"]


@pytest.mark.parametrize("text, item, lead, support", [
    # inline fields of a task line
    ("Kế hoạch.\n\nII. NHIỆM VỤ\n1. Cải cách thể chế\n"
     "- Nội dung: Rà soát các văn bản; Cơ quan thực hiện: Phòng Quản lý thương mại; "
     "Cơ quan phối hợp: Văn phòng Sở; Thời gian: Quý II/2024.\n",
     "II/1/-1", ["Phòng Quản lý thương mại"], ["Văn phòng Sở"]),
    # a field line under the task naming both roles ("X chủ trì, phối hợp với Y")
    ("KẾ HOẠCH\nabc\n\nI. MỤC ĐÍCH\n1. Tốt.\n\nII. NHIỆM VỤ\n1. Tuyên truyền văn bản\nTổ chức quán triệt.\n"
     "- Thời gian thực hiện: trong quý II/2023.\n"
     "- Cơ quan thực hiện: Phòng Nội vụ chủ trì, phối hợp với Thanh tra thành phố.\n",
     "II/1", ["Phòng Nội vụ"], ["Thanh tra thành phố"]),
])
def test_the_fields_of_a_task_give_its_lead_and_support(text, item, lead, support):
    from cchc_extract.pipeline import extract_text

    (d,) = [d for d in extract_text(text).directives if d.item == item]
    assert [b.text for b in d.lead] == lead and [b.text for b in d.support] == support


def test_a_heading_body_with_its_holders_office_in_apposition_leads_the_items_under_it():
    from cchc_extract.pipeline import extract_text

    text = ("Kế hoạch.\n\n3. Nhiệm vụ của các thành viên\na) Giám đốc Sở Nội vụ - Phó Trưởng ban Thường trực:\n"
            "- Xây dựng kế hoạch khắc phục.\nb) Chủ tịch UBND các huyện - Thành viên Ban Chỉ đạo:\n"
            "Chịu trách nhiệm về kết quả CCHC.\n")
    leads = {d.item: [b.text for b in d.lead] for d in extract_text(text).directives}
    assert leads["3/a"] == ["Sở Nội vụ"] and leads["3/a/-1"] == ["Sở Nội vụ"]
    assert leads["3/b"] == ["UBND các huyện"]
    # the office after a comma, the member's tasks after the heading's colon, his name before the office
    members = extract_text("Kế hoạch.\n\nIII. NHIỆM VỤ\n1. Đồng chí Giám đốc Sở Thông tin và Truyền thông, Phó "
                           "Trưởng ban Thường trực\na) Chủ trì vận hành Nền tảng tích hợp dữ liệu tỉnh.\n2. Đồng chí "
                           "Giám đốc Công an tỉnh, Ủy viên: chỉ đạo đẩy mạnh cấp tài khoản định danh.\n3. Đồng chí "
                           "Nguyễn Văn An - Giám đốc Sở Nội vụ: phụ trách chung.\n").directives
    assert {d.item: [b.text for b in d.lead] for d in members if d.item in ("III/1/a", "III/2", "III/3")} == {
        "III/1/a": ["Sở Thông tin và Truyền thông"], "III/2": ["Công an tỉnh"], "III/3": ["Sở Nội vụ"]}


def test_a_member_named_by_person_and_office_leads_the_duties_after_his_colon_only():
    from cchc_extract.pipeline import extract_text

    duties = extract_text("Thông báo.\n\nII. PHÂN CÔNG\n1. Ông Phạm Văn Lực, Giám đốc Sở Tư pháp: "
                          "phụ trách cải cách thể chế.\n2. Đại tá Lê Thanh Hùng, Giám đốc Công an tỉnh: chỉ đạo "
                          "triển khai Đề án 06.\n").directives
    assert {d.item: [b.text for b in d.lead] for d in duties if d.lead} == {
        "II/1": ["Sở Tư pháp"], "II/2": ["Công an tỉnh"]}
    # a list of members under "gồm:" and a leader's heading with no duties on its line set no task of a body
    members = extract_text("Quyết định.\n\nĐiều 1. Thành lập Ban Chỉ đạo, gồm các ông, bà có tên sau:\n"
                           "1. Ông Trần Quốc Khánh, Chủ tịch UBND tỉnh - Trưởng ban;\n"
                           "2. Bà Nguyễn Thị Thu Hà, Giám đốc Sở Nội vụ - Phó Trưởng ban;\n").directives
    assert not [d for d in members if d.lead]


def test_persons_named_with_the_heads_and_a_standing_body_keep_the_bodies_their_role():
    from cchc_extract.pipeline import extract_text

    text = ("QUYẾT ĐỊNH\n\nĐiều 1. Kiện toàn Ban Chỉ đạo.\n\nĐiều 2. Nhiệm vụ\n"
            "1. Sở Nội vụ là cơ quan thường trực của Ban Chỉ đạo, có trách nhiệm:\na) Xây dựng quy chế.\n\n"
            "Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày ký.\nChánh Văn phòng UBND tỉnh, Giám đốc Sở "
            "Nội vụ và các ông, bà có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.\n\nNơi nhận:\n- Như Điều 3;\n")
    leads = {d.item: [b.text for b in d.lead] for d in extract_text(text).directives}
    assert leads["Điều 2/1/a"] == ["Sở Nội vụ"]
    assert leads["Điều 3"] == ["Văn phòng UBND tỉnh", "Sở Nội vụ"]


def test_a_replys_decision_on_a_proposal_sets_the_addressees_no_task():
    from cchc_extract.pipeline import extract_text
    text = ("ỦY BAN NHÂN DÂN\nTỈNH NINH THUẬN\nSố: 2847/UBND-KTTH\nV/v thí điểm số hóa\n"
            "Ninh Thuận, ngày 12 tháng 7 năm 2024\n\nKính gửi:\n- Sở Tài nguyên và Môi trường;\n- Sở Tài chính.\n\n"
            "Xét đề nghị của Sở Tài nguyên và Môi trường, Chủ tịch UBND tỉnh có ý kiến như sau:\n\n"
            "1. Thống nhất chủ trương triển khai thí điểm số hóa hồ sơ.\n\n"
            "2. Rà soát quy trình số hóa, hoàn thành trong tháng 8/2024.\n")
    doc = extract_text(text)
    by_item = {d.item: [b.text for b in d.lead] for d in doc.directives}
    assert "1" not in by_item
    assert by_item["2"] == ["Sở Tài nguyên và Môi trường", "Sở Tài chính"]   # a task still goes to them


def test_a_report_and_a_submission_give_their_addressees_and_their_issuer_no_tasks():
    from cchc_extract.pipeline import extract_text

    report = ("UBND HUYỆN CHỢ GẠO\nSố: 412/BC-UBND\n\nBÁO CÁO\nKết quả cải cách hành chính năm 2023\n\n"
              "Kính gửi: Sở Nội vụ tỉnh Tiền Giang.\n\n"
              "Ủy ban nhân dân huyện Chợ Gạo báo cáo kết quả như sau:\n\n"
              "I. KẾT QUẢ\n1. Công tác chỉ đạo\nBan hành kế hoạch với 42 nhiệm vụ.\n\n"
              "II. NHIỆM VỤ NĂM 2024\n1. Phòng Nội vụ chủ trì rà soát thủ tục hành chính.\n")
    d = {x.item: [b.text for b in x.lead] for x in extract_text(report).directives}
    assert "I/1" not in d and "preamble" not in d and d["II/1"] == ["Phòng Nội vụ"]
    submission = ("SỞ NỘI VỤ\nSố: 1542/TTr-SNV\n\nTỜ TRÌNH\nVề việc ban hành Kế hoạch\n\n"
                  "Kính trình: Ủy ban nhân dân tỉnh Bình Dương.\n\n"
                  "Sở Nội vụ kính trình Ủy ban nhân dân tỉnh dự thảo Kế hoạch, cụ thể như sau:\n\n"
                  "1. Sự cần thiết ban hành Kế hoạch\nChỉ số năm 2023 giảm 03 bậc.\n")
    doc = extract_text(submission)
    assert doc.metadata.recipients == ["Ủy ban nhân dân tỉnh Bình Dương"] and doc.directives == []
    # a công văn up the hierarchy (a province to a ministry) reports to it; "Kiến nghị X" still asks X
    reply = ("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG BÌNH\n\nSố: 2147/UBND-NC\nV/v báo cáo kết quả cải cách hành chính\n\n"
             "Quảng Bình, ngày 08 tháng 7 năm 2024\n\nKính gửi: Bộ Nội vụ.\n\n"
             "Ủy ban nhân dân tỉnh báo cáo như sau:\n\nI. KẾT QUẢ THỰC HIỆN\n\n1. Ban hành kế hoạch năm 2024.\n\n"
             "II. KIẾN NGHỊ\n\n1. Kiến nghị Bộ Nội vụ sớm hướng dẫn việc xác định Chỉ số cải cách hành chính.\n")
    ds = {x.item: x for x in extract_text(reply).directives}
    assert not {"I", "I/1", "II"} & set(ds)
    assert [b.text for b in ds["II/1"].lead] == ["Bộ Nội vụ"] and ds["II/1"].modality == "request"



def test_addressees_of_a_request_listed_with_semicolons_all_lead():
    from cchc_extract.pipeline import extract_text

    text = ("Bộ Y tế đề nghị các Vụ, Cục; Sở Y tế các tỉnh, thành phố trực thuộc Trung ương; "
            "Văn phòng Bộ khẩn trương thực hiện một số nội dung sau:\n"
            "1. Rà soát thủ tục hành chính.\n"
            "2. Giao Sở Nội vụ chủ trì, phối hợp với UBND các huyện; Sở Tài chính bố trí kinh phí.\n")
    ds = {d.item: d for d in extract_text(text).directives}
    assert [b.text for b in ds["1"].lead] == ["các Vụ, Cục", "Sở Y tế các tỉnh, thành phố trực thuộc Trung ương",
                                              "Văn phòng Bộ"]
    # after a preposition, "; X" opens a clause of its own: X is no partner of the one before
    assert [b.text for b in ds["2"].support] == ["UBND các huyện"]
    # a labelled field lists its bodies with semicolons too
    field = ("KẾ HOẠCH\nXác định chỉ số\nI. NHIỆM VỤ\n1. Nội dung: Điều tra xã hội học\n"
             "Đơn vị chủ trì: Vụ Cải cách hành chính\n"
             "Đơn vị phối hợp: Tổng công ty Bưu điện Việt Nam; Sở Nội vụ các tỉnh, thành phố\n")
    d = {d.item: d for d in extract_text(field).directives}["I/1"]
    assert ([b.text for b in d.lead], [b.text for b in d.support]) == (
        ["Vụ Cải cách hành chính"], ["Tổng công ty Bưu điện Việt Nam", "Sở Nội vụ các tỉnh, thành phố"])


def test_subjects_listed_with_semicolons_at_an_items_start_all_lead():
    text = ("KẾ HOẠCH\nTriển khai Đề án 06\nIV. TỔ CHỨC THỰC HIỆN\n"
            "1. Các sở, ban, ngành tỉnh; Ủy ban nhân dân các xã, phường căn cứ nhiệm vụ được giao xây dựng "
            "kế hoạch chi tiết, hoàn thành trước ngày 15/9/2025.\n"
            "2. Sở Tư pháp chủ trì, phối hợp với Công an tỉnh; Sở Nội vụ bố trí công chức.\n")
    ds = directives_of(text)
    assert leads(ds["IV/1"]) == ["Các sở, ban, ngành tỉnh", "Ủy ban nhân dân các xã, phường"]
    # in the middle of a clause, "; X" still opens a clause of its own
    assert supports(ds["IV/2"]) == ["Công an tỉnh"]
    # ... but three partners or more listed with semicolons are one list
    three = text.replace("phối hợp với Công an tỉnh; Sở Nội vụ bố trí công chức",
                         "phối hợp với Công an tỉnh; Sở Nội vụ; Sở Tài chính bố trí công chức")
    d = directives_of(three)["IV/2"]
    assert (leads(d), supports(d)) == (["Sở Tư pháp"], ["Công an tỉnh", "Sở Nội vụ", "Sở Tài chính"])
    # ... and so are the partners after a colon ("phối hợp với: A; B; C")
    colon = three.replace("phối hợp với Công an tỉnh", "phối hợp với: Công an tỉnh")
    d = directives_of(colon)["IV/2"]
    assert (leads(d), supports(d)) == (["Sở Tư pháp"], ["Công an tỉnh", "Sở Nội vụ", "Sở Tài chính"])


def test_a_heading_listing_elliptical_names_under_their_kind_heads_its_items():
    from cchc_extract.pipeline import extract_text

    text = ("KẾ HOẠCH\nCải cách hành chính\nII. NHIỆM VỤ\n6. Các sở: Kế hoạch và Đầu tư, Công Thương, Tài chính\n"
            "a) Rà soát thủ tục hành chính thuộc lĩnh vực quản lý.\nb) Báo cáo kết quả trước ngày 15/12/2024.\n")
    ds = {d.item: d for d in extract_text(text).directives}
    assert [b.text for b in ds["II/6/b"].lead] == ["Kế hoạch và Đầu tư", "Công Thương", "Tài chính"]
    assert ds["II/6"].lead_source == "heading"


def test_a_reply_sets_tasks_only_in_the_items_that_ask():
    from cchc_extract.pipeline import extract_text
    text = ("BỘ TƯ PHÁP\nSố: 4127/BTP-HTQTCT\nHà Nội, ngày 28 tháng 10 năm 2024\n\n"
            "Kính gửi: Sở Tư pháp tỉnh Thanh Hóa.\n\n"
            "Bộ Tư pháp nhận được Công văn số 135/STP-HCTP ngày 07/10/2024 của Sở Tư pháp tỉnh Thanh Hóa "
            "đề nghị hướng dẫn thẩm quyền chứng thực. Bộ Tư pháp có ý kiến như sau:\n\n"
            "1. Về thẩm quyền chứng thực\n"
            "Theo quy định tại Nghị định số 23/2015/NĐ-CP, Phòng Tư pháp cấp huyện có thẩm quyền chứng thực "
            "bản sao từ bản chính giấy tờ do cơ quan nước ngoài cấp.\n\n"
            "2. Đề nghị Sở Tư pháp tỉnh Thanh Hóa hướng dẫn các địa phương thực hiện thống nhất, báo cáo "
            "kết quả về Bộ Tư pháp trước ngày 29/11/2024.\n")
    doc = extract_text(text)
    assert [d.item for d in doc.directives] == ["2"]
    # the same items under an instruction ("Xét Báo cáo …, Chủ tịch có ý kiến như sau:") are tasks
    text = text.replace("Bộ Tư pháp nhận được Công văn số 135/STP-HCTP ngày 07/10/2024 của",
                        "Xét Báo cáo số 135/BC-STP ngày 07/10/2024 của")
    assert [d.item for d in extract_text(text).directives] == ["1", "2"]


def test_a_telegrams_sender_line_is_no_addressee_and_a_bare_list_heading_names_the_lead():
    from cchc_extract.pipeline import extract_text
    text = ("THỦ TƯỚNG CHÍNH PHỦ\nSố: 71/CĐ-TTg\nHà Nội, ngày 16 tháng 7 năm 2024\n\nCÔNG ĐIỆN\n"
            "Về việc tháo gỡ vướng mắc thủ tục hành chính\n\nTHỦ TƯỚNG CHÍNH PHỦ điện:\n\n"
            "- Bộ trưởng các Bộ, Thủ trưởng cơ quan ngang Bộ, cơ quan thuộc Chính phủ;\n"
            "- Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.\n\n"
            "Thủ tướng Chính phủ yêu cầu:\n\n"
            "1. Tập trung rà soát thủ tục hành chính nội bộ.\n\n"
            "2. Các Bộ, cơ quan ngang Bộ:\n\na) Bãi bỏ giấy tờ không cần thiết.\n")
    leads = {d.item: [b.text for b in d.lead] for d in extract_text(text).directives}
    assert "THỦ TƯỚNG CHÍNH PHỦ" not in leads["1"] and len(leads["1"]) >= 2
    # "Các Bộ, cơ quan ngang Bộ:" announces no list of names: it is the heading's lead
    assert leads["2"] == leads["2/a"] == ["Các Bộ, cơ quan ngang Bộ"]


def test_the_concluding_holders_name_between_office_and_verb_keeps_the_conclusion_no_task():
    from cchc_extract.pipeline import extract_text
    text = ("VĂN PHÒNG UBND TỈNH QUẢNG BÌNH\nSố: 418/TB-VPUBND\nQuảng Bình, ngày 21 tháng 8 năm 2023\n\n"
            "THÔNG BÁO\nKết luận của Phó Chủ tịch\n\nSau khi nghe báo cáo, Phó Chủ tịch UBND\n"
            "tỉnh Nguyễn Đăng Khoa kết luận như sau:\n\n1. Sở Nội vụ rà soát thủ tục.\n\n2. Tăng cường kiểm tra.\n")
    assert [(d.item, [b.text for b in d.lead]) for d in extract_text(text).directives] == [("1", ["Sở Nội vụ"])]


def test_a_reports_proposals_to_the_bodies_above_are_requests():
    from cchc_extract.pipeline import extract_text
    text = ("ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH\nSố: 415/BC-UBND\nBình Định, ngày 10 tháng 12 năm 2024\n\n"
            "BÁO CÁO\nKết quả cải cách hành chính năm 2024\n\nKính gửi: Bộ Nội vụ.\n\n"
            "I. KIẾN NGHỊ, ĐỀ XUẤT\n\nỦy ban nhân dân tỉnh kiến nghị, đề xuất một số nội dung sau:\n\n"
            "1. Đối với Bộ Nội vụ\n\na) Sớm ban hành hướng dẫn xác định Chỉ số cải cách hành chính.\n\n"
            "2. Đối với Văn phòng Chính phủ\n\na) Nâng cấp Cổng Dịch vụ công quốc gia.\n")
    mods = {d.item: d.modality for d in extract_text(text).directives}
    assert mods["I/1"] == mods["I/1/a"] == mods["I/2/a"] == "request"


def test_a_decision_publishing_rankings_sets_no_task_and_a_ranked_group_heading_leads():
    from cchc_extract.pipeline import extract_text
    text = ("ỦY BAN NHÂN DÂN TỈNH BẮC NINH\nSố: 15/QĐ-UBND\nBắc Ninh, ngày 10 tháng 01 năm 2026\n\n"
            "QUYẾT ĐỊNH\nPhê duyệt kết quả Chỉ số cải cách hành chính năm 2025\n\n"
            "Điều 1. Phê duyệt và công bố kết quả xác định Chỉ số cải cách hành chính năm 2025 của các sở, "
            "ban, ngành và Ủy ban nhân dân các xã, phường trên địa bàn tỉnh, cụ thể như sau:\n\n"
            "1. Khối sở, ban, ngành\n\nĐiểm trung bình của khối đạt 84,56 điểm.\n\n"
            "Điều 2. Tổ chức thực hiện\n\n"
            "1. Sở Dân tộc và Tôn giáo và Ủy ban nhân dân các xã, phường thuộc nhóm Yếu\n\n"
            "a) Xây dựng kế hoạch khắc phục, gửi Sở Nội vụ trước ngày 31/01/2026.\n")
    leads = {d.item: [b.text for b in d.lead] for d in extract_text(text).directives}
    assert not [p for p in leads if p.startswith("Điều 1")]
    assert leads["Điều 2/1/a"] == ["Sở Dân tộc và Tôn giáo", "Ủy ban nhân dân các xã, phường"]


def test_a_subject_with_a_bracketed_aside_before_its_verb():
    from cchc_extract import extract
    head = "Hà Nội, ngày 01 tháng 12 năm 2023\n\nIV. TỔ CHỨC THỰC HIỆN\n\n"
    for item, lead, support in (
            ("2. Sở Nội vụ (cơ quan thường trực) thẩm định kết quả tự chấm điểm.", ["Sở Nội vụ"], []),
            ("2. Sở Nội vụ (theo Quyết định số 1194/QĐ-UBND của Chủ tịch UBND tỉnh) thẩm định kết quả.",
             ["Sở Nội vụ"], []),
            ("2. Sở Nội vụ (cơ quan thường trực) chủ trì, phối hợp với Sở Tư pháp thẩm định.",
             ["Sở Nội vụ"], ["Sở Tư pháp"]),
            # a role in brackets is no aside: it is the role ("X (chủ trì) và Y (phối hợp): …")
            ("2. Sở Tài chính (chủ trì) và Sở Nội vụ (phối hợp): thẩm định dự toán kinh phí.",
             ["Sở Tài chính"], ["Sở Nội vụ"]),
            ("2. Sở Tài chính (chủ trì), Sở Nội vụ (phối hợp) bố trí kinh phí thực hiện.",
             ["Sở Tài chính"], ["Sở Nội vụ"])):
        (d,) = extract(head + item + "\n").directives
        assert ([b.text for b in d.lead], [b.text for b in d.support]) == (lead, support), item


def test_what_an_assessment_found_sets_no_task():
    from cchc_extract import extract
    text = ("Hưng Yên, ngày 01 tháng 12 năm 2025\n\nII. KẾT QUẢ KIỂM TRA VÀ NHIỆM VỤ ĐỐI VỚI TỪNG ĐƠN VỊ\n\n"
            "1. Đối với UBND xã Tiên Lữ:\n\na) Ưu điểm: Ủy ban nhân dân xã ban hành đầy đủ kế hoạch.\n\n"
            "b) Tồn tại, hạn chế: Còn 14 thủ tục chưa được công khai.\n\n"
            "c) Đề nghị Ủy ban nhân dân xã Tiên Lữ khắc phục hạn chế trước ngày 30/11/2025.\n\n"
            "d) Tồn tại, hạn chế và giải pháp khắc phục: Ủy ban nhân dân xã rà soát thủ tục.\n")
    items = [d.item for d in extract(text).directives]
    assert "II/1/a" not in items and "II/1/b" not in items
    assert "II/1/c" in items and "II/1/d" in items


def test_a_markdown_heading_after_the_request_leaves_the_request_whole():
    text = ("Thanh Hóa, ngày 22 tháng 8 năm 2025\n\n# CHỈ THỊ\n\nVề nâng cao chất lượng một cửa\n\n"
            "Tình hình còn nhiều hạn chế.\n\nChủ tịch Ủy ban nhân dân tỉnh yêu cầu Thủ trưởng các sở, ban, ngành "
            "và Chủ tịch Ủy ban nhân dân các xã, phường thực hiện nghiêm các nội dung sau:\n\n"
            "# I. YÊU CẦU CHUNG\n\n* Công khai đầy đủ thủ tục hành chính.\n")
    assert leads_by_item(text)["I/*1"] == ["các sở, ban, ngành", "Ủy ban nhân dân các xã, phường"]


def test_addressees_listed_across_a_defining_aside():
    text = ("Hà Nội, ngày 01 tháng 9 năm 2024\n\nThanh tra Chính phủ đề nghị các Bộ, cơ quan ngang Bộ (sau đây "
            "gọi chung là Bộ, ngành) và Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương (sau đây gọi chung "
            "là UBND cấp tỉnh) quan tâm chỉ đạo, thực hiện tốt một số nội dung sau:\n\n1. Rà soát các vụ việc.\n")
    assert leads_by_item(text)["1"] == ["các Bộ, cơ quan ngang Bộ", "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]


def test_bodies_listed_after_a_tasks_colon_are_the_ones_that_owe_it():
    text = ("Quảng Trị, ngày 10 tháng 10 năm 2024\n\nVăn phòng UBND tỉnh đề nghị các sở, ban, ngành cấp tỉnh "
            "và UBND các huyện khẩn trương gửi các báo cáo còn thiếu, cụ thể:\n\n"
            "a) Báo cáo kết quả rà soát thủ tục hành chính năm 2024 theo Kế hoạch số 21/KH-UBND ngày "
            "02/02/2024 của UBND tỉnh: Sở Y tế, Sở Công Thương, UBND huyện Vĩnh Linh.\n\n"
            "b) Thành phần đoàn kiểm tra: Sở Nội vụ, Sở Tư pháp.\n\n"
            "c) Báo cáo số hóa hồ sơ: Sở Y tế, UBND huyện Gio Linh phối hợp thực hiện.\n")
    leads = leads_by_item(text)
    assert leads["a"] == ["Sở Y tế", "Sở Công Thương", "UBND huyện Vĩnh Linh"]
    # members are listed, not owers; a list the clause goes on after is no such list
    assert "Sở Nội vụ" not in leads.get("b", [])
    assert leads["c"][:2] == ["các sở, ban, ngành cấp tỉnh", "UBND các huyện"]


def test_a_schedule_line_names_whom_it_visits_not_who_acts():
    text = ("Hà Giang, ngày 01 tháng 4 năm 2024\n\nKẾ HOẠCH\n\nKiểm tra cải cách hành chính năm 2024\n\n"
            "1. Lịch kiểm tra\n\na) Đợt 1 (tháng 5/2024):\n\n- Sở Tư pháp: ngày 14/5/2024;\n\n"
            "- UBND huyện Quản Bạ và UBND thị trấn Tam Sơn: sáng thứ Ba, ngày 21/5/2024.\n\n"
            "2. Giai đoạn khảo sát: từ ngày 01/8/2024 đến ngày 15/9/2024\n\n"
            "- Bưu điện tỉnh chủ trì phát, thu phiếu khảo sát.\n")
    leads = leads_by_item(text)
    assert not [p for p in leads if p.startswith("1/")]
    # a heading with a period over its tasks keeps them
    assert leads["2/-1"] == ["Bưu điện tỉnh"]


def test_a_titled_heading_over_its_clauses_is_no_leadless_directive():
    text = ("Hà Nội, ngày 18 tháng 9 năm 2024\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Công bố kèm theo Quyết định này 04 thủ tục.\n\n"
            "Điều 2. Tổ chức thực hiện\n\n1. Cục Quản lý công sản chủ trì cập nhật thủ tục.\n\n"
            "2. Tổ chức thực hiện nghiêm các thủ tục đã công bố.\n")
    from cchc_extract import extract
    items = [d.item for d in extract(text).directives]
    assert "Điều 2" not in items and "Điều 2/1" in items
    assert "Điều 2/2" in items          # a clause that asks, with no body, still is one


def test_an_addressee_heading_names_its_items_subject_whatever_qualifies_it():
    text = ("Hà Nội, ngày 14 tháng 4 năm 2025\n\nBộ Giáo dục và Đào tạo đề nghị các đơn vị triển khai các nội dung sau:\n\n"
            "1. Đối với các đại học, học viện, trường đại học và trường cao đẳng tuyển sinh ngành Giáo dục Mầm non\n\n"
            "a) Hoàn thiện, công bố đề án tuyển sinh.\n")
    leads = leads_by_item(text)
    assert leads["1"] == leads["1/a"] == ["các đại học, học viện, trường đại học"]


def lead_texts(text: str) -> dict[str, list[str]]:
    """item path -> the texts of its lead bodies, extracting `text` whole (the rules that follow read
    a document's structure, so these tests run the full pipeline)."""
    from cchc_extract.pipeline import extract_text
    return {d.item: [b.text for b in d.lead] for d in extract_text(text).directives}


def test_a_guidance_names_whom_it_guides_as_the_lead_of_its_steps_not_of_its_purpose():
    # "Sở Nội vụ hướng dẫn X … như sau:": X does the steps; the purpose section sets none and the
    # preamble, which only introduces the guidance, is no directive of its own
    text = ("UBND TỈNH ĐỒNG THÁP\nSỞ NỘI VỤ\nSố: 168/HD-SNV\nĐồng Tháp, ngày 14 tháng 11 năm 2025\n\nHƯỚNG DẪN\n"
            "Tự đánh giá Chỉ số cải cách hành chính năm 2025\n\n"
            "Sở Nội vụ hướng dẫn các sở, ban, ngành tỉnh và Ủy ban nhân dân các xã, phường thực hiện tự "
            "đánh giá như sau:\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\nĐánh giá đúng thực chất kết quả "
            "cải cách hành chính năm 2025.\n\n2. Yêu cầu\n\nViệc tự đánh giá phải khách quan, trung thực.\n\n"
            "II. CÁC BƯỚC THỰC HIỆN\n\n1. Bước 1: Thành lập Tổ tự đánh giá, hoàn thành trước ngày 25/11/2025.\n\n"
            "2. Bước 2: Gửi báo cáo tự đánh giá về Sở Nội vụ trước ngày 24/12/2025.\n")
    leads = lead_texts(text)
    guided = ["các sở, ban, ngành tỉnh", "Ủy ban nhân dân các xã, phường"]
    assert leads.get("II/1") == guided and leads.get("II/2") == guided
    assert not {"I", "I/1", "I/2", "II", "preamble"} & set(leads)
    # the same words in an item are a task of the one who guides, not of the guided
    item = text.replace("Sở Nội vụ hướng dẫn các sở, ban, ngành tỉnh và Ủy ban nhân dân các xã, phường thực hiện tự "
                        "đánh giá như sau:", "Để triển khai, Sở Nội vụ đề nghị thực hiện như sau:")
    item = item.replace("2. Bước 2: Gửi", "2. Bước 2: Sở Tư pháp hướng dẫn Ủy ban nhân dân các xã, phường gửi")
    leads = lead_texts(item)
    assert leads.get("II/2") == ["Sở Tư pháp"]


def test_names_joined_by_a_semicolon_before_a_headings_colon_are_its_subject():
    # "4. Các sở, ban, ngành tỉnh; Ủy ban nhân dân các xã, phường: Căn cứ …" on one line: both lead
    text = ("UBND TỈNH LAI CHÂU\nSố: 12/KH-UBND\nLai Châu, ngày 05 tháng 01 năm 2026\n\nKẾ HOẠCH\nChuyển đổi số\n\n"
            "IV. TỔ CHỨC THỰC HIỆN\n\n1. Các sở, ban, ngành tỉnh; Ủy ban nhân dân các xã, phường: Căn cứ nhiệm vụ "
            "được giao, chủ động triển khai thực hiện.\n")
    leads = lead_texts(text)
    assert leads["IV/1"] == ["Các sở, ban, ngành tỉnh", "Ủy ban nhân dân các xã, phường"]


def test_a_capitalised_team_composition_heading_lists_members_not_tasks():
    head = ("BAN CHỈ ĐẠO CCHC TỈNH BẮC NINH\nSố: 05/KH-BCĐ\nBắc Ninh, ngày 10 tháng 9 năm 2025\n\nKẾ HOẠCH\n"
            "Kiểm tra cải cách hành chính\n\n")
    members = ("III. THÀNH PHẦN ĐOÀN KIỂM TRA\n\n- Lãnh đạo Sở Nội vụ - Trưởng đoàn;\n"
               "- Lãnh đạo Văn phòng UBND tỉnh - Phó Trưởng đoàn.\n\n"
               "IV. TỔ CHỨC THỰC HIỆN\n\n1. Sở Tư pháp chủ trì chuẩn bị tài liệu.\n")
    items = set(lead_texts(head + members))
    assert "IV/1" in items and not {"III/-1", "III/-2"} & items
    # a heading that also gives the team's tasks keeps them
    tasks = members.replace("THÀNH PHẦN ĐOÀN KIỂM TRA", "THÀNH PHẦN VÀ NHIỆM VỤ CỦA ĐOÀN KIỂM TRA")
    assert {"III/-1", "III/-2"} <= set(lead_texts(head + tasks))


def test_what_an_inspection_covers_is_no_task_of_the_addressees():
    # "1. Nội dung kiểm tra" lists what is checked; the addressees it is sent to do the tasks below
    text = ("ỦY BAN NHÂN DÂN\nHUYỆN LẬP THẠCH\nSố: 1520/UBND-NV\nV/v kiểm tra cải cách hành chính\n"
            "Lập Thạch, ngày 25 tháng 9 năm 2023\n\nKính gửi:\n- Các cơ quan, đơn vị thuộc UBND huyện;\n"
            "- UBND các xã, thị trấn.\n\nUBND huyện thông báo nội dung kiểm tra như sau:\n\n1. Nội dung kiểm tra\n"
            "- Việc ban hành kế hoạch cải cách hành chính năm 2023;\n- Công tác văn thư, lưu trữ.\n"
            "2. Tổ chức thực hiện\na) Phòng Nội vụ chủ trì xây dựng đề cương báo cáo trước ngày 29/9/2023.\n")
    items = set(lead_texts(text))
    assert "2/a" in items and not {"1", "1/-1", "1/-2"} & items
    # "Đối tượng và thời gian kiểm tra" over a quarter's units likewise
    units = text.replace("1. Nội dung kiểm tra\n- Việc ban hành kế hoạch cải cách hành chính năm 2023;\n"
                         "- Công tác văn thư, lưu trữ.\n",
                         "1. Đối tượng và thời gian kiểm tra\n- Quý IV: Phòng Tư pháp, Phòng Y tế.\n")
    items = set(lead_texts(units))
    assert "2/a" in items and not {"1", "1/-1"} & items
    # a scope given inline names whom the plan covers ("1. Phạm vi: các sở, ban, ngành; UBND các xã.")
    scope = text.replace("1. Nội dung kiểm tra\n- Việc ban hành kế hoạch cải cách hành chính năm 2023;\n"
                         "- Công tác văn thư, lưu trữ.\n",
                         "1. Phạm vi: các phòng chuyên môn có thủ tục hành chính; UBND các xã được chọn mẫu.\n")
    items = set(lead_texts(scope))
    assert "2/a" in items and "1" not in items


def test_a_timetable_step_naming_who_does_it_is_their_task():
    # "2. Lập danh sách … (do UBND các xã, phường thực hiện, gửi Sở Nội vụ): từ ngày … đến ngày …":
    # not a schedule of visits: the agent of the passive is the step's lead
    text = ("ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG NAI\nSố: 15/KH-UBND\nĐồng Nai, ngày 10 tháng 02 năm 2026\n\nKẾ HOẠCH\n"
            "Khảo sát SIPAS\n\nIII. TIẾN ĐỘ THỰC HIỆN\n\n1. Xây dựng phiếu khảo sát: từ ngày 02/3/2026 đến ngày "
            "06/3/2026.\n\n2. Lập danh sách người dân, tổ chức đủ điều kiện khảo sát (do Ủy ban nhân dân các xã, phường "
            "thực hiện, gửi Sở Nội vụ): từ ngày 09/3/2026 đến ngày 27/3/2026.\n")
    leads = lead_texts(text)
    assert leads.get("III/2") == ["Ủy ban nhân dân các xã, phường"]
    assert not leads.get("III/1")
    # a short qualifier may stand between the agent and its verb
    qualified = text.replace("(do Ủy ban nhân dân các xã, phường thực hiện, gửi Sở Nội vụ)",
                             "(do Ủy ban nhân dân các xã, phường nơi có điểm khảo sát thực hiện, gửi Sở Nội vụ)")
    leads = lead_texts(qualified)
    assert leads.get("III/2") == ["Ủy ban nhân dân các xã, phường"]


# whole documents and the leads their items get: (document, {item path: its lead texts, or None for no
# directive at all})
_PARTY_REPORT = (
    # "1- Kết quả …" over a paragraph of figures reports; "2.1- Ban cán sự đảng … lãnh đạo …" names its own lead
    "HUYỆN ỦY VŨ THƯ\n*\nSố 214-TB/HU\nVũ Thư, ngày 15 tháng 4 năm 2024\n\nTHÔNG BÁO\nKết luận\n\n"
    "1- Kết quả công tác cải cách hành chính quý I năm 2024\n\nBộ phận Một cửa huyện tiếp nhận 14.362 hồ sơ, "
    "giải quyết đúng hạn 98,98%.\n\n2- Nhiệm vụ trọng tâm quý II năm 2024\n\nBan Thường vụ Huyện ủy yêu cầu "
    "các cấp ủy, tổ chức đảng và các cơ quan, đơn vị trong huyện thực hiện tốt các nhiệm vụ sau:\n\n"
    "2.1- Ban cán sự đảng Ủy ban nhân dân huyện lãnh đạo Ủy ban nhân dân huyện giải quyết dứt điểm hồ sơ quá hạn.\n")
_EXECUTION_ARTICLE = (
    # "Điều 3. Chánh Văn phòng Bộ, …, Thủ trưởng các cơ quan, đơn vị thuộc Bộ và các tổ chức, cá nhân có liên
    # quan chịu trách nhiệm thi hành Quyết định này": the bodies named are its leads
    "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\nSố: 512/QĐ-BNNMT\nHà Nội, ngày 10 tháng 12 năm 2025\n\nQUYẾT ĐỊNH\n"
    "Ban hành Kế hoạch cải cách hành chính năm 2026\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Ban hành kèm theo Quyết định "
    "này Kế hoạch cải cách hành chính năm 2026.\n\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký.\n\n"
    "Điều 3. Chánh Văn phòng Bộ, Vụ trưởng Vụ Tổ chức cán bộ, Thủ trưởng các cơ quan, đơn vị thuộc Bộ và các "
    "tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.\n")


_KIEN_TOAN = (
    # a decision completing a steering committee: Điều 1's members by position set no task, and its
    # execution article keeps its bodies though "các thành viên có tên tại Điều 1" follow them
    "BAN CHỈ ĐẠO CẢI CÁCH HÀNH CHÍNH\nTỈNH ĐỒNG THÁP\nSố: 05/QĐ-BCĐ\nĐồng Tháp, ngày 20 tháng 8 năm 2025\n\n"
    "QUYẾT ĐỊNH\nVề việc kiện toàn Ban Chỉ đạo\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Kiện toàn Ban Chỉ đạo cải cách hành "
    "chính tỉnh, gồm các thành viên theo chức danh sau:\n1. Chủ tịch Ủy ban nhân dân tỉnh - Trưởng ban.\n"
    "2. Giám đốc Sở Nội vụ - Phó Trưởng ban.\n\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký.\n"
    "Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ và các thành viên có tên tại Điều 1 chịu trách "
    "nhiệm thi hành Quyết định này./.\n")


@pytest.mark.parametrize("text, expected", [
    (_PARTY_REPORT, {"1": None, "2/2.1": ["Ban cán sự đảng Ủy ban nhân dân huyện"]}),
    (_KIEN_TOAN, {"Điều 1/1": None, "Điều 1/2": None, "Điều 2": ["Văn phòng Ủy ban nhân dân tỉnh", "Sở Nội vụ"]}),
    (_EXECUTION_ARTICLE, {"Điều 3": ["Văn phòng Bộ", "Vụ Tổ chức cán bộ", "các cơ quan, đơn vị thuộc Bộ"]}),
], ids=["party report and numbered subject", "committee members and execution", "decision execution article"])
def test_leads_of_whole_documents(text, expected):
    leads = lead_texts(text)
    assert {item: leads.get(item) for item in expected} == expected


def test_an_addressee_line_under_a_sections_title_is_the_subject_of_its_items():
    # "I. NHIỆM VỤ CHUNG" / "Đối với Thủ trưởng các đơn vị thuộc Bộ:" over "1. …", "2. …"
    text = ("BỘ CÔNG THƯƠNG\nSố: 05/CT-BCT\nHà Nội, ngày 10 tháng 3 năm 2025\n\nCHỈ THỊ\nVề tăng cường kỷ luật\n\n"
            "I. NHIỆM VỤ CHUNG\n\nĐối với Thủ trưởng các đơn vị thuộc Bộ:\n\n1. Quán triệt, tổ chức thực hiện nghiêm "
            "các quy định về kỷ luật.\n\n2. Rà soát, công khai thủ tục hành chính.\n\nII. NHIỆM VỤ CỤ THỂ\n\n"
            "1. Văn phòng Bộ chủ trì theo dõi, đôn đốc.\n")
    leads = lead_texts(text)
    assert leads.get("I/1") == leads.get("I/2") == ["các đơn vị thuộc Bộ"]
    assert leads.get("II/1") == ["Văn phòng Bộ"]


def test_an_enumeration_head_between_a_role_and_its_members_keeps_the_role():
    text = ("Hà Nội, ngày 14 tháng 8 năm 2025\n\nKính gửi: Các bộ.\n\n"
            "2. Giao Bộ Công an chủ trì, phối hợp với các Bộ: Tài chính, Tư pháp và Văn phòng Chính phủ "
            "hoàn thiện kết nối dữ liệu.\n\n"
            "3. Giao các Vụ: Pháp chế, Tổ chức cán bộ theo chức năng rà soát quy chế.\n")
    from cchc_extract import extract
    ds = {d.item: d for d in extract(text).directives}
    assert [b.text for b in ds["2"].lead] == ["Bộ Công an"]
    assert [b.text for b in ds["2"].support] == ["Tài chính", "Tư pháp", "Văn phòng Chính phủ"]
    assert [b.text for b in ds["3"].lead] == ["Pháp chế", "Tổ chức cán bộ"]


# whole-document cases: the item's leads (None: the item gives no directive)
@pytest.mark.parametrize("text, expected", [
    # an acknowledgement praises what was done and sets no task, unless its paragraph asks
    ("Hà Nội, ngày 14 tháng 8 năm 2025\n\nKính gửi: Các bộ, cơ quan ngang bộ.\n\n"
     "Phó Thủ tướng Chính phủ có ý kiến như sau:\n\n"
     "1. Ghi nhận Bộ Công an và các bộ, ngành đã tích cực triển khai Đề án 06. Tuy nhiên, nhiều thủ tục "
     "vẫn yêu cầu người dân nộp giấy tờ.\n\n"
     "2. Biểu dương Bộ Tư pháp; đề nghị Bộ Tư pháp tiếp tục rà soát quy định.\n\n"
     "3. Bộ Nội vụ tổng hợp, báo cáo trong tháng 10/2025.\n",
     {"1": None, "2": ["Bộ Tư pháp"], "3": ["Bộ Nội vụ"]}),
    # an office heading that names its holder; "theo lĩnh vực được giao" is a remit
    ("Cái Nhum, ngày 05 tháng 01 năm 2026\n\nII. PHÂN CÔNG CỤ THỂ\n\n"
     "2. Phó Chủ tịch UBND xã - Ông Lê Văn Tấn (phụ trách kinh tế)\n\na) Phụ trách các lĩnh vực kinh tế.\n\n"
     "III. TỔ CHỨC THỰC HIỆN\n\n1. Các phòng chuyên môn theo lĩnh vực được giao tham mưu giúp Chủ tịch.\n",
     {"II/2/a": ["UBND xã"], "III/1": ["Các phòng chuyên môn"]}),
    # giving targets to bodies leads them only as the issuer opens a sentence
    ("Hà Nội, ngày 10 tháng 3 năm 2025\n\n"
     "Điều 1. Giao chỉ tiêu kích hoạt tài khoản định danh điện tử năm 2025 cho Công an các địa phương như sau:\n\n"
     "1. Tỷ lệ kích hoạt đạt tối thiểu 80%.\n\n"
     "Điều 2. Tổ chức thực hiện\n\n1. Ủy ban nhân dân các huyện xây dựng kế hoạch; giao chỉ tiêu cụ thể cho "
     "Ủy ban nhân dân các xã.\n",
     {"Điều 1/1": ["Công an các địa phương"], "Điều 2/1": ["Ủy ban nhân dân các huyện"]}),
    # one body in two spellings (marked, and typed bare then read back) leads once
    ("Hà Nội, ngày 05 tháng 3 năm 2024\n\n"
     "3. Sở Nội vụ chủ trì kiểm tra công vụ; So Noi vu tong hop ket qua cac cuoc kiem tra va bao cao "
     "UBND Thanh pho truoc ngay 30/6/2024 theo quy dinh cua cac co quan.\n",
     {"3": ["Sở Nội vụ"]}),
    # a ground said before the subject keeps it the heading of its duties
    ("Hà Nội, ngày 29 tháng 5 năm 2025\n\n"
     "Điều 2. Căn cứ kết quả Chỉ số CCHC năm 2024, các bộ, cơ quan ngang bộ có trách nhiệm:\n\n"
     "1. Tổ chức quán triệt, phân tích từng tiêu chí.\n",
     {"Điều 2/1": ["các bộ, cơ quan ngang bộ"]}),
    # ... but in a task sentence the subject after a ground is the short name of the list it inherits (003)
    ("Hà Nội, ngày 29 tháng 5 năm 2023\n\nChủ tịch UBND tỉnh yêu cầu các Sở, UBND cấp huyện (sau đây gọi chung là "
     "các cơ quan, đơn vị, địa phương) thực hiện các nội dung sau:\n\n1. Rà soát thủ tục.\n\n"
     "2. Căn cứ kết quả công bố Chỉ số năm 2022, các cơ quan, đơn vị, địa phương tổ chức quán triệt, rút kinh nghiệm.\n",
     {"2": ["các Sở", "UBND cấp huyện", "các cơ quan, đơn vị, địa phương"]}),
    # a reply (its subject says so): an answer stating the law sets no task, "Về đề nghị …" names the
    # proposal answered and does not ask; a "Giao …" answer does
    ("VĂN PHÒNG CHÍNH PHỦ\nSố: 1186/VPCP-KSTT\nV/v trả lời kiến nghị của Ủy ban nhân dân tỉnh Gia Lai\n\n"
     "Hà Nội, ngày 11 tháng 02 năm 2026\n\nKính gửi:\n- Ủy ban nhân dân tỉnh Gia Lai;\n- Bộ Tài chính.\n\n"
     "Xét đề nghị của Ủy ban nhân dân tỉnh Gia Lai tại Văn bản số 248/UBND-KSTT ngày 12/01/2026, Thủ tướng Chính "
     "phủ có ý kiến như sau:\n\n1. Về đề nghị cho phép Trung tâm Phục vụ hành chính công cấp xã tiếp nhận hồ sơ\n\n"
     "Nội dung này đã được quy định tại Nghị định số 118/2025/NĐ-CP.\n\n2. Về đề nghị hỗ trợ kinh phí\n\n"
     "Giao Bộ Tài chính chủ trì xem xét, xử lý theo quy định.\n",
     {"1": None, "2": ["Bộ Tài chính"]}),
    # a reply stating the law: "không yêu cầu nộp lại hồ sơ" (what the law spares) asks nothing
    ("Hà Nội, ngày 10 tháng 9 năm 2025\n\nKính gửi: Ủy ban nhân dân tỉnh Bình Phước.\n\n"
     "Bộ Tư pháp nhận được Công văn số 2210/UBND-NC của Ủy ban nhân dân tỉnh Bình Phước, về việc này, Bộ Tư pháp "
     "có ý kiến như sau:\n\n1. Hồ sơ đã tiếp nhận được tiếp tục giải quyết; cơ quan kế thừa có trách nhiệm trả "
     "kết quả, không yêu cầu nộp lại hồ sơ.\n\n2. Đề nghị Sở Tư pháp tỉnh Bình Phước hướng dẫn các xã thực hiện.\n",
     {"1": None, "2": ["Sở Tư pháp tỉnh Bình Phước"]}),
    # a step's title ending with its time in brackets, then its doer; a time said first whose event names
    # a body ("… kể từ ngày nhận được yêu cầu của Hội đồng …, các sở, ngành chủ trì")
    ("Hải Dương, ngày 10 tháng 10 năm 2024\n\nKính gửi: Các sở, ban, ngành.\n\nII. CÁC BƯỚC\n\n"
     "Bước 3: Tổng hợp (trong tháng 11/2024)\nSở Nội vụ tổng hợp kết quả tự chấm điểm, trình Chủ tịch.\n\n"
     "Bước 5: Giải trình\nTrong thời hạn 03 ngày làm việc kể từ ngày nhận được yêu cầu của Hội đồng thẩm định "
     "Trung ương, các sở, ngành chủ trì lĩnh vực giải trình, gửi Sở Nội vụ.\n",
     {"II/Bước 3": ["Sở Nội vụ"], "II/Bước 5": ["các sở, ngành"]}),
    # a member's role after the office in lower case
    ("Gia Lai, ngày 10 tháng 8 năm 2025\n\nII. PHÂN CÔNG NHIỆM VỤ\n\n"
     "4. Đồng chí Nguyễn Văn Phúc, Chánh Văn phòng UBND tỉnh, thành viên: phụ trách cải cách thủ tục hành chính.\n",
     {"II/4": ["Văn phòng UBND tỉnh"]}),
    # the bodies a doer oversees ("hướng dẫn, đôn đốc X thực hiện;") do not do the task
    ("Hà Nội, ngày 24 tháng 02 năm 2026\n\n5. Giao Cục Quản lý hoạt động xây dựng chủ trì, theo dõi, hướng dẫn, "
     "đôn đốc các địa phương thực hiện; tổng hợp, báo cáo Bộ trưởng.\n6. Giao Cục Kinh tế chủ trì; "
     "các địa phương thực hiện; báo cáo Bộ trưởng.\n",
     {"5": ["Cục Quản lý hoạt động xây dựng"], "6": ["Cục Kinh tế", "các địa phương"]}),
    # agencies each opening a clause with a colon, several in one paragraph
    ("Lâm Đồng, ngày 15 tháng 10 năm 2025\n\n1. Về giải quyết thủ tục hành chính\n\n"
     "Văn phòng UBND tỉnh: rà soát hồ sơ trễ hạn; Trung tâm Phục vụ hành chính công tỉnh: công khai danh "
     "sách hồ sơ trễ hạn hằng tháng.\n",
     {"1": ["Văn phòng UBND tỉnh", "Trung tâm Phục vụ hành chính công tỉnh"]}),
])
def test_whole_document_leads(text, expected):
    leads = leads_by_item(text)
    assert {path: leads.get(path) for path in expected} == expected

