"""Matcher for dates (placeholder until its rules land)."""
from __future__ import annotations

from . import Found, MatchContext


def find(ctx: MatchContext) -> list[Found]:
    return []
