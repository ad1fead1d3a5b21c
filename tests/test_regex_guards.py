"""The letter-or-digit guards in rules/ are written `\\p{L}|\\d|\\u0345` instead of the class
`[\\p{L}\\d]`: under IGNORECASE the alternation is ~30x cheaper in `regex`. This checks that the
two accept exactly the same characters there (U+0345 is a combining mark whose case variant
is a letter, so the class takes it under IGNORECASE)."""
import regex

FLAGS = regex.V1 | regex.UNICODE | regex.IGNORECASE


def test_alternation_guard_accepts_what_the_class_accepts_in_the_bmp():
    chars = "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c <= 0xDFFF)
    cls = regex.findall(r"[\p{L}\d]", chars, FLAGS)
    alt = regex.findall(r"\p{L}|\d|\u0345", chars, FLAGS)
    assert cls == alt
    assert "\u0345" in alt and "đ" in alt and "5" in alt and "-" not in alt
