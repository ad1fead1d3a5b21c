"""Property tests: whatever the text, extraction returns a valid document.

For arbitrary Unicode text, for token soups of document pieces, and for mutated
corpus documents: no exception, every entity span slices the original to the
entity text, item paths are unique, and the JSON validates against the schema.

Example count: env CCHC_FUZZ_EXAMPLES (default 40; `make fuzz` uses 5000).
An input that fails is saved (the smallest one per test) to tests/crashers/,
and every file there is run by test_crashers_stay_fixed forever after.  A hang
(no result after HANG_S seconds) counts as a crash.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import random
import signal
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from cchc_extract.errors import InputError
from cchc_extract.pipeline import extract_text
from cchc_extract.reading import read_bytes
from conftest import CORPUS_FILES

EXAMPLES = int(os.environ.get("CCHC_FUZZ_EXAMPLES", "40"))
CRASHERS = Path(__file__).parent / "crashers"
MAX_SAVED = 20_000   # characters: crashers stay small

FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=EXAMPLES <= 100,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.filter_too_much])

_SCHEMA = None


def _schema() -> dict:
    global _SCHEMA
    if _SCHEMA is None:
        from cchc_extract.schema_export import schemas

        _SCHEMA = schemas()["document.schema.json"]
    return _SCHEMA


ENTITY_KINDS = ("references", "dates", "bodies", "targets", "deadlines")


def check_document(original: str) -> None:
    """The invariants every output must satisfy."""
    import jsonschema

    doc = extract_text(original)
    for kind in ENTITY_KINDS:
        for ent in getattr(doc, kind):
            s, e = ent.span
            assert 0 <= s <= e <= len(original), (kind, ent.id, ent.span)
            assert original[s:e] == ent.text, (kind, ent.id, ent.span, ent.text)
    for d in doc.directives:
        assert original[d.span[0]:d.span[1]] == d.text, ("directive", d.id)
        for ref in d.lead + d.support:
            assert original[ref.span[0]:ref.span[1]] == ref.text, ("directive body", d.id, ref.text)
    for obj in [*doc.items, *doc.footnotes, *doc.segments]:
        s, e = obj.span
        assert 0 <= s <= e <= len(original), (type(obj).__name__, obj.span)
    for w in doc.warnings:
        if w.span:
            assert 0 <= w.span[0] <= w.span[1] <= len(original), (w.code, w.span)
    paths = [it.path for it in doc.items]
    assert len(paths) == len(set(paths)), "duplicate item paths"
    jsonschema.validate(json.loads(doc.model_dump_json()), _schema())


# --- hangs are failures too -------------------------------------------------------------

HANG_S = 10   # seconds; normal inputs here take well under one


class Hang(Exception):
    pass


@contextlib.contextmanager
def time_limit(seconds: float):
    """Turn a hang into an exception (main thread, POSIX; elsewhere no limit)."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_alarm(signum, frame):
        raise Hang(f"no result after {seconds}s")

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


# --- saving crashers ---------------------------------------------------------------------

_smallest: dict[str, str] = {}


def checked(test_name: str, original: str) -> None:
    try:
        with time_limit(HANG_S):
            check_document(original)
    except Exception:
        best = _smallest.get(test_name)
        if len(original) <= MAX_SAVED and (best is None or len(original) < len(best)):
            _smallest[test_name] = original
        raise


@pytest.fixture(scope="module", autouse=True)
def _save_crashers():
    yield
    for name, text in _smallest.items():
        CRASHERS.mkdir(exist_ok=True)
        digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]
        path = CRASHERS / f"{name}_{digest}.txt"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))


# --- strategies --------------------------------------------------------------------------

PIECES = [
    "Số:", "Số ", "số", "/", "-", ".", ",", ";", ":", "(", ")", "./.", "…", "\"", "'",
    "12", "2024", "05", "30/6/2024", "15/02/2023", "ngày", "tháng", "năm", "quý", "I", "II", "IV",
    "trước", "chậm nhất", "hoàn thành", "trong", "định kỳ", "hằng tháng",
    "UBND", "QĐ-UBND", "CT-UBND", "NĐ-CP", "/2024/NĐ-CP", "Chỉ thị", "Quyết định", "Nghị định",
    "Kế hoạch", "Công văn", "Thông tư", "Luật",
    "Ủy ban nhân dân", "Uỷ ban nhân dân", "tỉnh", "huyện", "xã", "Sở Nội vụ", "Sở Tài chính",
    "các sở, ban, ngành", "Chủ tịch", "Giám đốc", "Bộ", "Công an", "Văn phòng",
    "chủ trì", "phối hợp", "giao", "yêu cầu", "đề nghị", "chịu trách nhiệm", "thực hiện",
    "tăng", "giảm", "%", "100%", "ít nhất", "tối thiểu", "trên", "dưới", "đạt",
    "1.", "2.", "1.1.", "1.1.1.", "a)", "b)", "đ)", "-", "+", "•", "Điều 1.", "Chương I", "Phần II",
    "Kính gửi:", "Nơi nhận:", "TM.", "KT.", "CHỦ TỊCH", "CHỈ THỊ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc", "Căn cứ", "Về việc",
    "¹", "²", "³", "[1]", "(1)", "**", "|", "_____", "-----",
    " ", " ", "  ", "\n", "\n\n", "\r\n", "\r", "\t", "\u00a0", "\u200b", "\u00ad", "\ufeff",
    "\u0301", "\u0323", "o\u0300", "\u2013", "\u201c", "\u201d", "Ð", "\ufffd",
]

soups = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=200).map("".join)


@FUZZ
@given(st.text(max_size=1000))
def test_arbitrary_unicode_text(text):
    checked("unicode", text)


@FUZZ
@given(soups)
def test_soup_of_document_pieces(text):
    checked("soup", text)


# --- corpus mutations ---------------------------------------------------------------------

def _corpus() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in CORPUS_FILES]


def shuffle_lines(text: str, rnd: random.Random) -> str:
    lines = text.split("\n")
    rnd.shuffle(lines)
    return "\n".join(lines)


def duplicate_labels(text: str, rnd: random.Random) -> str:
    lines = text.split("\n")
    out = []
    for line in lines:
        out.append(line)
        if line[:1].isdigit() or line[:2] in ("a)", "b)", "c)", "- ", "+ ") or rnd.random() < 0.05:
            out.append(line)   # the same label twice in a row
    return "\n".join(out)


def stray_footnote_marks(text: str, rnd: random.Random) -> str:
    chars = list(text)
    for _ in range(20):
        chars.insert(rnd.randrange(len(chars) + 1), rnd.choice(["¹", "²³", "⁴", "[9]", "(12)"]))
    body = "".join(chars)
    # drop the footnote texts themselves (lines that start with a digit mark)
    return "\n".join(l for l in body.split("\n") if not l[:1] in "¹²³⁴⁵⁶⁷⁸⁹")


def headers_only(text: str, rnd: random.Random) -> str:
    return "\n".join(text.split("\n")[: rnd.randrange(1, 15)])


def cut_anywhere(text: str, rnd: random.Random) -> str:
    a = rnd.randrange(len(text) + 1)
    b = rnd.randrange(len(text) + 1)
    return text[min(a, b):max(a, b)]


def splice_noise(text: str, rnd: random.Random) -> str:
    pos = rnd.randrange(len(text) + 1)
    noise = "".join(rnd.choice(PIECES) for _ in range(rnd.randrange(1, 40)))
    return text[:pos] + noise + text[pos:]


def no_newlines(text: str, rnd: random.Random) -> str:
    return text.replace("\n", " ")


def drop_diacritics_in_a_block(text: str, rnd: random.Random) -> str:
    import unicodedata

    a = rnd.randrange(len(text) + 1)
    b = min(len(text), a + rnd.randrange(2000))
    block = "".join(c for c in unicodedata.normalize("NFD", text[a:b]) if not unicodedata.combining(c))
    return text[:a] + block + text[b:]


MUTATIONS = [shuffle_lines, duplicate_labels, stray_footnote_marks, headers_only, cut_anywhere,
             splice_noise, no_newlines, drop_diacritics_in_a_block]


@settings(FUZZ, phases=[Phase.explicit, Phase.reuse, Phase.generate])  # no shrinking: big inputs
@given(st.integers(0, 10_000), st.sampled_from(MUTATIONS), st.randoms(use_true_random=False),
       st.integers(1, 3))
def test_mutated_corpus_documents(doc_index, mutation, rnd, rounds):
    docs = _corpus()
    text = docs[doc_index % len(docs)]
    for _ in range(rounds):
        text = mutation(text, rnd)
        mutation = rnd.choice(MUTATIONS)
    checked("mutated", text)


# --- fixed hostile documents ---------------------------------------------------------------

def test_ten_thousand_nested_labels():
    marks = ["I.", "1.", "1.1.", "1.1.1.", "1.1.1.1.", "a)", "-", "+"]
    tail = "Sở Nội vụ chủ trì thực hiện nội dung trước ngày 30/6/2024" if EXAMPLES >= 1000 else "nội dung"
    lines = [f"{marks[min(i % 9, 7)]} {tail} {i}" for i in range(10_000)]
    check_document("\n".join(lines))


def test_one_megabyte_line():
    corpus = _corpus()
    line = " ".join(corpus).replace("\n", " ")
    n = 1_000_000 if EXAMPLES >= 1000 else 150_000   # full size under `make fuzz`
    check_document((line * (n // len(line) + 1))[:n])


# --- every input that ever crashed, forever after ----------------------------------------

# crashers whose fix is still open in another module: xfail (not strict) until fixed,
# then delete the entry.  file name -> where it fails
OPEN_CRASHERS: dict[str, str] = {}   # crashers not yet fixed: name -> reason (none open)


def _crasher_params():
    for p in sorted(CRASHERS.glob("*.txt")):
        reason = OPEN_CRASHERS.get(p.name)
        marks = [pytest.mark.xfail(strict=False, reason=reason)] if reason else []
        yield pytest.param(p, marks=marks, id=p.name)


@pytest.mark.parametrize("path", list(_crasher_params()))
def test_crashers_stay_fixed(path: Path):
    data = path.read_bytes()
    with time_limit(HANG_S):
        check_document(data.decode("utf-8", "surrogatepass"))   # as text
    try:
        decoded, _ = read_bytes(data, name=path.name)            # and as a file
    except InputError:
        return   # a clear one-line refusal is a valid outcome for bytes
    with time_limit(HANG_S):
        check_document(decoded.text)
