"""W211: paragraphs typed without Vietnamese diacritics are reported; only listed phrases are read back (test_diacritics.py)."""
from __future__ import annotations

import pytest

from cchc_extract.pipeline import extract_text
from cchc_extract.unmarked import unmarked_lines

UNMARKED = "Uy ban nhan dan cac quan, huyen chu tri, phoi hop voi Cong an thanh pho thuc hien truoc ngay 30/6/2024."


def test_a_line_without_marks_is_found_with_its_offsets():
    text = "Sở Nội vụ chủ trì thực hiện.\n" + UNMARKED + "\nHết.\n"
    start = text.index("Uy ban")
    assert unmarked_lines(text) == [(start, start + len(UNMARKED))]


@pytest.mark.parametrize("line", [
    "The Ministry of Home Affairs shall coordinate with the provinces on this report.",   # English
    "Ủy ban nhân dân các quận, huyện chủ trì, phối hợp với Công an thành phố thực hiện.",  # marked
    "| 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15 |",             # no words
    "Nguyen Van An, Tran Thi Binh, Le Van Cuong, Pham Thi Dung, Hoang Van Em",         # names, no cues
    "https://dichvucong.gov.vn/p/home/dvc-trang-chu.html?id=123&lang=vi",               # an address
])
def test_english_marked_text_tables_names_and_addresses_are_not_reported(line):
    assert unmarked_lines(line + "\n") == []


def test_the_document_gets_w211_on_the_first_such_line():
    text = ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\nSố: 12/CT-UBND\n\nCHỈ THỊ\n\n"
            "1. Sở Nội vụ chủ trì thực hiện.\n2. " + UNMARKED + "\n")
    doc = extract_text(text)
    (w,) = [w for w in doc.warnings if w.code == "W211"]
    assert text[w.span[0]:w.span[1]].startswith("2. Uy ban") and w.message.startswith("1 line(s)")
    assert not [w for w in extract_text(text.replace(UNMARKED, "Sở Tư pháp phối hợp.")).warnings if w.code == "W211"]
