"""Shortcuts of the matchers checked against what they stand for: matchers.figure_runs (runs of
[0-9] stand for FIGURE_RUN's runs only where no other figure can be) and references._issuer_end_match."""
import random

from cchc_extract.matchers import _OTHER_FIGURES, FIGURE_RUN, _MATCH_START, figure_runs


def test_every_other_figure_lies_in_the_ranges_searched():
    # every \d of the engine within the BMP but 0-9 lies in a range _OTHER_FIGURES searches for
    for cp in range(0x10000):
        ch = chr(cp)
        if FIGURE_RUN.fullmatch(ch) and not "0" <= ch <= "9":
            assert any(rx.fullmatch(ch) for rx in _OTHER_FIGURES), hex(cp)


def test_same_runs_as_the_property_scan():
    rng = random.Random(29)
    pool = "0123456789 ab/.-ệ\u0663\u06f5\u0966\uff11\U0001d7ce\U00011f55\u00b2\u2074\u1ea1"
    for _ in range(3000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 30)))
        assert figure_runs(text) == list(map(_MATCH_START, FIGURE_RUN.finditer(text))), text


def test_issuer_end_found_as_the_pattern_finds_it():
    from cchc_extract.matchers.references import _ISSUER_END, _issuer_end_match
    rng = random.Random(5)
    pool = ["a", "B", "Ủy", " ", "  ", "\n", "\t", "-", ",", ".", ";", "(", "[1]", "\"", "'", "!", "?", ":",
            "\n- ", " - ", "\n\n", "\n1. ", "\nb) ", "\nII. ", "\nUBND TỈNH", "\u00a0", "\u2003"]
    for _ in range(4000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 16)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        a, b = _ISSUER_END.search(text, start, end), _issuer_end_match(text, start, end)
        assert (a and a.span()) == (b and b.span()), (text, start, end)


def test_issuer_end_reads_the_words_after_the_segment_only_when_needed():
    from cchc_extract.doctypes import doc_types
    from cchc_extract.matchers.references import _issuer_end
    types = doc_types()
    vocab = sorted(types.issuer_stops)[:40] + sorted(types.words)[:40] + [
        "và", "các", "số", "Số", "1", "Ủy", "ban", "nhân", "dân", "tỉnh", "Sở", "Nội", "vụ", "kế", "Kế", "hoạch"]
    rng = random.Random(7)
    for _ in range(3000):
        words = " ".join(rng.choice(vocab) for _ in range(rng.randint(0, 14))).split()
        n = rng.randint(0, len(words))
        inside, extra = words[:n], words[n:][:5]
        assert _issuer_end(inside, n, types, lambda: extra) == _issuer_end(inside + extra, n, types)
