"""The review page of `cchc show FILE --html OUT.html`."""
from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from cchc_extract.models import (Body, BodyRef, DateMention, Deadline, Directive, Document, Reference,
                                 Warning_)
from cchc_extract.review import render_marked, render_page, write_review

TEXT = ("Giao Sở <Nội vụ> chủ trì thực hiện Kế hoạch số 12/KH-UBND ngày 05/01/2024 "
        "trong tháng 3/2024 & báo cáo.")


def _doc() -> Document:
    def at(s: str) -> tuple[int, int]:
        i = TEXT.index(s)
        return i, i + len(s)

    ref = "Kế hoạch số 12/KH-UBND ngày 05/01/2024"
    return Document(
        references=[Reference(id="r1", text=ref, span=at(ref), type="ke_hoach", number="12", symbol="KH-UBND")],
        dates=[DateMention(id="t1", text="ngày 05/01/2024", span=at("ngày 05/01/2024"), value="2024-01-05"),
               DateMention(id="t2", text="tháng 3/2024", span=at("tháng 3/2024"), value="2024-03")],
        bodies=[Body(id="b1", text="Sở <Nội vụ>", span=at("Sở <Nội vụ>"), canonical="Sở Nội vụ")],
        deadlines=[Deadline(id="d1", text="trong tháng 3/2024", span=at("trong tháng 3/2024"), due="2024-03-31")],
        directives=[Directive(id="a1", item="preamble", text=TEXT, span=(0, len(TEXT)), modality="assign",
                              lead=[BodyRef(text="Sở <Nội vụ>", span=at("Sở <Nội vụ>"), body="b1")],
                              lead_source="explicit", deadlines=["d1"], references=["r1"])],
        warnings=[Warning_(code="W401", message="directive names <no> body", span=(0, 4))],
    )


def test_marks_nest_escape_and_keep_the_text():
    out = render_marked(TEXT, [(0, 4, "dates", "x1", "t"), (2, 8, "bodies", "x2", "<b>")])
    # crossing spans: the second mark is split in two fragments sharing its id
    assert out.count('data-id="x2"') == 2 and out.count('data-id="x1"') == 1
    stripped = re.sub(r"<span class=\"label\">[^<]*</span>", "", out)
    assert html.unescape(re.sub(r"<[^>]+>", "", stripped)) == TEXT
    assert "<Nội" not in out and "&lt;Nội vụ&gt;" in out
    assert "title=\"&lt;b&gt;\"" in out


def test_page_has_one_mark_per_entity_the_directives_and_warnings():
    page = render_page(_doc(), TEXT, "x<y>.txt")
    marks = re.findall(r'<mark class="entity (\w+)(?: cont)?" data-kind="(\w+)" data-id="(\w+)"', page)
    assert sorted(i for _, _, i in marks) == ["b1", "d1", "r1", "t1", "t2"]
    assert "<td>2024-03-31</td>" in page and "<td>Kế hoạch số 12/KH-UBND ngày 05/01/2024</td>" in page
    assert "directive names &lt;no&gt; body" in page and "x&lt;y&gt;.txt" in page
    # self-contained: no scripts, no external resources
    assert not re.search(r"<script|<link|@import|src=|url\(", page)


def test_write_review_runs_the_pipeline(tmp_path: Path):
    src = tmp_path / "doc.txt"
    src.write_text("Ủy ban nhân dân tỉnh yêu cầu:\n\n1. Sở Nội vụ chủ trì rà soát trong tháng 12/2024.\n",
                   encoding="utf-8")
    out = write_review(src, tmp_path / "out.html")
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and 'class="directives"' in page


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.mark.browser
def test_page_renders_in_a_real_headless_browser(tmp_path: Path):
    exe = _chromium()
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is required in CI for the browser test")
        pytest.skip("chromium not installed")
    page = tmp_path / "review.html"
    page.write_text(render_page(_doc(), TEXT, "review"), encoding="utf-8")
    profile = tmp_path / "profile"
    cmd = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
           f"--user-data-dir={profile}", "--dump-dom", page.resolve().as_uri()]
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    dom = res.stdout
    assert res.returncode == 0, res.stderr[-2000:]
    # the DOM the browser built (not our string): one mark element per entity, with its kind
    marks = re.findall(r'<mark class="entity (\w+)[^"]*" data-kind="(\w+)" data-id="(\w+)"', dom)
    assert {(k, i) for _, k, i in marks} >= {("references", "r1"), ("dates", "t1"), ("dates", "t2"),
                                              ("bodies", "b1"), ("deadlines", "d1")}
    assert "<table" in dom and "2024-03-31" in dom and "W401" in dom
    # nesting survived parsing: the date sits inside the reference mark
    ref = dom[dom.index('data-id="r1"'):]
    assert ref.index('data-id="t1"') < ref.index("</mark>")


@pytest.mark.browser
def test_cchc_show_page_of_a_real_document_in_the_browser(tmp_path: Path):
    exe = _chromium()
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is required in CI for the browser test")
        pytest.skip("chromium not installed")
    from cchc_extract.pipeline import extract

    src = tmp_path / "letter.txt"
    src.write_text("Kính gửi: Sở Tài chính.\n\nỦy ban nhân dân tỉnh yêu cầu:\n\n"
                   "1. Sở Tài chính chủ trì, phối hợp với Sở Nội vụ rà soát kinh phí theo Kế hoạch số "
                   "12/KH-UBND ngày 05/01/2024, hoàn thành trong tháng 3/2024 <b>&amp;</b>.\n", encoding="utf-8")
    out = write_review(src, tmp_path / "page.html")
    res = subprocess.run([exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                          "--disable-component-update", "--disable-sync", "--no-first-run",
                          "--disable-dev-shm-usage", f"--user-data-dir={tmp_path / 'p'}", "--dump-dom",
                          out.resolve().as_uri()], capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr[-2000:]
    doc = extract(src)
    found = set(re.findall(r'data-kind="(\w+)" data-id="(\w+)"', res.stdout))
    for kind in ("references", "dates", "bodies", "targets", "deadlines"):
        assert {(kind, e.id) for e in getattr(doc, kind)} <= found
    assert "<b>&amp;</b>" not in res.stdout and "&lt;b&gt;" in res.stdout    # source text escaped
    assert res.stdout.count("data-directive=") == len(doc.directives) >= 1
