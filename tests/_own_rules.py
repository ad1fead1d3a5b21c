"""Load only the deadline/target rule files (and the shared fragments they use: numbers in words), so
these tests do not depend on other kinds' YAML."""
from __future__ import annotations

import shutil
from pathlib import Path

from cchc_extract.matchers import MatchContext, select
from cchc_extract.normalize import normalize
from cchc_extract.rules import load_rules

RULES = Path(__file__).resolve().parents[1] / "rules"
OWN_FILES = ("_fragments.yaml", "_fragments_time.yaml", "deadlines.yaml", "targets.yaml")


def own_rules(tmp_dir: Path):
    for name in OWN_FILES:
        shutil.copy(RULES / name, tmp_dir / name)
    return load_rules(tmp_dir)


def run(find, rules, text: str, doc_date: str | None = None):
    """(winners as (text, fields), warnings) of one matcher over text."""
    norm = normalize(text)
    ctx = MatchContext(norm=norm, rules=rules, doc_date=doc_date)
    winners, _ = select(find(ctx))
    return [(norm.original_slice(w.start, w.end), w.fields) for w in winners], ctx.warnings
