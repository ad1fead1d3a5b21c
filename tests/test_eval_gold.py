"""Gold loading and span resolution (ANNOTATION.md: "Spans are derived")."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from cchc_extract.errors import GoldError
from cchc_extract.evaluate.gold import Skeleton, letters_digits, parse_gold, resolve_gold


def load(tmp_path: Path, text: str, gold: dict) -> "object":
    (tmp_path / "d.txt").write_text(text, encoding="utf-8")
    gp = tmp_path / "d.gold.yaml"
    gp.write_text(yaml.safe_dump({"document": "d.txt", **gold}, allow_unicode=True), encoding="utf-8")
    return resolve_gold(gp, parse_gold(gp), text)


def test_search_starts_at_end_of_previous_entity_of_same_kind(tmp_path):
    text = "UBND tỉnh họp. UBND tỉnh giao Sở Nội vụ; UBND tỉnh."
    gd = load(tmp_path, text, {
        "bodies": [{"text": "UBND tỉnh", "group": False, "level": "province"},
                   {"text": "UBND tỉnh", "group": False, "level": "province"},
                   {"text": "Sở Nội vụ", "group": False, "level": "province"},
                   {"text": "UBND tỉnh", "group": False, "level": "province"}],
        "dates": [{"text": "tỉnh", "value": None}],  # another kind searches from 0 again
    })
    starts = [s for s, _ in gd.spans["bodies"]]
    assert starts == [0, 15, 30, 41]
    assert gd.spans["dates"] == [(5, 9)]
    for (s, e), b in zip(gd.spans["bodies"], gd.gold.bodies):
        assert text[s:e] == b.text


def test_given_span_is_used_and_resolution_continues_after_it(tmp_path):
    text = "năm 2023, năm 2023, năm 2023"
    gd = load(tmp_path, text, {"dates": [{"text": "năm 2023", "value": "2023", "span": [10, 18]},
                                         {"text": "năm 2023", "value": "2023"}]})
    assert gd.spans["dates"] == [(10, 18), (20, 28)]


def test_span_that_does_not_hold_the_text_is_an_error(tmp_path):
    with pytest.raises(GoldError, match=r"dates\[0\].*holds"):
        load(tmp_path, "ngày 28/11/2023.", {"dates": [{"text": "ngày 28/11/2023", "value": "2023-11-28",
                                                      "span": [1, 16]}]})


def test_unresolvable_text_names_file_kind_index_and_text(tmp_path):
    text = "Sở Nội vụ chủ trì. Sở Tư pháp phối hợp."
    with pytest.raises(GoldError) as err:
        load(tmp_path, text, {"bodies": [{"text": "Sở Tư pháp", "group": False, "level": "province"},
                                         {"text": "Sở Nội vụ", "group": False, "level": "province"}]})
    msg = str(err.value)
    assert "d.gold.yaml" in msg and "bodies[1]" in msg and "Sở Nội vụ" in msg


def test_item_text_without_marks_resolves_on_letters_and_digits(tmp_path):
    text = "Mở đầu.\n1. Tăng cường **lãnh đạo**¹ công tác\n2. Triển khai"
    gd = load(tmp_path, text, {"items": [
        {"label": "1.", "path": "1", "text": "1. Tăng cường lãnh đạo công tác", "ends": "công tác"},
        {"label": "2.", "path": "2", "text": "2. Triển khai", "ends": "Triển khai"}]})
    (s1, e1), (s2, _) = gd.spans["items"]
    assert text[s1:e1] == "1. Tăng cường **lãnh đạo**¹ công tác"
    assert text[s2:].startswith("2. Triển khai")


def test_strict_model_rejects_unknown_keys_and_bad_enums(tmp_path):
    with pytest.raises(GoldError, match="bodies.0.levle"):
        load(tmp_path, "Sở Nội vụ", {"bodies": [{"text": "Sở Nội vụ", "levle": "province"}]})
    with pytest.raises(GoldError, match="unit"):
        load(tmp_path, "100% hồ sơ", {"targets": [{"text": "100% hồ sơ", "value": 100, "unit": "percents"}]})


def test_document_name_and_lossy_flag(tmp_path):
    gd = load(tmp_path, "x", {"structure": "lossy", "items": []})
    assert gd.gold.lossy and gd.gold.references is None   # missing list: not annotated


def test_skeleton_maps_back_to_original_offsets():
    sk = Skeleton("a **b** c¹ d")
    assert sk.find("b c d", 0) == (4, 12)
    assert sk.find("b c d", 5) is None
    assert letters_digits("**Hà Nội**, 2023¹") == "HàNội2023"


def test_overlapping_entities_of_one_kind_are_an_error(tmp_path):
    text = "Sở Nội vụ tỉnh"
    with pytest.raises(GoldError, match=r"bodies\[1\].*overlaps"):
        load(tmp_path, text, {"bodies": [{"text": "Sở Nội vụ tỉnh", "group": False, "level": "province"},
                                         {"text": "Nội vụ", "group": False, "level": "province",
                                          "span": [3, 9]}]})


def test_two_assignment_entries_for_one_item_are_an_error(tmp_path):
    with pytest.raises(GoldError, match=r"assignments\[1\]"):
        load(tmp_path, "x", {"assignments": [{"item": "1", "lead": ["A"]}, {"item": "1", "lead": ["B"]}]})


def test_a_key_given_twice_is_an_error(tmp_path):
    gp = tmp_path / "d.gold.yaml"
    gp.write_text('document: "d.txt"\nitems:\n  - label: "1."\n    path: "1"\n    path: "2"\n    text: "1. A"\n',
                  encoding="utf-8")
    with pytest.raises(GoldError, match="given twice"):
        parse_gold(gp)
