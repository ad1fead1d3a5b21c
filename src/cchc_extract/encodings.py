"""Bytes to Unicode text, whatever the encoding the document came in.

Order of decisions (each one cheap on the common case, a clean UTF-8 file):

1. ``--encoding NAME`` forces a decoder.
2. A BOM: UTF-8, UTF-32, UTF-16.  UTF-16 without BOM is recognised by its NUL
   pattern; any other NUL byte means binary (NotTextError).
3. Valid UTF-8: kept, unless it is legacy text that travelled inside UTF-8
   (a TCVN3/VNI/VISCII file read as Windows-1252 and saved as UTF-8: converted,
   W102) or double-encoded UTF-8 mojibake (repaired, W103).
4. Not UTF-8: Windows-1258, TCVN3, VNI and VISCII are each tried and scored
   by how Vietnamese the result reads (viet_syllables); a clear winner is
   used (W102), otherwise EncodingError names what was tried and how to force.

Decoded.text is the text the pipeline treats as the original: spans point into it.
"""
from __future__ import annotations

import codecs

import regex

from . import diagnostics
from .errors import EncodingError, NotTextError
from .legacy_tables import TCVN3_BYTES, VISCII_BYTES, VNI_SINGLES, vni_sequences
from .reading import Decoded
from .startup_cache import compile_re, compile_regex
from .viet_syllables import score

# --- legacy decoders over "byte characters" (a str of U+0000..U+00FF) -----------

_CP1252_C1 = {}  # U+0080..U+009F -> the Windows-1252 character of that byte
_TO_BYTE_CHAR = {}  # Windows-1252 character -> its byte as a character
for _b in range(0x80, 0xA0):
    try:
        _c = bytes([_b]).decode("cp1252")
    except UnicodeDecodeError:
        continue
    _CP1252_C1[_b] = _c
    _TO_BYTE_CHAR[ord(_c)] = chr(_b)

_TCVN3 = {**_CP1252_C1, **TCVN3_BYTES}
_VISCII = dict(VISCII_BYTES)
# one pass, longest first: a letter made by a pair is never read again as a single
_VNI_SEQ = {**{chr(b): c for b, c in _CP1252_C1.items()}, **VNI_SINGLES, **vni_sequences()}
_VNI_ANY = compile_regex("|".join(regex.escape(s) for s in sorted(_VNI_SEQ, key=len, reverse=True)))


def _vni(chars: str) -> str:
    return _VNI_ANY.sub(lambda m: _VNI_SEQ[m.group()], chars)


LEGACY = {  # name -> (label for messages, decoder of byte characters)
    "tcvn3": ("TCVN3 (ABC, .VnTime fonts)", lambda s: s.translate(_TCVN3)),
    "vni": ("VNI-Windows (VNI-Times fonts)", _vni),
    "viscii": ("VISCII", lambda s: s.translate(_VISCII)),
}
LABELS = {"cp1258": "Windows-1258", "utf-16": "UTF-16", "utf-32": "UTF-32", **{k: v[0] for k, v in LEGACY.items()}}

ALIASES = {
    "tcvn3": "tcvn3", "abc": "tcvn3", "vn3": "tcvn3", "tcvn": "tcvn3", "tcvn5712": "tcvn3",
    "vntime": "tcvn3", "vni": "vni", "vniwindows": "vni", "vnitimes": "vni",
    "viscii": "viscii", "cp1258": "cp1258", "windows1258": "cp1258",
}


def to_byte_chars(text: str) -> str:
    """Undo a Windows-1252/Latin-1 reading: each character back to its byte (as a
    character); characters outside both code pages stay as they are."""
    return text.translate(_TO_BYTE_CHAR)


# --- scoring ----------------------------------------------------------------

MIN_SCORE = 0.80      # a candidate must read this Vietnamese ...
MIN_GAIN = 0.20       # ... and beat the text as it stands by this much ...
MIN_MARGIN = 0.05     # ... and the runner-up by this much
MIN_WORDS = 3
SAMPLE = 200_000

# characters that a mis-read legacy file shows and real Vietnamese never uses (stdlib re:
# about 5x faster than regex on a plain character class, and every input passes here)
_LEGACY_SIGNS = compile_re(r"[\u0080-\u009f\u00a1-\u00bf\u00c4-\u00c8\u00cb\u00ce-\u00d1\u00d6-\u00d8"
                              r"\u00db\u00dc\u00de\u00df\u00e4-\u00e8\u00eb\u00ee-\u00f1\u00f6-\u00f8"
                              r"\u00fb\u00fc\u00fe\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
                              r"\u02c6\u02dc\u2030\u2122]")
SIGN_SHARE = 0.02     # share of the non-ASCII characters that must be such signs


def _best(candidates: dict[str, str], baseline: float) -> tuple[str | None, list[tuple[float, str]]]:
    """The clearly best candidate name (or None) and the ranking."""
    scored = {name: score(text, SAMPLE) for name, text in candidates.items()}
    ranked = sorted(((share, name) for name, (share, _) in scored.items()), reverse=True)
    if not ranked:
        return None, ranked
    top, name = ranked[0]
    second = ranked[1][0] if len(ranked) > 1 else 0.0
    if (top >= MIN_SCORE and top - baseline >= MIN_GAIN and top - second >= MIN_MARGIN
            and scored[name][1] >= MIN_WORDS):
        return name, ranked
    return None, ranked


def _w102(name: str, how: str = "") -> list:
    return [diagnostics.warn("W102", f"input converted to Unicode from {LABELS.get(name, name)}{how}")]


# --- mojibake (UTF-8 read as Windows-1252, saved as UTF-8 again) -------------

_MOJI = compile_regex(r"(?:[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3})++"
                      r"|\xc3 (?= )|\xc3(?= )")  # "Ã ": à whose NBSP (0xA0) became a plain space
_LATIN = compile_regex(r"[\u0080-\u024f\u02c6\u02dc\u0300-\u036f\u1e00-\u1eff\u2000-\u206f\u20ab\u20ac\u2122]+")


def repair_mojibake(text: str) -> tuple[str, int]:
    """Repair double-encoded UTF-8 runs; returns (text, number of runs repaired)."""
    chars = to_byte_chars(text)
    if chars == text and not regex.search(r"[\xc2-\xf4]", text):
        return text, 0
    out, pos, fixed = [], 0, 0
    for m in _MOJI.finditer(chars):
        raw = m.group()
        if raw in ("\xc3 ", "\xc3"):
            rep = "\u00e0"
        else:
            try:
                rep = raw.encode("latin-1").decode("utf-8")
            except (UnicodeDecodeError, UnicodeEncodeError):
                continue
            if not _LATIN.fullmatch(rep):
                continue
        out.append(text[pos:m.start()])
        out.append(rep)
        pos = m.end()
        fixed += 1
    out.append(text[pos:])
    return "".join(out), fixed


# --- the decisions ------------------------------------------------------------

def _check_utf8_text(text: str, name: str) -> Decoded:
    """Valid UTF-8: look for legacy text inside it and for mojibake."""
    sample = text[:SAMPLE]
    signs = len(_LEGACY_SIGNS.findall(sample))
    if signs < MIN_WORDS:     # real Unicode text (nearly every input) ends here
        return Decoded(text, "utf-8")
    non_ascii = len(sample) - len(sample.encode("ascii", "ignore"))   # signs are non-ASCII too
    if signs < SIGN_SHARE * non_ascii:
        return Decoded(text, "utf-8")
    passes, fixed_sample = 0, sample
    while passes < 3:  # text can be double-encoded more than once
        again, n = repair_mojibake(fixed_sample)
        if n < 2:
            break
        fixed_sample, passes = again, passes + 1
    if passes and len(_LEGACY_SIGNS.findall(fixed_sample)) <= signs / 2:
        fixed, total = text, 0
        for _ in range(passes):
            fixed, n = repair_mojibake(fixed)
            total += n
        return Decoded(fixed, "utf-8", [diagnostics.warn(
            "W103", f"mojibake (UTF-8 read as Windows-1252) repaired in {total} places")])
    # lines holding a letter that no Windows-1252 reading produces (ạ, ơ, đ ...) are
    # real Unicode: a document can mix them with pasted legacy text, so only the
    # other lines are judged and converted
    legacy_lines = "\n".join(line for line in sample.split("\n") if not _UNICODE_ONLY.search(line))
    base, _ = score(legacy_lines)
    chars = to_byte_chars(legacy_lines)
    cands = {k: dec(chars) for k, (_, dec) in LEGACY.items()}
    best, _ = _best(cands, base)
    if best is None:
        return Decoded(text, "utf-8")
    dec = LEGACY[best][1]
    converted = _LINE.sub(lambda m: m.group() if _UNICODE_ONLY.search(m.group()) else dec(to_byte_chars(m.group())),
                          text)
    return Decoded(converted, f"{best} (inside utf-8)",
                   _w102(best, " (legacy text saved as UTF-8 through Windows-1252)"))


# letters beyond Latin-1 other than the Windows-1252 ones (Œ œ Š š Ÿ Ž ž ƒ ˆ ˜)
_UNICODE_ONLY = compile_regex(r"[\u0100-\u0151\u0154-\u015f\u0162-\u0177\u0179-\u017c\u017f-\u0191"
                              r"\u0193-\u02c5\u02c7-\u02db\u02dd-\u036f\u1e00-\u1eff]")
_LINE = compile_regex(r"[^\n]+")


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without BOM: every other byte is mostly NUL."""
    if len(data) < 4 or len(data) % 2:
        return None
    head = data[:4096]
    even, odd = head[0::2], head[1::2]
    for zeros, other, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) >= 0.6 * len(zeros) and other.count(0) == 0:
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                return None
    return None


_CONTROL = compile_regex(rb"[\x01-\x08\x0e-\x19\x1c-\x1f\x7f]")


def _legacy_bytes(data: bytes, name: str) -> Decoded:
    sample = data[:SAMPLE]
    controls = len(_CONTROL.findall(sample))
    if controls > max(8, len(sample) // 50):
        raise NotTextError(f"{name}: binary data ({controls} control bytes), not a text document")
    cands: dict[str, str] = {}
    chars = sample.decode("latin-1")
    for key, (_, dec) in LEGACY.items():
        cands[key] = dec(chars)
    try:
        cands["cp1258"] = sample.decode("cp1258")
    except UnicodeDecodeError:
        pass
    best, ranked = _best(cands, 0.0)
    if best is None:
        tried = ", ".join(f"{LABELS[n]} {s:.0%}" for s, n in ranked)
        raise EncodingError(
            f"{name}: not UTF-8 and no legacy Vietnamese encoding fits clearly "
            f"(tried {tried} well-formed words); force one with --encoding NAME "
            f"(utf-8, cp1258, tcvn3, vni, viscii, or any Python codec)")
    if best == "cp1258":
        return Decoded(data.decode("cp1258"), "cp1258", _w102("cp1258"))
    return Decoded(LEGACY[best][1](data.decode("latin-1")), best, _w102(best))


def _forced(data: bytes, name: str, encoding: str) -> Decoded:
    key = ALIASES.get(regex.sub(r"[\s_.-]", "", encoding.lower()))
    if key in LEGACY:
        try:  # legacy text that was saved as UTF-8 through Windows-1252
            chars = to_byte_chars(data.decode("utf-8-sig"))
            how = " (legacy text saved as UTF-8)"
        except UnicodeDecodeError:
            chars, how = data.decode("latin-1"), ""
        return Decoded(LEGACY[key][1](chars), key, _w102(key, how + ", as forced by --encoding"))
    codec = key or encoding
    try:
        info = codecs.lookup(codec)
    except LookupError:
        raise EncodingError(f"{name}: unknown encoding {encoding!r} for --encoding; use utf-8, utf-16, "
                            f"cp1258, tcvn3, vni, viscii or a Python codec name") from None
    try:
        text = data.decode(info.name)
    except UnicodeDecodeError as exc:
        raise EncodingError(f"{name}: not valid {encoding} (byte {exc.start}); "
                            f"try another --encoding NAME") from None
    if info.name in ("utf-8", "utf-8-sig"):
        return Decoded(text.removeprefix("\ufeff"), "utf-8")
    return Decoded(text.removeprefix("\ufeff"), info.name, _w102(info.name, ", as forced by --encoding"))


def decode(data: bytes, name: str = "<input>", encoding: str | None = None) -> Decoded:
    """Decode bytes to text, or raise an InputError with a one-line message."""
    if encoding:
        return _forced(data, name, encoding)
    for bom, codec, label in ((codecs.BOM_UTF32_LE, "utf-32", "utf-32"), (codecs.BOM_UTF32_BE, "utf-32", "utf-32"),
                              (codecs.BOM_UTF8, "utf-8-sig", None),
                              (codecs.BOM_UTF16_LE, "utf-16", "utf-16"), (codecs.BOM_UTF16_BE, "utf-16", "utf-16")):
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise NotTextError(f"{name}: damaged {codec.upper()} text (bad byte at offset {exc.start})") from None
            if "\x00" in text:
                raise NotTextError(f"{name}: binary data (NUL characters), not a text document")
            if label is None:
                return _check_utf8_text(text, name)
            return Decoded(text, label, _w102(label))
    if b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is not None and "\x00" not in text:
            return Decoded(text, "utf-16", _w102("utf-16", " (no byte order mark)"))
        raise NotTextError(f"{name}: binary data (NUL bytes), not a text document")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return _check_utf8_text(text, name)
    if _mostly_utf8(data):
        # a few damaged bytes in a UTF-8 file: keep it (U+FFFD gives W106)
        return Decoded(data.decode("utf-8", "replace"), "utf-8")
    return _legacy_bytes(data, name)


_UTF8_SEQ = compile_regex(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_HIGH = compile_regex(rb"[\x80-\xff]")


def _mostly_utf8(data: bytes) -> bool:
    sample = data[:SAMPLE]
    high = len(_HIGH.findall(sample))
    good = sum(len(m) for m in _UTF8_SEQ.findall(sample))
    return high > 0 and good >= 0.98 * high
