"""Byte tables of the legacy 8-bit Vietnamese encodings, kept as data.

Each table maps a byte (0x00-0xFF) to the Unicode text it stands for; bytes not
listed are read as Latin-1 (for TCVN3, 0x80-0x9F as Windows-1252 punctuation,
because .Vn fonts keep Word's smart quotes and dashes there).

* TCVN3 (ABC, TCVN 5712:1993 VN3; fonts .VnTime, .VnArial): the upper half of
  glibc's ``TCVN5712-1`` charmap (``iconv -f TCVN5712-1``), which VN3 shares.
  0xB0-0xB4 are combining tone marks (the normalizer composes them).  VN3 fonts
  have no upper-case toned letters: ``.VnTimeH`` draws the lower-case bytes in
  capitals, so such headings come back in lower case.
* VISCII (RFC 1456): glibc's ``VISCII`` charmap, including the six letters in C0.
* VNI (VNI-Windows; fonts VNI-Times, VNI-Helve): a composite encoding -- a base
  letter followed by one mark byte -- described by the mark tables below.
"""
from __future__ import annotations

import unicodedata

TCVN3_BYTES: dict[int, str] = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ", 0xA8: "ă",
    0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ", 0xAF: "Ằ", 0xB0: "\u0300",
    0xB1: "\u0309", 0xB2: "\u0303", 0xB3: "\u0301", 0xB4: "\u0323", 0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á",
    0xB9: "ạ", 0xBA: "Ẳ", 0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xBF: "Ẵ", 0xC0: "Ắ",
    0xC1: "Ầ", 0xC2: "Ẩ", 0xC3: "Ẫ", 0xC4: "Ấ", 0xC5: "Ề", 0xC6: "ặ", 0xC7: "ầ", 0xC8: "ẩ",
    0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ", 0xCC: "è", 0xCD: "Ể", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é",
    0xD1: "ẹ", 0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ", 0xD7: "ì", 0xD8: "ỉ",
    0xD9: "Ễ", 0xDA: "Ế", 0xDB: "Ồ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị", 0xDF: "ò", 0xE0: "Ổ",
    0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ", 0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố",
    0xE9: "ộ", 0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ", 0xEF: "ù", 0xF0: "Ỗ",
    0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ", 0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ",
    0xF9: "ự", 0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFE: "ỵ", 0xFF: "Ố",
}

VISCII_BYTES: dict[int, str] = {
    0x02: "Ẳ", 0x05: "Ẵ", 0x06: "Ẫ", 0x14: "Ỷ", 0x19: "Ỹ", 0x1E: "Ỵ", 0x80: "Ạ", 0x81: "Ắ",
    0x82: "Ằ", 0x83: "Ặ", 0x84: "Ấ", 0x85: "Ầ", 0x86: "Ẩ", 0x87: "Ậ", 0x88: "Ẽ", 0x89: "Ẹ",
    0x8A: "Ế", 0x8B: "Ề", 0x8C: "Ể", 0x8D: "Ễ", 0x8E: "Ệ", 0x8F: "Ố", 0x90: "Ồ", 0x91: "Ổ",
    0x92: "Ỗ", 0x93: "Ộ", 0x94: "Ợ", 0x95: "Ớ", 0x96: "Ờ", 0x97: "Ở", 0x98: "Ị", 0x99: "Ỏ",
    0x9A: "Ọ", 0x9B: "Ỉ", 0x9C: "Ủ", 0x9D: "Ũ", 0x9E: "Ụ", 0x9F: "Ỳ", 0xA0: "Õ", 0xA1: "ắ",
    0xA2: "ằ", 0xA3: "ặ", 0xA4: "ấ", 0xA5: "ầ", 0xA6: "ẩ", 0xA7: "ậ", 0xA8: "ẽ", 0xA9: "ẹ",
    0xAA: "ế", 0xAB: "ề", 0xAC: "ể", 0xAD: "ễ", 0xAE: "ệ", 0xAF: "ố", 0xB0: "ồ", 0xB1: "ổ",
    0xB2: "ỗ", 0xB3: "Ỡ", 0xB4: "Ơ", 0xB5: "ộ", 0xB6: "ờ", 0xB7: "ở", 0xB8: "ị", 0xB9: "Ự",
    0xBA: "Ứ", 0xBB: "Ừ", 0xBC: "Ử", 0xBD: "ơ", 0xBE: "ớ", 0xBF: "Ư", 0xC4: "Ả", 0xC5: "Ă",
    0xC6: "ẳ", 0xC7: "ẵ", 0xCB: "Ẻ", 0xCE: "Ĩ", 0xCF: "ỳ", 0xD0: "Đ", 0xD1: "ứ", 0xD5: "ạ",
    0xD6: "ỷ", 0xD7: "ừ", 0xD8: "ử", 0xDB: "ỹ", 0xDC: "ỵ", 0xDE: "ỡ", 0xDF: "ư", 0xE4: "ả",
    0xE5: "ă", 0xE6: "ữ", 0xE7: "ẫ", 0xEB: "ẻ", 0xEE: "ĩ", 0xEF: "ỉ", 0xF0: "đ", 0xF1: "ự",
    0xF6: "ỏ", 0xF7: "ọ", 0xF8: "ụ", 0xFB: "ũ", 0xFC: "ủ", 0xFE: "ợ", 0xFF: "Ữ",
}

# --- VNI ---------------------------------------------------------------------
# A mark byte (as its Latin-1 character) after a base vowel adds these combining
# marks; upper-case texts use the upper-case mark bytes (same marks).
_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"
_CIRC, _BREVE, _HORN = "\u0302", "\u0306", "\u031b"

VNI_MARKS: dict[str, str] = {
    # tones
    "\u00f8": _GRAVE, "\u00f9": _ACUTE, "\u00fb": _HOOK, "\u00f5": _TILDE, "\u00ef": _DOT,
    # circumflex (a, e, o), alone and with a tone
    "\u00e2": _CIRC, "\u00e1": _CIRC + _ACUTE, "\u00e0": _CIRC + _GRAVE,
    "\u00e5": _CIRC + _HOOK, "\u00e3": _CIRC + _TILDE, "\u00e4": _CIRC + _DOT,
    # breve (a), alone and with a tone
    "\u00ea": _BREVE, "\u00e9": _BREVE + _ACUTE, "\u00e8": _BREVE + _GRAVE,
    "\u00fa": _BREVE + _HOOK, "\u00fc": _BREVE + _TILDE, "\u00eb": _BREVE + _DOT,
}
VNI_MARKS.update({k.upper(): v for k, v in list(VNI_MARKS.items())})

# Which marks each base vowel may take (a mark byte after any other letter is
# left as it is: it is then an ordinary Latin-1 letter).
VNI_BASES: dict[str, str] = {
    "a": "\u00f8\u00f9\u00fb\u00f5\u00ef\u00e2\u00e1\u00e0\u00e5\u00e3\u00e4\u00ea\u00e9\u00e8\u00fa\u00fc\u00eb",
    "e": "\u00f8\u00f9\u00fb\u00f5\u00ef\u00e2\u00e1\u00e0\u00e5\u00e3\u00e4",
    "o": "\u00f8\u00f9\u00fb\u00f5\u00ef\u00e2\u00e1\u00e0\u00e5\u00e3\u00e4",
    "\u00f4": "\u00f8\u00f9\u00fb\u00f5\u00ef",    # o-horn (ơ) takes tones only
    "\u00f6": "\u00f8\u00f9\u00fb\u00f5\u00ef",    # u-horn (ư)
    "u": "\u00f8\u00f9\u00fb\u00f5\u00ef",
    "y": "\u00f8\u00f9\u00fb\u00f5\u00ef",
    "i": "\u00f8\u00f9",                    # ì í written with marks (rare)
}

# Single bytes that are letters by themselves.
VNI_SINGLES: dict[str, str] = {
    "\u00f4": "\u01a1",  # ô -> ơ
    "\u00f6": "\u01b0",  # ö -> ư
    "\u00f1": "\u0111",  # ñ -> đ
    "\u00e6": "\u1ec9",  # æ -> ỉ
    "\u00f3": "\u0129",  # ó -> ĩ
    "\u00f2": "\u1ecb",  # ò -> ị
    # ì (0xEC) and í (0xED) are already the letters they look like
}
VNI_SINGLES.update({k.upper(): v.upper() for k, v in list(VNI_SINGLES.items())})


def vni_sequences() -> dict[str, str]:
    """Every (base + mark) surface sequence of VNI -> its NFC letter, both cases."""
    out: dict[str, str] = {}
    for base, marks in VNI_BASES.items():
        letter = VNI_SINGLES.get(base, base)
        for mark in marks:
            for b, m in ((base, mark), (base.upper(), mark.upper()), (base.upper(), mark)):
                lower = unicodedata.normalize("NFC", letter + VNI_MARKS[mark])
                out[b + m] = lower.upper() if b.isupper() else lower
    return out


def encode(text: str, name: str) -> bytes:
    """Unicode text -> legacy bytes (the inverse of the tables; for round-trip
    tests and fixtures).  Letters the encoding lacks raise UnicodeEncodeError."""
    text = unicodedata.normalize("NFC", text)
    if name == "cp1258":  # precomposed vowel + separate combining tone mark
        tones = "\u0300\u0301\u0303\u0309\u0323"
        out = []
        for c in text:
            d = unicodedata.normalize("NFD", c)
            tone = "".join(x for x in d if x in tones)
            out.append(unicodedata.normalize("NFC", "".join(x for x in d if x not in tones)) + tone)
        return "".join(out).encode("cp1258")
    if name == "vni":
        inverse = {v: k for k, v in vni_sequences().items() if not (k[0].isupper() and k[1].islower())}
        inverse.update({v: k for k, v in VNI_SINGLES.items()})
        chars = "".join(inverse.get(c, c) for c in text)
        return chars.encode("latin-1")
    table = {"tcvn3": TCVN3_BYTES, "viscii": VISCII_BYTES}[name]
    inverse = {v: k for k, v in table.items() if len(v) == 1 and not unicodedata.combining(v)}
    out = bytearray()
    for c in text:
        if c in inverse:
            out.append(inverse[c])
        elif ord(c) < 0x80 or (ord(c) < 0x100 and ord(c) not in table and name == "viscii"):
            out.append(ord(c))
        elif ord(c) < 0x100 and ord(c) >= 0xA0 and ord(c) not in table:
            out.append(ord(c))
        else:
            raise UnicodeEncodeError(name, c, 0, 1, f"{c!r} has no byte in {name}")
    return bytes(out)
