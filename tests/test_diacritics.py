"""Phrases of lines typed without diacritics read back with their marks (rules/_unaccented.yaml)."""
from __future__ import annotations

import textwrap

import pytest

from cchc_extract.diacritics import bare, load, restore, restorer
from cchc_extract.errors import RuleError
from cchc_extract.pipeline import extract_text


@pytest.mark.parametrize("typed, restored", restorer().examples, ids=lambda s: s[:40])
def test_every_example_of_the_phrase_list(typed, restored):
    assert restore(typed) == restored


def test_a_bare_form_has_as_many_characters_as_its_marked_one():
    for phrase in ("Ủy ban nhân dân", "HĐND và UBND xã", "trước ngày", "Văn hóa - Xã hội"):
        assert len(bare(phrase)) == len(phrase)
    assert bare("Đề án") == "De an"


def test_the_loader_refuses_two_phrases_with_one_bare_form(tmp_path):
    path = tmp_path / "_unaccented.yaml"
    path.write_text(textwrap.dedent("""
        function_words: [cac, va]
        phrases: [hằng tháng, hàng tháng]
    """), encoding="utf-8")
    with pytest.raises(RuleError) as err:
        load(path)
    assert "one bare form" in str(err.value)


def test_a_line_typed_without_marks_is_read_and_quoted_as_typed():
    head = "UBND XÃ YÊN SƠN\nSố: 15/UBND\nYên Sơn, ngày 02 tháng 4 năm 2026\n\nKính gửi: Các bộ phận.\n\n"
    line = ("2. Giao Cong an xa chu tri, phoi hop voi Van phong HDND va UBND xa huong dan nguoi dan kich hoat "
            "tai khoan dinh danh dien tu, hoan thanh truoc ngay 15/4/2026.\n")
    doc = extract_text(head + line)
    texts = [b.text for b in doc.bodies]
    assert "Cong an xa" in texts and "Van phong HDND va UBND xa" in texts     # quoted as typed
    (d,) = [d for d in doc.directives if d.item == "2"]
    assert [b.text for b in d.lead] == ["Cong an xa"] and [b.text for b in d.support] == ["Van phong HDND va UBND xa"]
    assert [(x.text, x.due) for x in doc.deadlines] == [("truoc ngay 15/4/2026", "2026-04-14")]
    (w,) = [w for w in doc.warnings if w.code == "W211"]
    assert "read with their marks" in w.message and (head + line)[w.span[0]:w.span[1]].startswith("2. Giao Cong")
