"""Pydantic models of the extraction output.

Field names follow corpora/ANNOTATION.md. Every extracted object carries `text`
and `span` (start, end) into the original input, as decoded.
"""
# no `from __future__ import annotations`: pydantic reads the field types as objects instead of
# compiling and evaluating each annotation string at start-up
from collections import deque
from functools import lru_cache
from itertools import repeat

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

SCHEMA_VERSION = "1.1"

Span = tuple[int, int]

DocType = Literal[
    "cong_van", "ke_hoach", "thong_bao", "chi_thi", "quyet_dinh", "nghi_quyet",
    "bao_cao", "to_trinh", "huong_dan", "chuong_trinh", "cong_dien", "other",
]
RefType = Literal[
    "cong_van", "ke_hoach", "thong_bao", "chi_thi", "quyet_dinh", "nghi_quyet",
    "bao_cao", "to_trinh", "huong_dan", "chuong_trinh", "cong_dien", "other",
    "nghi_dinh", "thong_tu", "luat", "ket_luan", "quy_dinh", "de_an", "van_ban",
]
Level = Literal["central", "province", "district", "commune", "party", "other"]
Unit = Literal["percent", "count", "rank"]
Comparator = Literal["eq", "gt", "ge", "lt", "le"]
Change = Literal["increase", "decrease"]
# the gold format's values; a daily or weekly cycle has none, and says how often in `every` ("P1W")
Recurrence = Literal["monthly", "quarterly", "yearly"]
Modality = Literal["assign", "request", "encourage"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Located(_Model):
    text: str
    span: Span


class Entity(Located):
    id: str = ""
    rule: str = ""
    item: Optional[str] = None  # item path, "preamble", or None outside the body


class Reference(Entity):
    type: RefType
    number: Optional[str] = None
    symbol: Optional[str] = None
    date: Optional[str] = None
    issuer: Optional[str] = None
    title: Optional[str] = None
    suspect: bool = False


class DateMention(Entity):
    value: Optional[str] = None
    form: str = ""  # day, month, quarter, half, year, period, partial
    suspect: bool = False


class Body(Entity):
    canonical: str
    group: bool = False
    level: Level = "other"


class Target(Entity):
    value: float
    unit: Unit
    comparator: Comparator = "eq"
    change: Optional[Change] = None
    measure: str = ""


class Deadline(Entity):
    due: Optional[str] = None
    recurrence: Optional[Recurrence] = None
    # how often it recurs, as an ISO 8601 duration ("P1M", "P6M"): set with every recurrence,
    # and alone for a counted period that has no name ("định kỳ 6 tháng")
    every: Optional[str] = None
    resolved: bool = True
    # a period counted from an event ("trong thời hạn 05 ngày làm việc kể từ ngày nhận được"):
    # ISO 8601 duration ("P5D"); no calendar due date can be computed from the text alone
    within: Optional[str] = None
    working_days: bool = False
    # a lead time before an event ("trước ngày kiểm tra 03 ngày làm việc", "trước 5 ngày"): ISO 8601
    # duration; like `within`, no calendar due date, and working_days says which days count
    before: Optional[str] = None


class BodyRef(Located):
    body: Optional[str] = None  # id of the Body entity when it is one


class Directive(Located):
    id: str = ""
    item: Optional[str]   # null: in no item (a row of a markdown task table after the signature)
    lead: list[BodyRef] = Field(default_factory=list)
    support: list[BodyRef] = Field(default_factory=list)
    modality: Optional[Modality] = None
    lead_source: Optional[str] = None  # explicit, heading, preamble, recipients, table
    deadlines: list[str] = Field(default_factory=list)
    targets: list[str] = Field(default_factory=list)
    references: list[str] = Field(default_factory=list)


class Item(Located):
    label: str
    path: str
    kind: str  # roman, decimal, multilevel, ordinal (Một là), letter, dash, plus, bullet (• or *), dieu, row
    depth: int
    parent: Optional[str] = None
    ends: str = ""


class Footnote(Located):
    marker: str
    anchor: Optional[str] = None
    mark_span: Optional[Span] = None


class Segment(_Model):
    kind: str
    span: Span


class Signer(_Model):
    name: Optional[str] = None
    title: Optional[str] = None
    authority: Optional[str] = None


class Metadata(_Model):
    doc_type: Optional[DocType] = None
    number: Optional[str] = None
    symbol: Optional[str] = None
    issuer: Optional[str] = None
    parent_issuer: Optional[str] = None
    place: Optional[str] = None
    date: Optional[str] = None
    subject: Optional[str] = None
    recipients: list[str] = Field(default_factory=list)
    signer: Optional[Signer] = None
    distribution: Optional[list[str]] = None
    spans: dict[str, Span] = Field(default_factory=dict)


class Warning_(_Model):
    code: str
    message: str
    span: Optional[Span] = None


class Source(_Model):
    file: Optional[str] = None
    size: int = 0
    sha256: str = ""
    encoding: str = "utf-8"


class Document(_Model):
    schema_version: str = SCHEMA_VERSION
    source: Source = Field(default_factory=Source)
    metadata: Metadata = Field(default_factory=Metadata)
    segments: list[Segment] = Field(default_factory=list)
    items: list[Item] = Field(default_factory=list)
    footnotes: list[Footnote] = Field(default_factory=list)
    references: list[Reference] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    bodies: list[Body] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    deadlines: list[Deadline] = Field(default_factory=list)
    directives: list[Directive] = Field(default_factory=list)
    warnings: list[Warning_] = Field(default_factory=list)


ENTITY_KINDS = ("references", "dates", "bodies", "targets", "deadlines")


@lru_cache(maxsize=None)
def list_adapter(model: type) -> TypeAdapter:
    """A validator of list[model]: one call per list checks exactly what a constructor per element
    checks, for much less (built on first use: start-up time)."""
    return TypeAdapter(list[model])


@lru_cache(maxsize=None)
def list_validator(model: type):
    """The core validator of `list_adapter(model)`: its validate_python skips the adapter's
    Python-level wrapper (a cost per call, paid for each kind of each document)."""
    return list_adapter(model).validator


_CHUNK = 4096   # rows validated per call: bounds the fields sets alive at once (below)


def validate_rows(model: type, rows: list[dict]) -> list:
    """list[model] from rows, as `list_validator(model).validate_python(rows)` gives it, except
    that every instance given all its fields shares one fields set.

    pydantic gives each instance its own set of the field names it was given: 728 bytes for
    eight or more names, about half of an entity's memory, and a 50 MB document has 400,000
    entities.  A shared set of every name says the same thing, and an assignment adds a name it
    already holds.  (Do not mutate `model_fields_set` of an extracted entity in place.)"""
    validate = list_validator(model).validate_python
    if len(rows) <= _CHUNK:
        return _share_fields_set(model, rows, validate(rows))
    out: list = []
    for i in range(0, len(rows), _CHUNK):   # each chunk's own sets are freed before the next
        chunk = rows[i:i + _CHUNK]
        out += _share_fields_set(model, chunk, validate(chunk))
    return out


# the slot's own setter: object.__setattr__ would look the name up and check the type each call
_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__


def _share_fields_set(model: type, rows: list[dict], instances: list) -> list:
    full = _all_fields(model)
    n = len(full)
    # a row's keys are field names (extra="forbid"), so a row of n keys set every field
    if min(map(len, rows), default=n) == n:      # every row (most kinds): a loop in C
        deque(map(_set_fields_set, instances, repeat(full)), maxlen=0)
    else:
        for m, row in zip(instances, rows):
            if len(row) == n:
                _set_fields_set(m, full)
    return instances


@lru_cache(maxsize=None)
def _all_fields(model: type) -> set[str]:
    return set(model.model_fields)
