"""A persistent cache of compiled regular expressions and parsed YAML, to make start-up fast.

Compiling the rule, lexicon and gazetteer patterns is most of a cold start.
A `regex` Pattern pickles its compiled code, so unpickling it skips parsing;
for stdlib `re` we keep the compiled code ourselves and rebuild the Pattern
with `_sre.compile`, as `re._compiler.compile` does.  Entries are keyed by
the exact pattern text and flags, and the file by the Python and `regex`
versions, so a stale entry can never be used: the cache is never required for
correctness.  Parsed rule files are kept by a hash of their bytes.  The cache
is written once at exit when something new was compiled or parsed, with only
the entries that process used: an edited rule file or an upgrade leaves stale
patterns behind (the gazetteer's scanner alone is hundreds of kB), and a file
that kept them would grow with every edit and cost memory and time at each
start.  A process that uses fewer patterns drops the others only when it
compiled something new; they are compiled again once, when next needed.

CCHC_CACHE_DIR overrides the folder (default: $XDG_CACHE_HOME/cchc-extract);
CCHC_NO_PATTERN_CACHE=1 disables it.
"""
from __future__ import annotations

import atexit
import hashlib
import os
import pickle
import re
import sys
import tempfile
from array import array
from pathlib import Path
from typing import Any, Callable, Optional

import regex

from .re_compat import NEEDS_REWRITE, atomic_possessives

_CODE_UNIT = array("I")     # an _sre code unit (_sre.CODESIZE bytes), where "I" has that size

_entries: dict[tuple, Any] | None = None   # key -> regex Pattern, or the parts of an re Pattern
_used: set[tuple] = set()
_live: dict[tuple, re.Pattern] = {}         # re Patterns already rebuilt in this process
_dirty = False
_registered: list = []   # the atexit hook, once


def _enabled() -> bool:
    return os.environ.get("CCHC_NO_PATTERN_CACHE", "") in ("", "0")


def _path() -> Path:
    base = os.environ.get("CCHC_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"),
        "cchc-extract")
    # the exact interpreter: compiled `re` code changes between bug-fix releases (3.11.5 compiles
    # possessive quantifiers differently), so a cache must never cross them
    ver = f"py{'.'.join(map(str, sys.version_info[:3]))}-regex{regex.__version__}"
    if NEEDS_REWRITE:
        ver += "-atomic"   # code from the rewritten trees (re_compat.py), never from plain ones
    return Path(base) / f"patterns-{ver}.pickle"


def _load() -> dict[tuple, Any]:
    global _entries
    if _entries is None:
        _entries = {}
        if _enabled():
            try:
                with open(_path(), "rb") as fh:
                    data = pickle.load(fh)
                if isinstance(data, dict):
                    _entries = data
            except Exception:  # noqa: BLE001 - a missing or broken cache is just empty
                _entries = {}
            if not _registered:
                _registered.append(atexit.register(_save))
    return _entries


def _save() -> None:
    """Write the cache atomically (a concurrent writer may win: both files are valid)."""
    if not _dirty or not _enabled() or _entries is None:
        return
    keep = {k: _entries[k] for k in _used if k in _entries}   # stale entries go (see above)
    path = _path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".patterns.", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(keep, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except Exception:  # noqa: BLE001 - a read-only home must not break a run
        try:
            os.unlink(tmp)
        except Exception:  # noqa: BLE001
            pass


def _remember(key: tuple, value: Any) -> None:
    global _dirty
    _entries[key] = value
    _used.add(key)
    _dirty = True


_SOURCES: dict[str, str] = {}


def _source_version(path: Optional[str]) -> str:
    """A hash of the calling module's source: an edit of the code that derives a value (the
    builder, or the module's helpers it calls) makes its cached value a miss, never a stale hit."""
    if not path:
        return ""
    v = _SOURCES.get(path)
    if v is None:
        try:
            v = hashlib.blake2b(Path(path).read_bytes(), digest_size=8).hexdigest()
        except OSError:
            v = ""
        _SOURCES[path] = v
    return v


def cached(kind: str, key: Any, build: Callable[[], Any]) -> Any:
    """build(), kept in the cache under (kind, the caller's source version, key): for derived
    data that every start would rebuild the same (a trie of names, a character class).  key and
    value must pickle; the value is shared, so callers must not change it."""
    entries = _load()
    k = ("value", kind, _source_version(sys._getframe(1).f_globals.get("__file__")), key)
    if k in entries:
        _used.add(k)
        return entries[k]
    value = build()
    _remember(k, value)
    return value


def compile_regex(pattern: str, flags: int = 0) -> Any:
    """regex.compile(pattern, flags), from the cache when possible."""
    entries = _load()
    key = ("regex", pattern, int(flags))
    hit = entries.get(key)
    if hit is not None:
        _used.add(key)
        return hit
    rx = regex.compile(pattern, flags)
    _remember(key, rx)
    return rx


def compile_re(pattern: str, flags: int = 0) -> re.Pattern:
    """re.compile(pattern, flags), from the cache when possible."""
    entries = _load()
    flags = int(flags)
    key = ("re", pattern, flags)
    if key in _live:
        return _live[key]
    parts = entries.get(key)
    if parts is not None:
        try:
            rx = _live[key] = _sre_build(pattern, parts)
            _used.add(key)
            return rx
        except Exception:  # noqa: BLE001 - an incompatible entry: compile afresh
            pass
    try:
        parts = _re_parts(pattern, flags)   # raises re.error for bad patterns, as callers expect
        rx = _sre_build(pattern, parts)
    except re.error:
        raise
    except Exception:  # noqa: BLE001 - private API changed: compile the public way, uncached
        if NEEDS_REWRITE:
            raise   # re.compile would mis-match possessive repeats: better to fail loudly
        return re.compile(pattern, flags)
    _remember(key, parts)
    _live[key] = rx
    return rx


def _re_parts(pattern: str, flags: int) -> tuple:
    """What re._compiler.compile passes to _sre.compile (Python 3.11+ internals), the code as the
    bytes of an unsigned 32-bit array (_sre's code units): a list of ints unpickles int by int,
    the cache's largest cost at start-up."""
    import _sre
    from re import _compiler, _parser

    p = _parser.parse(pattern, flags)
    if NEEDS_REWRITE:   # 3.11.0-3.11.4 mis-match possessive repeats (re_compat.py)
        atomic_possessives(p)
    code = [int(c) for c in _compiler._code(p, flags)]  # opcodes are int subclasses that do not pickle
    if _CODE_UNIT.itemsize == _sre.CODESIZE:
        code = array(_CODE_UNIT.typecode, code).tobytes()
    groupindex = dict(p.state.groupdict)
    indexgroup = [None] * p.state.groups
    for k, i in groupindex.items():
        indexgroup[i] = k
    return (int(flags | p.state.flags), code, p.state.groups - 1, groupindex, tuple(indexgroup))


def _sre_build(pattern: str, parts: tuple) -> re.Pattern:
    import _sre

    flags, code, groups, groupindex, indexgroup = parts
    if isinstance(code, bytes):         # (see _re_parts; _sre.compile wants a list)
        code = array(_CODE_UNIT.typecode, code).tolist()
    return _sre.compile(pattern, flags, code, groups, groupindex, indexgroup)


def load_yaml(path: Path, loader: Optional[type] = None) -> Any:
    """yaml.load of the file with loader (default SafeLoader), cached by content hash.

    Raises OSError / UnicodeDecodeError / yaml.YAMLError like reading and loading would;
    each call returns fresh objects (the callers may change them)."""
    import yaml

    loader = loader or yaml.SafeLoader
    data = Path(path).read_bytes()
    entries = _load()
    key = ("yaml", loader.__name__, hashlib.sha256(data).hexdigest())
    blob = entries.get(key)
    if blob is None:
        blob = pickle.dumps(yaml.load(data.decode("utf-8"), Loader=loader),
                            protocol=pickle.HIGHEST_PROTOCOL)
        _remember(key, blob)
    _used.add(key)
    return pickle.loads(blob)
