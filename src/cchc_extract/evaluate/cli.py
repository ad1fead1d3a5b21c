"""`cchc eval CORPUS`: extract every NAME.txt that has a NAME.gold.yaml and score it."""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from rich.console import Console

from ..errors import EXIT_EVAL_BELOW, EXIT_INTERNAL, EXIT_OK, GoldError, RuleError
from ..models import Document, Source
from ..reading import read_path
from . import report
from .gold import check_document_name, find_gold_files, gold_text_path, parse_gold, resolve_gold
from .scoring import add_raw, finalize, score_document
from .thresholds import check, default_thresholds_path, load_thresholds


@dataclass
class EvalRun:
    corpus: str
    scores: dict[str, Any] = field(default_factory=dict)
    per_doc: dict[str, dict[str, Any]] = field(default_factory=dict)
    details: dict[str, list] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


def _extract(text: str, source) -> Document:
    from ..pipeline import extract_text  # late: heavy
    return extract_text(text, source)


def _read_document(path: Path) -> tuple[str, Source]:
    """The text gold spans index: the file decoded from UTF-8 exactly (a BOM stays, as
    ANNOTATION.md says); a file that is not UTF-8 falls back to the reader's detection."""
    decoded, source = read_path(path)
    try:
        return path.read_bytes().decode("utf-8"), source
    except UnicodeDecodeError:
        return decoded.text, source


def evaluate_corpus(corpus: Path) -> EvalRun:
    """Score every gold file under corpus.  Gold problems raise GoldError (all files are
    checked before anything is extracted); an extractor crash is recorded, the document
    then scores as an empty prediction."""
    run = EvalRun(corpus=str(corpus))
    resolved = []
    for gp in find_gold_files(corpus):
        gold = parse_gold(gp)
        check_document_name(gp, gold)
        tp = gold_text_path(gp)
        if not tp.is_file():
            raise GoldError(f"{gp.name}: its document {tp.name} is missing")
        text, source = _read_document(tp)
        resolved.append((str(tp.relative_to(corpus)), resolve_gold(gp, gold, text), source))
    total: dict[str, Any] = {}
    for name, gd, source in resolved:
        try:
            pred = _extract(gd.text, source)
        except RuleError:
            raise  # broken rule files: a configuration error, the same for every document
        except Exception as exc:  # noqa: BLE001 - one extractor bug must not hide every score
            run.errors.append(f"{name}: extractor crashed: {type(exc).__name__}: {' '.join(str(exc).split())[:200]}")
            pred = Document()
        raw, details = score_document(gd, pred)
        add_raw(total, raw)
        run.per_doc[name] = finalize(raw)
        run.details[name] = details
    run.scores = finalize(total)
    return run


def run_eval(corpus: Path, as_json: bool = False, thresholds: Optional[Path] = None, gate: bool = True,
             per_doc: bool = False, baseline: Optional[Path] = None, errors: Optional[str] = None) -> int:
    """Print the scores; return 0, EXIT_EVAL_BELOW when a threshold is not met (and gate is on),
    or EXIT_INTERNAL when the extractor crashed on a document."""
    base = None
    if baseline is not None:  # read first: a bad baseline fails before the long run
        from .baseline import load_baseline
        base = load_baseline(baseline)
    run = evaluate_corpus(Path(corpus))
    tpath = thresholds or default_thresholds_path()
    gates = check(run.scores, load_thresholds(tpath)) if tpath else []
    failed = [g for g in gates if not g.ok]
    if as_json:
        out = {"corpus": run.corpus, "documents": list(run.per_doc), "scores": run.scores,
               "gates": [g.as_json() for g in gates], "passed": not failed, "errors": run.errors,
               "per_doc": run.per_doc, "details": run.details}
        if base is not None:
            from .baseline import diff
            out["baseline"] = diff(base, run.scores, run.details)
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=1) + "\n")
    else:
        # piped output keeps whole tables instead of rich's 80-column default
        console = Console(width=None if sys.stdout.isatty() else 120)
        report.print_scores(console, run.scores, f"{Path(run.corpus).name or run.corpus} ({len(run.per_doc)} documents)")
        if per_doc:
            report.print_per_doc(console, run.per_doc)
        if errors:
            report.print_errors(console, run.details, {k.strip() for k in errors.split(",") if k.strip()})
        if base is not None:
            from .baseline import print_baseline
            print_baseline(console, Path(baseline).name, base, run)
        if gates:
            console.print(report.gates_table(gates))
        elif tpath is None:
            console.print("no thresholds.yaml found: no gate applied")
    for e in run.errors:
        print(f"cchc eval: {e}", file=sys.stderr)
    if failed:
        names = ", ".join(f"{g.metric} {g.value:.3f} < {g.minimum:.2f}" for g in failed)
        print(f"cchc eval: {len(failed)} threshold(s) not met: {names}", file=sys.stderr)
    if run.errors:
        return EXIT_INTERNAL
    return EXIT_EVAL_BELOW if failed and gate else EXIT_OK
