"""Possessive quantifiers on CPython 3.11.0-3.11.4, rewritten as atomic groups.

Before 3.11.5 the stdlib `re` engine mis-matches a possessive repeat whose body can backtrack
(CPython gh-106052 and gh-100061: `re.fullmatch('(?:ab?c)*+', 'a')` matches).  The same engines
run an atomic group around a greedy repeat correctly, and `X*+` means `(?>X*)` (the documented
equivalence, and the form 3.11.5's first fix compiled to).  Debian 12's python3 is 3.11.2, built
with PGO and LTO and faster than a plain build, so there the parse trees of the patterns compiled
through startup_cache.compile_re are rewritten before they are compiled.
`tests/test_re_compat.py` checks the rewrite against the `regex` module on random patterns.
"""
from __future__ import annotations

import sys
from typing import Any

# the interpreters whose compiler emits the faulty POSSESSIVE_REPEAT code
NEEDS_REWRITE = (3, 11) <= sys.version_info[:3] < (3, 11, 5)


def atomic_possessives(sub: Any) -> Any:
    """The parse tree `sub` (re._parser.SubPattern) with every possessive repeat `X{m,n}+`
    replaced, in place, by `(?>X{m,n})`; returns `sub`."""
    from re import _constants as c, _parser

    def fix(seq: Any) -> None:
        data = seq.data
        for i, (op, av) in enumerate(data):
            if op is c.POSSESSIVE_REPEAT:
                lo, hi, body = av
                fix(body)
                data[i] = (c.ATOMIC_GROUP, _parser.SubPattern(seq.state, [(c.MAX_REPEAT, (lo, hi, body))]))
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
                fix(av[2])
            elif op is c.SUBPATTERN:
                fix(av[3])
            elif op in (c.ATOMIC_GROUP,):
                fix(av)
            elif op in (c.ASSERT, c.ASSERT_NOT):
                fix(av[1])
            elif op is c.BRANCH:
                for alt in av[1]:
                    fix(alt)
            elif op is c.GROUPREF_EXISTS:
                fix(av[1])
                if av[2] is not None:
                    fix(av[2])

    fix(sub)
    return sub
