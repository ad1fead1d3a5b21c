import unicodedata

from cchc_extract.normalize import normalize


def test_clean_text_has_identity_map():
    n = normalize("Ủy ban nhân dân tỉnh")
    assert n.text == n.original
    assert n.to_original(3, 6) == (3, 6)


def test_nfd_input_spans_map_to_the_original():
    nfc = "Kế hoạch số 138/KH-UBND ngày 19/12/2025 của Ủy ban nhân dân tỉnh"
    nfd = unicodedata.normalize("NFD", nfc)
    n = normalize(nfd)
    assert n.text == nfc
    i = n.text.index("Ủy ban")
    s, e = n.to_original(i, len(n.text))
    assert unicodedata.normalize("NFC", nfd[s:e]) == "Ủy ban nhân dân tỉnh"


def test_markdown_bold_is_neutralized_and_inner_markup_kept_in_span():
    src = "trong tháng **12/2022**."
    n = normalize(src)
    assert n.text == "trong tháng 12/2022."
    i = n.text.index("tháng")
    assert n.original_slice(i, i + len("tháng 12/2022")) == "tháng **12/2022"


def test_an_html_line_break_is_a_line_break_and_maps_back():
    src = "| UBND TỈNH LÀO CAI<br>VĂN PHÒNG | Số: 1<BR/>x < y |"
    n = normalize(src)
    assert n.text.splitlines()[:2] == ["  UBND TỈNH LÀO CAI", "VĂN PHÒNG   Số: 1"]
    assert "x < y" in n.text                      # a "<" that opens no break is kept
    i = n.text.index("CAI")
    assert n.original_slice(i, i + len("CAI\nVĂN")) == "CAI<br>VĂN"
    # in a task table's row it only wraps the cell: the row stays one line
    row = "| 4 | Kiểm tra | Thanh tra Bộ | Tháng 9/2023<br>(đợt 1) |"
    assert normalize(row).text.count("\n") == 0 and "Tháng 9/2023 (đợt 1)" in normalize(row).text


def test_superscript_marks_are_removed_and_recorded():
    n = normalize("của Tỉnh ủy¹². Tiếp")
    assert n.text == "của Tỉnh ủy. Tiếp"
    assert [m.marker for m in n.marks] == ["12"]
    m = n.marks[0]
    assert n.original[m.span[0]:m.span[1]] == "¹²"


def test_tone_placement_is_folded_but_qu_syllables_are_kept():
    assert normalize("Khánh Hoà, Uỷ ban, quý, hoàn thành, khoẻ").text == "Khánh Hòa, Ủy ban, quý, hoàn thành, khỏe"


def test_spaces_dashes_quotes_and_line_ends():
    n = normalize("a\u00a0b\u2013c \u201cd\u201d\r\ne\u200bf\u00adg")
    assert n.text == 'a b-c "d"\nefg'
    i = n.text.index("efg")
    assert n.original_slice(i, i + 3) == "e\u200bf\u00adg"


def test_table_pipes_become_spaces():
    assert normalize("| Số hiệu | 138/KH-UBND |").text == "  Số hiệu   138/KH-UBND  "


def test_eth_is_read_as_d_with_stroke():
    assert normalize("\u00d0ảng").text == "Đảng"


def test_spans_to_original_agrees_with_to_original_on_every_span():
    # NFD clusters, bold, pipes, CRLF and a superscript: two chained maps with many edits
    raw = unicodedata.normalize("NFD", "**Hoà** | Sở Nội vụ\r\nUỷ ban¹ — “trước” 31/12\r\n")
    norm = normalize(raw)
    n = len(norm.text)
    spans = [(s, e) for s in range(n + 1) for e in range(s, n + 1)] + [(5, 2)]
    assert norm.spans_to_original(spans) == [norm.to_original(s, e) for s, e in spans]


def test_a_doubled_space_between_words_is_folded_and_columns_are_kept():
    text = "  Sở Nội  vụ và  ngày  05   cột\n"
    n = normalize(text)
    assert n.text == "  Sở Nội vụ và ngày 05   cột\n"     # indentation and a 3-space gap stay
    s, e = n.to_original(2, 11)
    assert text[s:e] == "Sở Nội  vụ"                       # spans keep the original spacing


def test_a_comma_glued_to_the_next_word_gets_its_space_and_spans_keep_the_typo():
    text = "4. UBND các huyện,thành phố rà soát; tỷ lệ đạt 46,3%.\n"
    n = normalize(text)
    assert n.text == "4. UBND các huyện, thành phố rà soát; tỷ lệ đạt 46,3%.\n"   # a figure's comma stays
    s, e = n.to_original(3, n.text.index(" rà"))
    assert text[s:e] == "UBND các huyện,thành phố"
    from cchc_extract.pipeline import extract_text
    assert "UBND các huyện,thành phố" in [b.text for b in extract_text("CÔNG VĂN\n" + text).bodies]


def test_line_breaks_lost_in_a_copy_are_put_back_without_moving_offsets():
    from cchc_extract.normalize import normalize

    text = ("BỘ NỘI VỤ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Số: 1021/BNV-CCHC "
            "V/v triển khai xác định Chỉ số cải cách hành chính năm 2024 Hà Nội, ngày 03 tháng 3 năm 2025 "
            "Kính gửi: - Các Bộ, cơ quan ngang Bộ; - Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương. "
            "Thực hiện Quyết định số 876/QĐ-BNV ngày 10/11/2023 của Bộ trưởng Bộ Nội vụ phê duyệt Đề án xác định "
            "Chỉ số cải cách hành chính, Bộ Nội vụ đề nghị các bộ, tỉnh triển khai một số nội dung sau:\n"
            "1. Tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2024 a) Các bộ, tỉnh tổ chức tự đánh giá, "
            "chấm điểm kết quả thực hiện các tiêu chí, tiêu chí thành phần theo hướng dẫn tại Phụ lục I kèm theo "
            "Công văn này; cập nhật kết quả tự đánh giá và tài liệu kiểm chứng lên Phần mềm quản lý Chỉ số. "
            "b) Hồ sơ tự đánh giá gồm: - Báo cáo tự đánh giá; - Bảng tổng hợp điểm tự đánh giá và danh mục tài "
            "liệu kiểm chứng gửi về Bộ Nội vụ trước ngày 15/3/2025.\n")
    norm = normalize(text)
    lines = norm.text.split("\n")
    assert len(norm.text) == len(text) and norm.to_original(0, len(text)) == (0, len(text))
    assert "Số: 1021/BNV-CCHC" in lines and "Kính gửi:" in lines and "- Các Bộ, cơ quan ngang Bộ;" in lines
    assert any(ln.startswith("a) Các bộ") for ln in lines) and any(ln.startswith("b) Hồ sơ") for ln in lines)
    assert norm.breaks_restored > 5


def test_item_labels_run_on_in_a_body_line_are_put_back_on_lines_of_their_own():
    # the header kept its breaks, each section of the body was joined into one line
    from cchc_extract.normalize import normalize

    body = ("II. CHỈ TIÊU NĂM 2026 1. Trên 98% hồ sơ được giải quyết đúng hạn; 100% hồ sơ trễ hạn có văn bản "
            "xin lỗi tổ chức, cá nhân theo quy định. 2. Tỷ lệ hồ sơ trực tuyến toàn trình trên tổng số hồ sơ "
            "đạt tối thiểu 65%.\n"
            "III. NHIỆM VỤ, GIẢI PHÁP 1. Tăng cường kỷ luật, kỷ cương hành chính a) Thủ trưởng các sở, ban, "
            "ngành quán triệt Chỉ thị số 27/CT-TTg. b) Sở Nội vụ chủ trì kiểm tra công vụ đột xuất tại các cơ quan, "
            "đơn vị có hồ sơ trễ hạn.\n")
    text = "Phú Thọ, ngày 21 tháng 01 năm 2026\n\n" + body
    norm = normalize(text)
    lines = norm.text.split("\n")
    assert len(norm.text) == len(text) and norm.breaks_restored == 5
    assert [ln[:8] for ln in lines[2:9]] == ["II. CHỈ ", "1. Trên ", "2. Tỷ lệ", "III. NHI", "1. Tăng ",
                                             "a) Thủ t", "b) Sở Nộ"]
    # a long paragraph with one label after a sentence mark keeps its line
    one = ("Sở Nội vụ tổng hợp kết quả thực hiện Kế hoạch, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12/2026; "
           "các cơ quan, đơn vị gửi báo cáo về Sở Nội vụ theo đúng thời hạn quy định tại Kế hoạch này. "
           "2. Kinh phí thực hiện Kế hoạch được bố trí trong dự toán ngân sách hằng năm của cơ quan, đơn vị.\n")
    assert normalize(one).text == one


def test_a_run_on_header_shorter_than_a_paragraph_is_found_and_split_with_the_signature():
    # an e-mail copy: the header runs on in ~300 characters (issuer under its parent, number, V/v,
    # motto, date, Kính gửi), the body and its labels in one long line, the signature in another
    from cchc_extract.pipeline import extract_text

    text = ("UBND TỈNH KHÁNH HÒA SỞ NỘI VỤ Số: 2874/SNV-CCHC V/v đôn đốc khắc phục hồ sơ trễ hạn "
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Khánh Hòa, ngày 16 tháng 10 năm 2025 "
            "Kính gửi: - Các sở, ban, ngành thuộc UBND tỉnh; - UBND các xã, phường.\n"
            "Để kịp thời chấn chỉnh, Sở Nội vụ đề nghị các cơ quan, đơn vị thực hiện một số nội dung sau: "
            "1. Khẩn trương rà soát, xử lý dứt điểm các hồ sơ đã quá hạn, báo cáo Sở Nội vụ trước ngày "
            "24/10/2025. 2. Gửi báo cáo cải cách hành chính quý III/2025 chậm nhất ngày 20/10/2025; từ quý "
            "IV/2025, gửi báo cáo định kỳ hằng quý theo đúng Đề cương của Sở Nội vụ. Sở Nội vụ đề nghị các cơ "
            "quan, đơn vị quan tâm, phối hợp thực hiện./.\n"
            "Nơi nhận: - Như trên; - UBND tỉnh (b/c); - Lưu: VT, CCHC. KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC (Đã ký) "
            "Nguyễn Thị Mỹ Hạnh\n")
    doc = extract_text(text)
    meta = doc.metadata
    assert (meta.parent_issuer, meta.issuer, meta.number) == ("UBND tỉnh Khánh Hòa", "Sở Nội vụ", "2874")
    assert [i.path for i in doc.items] == ["1", "2"]
    assert (meta.signer.authority, meta.signer.title, meta.signer.name) == (
        "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Thị Mỹ Hạnh")
    assert any(w.code == "W210" for w in doc.warnings)


def test_a_long_paragraph_without_layout_words_keeps_its_lines():
    from cchc_extract.normalize import normalize

    text = ("Các cơ quan, đơn vị thực hiện nghiêm túc các nội dung, rà soát thủ tục, công khai "
            "thủ tục và báo cáo kết quả về Sở Nội vụ. " * 8) + "\n"
    assert normalize(text).text == text
    # with item labels after its sentence marks it is a run-on list: only the labels get their lines
    listed = ("Các cơ quan, đơn vị thực hiện nghiêm túc các nội dung sau: a) Rà soát thủ tục; b) Công khai "
              "thủ tục; - Báo cáo kết quả về Sở Nội vụ. " * 8) + "\n"
    norm = normalize(listed)
    assert norm.text.replace("\n", " ") == listed.replace("\n", " ")
    assert all(ln[:3] in ("Các", "a) ", "b) ", "- B") for ln in norm.text.split("\n") if ln)


def test_ocr_letters_in_numbers_are_read_as_digits_and_reported():
    from cchc_extract.pipeline import extract_text
    text = ("UBND HUYỆN ĐỨC HÒA\nSố: 2l5/TB-UBND\nĐức Hòa, ngày 2O tháng 9 năm 2023\n\nTHÔNG BÁO\nKết luận\n\n"
            "1. UBND các xã số hóa tối thiểu 5O% hồ sơ trước ngày l5/l0/2023.\n")
    doc = extract_text(text)
    assert (doc.metadata.number, doc.metadata.date) == ("215", "2023-09-20")
    assert [d.due for d in doc.deadlines] == ["2023-10-14"]
    assert [t.value for t in doc.targets] == [50]
    assert text[slice(*doc.deadlines[0].span)] == "trước ngày l5/l0/2023"      # spans keep the print
    assert [w.code for w in doc.warnings].count("W212") == 1
    # words and codes are untouched: letters only turn into digits inside runs that hold a digit
    assert normalize("Lô l, CO2, Ol, lO, 1O2").text == "Lô l, CO2, Ol, lO, 102"
    # only a text whose header shows the confusion is read so (a clean header: no scan)
    from cchc_extract.normalize import OCR_HEAD
    late = "x" * OCR_HEAD + " 1O2"
    assert normalize(late).text == late


def test_the_ocr_pre_test_passes_every_head_the_run_pattern_finds():
    # _OCR_PAIR (an "l" or "O" next to a digit) is a necessary condition for _OCR_RUN: random
    # texts of digits (an Arabic-Indic one too), the two letters, word characters and separators
    import random
    from cchc_extract.normalize import _OCR_PAIR, _OCR_RUN, _ocr_pair
    pieces = ["l", "O", "1", "0", "5", "\u0663", " ", "a", "_", "/", ".", "lO", "x", "\u00e0", "\n"]
    rnd = random.Random(3)
    for _ in range(20000):
        s = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 10)))
        end = rnd.randint(0, len(s) + 1)
        if _OCR_RUN.search(s, 0, end) is not None:
            assert _OCR_PAIR.search(s, 0, end) is not None, (s, end)
        # and _ocr_pair, its str.find form, answers as the pattern does
        assert _ocr_pair(s[:end]) == (_OCR_PAIR.search(s, 0, end) is not None), (s, end)


def test_the_xa_misreading_is_found_by_its_second_letter_as_by_the_whole_words():
    # _ocr_xa finds "xă", "Xă" and "XĂ" as whole words through "ă"/"Ă" alone: the same edits as a
    # search for each word (random texts of the letters around it, word characters and separators)
    import random
    from cchc_extract.normalize import _ocr_xa

    def by_words(text):
        out = []
        for word, letter in (("xă", "ã"), ("Xă", "ã"), ("XĂ", "Ã")):
            i = text.find(word)
            while i >= 0:
                end = i + 2
                if (i == 0 or not text[i - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
                    out.append((i + 1, end, letter))
                i = text.find(word, end)
        return sorted(out)
    pieces = ["z", "x", "X", "ă", "Ă", "xă", "XĂ", "Xă", " ", "a", "1", ",", "\n", "ng"]
    rnd = random.Random(11)
    for _ in range(20000):
        s = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 8)))
        assert sorted(_ocr_xa(s)) == by_words(s), s


def test_tags_and_entities_a_scraped_page_leaves_are_read_and_spans_map_back():
    text = "<p><strong>BỘ NỘI VỤ</strong></p>\n<p>Nghị định số&nbsp;47/2020/NĐ-CP, Bộ TT&amp;TT</p>"
    n = normalize(text)
    assert n.text == "BỘ NỘI VỤ\nNghị định số 47/2020/NĐ-CP, Bộ TT&TT"
    s = n.text.index("47/2020")
    assert text[slice(*n.to_original(s, s + 7))] == "47/2020"
    assert normalize("a < b và c&d; x<y").text == "a < b và c&d; x<y"     # not tags, not entities


def test_a_json_export_is_read_from_its_string_lines():
    text = ('{"id": 5, "noi_dung": [\n"<p>Số: 12/BNV-CCHC</p>",\n"<p>Kính gửi: Sở Nội vụ \\"A\\".</p>",\n'
            '"<p>1. Sở Nội vụ chủ trì.</p>"\n]}')
    n = normalize(text)
    assert n.json_export
    assert n.text.split("\n") == ["", "Số: 12/BNV-CCHC", 'Kính gửi: Sở Nội vụ "A".', "1. Sở Nội vụ chủ trì.", ""]
    s = n.text.index("Sở Nội vụ chủ trì")
    assert text[slice(*n.to_original(s, s + 9))] == "Sở Nội vụ"
    plain = normalize('{ a note }\n"quoted line",\nplain line\nanother line')
    assert not plain.json_export                   # most lines are no JSON strings


def test_the_misreading_xa_is_read_as_the_commune():
    n = normalize("UBND xă Nghi Phong; Chủ tịch UBND XĂ; xăng dầu")
    assert n.text == "UBND xã Nghi Phong; Chủ tịch UBND XÃ; xăng dầu"
    assert n.ocr_xa == 2


def _brute_start(m, p):
    """OffsetMap.start by its definition: the last edit starting at or before p."""
    i = max((k for k in range(len(m._ns)) if m._ns[k] <= p), default=-1)
    return p if i < 0 else m._os[i] if p < m._ne[i] else m._oe[i] + (p - m._ne[i])


def _brute_end(m, p):
    i = max((k for k in range(len(m._ns)) if m._ns[k] < p), default=-1)
    return p if i < 0 else m._oe[i] if p <= m._ne[i] else m._oe[i] + (p - m._ne[i])


def test_offset_map_spans_agree_with_the_definition_on_random_edit_maps():
    """The one-shift shortcut of OffsetMap.span/spans (a span no edit starts in) gives what the
    definition gives, for insertions, deletions and replacements of every length."""
    import random
    from cchc_extract.normalize import OffsetMap

    rng = random.Random(1)
    for _ in range(2000):
        edits, npos, opos = [], 0, 0
        for _ in range(rng.randint(0, 8)):
            gap = rng.randint(0, 3)
            npos, opos = npos + gap, opos + gap
            nl, ol = rng.choice([0, 0, 1, 1, 2, 3]), rng.choice([0, 1, 1, 2, 3])
            ol = ol or (nl == 0)
            edits.append((npos, npos + nl, opos, opos + ol))
            npos, opos = npos + nl, opos + ol
        m = OffsetMap(edits)
        n = npos + 4
        pairs = [(p, min(n, p + rng.randint(-1, 3))) for p in range(n)]
        pairs += [(rng.randint(0, n), rng.randint(0, n)) for _ in range(30)]
        want = []
        for p, q in pairs:
            s = _brute_start(m, p)
            want.append((s, s) if q <= p else (s, max(s, _brute_end(m, q))))
        assert [m.span(p, q) for p, q in pairs] == want, edits
        assert m.spans(pairs) == want, edits


def test_an_email_that_kept_its_paragraph_breaks_still_has_its_header_and_signature_split():
    # the header runs on in one line (issuer, its rule, number, V/v, motto, date), Kính gửi and Nơi
    # nhận each in one line, the signature "KT. BỘ TRƯỞNG, CHỦ NHIỆM PHÓ CHỦ NHIỆM <name>" in one
    from cchc_extract.pipeline import extract_text

    para = ("Xét báo cáo của Bộ Nội vụ về kết quả kiểm tra công vụ năm 2023 và tình hình giải quyết thủ tục "
            "hành chính của các bộ, cơ quan, địa phương, Thủ tướng Chính phủ có ý kiến chỉ đạo như sau:")
    text = "\n".join([
        "VĂN PHÒNG CHÍNH PHỦ ------- Số: 8915/VPCP-KSTT V/v chấn chỉnh tình trạng chậm, muộn trong giải quyết thủ "
        "tục hành chính CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- Hà Nội, ngày 13 "
        "tháng 11 năm 2023",
        "Kính gửi: - Bộ Nội vụ; - Bộ Tư pháp; - Các bộ, cơ quan ngang bộ.", para,
        "1. Bộ Nội vụ chủ trì, phối hợp với Văn phòng Chính phủ tổng hợp tình hình thực hiện, đề xuất các giải pháp "
        "chấn chỉnh kỷ luật, kỷ cương hành chính, báo cáo Thủ tướng Chính phủ trong tháng 12/2023 về kết quả kiểm "
        "tra công vụ tại các bộ, cơ quan và địa phương.",
        "2. Bộ Tư pháp rà soát các văn bản quy phạm pháp luật có quy định về thủ tục hành chính chồng chéo, không rõ "
        "ràng là nguyên nhân dẫn đến giải quyết hồ sơ quá hạn, đề xuất cấp có thẩm quyền sửa đổi, bổ sung, báo cáo "
        "trong quý I/2024.",
        "Nơi nhận: - Như trên; - Thủ tướng Chính phủ (để b/c); - Lưu: VT, KSTT (3b).",
        "KT. BỘ TRƯỞNG, CHỦ NHIỆM PHÓ CHỦ NHIỆM Phạm Đức Hạnh", ""])
    meta = extract_text(text).metadata
    assert meta.issuer == "Văn phòng Chính phủ"
    assert meta.subject == "chấn chỉnh tình trạng chậm, muộn trong giải quyết thủ tục hành chính"
    assert meta.recipients == ["Bộ Nội vụ", "Bộ Tư pháp", "Các bộ, cơ quan ngang bộ"]
    assert (meta.signer.authority, meta.signer.title, meta.signer.name) == (
        "KT. BỘ TRƯỞNG, CHỦ NHIỆM", "PHÓ CHỦ NHIỆM", "Phạm Đức Hạnh")


def test_a_stray_mark_an_ocr_leaves_at_a_line_end_is_blanked_but_a_table_row_keeps_its_pipes():
    from cchc_extract.normalize import normalize

    text = ("Chủ tịch UBND huyện yêu cầu các cơ quan thực hiện một số nội dung sau: _\n"
            "1. Về số hóa hồ sơ và thực hiện Đề án 06 |\n| STT | Nội dung |\n_______\n")
    norm = normalize(text)
    lines = norm.text.split("\n")
    assert len(norm.text) == len(text)
    assert lines[0].endswith("sau:  ") and lines[1].endswith("Đề án 06  ")
    assert lines[3] == "_______"


def test_a_letter_quoted_in_an_email_is_read_without_its_quote_marks_but_a_quotation_keeps_them():
    from cchc_extract.normalize import normalize

    letter = ("Trân trọng!\n\n> Vào lúc 16:42 ngày 19/9/2025, Văn thư đã viết:\n>\n> Kính gửi:\n"
              "> - Các sở giáo dục và đào tạo.\n>\n> 1. Đối với các sở giáo dục và đào tạo\n")
    norm = normalize(letter)
    assert len(norm.text) == len(letter) and ">" not in norm.text
    assert "\n  Kính gửi:\n  - Các sở" in norm.text
    # a conclusion quoted under a heading, or a lone comparator, keeps its marks
    quoted = "## 3. Về kỷ luật\n\n> Người đứng đầu phải:\n>\n> 1. Không để hồ sơ quá hạn.\n> 2. Giảm 20%.\n"
    assert normalize(quoted).text == quoted
    assert normalize("Tỷ lệ\n> 95% hồ sơ\n").text == "Tỷ lệ\n> 95% hồ sơ\n"
