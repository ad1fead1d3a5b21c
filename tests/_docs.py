"""Hand-built Documents for output-format and batch tests (no extractor needed)."""
from __future__ import annotations

from cchc_extract.models import (Body, BodyRef, DateMention, Deadline, Directive, Document, Item,
                                 Reference, Source, Target)

TEXT = ("1. Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp rà soát thủ tục, "
        "hoàn thành trong tháng 12/2023; báo cáo hằng quý. Đạt 100% hồ sơ theo Kế hoạch số 12/KH-UBND.\n"
        "2. =SUM(A1) Công an tỉnh thực hiện trước ngày 15/01/2024.\n")


def span(sub: str, start: int = 0) -> tuple[int, int]:
    i = TEXT.index(sub, start)
    return i, i + len(sub)


def make_doc(sha: str = "ab" * 32) -> Document:
    def body(i, sub, canonical):
        return Body(id=f"b{i}", text=sub, span=span(sub), canonical=canonical, level="province", item="1")

    b1, b2 = body(1, "Sở Nội vụ", "Sở Nội vụ"), body(2, "Sở Tư pháp", "Sở Tư pháp")
    b3 = Body(id="b3", text="Công an tỉnh", span=span("Công an tỉnh"), canonical="Công an tỉnh", item="2")
    d1 = Deadline(id="d1", text="trong tháng 12/2023", span=span("trong tháng 12/2023"), due="2023-12-31",
                  item="1")
    d2 = Deadline(id="d2", text="hằng quý", span=span("hằng quý"), recurrence="quarterly", due=None, item="1")
    d3 = Deadline(id="d3", text="trước ngày 15/01/2024", span=span("trước ngày 15/01/2024"),
                  due="2024-01-14", item="2")
    item1_end = TEXT.index("2. ")
    items = [Item(label="1.", path="1", kind="decimal", depth=1, text=TEXT[:item1_end].strip(),
                  span=(0, item1_end)),
             Item(label="2.", path="2", kind="decimal", depth=1, text=TEXT[item1_end:].strip(),
                  span=(item1_end, len(TEXT)))]
    directives = [
        Directive(id="a1", item="1", text=items[0].text, span=items[0].span, modality="assign",
                  lead=[BodyRef(text=b1.text, span=b1.span, body="b1")],
                  support=[BodyRef(text=b2.text, span=b2.span, body="b2")],
                  deadlines=["d1", "d2"], targets=["q1"], references=["r1"]),
        Directive(id="a2", item="2", text=items[1].text, span=items[1].span,
                  lead=[BodyRef(text=b3.text, span=b3.span, body="b3")], deadlines=["d3"]),
    ]
    return Document(
        source=Source(file="x.txt", size=len(TEXT.encode()), sha256=sha),
        items=items,
        references=[Reference(id="r1", text="Kế hoạch số 12/KH-UBND", span=span("Kế hoạch số 12/KH-UBND"),
                              type="ke_hoach", number="12", symbol="KH-UBND", item="1")],
        dates=[DateMention(id="t1", text="tháng 12/2023", span=span("tháng 12/2023"), value="2023-12",
                           form="month", item="1")],
        bodies=[b1, b2, b3],
        targets=[Target(id="q1", text="100% hồ sơ", span=span("100% hồ sơ"), value=100, unit="percent",
                        item="1")],
        deadlines=[d1, d2, d3],
        directives=directives,
    )
