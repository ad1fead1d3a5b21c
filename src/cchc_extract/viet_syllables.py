"""How Vietnamese does a text read?  The share of its accented words that are
well-formed Vietnamese syllables.

Used to choose between candidate decodings: a wrong table turns letters into
symbols (``µ``, ``§``), foreign letters (``ñ``, ``Ö``) or impossible vowel
clusters, while the right one yields syllables of the form
onset + vowel nucleus + final with at most one tone mark.  Only words with a
non-ASCII letter count: plain ASCII reads the same under every candidate.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

from .startup_cache import compile_regex

_TONES = "\u0300\u0301\u0303\u0309\u0323"
_STRIP_TONES = str.maketrans("", "", _TONES)

_ONSET = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
# vowel nuclei with their glides (tone-free); longest first
_NUCLEI = sorted("""
a ă â e ê i o ô ơ u ư y
ai ao au ay âu ây eo êu ia iu iê oa oă oe oi oo ôi ơi ua uâ uê ui uô uơ uy ưa ưi ưu ươ yê
iêu yêu oai oao oay oeo uây uôi ươi ươu uya uyê uyu
""".split(), key=len, reverse=True)
_FINAL = r"(?:ch|ng|nh|[cmnpt])?"
_SYLLABLE = compile_regex(_ONSET + "(?:" + "|".join(_NUCLEI) + ")" + _FINAL)
# the same syllables typed without any mark ("truoc", "nguoi", "duong"): their letters bare
_BARE = str.maketrans("ăâêôơưđ", "aaeooud")
_BARE_SYLLABLE = compile_regex(
    _ONSET.translate(_BARE) + "(?:" + "|".join(sorted({n.translate(_BARE) for n in _NUCLEI}, key=len, reverse=True))
    + ")" + _FINAL)

# words: runs of letters and combining marks (legacy symbols such as µ are
# letters too, and then fail the syllable test)
_WORD = compile_regex(r"[\p{L}\p{M}]+")
_NON_ASCII = compile_regex(r"[^\x00-\x7f]")


@lru_cache(maxsize=65536)
def is_syllable(word: str) -> bool:
    """A (lower-case or not) word is one well-formed Vietnamese syllable."""
    w = unicodedata.normalize("NFD", word.lower())
    if sum(w.count(t) for t in _TONES) > 1:
        return False
    base = unicodedata.normalize("NFC", w.translate(_STRIP_TONES))
    return _SYLLABLE.fullmatch(base) is not None


@lru_cache(maxsize=65536)
def is_bare_syllable(word: str) -> bool:
    """A plain ASCII word that is a Vietnamese syllable typed without its marks."""
    return _BARE_SYLLABLE.fullmatch(word.lower()) is not None


def score(text: str, limit: int = 200_000) -> tuple[float, int]:
    """(share of accented words that are syllables, number of accented words)
    over the first `limit` characters."""
    sample = unicodedata.normalize("NFC", text[:limit])
    words = [w for w in _WORD.findall(sample) if _NON_ASCII.search(w)]
    if not words:
        return 0.0, 0
    good = sum(1 for w in words if is_syllable(w))
    return good / len(words), len(words)
