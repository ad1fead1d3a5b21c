"""Document types as data: type word -> RefType, type code -> RefType.

The table lives in ``rules/_doctypes.yaml`` (NĐ 30/2020 Điều 7 and Phụ lục III,
legal normative acts, Party documents); this module only loads and queries it.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional, get_args

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import RuleError
from .models import RefType
from .rules import rules_dir
from .startup_cache import load_yaml

REF_TYPES = frozenset(get_args(RefType))


class _DocTypesSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    description: str = ""
    words: dict[str, str]
    codes: dict[str, str]
    issuer_stops: list[str] = Field(default_factory=list)


@dataclass(frozen=True)
class DocTypes:
    words: dict[str, str]          # lower-case, single-spaced type word -> type
    codes: dict[str, str]          # type code as in Phụ lục III -> type
    codes_upper: dict[str, str]    # upper-cased code -> type (codes are also printed in capitals)
    issuer_stops: frozenset[str]   # lower-case words/phrases that end an issuer
    first_words: frozenset[str]    # first words of the type words: a cheap test before a lookup

    def type_of_word(self, word: str) -> Optional[str]:
        """Type of a type word as written ('Chương trình  hành động' -> chuong_trinh)."""
        key = " ".join(word.lower().split())
        while key:
            if key in self.words:
                return self.words[key]
            key = key.rpartition(" ")[0]  # drop the last word: longest known prefix
        return None

    def type_of_code(self, code: str) -> Optional[str]:
        return self.codes.get(code) or self.codes_upper.get(code.upper())

    def code_prefix(self, token: str) -> Optional[str]:
        """The longest type code that `token` starts with (QĐUBND -> QĐ), if any."""
        for n in range(min(len(token), 4), 0, -1):
            head = token[:n]
            if head in self.codes or head.upper() in self.codes_upper:
                return head
        return None

    def type_of_symbol(self, symbol: str) -> Optional[str]:
        """Type from the type code of a symbol: KH-UBND, 208-KH/TU -> KH; 2020/NĐ-CP -> NĐ."""
        for token in _codes_of(symbol):
            if not token or token.isdigit():
                continue
            return self.type_of_code(token)
        return None

    def issuer_code(self, symbol: str) -> Optional[str]:
        """The issuer's code in a symbol (its first part that is no year and no type code, term
        number dropped): 2025/QH15 -> QH; NQ-CP -> CP; UBND-KSTT -> UBND; 45-CT/TU -> TU."""
        for token in _codes_of(symbol):
            if not token or token.isdigit() or self.type_of_code(token) is not None:
                continue
            return token.rstrip("0123456789").upper() or None
        return None


def _codes_of(symbol: str) -> list[str]:
    """regex.split(r"[/-]", symbol) without the engine: the parts between "/" and "-"."""
    return symbol.replace("-", "/").split("/")


def _load(path: Path) -> DocTypes:
    problems: list[str] = []
    try:
        spec = _DocTypesSpec.model_validate(load_yaml(path))
    except (OSError, yaml.YAMLError) as exc:
        raise RuleError([f"{path.name}: {exc}"]) from exc
    except ValidationError as exc:
        raise RuleError([f"{path.name}: {e['loc']}: {e['msg']}" for e in exc.errors()]) from exc
    for table in (spec.words, spec.codes):
        for k, v in table.items():
            if v not in REF_TYPES:
                problems.append(f"{path.name}: {k}: unknown type {v!r}")
    if problems:
        raise RuleError(problems)
    words = {" ".join(k.lower().split()): v for k, v in spec.words.items()}
    stops = frozenset(" ".join(s.lower().split()) for s in spec.issuer_stops)
    return DocTypes(words, dict(spec.codes), {k.upper(): v for k, v in spec.codes.items()}, stops,
                    frozenset(w.split()[0] for w in words))


@lru_cache(maxsize=4)
def doc_types(directory: str | None = None) -> DocTypes:
    base = Path(directory) if directory else rules_dir()
    return _load(base / "_doctypes.yaml")
