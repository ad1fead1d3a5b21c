"""Directives: who must do what (placeholder until the role rules land)."""
from __future__ import annotations

from .matchers import MatchContext
from .models import Directive, Document


def build_directives(doc: Document, ctx: MatchContext) -> list[Directive]:
    return []
