"""Gold files: a strict model of NAME.gold.yaml and span resolution (ANNOTATION.md).

Resolution rule: a given `span` is used as is (for located kinds it must hold
`text` exactly); otherwise `text` is searched from the end of the previous
entity of the same kind.  Items and footnotes may quote text that differs from
the source (marks and markup removed, page breaks rejoined), so for them the
slice is not checked and a failed exact search falls back to a search on
letters and digits only (see `Skeleton`).  Anything that still cannot be found
makes the gold file invalid: GoldError, never a silent skip.
"""
from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Optional, Union

import regex
import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from ..errors import GoldError, UnreadableError
from ..models import Change, Comparator, DocType, Level, Modality, Recurrence, RefType, Unit

Span = tuple[int, int]
LOCATED_KINDS = ("references", "dates", "bodies", "targets", "deadlines")
REGION_KINDS = ("items", "footnotes")


class _Gold(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _Located(_Gold):
    text: str
    span: Optional[Span] = None

    @field_validator("span")
    @classmethod
    def _ordered(cls, v: Optional[Span]) -> Optional[Span]:
        if v is not None and not (0 <= v[0] <= v[1]):
            raise ValueError(f"span {list(v)} is not [start, end] with 0 <= start <= end")
        return v

    @field_validator("text")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("text is empty")
        return v


class GoldReference(_Located):
    type: RefType
    number: Optional[str] = None
    symbol: Optional[str] = None
    date: Optional[str] = None
    issuer: Optional[str] = None
    suspect: bool = False


class GoldDate(_Located):
    value: Optional[str] = None
    suspect: bool = False


class GoldBody(_Located):
    group: bool = False
    level: Optional[Level] = None


class GoldTarget(_Located):
    value: Union[int, float]
    unit: Unit
    comparator: Comparator = "eq"
    change: Optional[Change] = None


class GoldDeadline(_Located):
    due: Optional[str] = None
    recurrence: Optional[Recurrence] = None
    item: Optional[str] = None


class GoldItem(_Located):
    label: str
    path: str
    ends: Optional[str] = None


class GoldFootnote(_Located):
    marker: str
    anchor: Optional[str] = None


class GoldAssignment(_Gold):
    item: str
    lead: list[str] = []
    support: list[str] = []
    modality: Optional[Modality] = None


class GoldSigner(_Gold):
    name: Optional[str] = None
    title: Optional[str] = None
    authority: Optional[str] = None


class GoldMetadata(_Gold):
    doc_type: Optional[DocType] = None
    number: Optional[str] = None
    symbol: Optional[str] = None
    issuer: Optional[str] = None
    parent_issuer: Optional[str] = None
    place: Optional[str] = None
    date: Optional[str] = None
    subject: Optional[str] = None
    recipients: Optional[list[str]] = None
    signer: Optional[GoldSigner] = None
    distribution: Optional[list[str]] = None


class GoldFile(_Gold):
    """One NAME.gold.yaml.  A missing list (None) means "not annotated": not scored."""

    document: str
    structure: Optional[Literal["lossy"]] = None
    metadata: Optional[GoldMetadata] = None
    items: Optional[list[GoldItem]] = None
    footnotes: Optional[list[GoldFootnote]] = None
    references: Optional[list[GoldReference]] = None
    dates: Optional[list[GoldDate]] = None
    bodies: Optional[list[GoldBody]] = None
    targets: Optional[list[GoldTarget]] = None
    deadlines: Optional[list[GoldDeadline]] = None
    assignments: Optional[list[GoldAssignment]] = None
    notes: Optional[str] = None

    @property
    def lossy(self) -> bool:
        return self.structure == "lossy"


@dataclass
class GoldDoc:
    """A gold file with every located entity's span resolved (`spans[kind][i]`)."""

    name: str
    text: str
    gold: GoldFile
    spans: dict[str, list[Span]] = field(default_factory=dict)


# --- letters-and-digits view -------------------------------------------------

_ALNUM = regex.compile(r"[\p{L}\p{M}\p{Nd}]++")


def letters_digits(s: str) -> str:
    """NFC letters and digits of s, everything else dropped (marks, markup, spaces, punctuation)."""
    return "".join(_ALNUM.findall(unicodedata.normalize("NFC", s)))


class Skeleton:
    """The document's letters and digits, with a map back to original offsets."""

    def __init__(self, text: str):
        self._orig: list[int] = []   # original start of each run
        self._sk: list[int] = []     # skeleton start of each run
        parts, n = [], 0
        for m in _ALNUM.finditer(text):
            self._orig.append(m.start())
            self._sk.append(n)
            parts.append(m.group())
            n += m.end() - m.start()
        self.text = "".join(parts)

    def _to_sk(self, pos: int) -> int:
        i = bisect_left(self._orig, pos)
        return self._sk[i] if i < len(self._sk) else len(self.text)

    def _to_orig(self, k: int) -> int:
        i = bisect_right(self._sk, k) - 1
        return self._orig[i] + (k - self._sk[i])

    def find(self, needle: str, start: int) -> Optional[Span]:
        """Original span from the first to the last letter/digit of needle, searching from start."""
        sk = letters_digits(needle)
        if not sk:
            return None
        k = self.text.find(sk, self._to_sk(start))
        if k < 0:
            return None
        return self._to_orig(k), self._to_orig(k + len(sk) - 1) + 1


# --- loading -------------------------------------------------------------------


def _where(path: Path, kind: str, i: int, text: str) -> str:
    return f"{path.name}: {kind}[{i}] (0-based) text {text[:80]!r}"


def _resolve(path: Path, doc: str, kind: str, entities: list, skeleton: Optional[Skeleton]) -> list[Span]:
    spans: list[Span] = []
    pos = 0
    for i, ent in enumerate(entities):
        if ent.span is not None:
            s, e = ent.span
            if e > len(doc):
                raise GoldError(f"{_where(path, kind, i, ent.text)}: span [{s}, {e}] is past the end "
                                f"of the document ({len(doc)} characters)")
            if skeleton is None and doc[s:e] != ent.text:
                raise GoldError(f"{_where(path, kind, i, ent.text)}: span [{s}, {e}] holds "
                                f"{doc[s:e][:80]!r}, not the text")
            # items/footnotes: a region span may hold children; continue after the quoted words
            pos = e if skeleton is None else min(e, s + len(ent.text))
        else:
            s = doc.find(ent.text, pos)
            if s >= 0:
                e = s + len(ent.text)
            elif skeleton is not None and (found := skeleton.find(ent.text, pos)) is not None:
                s, e = found
            else:
                raise GoldError(f"{_where(path, kind, i, ent.text)}: not found in the document "
                                f"after offset {pos} (end of the previous {kind} entry)")
            pos = e
        spans.append((s, e))
    return spans


def _validation_message(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        loc = ".".join(str(x) for x in err["loc"])
        parts.append(f"{loc}: {err['msg']}")
    more = f" (+{exc.error_count() - 5} more)" if exc.error_count() > 5 else ""
    return "; ".join(parts) + more


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that rejects a key given twice in one mapping (YAML keeps the last silently)."""


def _no_duplicates(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(None, None, f"key {key!r} given twice",
                                                    key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _no_duplicates)


def parse_gold(path: Path) -> GoldFile:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_StrictLoader)  # noqa: S506 - safe loader
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise GoldError(f"{path.name}: cannot read gold file: {' '.join(str(exc).split())[:200]}") from None
    if not isinstance(data, dict):
        raise GoldError(f"{path.name}: a gold file is a YAML mapping")
    try:
        return GoldFile.model_validate(data)
    except ValidationError as exc:
        raise GoldError(f"{path.name}: invalid gold file: {_validation_message(exc)}") from None


def resolve_gold(path: Path, gold: GoldFile, text: str) -> GoldDoc:
    """Resolve every entity's span in `text` (the document as decoded)."""
    doc = GoldDoc(name=gold.document, text=text, gold=gold)
    skeleton: Optional[Skeleton] = None
    for kind in REGION_KINDS + LOCATED_KINDS:
        entities = getattr(gold, kind)
        if entities is None:
            continue
        if kind in REGION_KINDS and skeleton is None:
            skeleton = Skeleton(text)
        doc.spans[kind] = _resolve(path, text, kind, entities, skeleton if kind in REGION_KINDS else None)
        if kind in LOCATED_KINDS:
            _check_no_overlap(path, kind, entities, doc.spans[kind])
    seen: set[str] = set()
    for i, a in enumerate(gold.assignments or []):
        if a.item in seen:  # one entry per item: a second one would be scored as the same item
            raise GoldError(f"{path.name}: assignments[{i}] (0-based): item {a.item!r} has an entry already")
        seen.add(a.item)
    return doc


def _check_no_overlap(path: Path, kind: str, entities: list, spans: list[Span]) -> None:
    """ANNOTATION.md: entities of one kind never overlap (a wrong span or a doubled entry)."""
    order = sorted(range(len(spans)), key=lambda i: spans[i])
    for a, b in zip(order, order[1:]):
        if spans[b][0] < spans[a][1]:
            raise GoldError(f"{_where(path, kind, b, entities[b].text)}: span {list(spans[b])} overlaps "
                            f"{kind}[{a}] {entities[a].text[:60]!r} at {list(spans[a])}")


def gold_text_path(gold_path: Path) -> Path:
    """NAME.gold.yaml -> NAME.txt beside it."""
    return gold_path.with_name(gold_path.name[: -len(".gold.yaml")] + ".txt")


def find_gold_files(corpus: Path) -> list[Path]:
    if not corpus.is_dir():
        raise UnreadableError(f"{corpus}: not a folder of NAME.txt + NAME.gold.yaml files")
    files = sorted(corpus.rglob("*.gold.yaml"))
    if not files:
        raise GoldError(f"{corpus}: no *.gold.yaml file found")
    return files


def check_document_name(gold_path: Path, gold: GoldFile) -> None:
    expected = gold_text_path(gold_path).name
    if Path(gold.document).name != expected:
        raise GoldError(f"{gold_path.name}: document is {gold.document!r}, expected {expected!r}")
