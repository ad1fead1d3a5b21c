"""Benchmark: how to find gazetteer names of bodies in a document.

Compares, on the corpus text replicated to a few MB (normalized as the pipeline
does), the techniques considered for the bodies matcher:

  phrasematcher  spaCy PhraseMatcher (attr=LOWER) on a blank tokenizer; the time
                 includes tokenizing the text (the matcher needs a Doc)
  regex-list     `regex` module, one pattern with a \\L<names> named list, IGNORECASE
  regex-trie     `regex` module, the names as a trie alternation, IGNORECASE
  re-trie        stdlib `re`, trie alternation over the lower-cased text (the runtime
                 scanner of cchc_extract.gazetteer, names + pattern anchors)
  bodies.find    the whole bodies matcher (scanner + anchored patterns + fields)

and prints seconds per MB (CPU time, best of N runs), the hits each technique
finds and their agreement with re-trie, plus import/load costs.

    .venv/bin/python bench/bodies_matcher.py [--mb 4] [--runs 3] [--no-spacy]
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def best_of(runs: int, fn):
    best, result = float("inf"), None
    for _ in range(runs):
        t = time.process_time()
        result = fn()
        best = min(best, time.process_time() - t)
    return best, result


def corpus_text(mb: float) -> str:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpora").glob("*.txt"))]
    one = "\n\n".join(texts) + "\n\n"
    return one * max(1, int(mb * 1e6 / len(one.encode("utf-8"))))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=4.0)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--no-spacy", action="store_true")
    args = ap.parse_args()

    t0 = time.process_time()
    from cchc_extract.gazetteer import load_gazetteer
    from cchc_extract.matchers import MatchContext
    from cchc_extract.matchers import bodies
    from cchc_extract.normalize import normalize
    from cchc_extract.rules import RuleSet
    from cchc_extract.trie import trie_pattern
    import regex
    t_import = time.process_time() - t0
    t_load, g = best_of(1, load_gazetteer)

    raw = corpus_text(args.mb)
    norm = normalize(raw)
    text = norm.text
    mb = len(raw.encode("utf-8")) / 1e6
    names = sorted(g.entries)                     # folded (lower-case) gazetteer names
    low = bodies.lower_same_length(text)
    rows: list[tuple[str, float, int]] = []
    spans: dict[str, set] = {}

    # stdlib re trie over lower-cased text: names only, to compare like with like
    rx_re = re.compile(r"(?<![\w/&-])(?:" + trie_pattern(names) + r")(?!\w)")
    dt, found = best_of(args.runs, lambda: [m.span() for m in rx_re.finditer(low)])
    rows.append(("re-trie (names)", dt / mb, len(found)))
    spans["re-trie (names)"] = set(found)

    rx_list = regex.compile(r"(?<![\w/&-])\L<names>(?!\w)", regex.V0 | regex.IGNORECASE, names=names)
    dt, found = best_of(args.runs, lambda: [m.span() for m in rx_list.finditer(text)])
    rows.append(("regex-list", dt / mb, len(found)))
    spans["regex-list"] = set(found)

    rx_trie = regex.compile(r"(?<![\w/&-])(?:" + trie_pattern(names) + r")(?!\w)", regex.V0 | regex.IGNORECASE)
    dt, found = best_of(args.runs, lambda: [m.span() for m in rx_trie.finditer(text)])
    rows.append(("regex-trie", dt / mb, len(found)))
    spans["regex-trie"] = set(found)

    t_spacy = None
    if not args.no_spacy:
        t = time.process_time()
        import spacy
        from spacy.matcher import PhraseMatcher
        t_spacy = time.process_time() - t
        nlp = spacy.blank("xx")
        nlp.max_length = len(text) + 1
        pm = PhraseMatcher(nlp.vocab, attr="LOWER")
        pm.add("BODY", [nlp.make_doc(n) for n in names])

        edge = re.compile(r"[\w/&-]")

        def run_pm():
            doc = nlp.make_doc(text)
            out = []
            for _, s, e in pm(doc):
                a, b = doc[s].idx, doc[e - 1].idx + len(doc[e - 1])
                # same boundaries as the regex ways: tokens inside "KH-UBND", "ĐBQH&HĐND" do not count
                if (a and edge.match(text, a - 1)) or (b < len(text) and text[b].isalnum()):
                    continue
                out.append((a, b))
            # the regex ways give leftmost-longest, non-overlapping hits; PhraseMatcher gives all
            kept, last_end = [], -1
            for a, b in sorted(out, key=lambda x: (x[0], -x[1])):
                if a >= last_end:
                    kept.append((a, b))
                    last_end = b
            return kept

        dt, found = best_of(args.runs, run_pm)
        rows.append(("phrasematcher (+tokenize)", dt / mb, len(found)))
        spans["phrasematcher (+tokenize)"] = set(found)
        doc = nlp.make_doc(text)
        dt, _ = best_of(args.runs, lambda: pm(doc))
        rows.append(("phrasematcher (match only)", dt / mb, len(found)))

    ctx = MatchContext(norm=norm, rules=RuleSet({}, {}, {}, None))
    dt, found = best_of(args.runs, lambda: bodies.find(ctx))
    rows.append(("bodies.find (whole matcher)", dt / mb, len(found)))

    print(f"text: {mb:.2f} MB (the corpus replicated), {len(names)} gazetteer names; "
          f"CPU seconds per MB, best of {args.runs}")
    print(f"{'technique':32s} {'s/MB':>8s} {'hits':>8s}  agreement with re-trie")
    ref = spans["re-trie (names)"]
    for name, spmb, n in rows:
        agree = ""
        if name in spans:
            s = spans[name]
            agree = f"{len(s & ref) / max(1, len(s | ref)):.3f}"
        print(f"{name:32s} {spmb:8.4f} {n:8d}  {agree}")
    print(f"import cchc_extract (gazetteer, matcher): {t_import:.3f}s; load rules/bodies.yaml: {t_load:.3f}s"
          + (f"; import spacy: {t_spacy:.3f}s" if t_spacy is not None else ""))


if __name__ == "__main__":
    main()
