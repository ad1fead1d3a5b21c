"""Matching and scoring (ANNOTATION.md: "Scoring")."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from cchc_extract.evaluate.gold import parse_gold, resolve_gold
from cchc_extract.evaluate.matching import match_spans, trim
from cchc_extract.evaluate.scoring import finalize, score_document
from cchc_extract.evaluate.values import body_similarity, body_tokens, same_value
from cchc_extract.models import (BodyRef, DateMention, Deadline, Directive, Document, Footnote, Item,
                                 Metadata, Signer, Target)


def gold_doc(tmp_path: Path, text: str, gold: dict):
    (tmp_path / "d.txt").write_text(text, encoding="utf-8")
    gp = tmp_path / "d.gold.yaml"
    gp.write_text(yaml.safe_dump({"document": "d.txt", **gold}, allow_unicode=True), encoding="utf-8")
    return resolve_gold(gp, parse_gold(gp), text)


def span_of(text: str, piece: str, start: int = 0) -> tuple[int, int]:
    s = text.index(piece, start)
    return s, s + len(piece)


def test_trim_drops_spaces_and_punctuation_at_both_ends():
    doc = "(ngày 28/11/2023), tiếp"
    assert trim(doc, (0, 18)) == (1, 16)
    assert trim(doc, (17, 19)) == (17, 19)  # nothing left: unchanged


def test_exact_versus_partial_matching():
    doc = "Thông báo số 489/TB-VPCP ngày 28/11/2023 của Văn phòng Chính phủ."
    gold = [span_of(doc, "Thông báo số 489/TB-VPCP ngày 28/11/2023")]
    exact_pred = [span_of(doc, "Thông báo số 489/TB-VPCP ngày 28/11/2023 ")]   # trailing space trimmed
    partial_pred = [span_of(doc, "Thông báo số 489/TB-VPCP")]                  # 24 of 40: over half
    short_pred = [span_of(doc, "28/11/2023 của Văn phòng Chính phủ")]           # overlap 10 < 17
    pairs, exact = match_spans(doc, gold, exact_pred)
    assert pairs == [(0, 0)] and exact == {(0, 0)}
    pairs, exact = match_spans(doc, gold, partial_pred)
    assert pairs == [(0, 0)] and not exact
    pairs, _ = match_spans(doc, gold, short_pred)
    assert pairs == []


def test_matching_is_one_to_one():
    doc = "năm 2023 và năm 2024"
    gold = [span_of(doc, "năm 2023")]
    pred = [span_of(doc, "năm 2023"), span_of(doc, "năm 2023")]
    pairs, _ = match_spans(doc, gold, pred)
    assert len(pairs) == 1


def test_values_compare_numbers_as_numbers_and_strings_nfc_collapsed():
    assert same_value(100, 100.0)
    assert same_value("Ủy ban  nhân\ndân", "Ủy ban nhân dân")
    assert same_value("Thủ tướng", "Thu\u0309 tướng")  # NFD vs NFC
    assert not same_value("08", "8")  # strings stay strings
    assert same_value(None, "") and same_value(None, [])


def test_entity_prf_and_field_accuracy(tmp_path):
    text = "Đạt 100% hồ sơ; trên 98% số hồ sơ; tối thiểu 10% đơn vị."
    gd = gold_doc(tmp_path, text, {"targets": [
        {"text": "100% hồ sơ", "value": 100, "unit": "percent", "comparator": "eq"},
        {"text": "trên 98% số hồ sơ", "value": 98, "unit": "percent", "comparator": "gt"},
        {"text": "tối thiểu 10% đơn vị", "value": 10, "unit": "percent", "comparator": "ge"}]})
    pred = Document(targets=[
        Target(text="100% hồ sơ", span=span_of(text, "100% hồ sơ"), value=100.0, unit="percent"),
        Target(text="98% số hồ sơ", span=span_of(text, "98% số hồ sơ"), value=98, unit="percent"),
        Target(text="Đạt", span=span_of(text, "Đạt"), value=1, unit="count")])
    s = finalize(score_document(gd, pred)[0])["targets"]
    assert s["exact"]["tp"] == 1 and s["partial"]["tp"] == 2
    assert s["partial"]["precision"] == round(2 / 3, 4) and s["partial"]["recall"] == round(2 / 3, 4)
    assert s["fields"]["value"] == {"correct": 2, "total": 2, "accuracy": 1.0}
    assert s["fields"]["comparator"]["correct"] == 1   # "trên" -> gt missed


def _items_doc(tmp_path, lossy: bool):
    text = "1. Tăng cường chỉ đạo và thực hiện\nnghiêm túc.¹\n2. Triển khai\n¹ Chỉ thị số 28-CT/TU\n"
    gold = {"items": [{"label": "1.", "path": "1", "text": "1. Tăng cường chỉ đạo",
                       "ends": "thực hiện nghiêm túc."},
                      {"label": "2.", "path": "2", "text": "2. Triển khai", "ends": "Triển khai"}],
            "footnotes": [{"marker": "1", "text": "Chỉ thị số 28-CT/TU", "anchor": "1"}],
            "deadlines": [{"text": "Triển khai", "due": None, "recurrence": "yearly", "item": "2"}],
            "assignments": [{"item": "1", "lead": ["Sở Nội vụ"], "support": []}]}
    if lossy:
        gold["structure"] = "lossy"
    return text, gold_doc(tmp_path, text, gold)


def _items_pred(text: str) -> Document:
    return Document(
        items=[Item(label="1.", path="I/1", kind="decimal", depth=1, span=span_of(text, "1. Tăng"),
                    text="1. Tăng cường chỉ đạo và **thực hiện** nghiêm túc"),
               Item(label="2.", path="I/2", kind="decimal", depth=1, span=span_of(text, "2. Triển"),
                    text="2. Triển khai thêm")],
        footnotes=[Footnote(marker="1", anchor="I/1", text="Chỉ thị số 28-CT/TU",
                            span=span_of(text, "¹ Chỉ thị"))],
        deadlines=[Deadline(text="Triển khai", span=span_of(text, "Triển khai"), recurrence="yearly",
                            item="I/2")])


def test_items_match_by_start_paths_and_ends_on_letters_and_digits(tmp_path):
    text, gd = _items_doc(tmp_path, lossy=False)
    s = finalize(score_document(gd, _items_pred(text))[0])
    assert s["items"]["tp"] == 2 and s["items"]["f1"] == 1.0
    assert s["items"]["fields"]["path"]["correct"] == 0       # I/1 is not 1
    assert s["items"]["fields"]["ends"]["correct"] == 1       # item 1 ends right despite ** and "."
    assert s["footnotes"]["f1"] == 1.0 and s["footnotes"]["fields"]["anchor"]["correct"] == 0
    assert s["deadlines"]["fields"]["item"]["total"] == 1
    assert s["assignments"]["lead"]["recall"] == 0.0


def test_lossy_documents_skip_everything_that_hangs_on_paths(tmp_path):
    text, gd = _items_doc(tmp_path, lossy=True)
    s = finalize(score_document(gd, _items_pred(text))[0])
    assert "path" not in s["items"]["fields"] and s["items"]["fields"]["ends"]["total"] == 2
    assert "anchor" not in s["footnotes"]["fields"]
    assert "item" not in s["deadlines"]["fields"]
    assert "assignments" not in s


def test_metadata_fields_lists_and_signer_subfields(tmp_path):
    gd = gold_doc(tmp_path, "x", {"metadata": {
        "number": "138", "symbol": "KH-UBND", "recipients": ["Các sở, ban, ngành", "UBND các huyện"],
        "signer": {"name": "Nguyễn Văn A", "title": "PHÓ CHỦ TỊCH", "authority": None}}})
    pred = Document(metadata=Metadata(number="138", symbol="KH - UBND",
                                      recipients=["Các sở,  ban, ngành", "UBND các huyện"],
                                      signer=Signer(name="Nguyễn Văn A", title="CHỦ TỊCH")))
    m = finalize(score_document(gd, pred)[0])["metadata"]
    f = {k: v["correct"] for k, v in m["fields"].items()}
    assert f == {"number": 1, "symbol": 0, "recipients": 1, "signer.name": 1, "signer.title": 0,
                 "signer.authority": 1}   # fields the gold does not give are not scored
    assert m["total"] == 6 and m["correct"] == 4


def test_assignment_bodies_match_by_text_and_one_sided_items_count(tmp_path):
    gd = gold_doc(tmp_path, "x", {"assignments": [
        {"item": "1", "lead": ["Ủy ban nhân dân các huyện, thị xã, thành phố"], "support": ["Sở Nội vụ"],
         "modality": "assign"},
        {"item": "2", "lead": ["Sở Tư pháp"], "support": []}]})
    def ref(t):
        return BodyRef(text=t, span=(0, 1))
    pred = Document(directives=[
        Directive(text="x", span=(0, 1), item="1", lead=[ref("UBND các huyện, thị xã, thành phố")],
                  support=[ref("UBND tỉnh")], modality="assign"),
        Directive(text="x", span=(0, 1), item="3", lead=[ref("Sở Tài chính")])])
    a = finalize(score_document(gd, pred)[0])["assignments"]
    assert a["lead"] == {"gold": 2, "pred": 2, "tp": 1, "precision": 0.5, "recall": 0.5, "f1": 0.5}
    assert a["support"]["tp"] == 0 and a["support"]["pred"] == 1
    assert a["fields"]["modality"]["correct"] == 1 and a["items_both"] == 1


def test_body_similarity_rule():
    sim = lambda a, b: body_similarity(body_tokens(a), body_tokens(b))  # noqa: E731
    assert sim("Ủy ban nhân dân tỉnh", "UBND tỉnh") == 1.0
    assert sim("UBND tỉnh", "UBND huyện") <= 0.5
    assert sim("Sở Nội vụ", "Sở Tư pháp") <= 0.5
    assert sim("đơn vị sự nghiệp công lập trực thuộc UBND tỉnh", "đơn vị sự nghiệp công lập") > 0.5


def test_dates_value_field(tmp_path):
    text = "ngày 28/11/2023 và tháng 12/2022"
    gd = gold_doc(tmp_path, text, {"dates": [{"text": "ngày 28/11/2023", "value": "2023-11-28"},
                                             {"text": "tháng 12/2022", "value": "2022-12"}]})
    pred = Document(dates=[DateMention(text="ngày 28/11/2023", span=span_of(text, "ngày 28/11/2023"),
                                       value="2023-11-28"),
                           DateMention(text="tháng 12/2022", span=span_of(text, "tháng 12/2022"),
                                       value="2022-12-31")])
    d = finalize(score_document(gd, pred)[0])["dates"]
    assert d["exact"]["f1"] == 1.0 and d["fields"]["value"]["correct"] == 1


def test_details_list_partial_gold_and_wrong_fields(tmp_path):
    text = "trong tháng 12/2022 và ngày 5/1/2023"
    gd = gold_doc(tmp_path, text, {"dates": [{"text": "tháng 12/2022", "value": "2022-12"},
                                             {"text": "ngày 5/1/2023", "value": "2023-01-05"}]})
    pred = Document(dates=[DateMention(text="trong tháng 12/2022", span=span_of(text, "trong tháng 12/2022"),
                                       value="2022-12-31", rule="r1")])
    _, details = score_document(gd, pred)
    p = next(d for d in details if d["status"] != "fn")
    assert p["status"] == "partial" and p["gold"]["text"] == "tháng 12/2022" and p["rule"] == "r1"
    assert p["wrong"] == {"value": ["2022-12", "2022-12-31"]}
    assert [d["text"] for d in details if d["status"] == "fn"] == ["ngày 5/1/2023"]


CORPUS = Path(__file__).resolve().parents[1] / "corpora"


def _gold_as_prediction(gd) -> Document:
    """A Document that says exactly what the gold says (item text = quoted start + ends)."""
    from cchc_extract.models import Body, Reference
    g = gd.gold
    doc = Document()
    if g.metadata is not None:
        m = g.metadata.model_dump()
        m["signer"] = Signer(**m["signer"]) if m["signer"] else None
        m["recipients"] = m["recipients"] or []
        doc.metadata = Metadata(**m)
    for it, sp in zip(g.items or [], gd.spans.get("items", [])):
        doc.items.append(Item(text=f"{it.text} … {it.ends or ''}", span=sp, label=it.label, path=it.path,
                              kind="x", depth=0))
    for fn, sp in zip(g.footnotes or [], gd.spans.get("footnotes", [])):
        doc.footnotes.append(Footnote(text=fn.text, span=sp, marker=fn.marker, anchor=fn.anchor))
    models = {"references": Reference, "dates": DateMention, "bodies": Body, "targets": Target,
              "deadlines": Deadline}
    for kind, model in models.items():
        for e, sp in zip(getattr(g, kind) or [], gd.spans.get(kind, [])):
            kw = {k: v for k, v in e.model_dump(exclude={"span"}).items() if v is not None}
            if kind == "bodies":
                kw["canonical"] = e.text
            getattr(doc, kind).append(model(span=sp, **kw))
    for a in g.assignments or []:
        doc.directives.append(Directive(text="x", span=(0, 1), item=a.item, modality=a.modality,
                                        lead=[BodyRef(text=t, span=(0, 1)) for t in a.lead],
                                        support=[BodyRef(text=t, span=(0, 1)) for t in a.support]))
    return doc


def _rates(node, prefix=""):
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _rates(v, f"{prefix}.{k}")
    elif prefix.rsplit(".", 1)[-1] in ("precision", "recall", "f1", "accuracy"):
        yield prefix, node


@pytest.mark.parametrize("gold_path", sorted(CORPUS.glob("*.gold.yaml")), ids=lambda p: p.name[:3])
def test_scorer_is_consistent_on_real_gold_files(gold_path):
    """The scorer itself, not the extractor: every gold file resolves, and the gold read back
    as a prediction scores 1 everywhere (lossy files included)."""
    text = gold_path.with_name(gold_path.name.replace(".gold.yaml", ".txt")).read_text(encoding="utf-8")
    gd = resolve_gold(gold_path, parse_gold(gold_path), text)
    scores = finalize(score_document(gd, _gold_as_prediction(gd))[0])
    assert {k: v for k, v in _rates(scores) if v not in (1.0, None)} == {}
