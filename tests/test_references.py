"""References: behaviour that spans several rules or needs the text around a match."""
from __future__ import annotations

from types import SimpleNamespace

import pytest
import regex

from cchc_extract.doctypes import REF_TYPES, doc_types
from cchc_extract.matchers import MatchContext, references, select
from cchc_extract.models import Metadata
from cchc_extract.normalize import normalize
from cchc_extract.pipeline import extract_text
from cchc_extract.rules import default_rules


def refs(text: str, layout=None):
    ctx = MatchContext(norm=normalize(text), rules=default_rules(), layout=layout)
    winners, _ = select(references.find(ctx))
    return [(ctx.norm.original_slice(f.start, f.end), f.fields) for f in winners], ctx


def test_coordination_under_one_type_word_gives_two_references_sharing_the_issuer():
    found, _ = refs("triển khai các Kế hoạch số 208-KH/TU, số 209-KH/TU của Ban Chấp hành Đảng bộ tỉnh.")
    assert [t for t, _ in found] == ["Kế hoạch số 208-KH/TU", "số 209-KH/TU"]
    assert [f["type"] for _, f in found] == ["ke_hoach", "ke_hoach"]
    assert [f["issuer"] for _, f in found] == ["Ban Chấp hành Đảng bộ tỉnh"] * 2


def test_shared_issuer_after_va_goes_to_every_member_but_not_past_a_member_with_its_own():
    found, _ = refs("theo Nghị quyết số 131/NQ-CP của Chính phủ, Quyết định số 749/QĐ-TTg và "
                    "Quyết định số 942/QĐ-TTg của Thủ tướng Chính phủ, Quyết định số 571/QĐ-UBND của UBND tỉnh.")
    assert [f["issuer"] for _, f in found] == ["Chính phủ", "Thủ tướng Chính phủ", "Thủ tướng Chính phủ", "UBND tỉnh"]


def test_an_issuer_stops_before_a_line_of_capitals():
    # a V/v cell copied above the motto: the issuer ends with its line
    found, _ = refs("V/v phúc đáp Công văn số 1872/UBND-TNMT ngày 12/8/2024 của UBND huyện Dương Minh Châu\n"
                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n")
    assert [f["issuer"] for _, f in found] == ["UBND huyện Dương Minh Châu"]


def test_a_comma_shares_the_issuer_only_within_one_type():
    found, _ = refs("Luật số 45/2019/QH14, Nghị định số 45/2020/NĐ-CP và Công văn số 5678/VPCP-KSTT "
                    "của Văn phòng Chính phủ về việc rà soát")
    # and "và" not across symbols that name different issuers (NĐ-CP: the Chính phủ's decree)
    assert [f["issuer"] for _, f in found] == [None, None, "Văn phòng Chính phủ"]


def test_a_shared_issuer_is_not_given_to_a_member_whose_symbol_names_another_issuer():
    found, _ = refs("áp dụng Nghị quyết số 190/2025/QH15 và Nghị quyết số 206/NQ-CP ngày 14/7/2025 "
                    "của Chính phủ; Kế hoạch số 12/KH-UBND và Quyết định số 34/QĐ-UBND của UBND tỉnh.")
    assert [f["issuer"] for _, f in found] == [None, "Chính phủ", "UBND tỉnh", "UBND tỉnh"]


@pytest.mark.parametrize("symbol, code", [("2025/QH15", "QH"), ("NQ-CP", "CP"), ("UBND-KSTT", "UBND"),
                                          ("CT/TU", "TU"), ("2005/TTLT-BNV-VPCP", "BNV"), ("KH", None)])
def test_issuer_code_of_a_symbol(symbol, code):
    assert doc_types().issuer_code(symbol) == code


def test_list_after_type_word_and_issuer_starts_each_text_at_so_with_null_issuer():
    text = ("các Kế hoạch của UBND tỉnh: số 184/KH-UBND ngày 07/12/2021 về CCHC giai đoạn 2021-2025, "
            "số 204/KH-UBND ngày 23/12/2022 về CCHC năm 2023; số 205/KH-UBND ngày 23/12/2022 về tuyên truyền.")
    found, _ = refs(text)
    assert [t for t, _ in found] == ["số 184/KH-UBND ngày 07/12/2021", "số 204/KH-UBND ngày 23/12/2022",
                                     "số 205/KH-UBND ngày 23/12/2022"]
    assert {f["type"] for _, f in found} == {"ke_hoach"}
    assert {f["issuer"] for _, f in found} == {None}
    assert found[0][1]["title"] == "CCHC giai đoạn 2021-2025"


def test_list_wrapped_onto_the_next_line_keeps_its_type_word():
    found, _ = refs("các Chỉ thị của Chủ tịch UBND tỉnh:\nsố 08/CT-UBND ngày 21/8/2023, số 04/CT-UBND ngày 22/5/2024")
    assert [f["type"] for _, f in found] == ["chi_thi", "chi_thi"]


def test_bare_so_takes_the_type_word_as_written_not_the_symbol_code():
    found, _ = refs("các Chương trình của Tỉnh ủy: số 12-CTr/TU, số 13-KH/TU.")
    assert [f["type"] for _, f in found] == ["chuong_trinh", "chuong_trinh"]


def test_type_word_qualified_by_a_few_words_governs_the_number():
    found, _ = refs("theo văn bản chỉ đạo số 12/UBND-NC ngày 02/3/2023 và Chương trình công tác số 5/CTr-UBND")
    assert [(t, f["type"]) for t, f in found] == [("số 12/UBND-NC ngày 02/3/2023", "van_ban"),
                                                  ("số 5/CTr-UBND", "chuong_trinh")]


def test_bare_so_without_any_governing_word_falls_back_to_the_symbol_code():
    found, _ = refs("Thực hiện số 45/KH-UBND ngày 02/3/2023.")
    assert found and found[0][1]["type"] == "ke_hoach"


def test_bare_so_with_nothing_that_says_what_it_numbers_is_not_a_reference():
    found, _ = refs("Tiếp nhận số 45/UBND-NC.")
    assert found == []


def test_issuer_named_before_the_number_is_null():
    found, _ = refs("theo chỉ đạo của UBND tỉnh tại Chỉ thị số 23/CT-UBND, tạo điều kiện")
    assert found[0][1]["issuer"] is None


def test_issuer_keeps_va_inside_a_name_and_stops_at_va_before_a_lower_case_word():
    found, _ = refs("Công văn số 12/BKHĐT-TH của Bộ Kế hoạch và Đầu tư về việc rà soát; "
                    "Quyết định số 766/QĐ-TTg của Thủ tướng Chính phủ và trên Cổng Dịch vụ công")
    assert [f["issuer"] for _, f in found] == ["Bộ Kế hoạch và Đầu tư", "Thủ tướng Chính phủ"]
    assert found[0][1]["title"] == "rà soát"


def test_issuer_stops_before_a_verb_and_a_footnote_mark():
    found, _ = refs("Quyết định số 571/QĐ-UBND ngày 25/02/2022 của UBND tỉnh phê duyệt Đề án; "
                    "Công văn số 1211/UBND-PVHCC ngày 31/8/2025 của UBND tỉnh[4] và các văn bản")
    assert [f["issuer"] for _, f in found] == ["UBND tỉnh", "UBND tỉnh"]


def test_hard_wrapped_lines_do_not_cut_issuer_title_or_symbol():
    text = ("theo Nghị định số 130/2005/NĐ-\nCP ngày 17/10/2005 của Văn phòng\nChính phủ về quản lý\n"
            "biên chế; Kế hoạch số 12/KH-UBND của UBND tỉnh\n- Sở Nội vụ")
    found, _ = refs(text)
    assert found[0][1]["symbol"] == "2005/NĐ-CP"
    assert found[0][1]["issuer"] == "Văn phòng Chính phủ"
    assert found[0][1]["title"] == "quản lý biên chế"
    assert found[1][1]["issuer"] == "UBND tỉnh"  # a bullet on the next line ends the paragraph


def test_date_after_a_comma_is_part_of_the_reference():
    found, _ = refs("Kế hoạch số 12/KH-UBND, ngày 15 tháng 01 năm 2023 của UBND tỉnh")
    assert found[0][0] == "Kế hoạch số 12/KH-UBND, ngày 15 tháng 01 năm 2023"
    assert found[0][1]["date"] == "2023-01-15"


def test_party_date_with_dashes():
    found, _ = refs("Nghị quyết số 12-NQ/TW ngày 01-10-1997 của Bộ Chính trị")
    assert found[0][1]["date"] == "1997-10-01"
    assert found[0][1]["issuer"] == "Bộ Chính trị"


def test_impossible_date_is_kept_as_printed_and_suspect():
    found, _ = refs("Chỉ thị số 07/CT-UBND ngày 14/10/1025 về chấn chỉnh")
    assert found[0][1]["date"] == "1025-10-14" and found[0][1]["suspect"] is True


def test_glued_symbol_is_kept_as_written_with_warning_w301():
    found, ctx = refs("theo Quyết định số 2088/QĐUBND ngày 14/5/2021 của UBND tỉnh.")
    assert found[0][1]["symbol"] == "QĐUBND"
    assert [w.code for w in ctx.warnings] == ["W301"]
    s, e = ctx.warnings[0].span
    assert "2088/QĐUBND" in ctx.norm.original[s:e]


def test_well_formed_symbols_raise_no_warning():
    _, ctx = refs("Chỉ thị số 28-CT/TU; Nghị quyết số 35/2023/UBTVQH15; Công văn số 12/UBND; Chỉ thị số 3/CT-TTg; "
                  "Luật số 80/2015/QH13; Quy định số 08-QĐi/TW")
    assert ctx.warnings == []


def test_spaces_inside_the_number_and_symbol_are_removed():
    found, _ = refs("Nghị quyết số 76/NQ- CP ngày 15/7/2021 và Công văn số 2 084 /UBND-NC")
    assert [(f["number"], f["symbol"]) for _, f in found] == [("76", "NQ-CP"), ("2084", "UBND-NC")]


def test_documents_named_without_a_number_are_not_references():
    found, _ = refs("Kế hoạch này; Đề án 06; Chương trình hành động của Chính phủ; Nghị quyết nêu trên; "
                    "Kế hoạch 2021-2025; Thông báo kết luận của Phó Chủ tịch.")
    assert found == []


def test_the_documents_own_number_is_not_a_reference():
    layout = SimpleNamespace(metadata=Metadata(number="138", symbol="KH-UBND", date="2025-12-19"))
    found, _ = refs("Kế hoạch 138/KH-UBND | Kế hoạch số 140/KH-UBND | Kế hoạch số 138/KH-UBND ngày 19/12/2025 | "
                    "Kế hoạch số 138/KH-UBND ngày 20/12/2024", layout=layout)
    assert [(f["number"], f["date"]) for _, f in found] == [("140", None), ("138", "2024-12-20")]


def test_references_in_footnotes_count_and_spans_map_to_the_original():
    src = "thực hiện Chỉ thị số 23/CT-TTg².\n² Chỉ thị số 23/CT-TTg ngày 09/7/2023 của **Thủ tướng** Chính phủ."
    doc = extract_text(src)
    texts = [r.text for r in doc.references]
    assert texts == ["Chỉ thị số 23/CT-TTg", "Chỉ thị số 23/CT-TTg ngày 09/7/2023"]
    for r in doc.references:
        assert src[r.span[0]:r.span[1]] == r.text


def test_upper_case_type_word_and_nfd_input():
    import unicodedata
    found, _ = refs(unicodedata.normalize("NFD", "THỰC HIỆN NGHỊ QUYẾT SỐ 12/NQ-HĐND NGÀY 08/12/2023"))
    assert found and found[0][1]["type"] == "nghi_quyet" and found[0][1]["date"] == "2023-12-08"


def test_odd_input_never_crashes():
    for text in ("", "số", "số 1/", "Kế hoạch số /KH-UBND", "ngày 99/99/9999 số 0/A", "của của của",
                 "Kế hoạch số 12/KH-UBND của", "các Kế hoạch: số"):
        refs(text)


def test_type_word_fragment_and_table_agree():
    """Every alternative of $loai_van_ban (and of $loai_van_ban_unmarked, the words typed without
    diacritics) has a type in _doctypes.yaml, and every table word is matched by one of them."""
    rs = default_rules()
    types = doc_types(str(rs.directory))
    rx = regex.compile(r"(?:" + rs.fragments["loai_van_ban"] + r")\Z", regex.I | regex.V1)
    plain = regex.compile(r"(?:" + rs.fragments["loai_van_ban_unmarked"] + r")\Z", regex.V1)
    for word, t in types.words.items():
        assert t in REF_TYPES
        fragment = plain if word.isascii() and rx.match(word) is None else rx
        assert fragment.match(word), f"type word {word!r} of _doctypes.yaml is not matched by its fragment"


@pytest.mark.parametrize("code", sorted(doc_types().codes))
def test_every_type_code_maps_to_a_type(code):
    types = doc_types()
    assert types.type_of_code(code) in REF_TYPES
    assert types.type_of_symbol(f"{code}-UBND") == types.type_of_code(code)


def test_the_issuer_is_spelt_as_printed():
    from cchc_extract.pipeline import extract_text

    doc = extract_text("Thực hiện Công văn số 3012/UBND-NC ngày 5/9/2025 của Uỷ ban nhân dân tỉnh về việc cải cách.\n")
    assert [r.issuer for r in doc.references] == ["Uỷ ban nhân dân tỉnh"]


def test_the_cheap_guard_before_a_type_word_admits_the_last_letter_of_every_type_word():
    # ref.loai_so / ref.loai_khong_so test (?<=[…]\s+) before the costly type-word look-behind,
    # and scan() skips places the class rejects: it must hold every type word's last letter
    import re as stdlib_re
    from pathlib import Path

    import yaml

    rules_dir = Path(__file__).resolve().parents[1] / "rules"
    words = yaml.safe_load((rules_dir / "_doctypes.yaml").read_text(encoding="utf-8"))["words"]
    refs = yaml.safe_load((rules_dir / "references.yaml").read_text(encoding="utf-8"))["rules"]
    for rule in (r for r in refs if r["id"] in ("ref.loai_so", "ref.loai_khong_so")):
        guard = stdlib_re.search(r"\(\?<=\[([^\]]+)\]\\s\+\)", rule["pattern"]).group(1)
        missing = sorted({w for w in words if w[-1] not in guard})
        assert not missing, f"{rule['id']}: add the last letter of {missing} to its guard class"


_YIELD_CASES = [
    "các Kế hoạch số 208-KH/TU, số 209-KH/TU của Ban Chấp hành Đảng bộ tỉnh.",
    "Thông báo số 489/TB-VPCP Ngày 28/11/2023 và số 490/TB-VPCP ngày 29/11/2023",
    "Quyết định số 12/QĐ-LUẬT số 5/2020/QH14 ngày 01/02/2020",
    "Quyết định số 12/QĐ-LUẬT số 34/KH-UBND, Kế hoạch số 13/KH-UBND NGÀY 1/2/2023",
    "Chỉ thị số 08/CT-UBND ngày 21/8/2023[1], số 04/CT-UBND ngày 22/5/2024[2]; Kế hoạch số: 7/KH-UB",
]


@pytest.mark.parametrize("text", _YIELD_CASES)
def test_a_rule_that_yields_is_skipped_only_where_it_would_lose(text, monkeypatch):
    # fields.yields_to spares ref.so_tiep_noi's match where ref.loai_so matched from the same
    # "số": the references found must be those found with every rule tried everywhere
    found, _ = refs(text)
    monkeypatch.setattr(references, "_yielding", lambda rules: {})
    assert refs(text)[0] == found


def test_the_corpus_references_do_not_depend_on_yielding(monkeypatch):
    from pathlib import Path
    root = Path(__file__).resolve().parents[1]
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "corpora").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((root / "tests" / "data").glob("*.txt"))]
    found = [refs(t)[0] for t in texts]
    monkeypatch.setattr(references, "_yielding", lambda rules: {})
    assert [refs(t)[0] for t in texts] == found


def test_a_citation_whose_so_lost_its_tone_mark_is_read_with_a_warning():
    from cchc_extract.pipeline import extract_text

    doc = extract_text("Căn cứ Quyết định sô 2201/QĐ-UBND ngày 15/9/2023 của UBND tỉnh, Sở Nội vụ hướng dẫn.\n")
    assert [(r.number, r.symbol, r.rule) for r in doc.references] == [("2201", "QĐ-UBND", "ref.loai_so_mistyped")]
    assert [w.code for w in doc.warnings if w.code == "W301"] == ["W301"]


def test_issuer_words_split_as_the_token_pattern_splits_them_for_every_character():
    """_words_between (str.split) stands in for _TOKEN.findall inside an issuer's segment, which
    holds no punctuation of _TOKEN's: the two must agree for every other character."""
    from cchc_extract.matchers.references import _TOKEN, _words_between

    punctuation = set(",;:.()[]\"'!?")
    for cp in range(0x110000):
        c = chr(cp)
        if c in punctuation or 0xD800 <= cp <= 0xDFFF:
            continue
        text = f"ab{c}cd {c}"
        assert _words_between(text, 0, len(text)) == _TOKEN.findall(text), hex(cp)
