"""Bytes in any encoding a Vietnamese office file comes in -> Unicode text, or a
clear one-line error.  Legacy inputs are made here with the encoders of
legacy_tables, from hand-written sentences and all 134 toned letters."""
from __future__ import annotations

import codecs
import time
import unicodedata

import pytest

from cchc_extract.encodings import decode, repair_mojibake
from cchc_extract.errors import EncodingError, InputError, NotTextError
from cchc_extract.legacy_tables import encode

LOWER = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
LETTERS = LOWER + LOWER.upper()

SENTENCES = (
    "Cộng hoà xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc. "
    "Uỷ ban nhân dân tỉnh yêu cầu các sở, ban, ngành khẩn trương triển khai thực hiện "
    "nghiêm túc chỉ thị này; báo cáo kết quả trước ngày 15 tháng 3 năm 2024. "
    "Giao Sở Tài nguyên và Môi trường chủ trì, phối hợp với Ủy ban nhân dân các huyện "
    "rà soát, đề xuất phương án xử lý dứt điểm những tồn tại, vướng mắc về đất đai. "
    "Người đứng đầu cơ quan, đơn vị chịu trách nhiệm trước Chủ tịch về kết quả thực hiện."
)


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def encodable(text: str, enc: str) -> str:
    """TCVN3 has no upper-case toned letters: write those in lower case, as .VnTimeH does."""
    out = []
    for c in text:
        try:
            encode(c, enc)
            out.append(c)
        except UnicodeEncodeError:
            out.append(c.lower())
    return "".join(out)


def windows_1252(data: bytes) -> str:
    """How Windows reads bytes as cp1252 (undefined bytes kept as C1 characters)."""
    return "".join(bytes([b]).decode("cp1252", "ignore") or chr(b) for b in data)


# --- the tables: every letter, both cases where the encoding has them ---------

@pytest.mark.parametrize("enc", ["tcvn3", "vni", "viscii", "cp1258"])
def test_every_toned_letter_round_trips(enc):
    letters = LETTERS if enc != "tcvn3" else LOWER + "ĂÂÊÔƠƯĐ"
    text = " ".join(letters)
    got = decode(encode(text, enc), "x", encoding=enc)
    assert nfc(got.text) == text
    assert got.warnings and got.warnings[0].code == "W102"


def test_tcvn3_has_no_upper_case_toned_letters():
    with pytest.raises(UnicodeEncodeError):
        encode("Ủ", "tcvn3")   # .VnTimeH draws the lower-case byte in capitals


# --- detection from raw bytes --------------------------------------------------

@pytest.mark.parametrize("enc,label", [("tcvn3", "TCVN3"), ("vni", "VNI"), ("viscii", "VISCII"),
                                       ("cp1258", "Windows-1258")])
def test_legacy_bytes_detected_and_converted_with_w102(enc, label):
    text = encodable(SENTENCES, enc)
    got = decode(encode(text, enc), "doc.txt")
    assert nfc(got.text) == text
    assert [w.code for w in got.warnings] == ["W102"]
    assert label in got.warnings[0].message


def test_cp1258_keeps_combining_marks_for_the_normalizer():
    got = decode(encode("Cộng hoà xã hội chủ nghĩa Việt Nam, nghiêm túc thực hiện", "cp1258"), "x")
    assert not unicodedata.is_normalized("NFC", got.text)   # base + combining tone
    assert nfc(got.text) == "Cộng hoà xã hội chủ nghĩa Việt Nam, nghiêm túc thực hiện"


@pytest.mark.parametrize("enc", ["tcvn3", "vni"])
def test_legacy_text_that_arrived_inside_utf8(enc):
    text = encodable(SENTENCES, enc)
    surface = windows_1252(encode(text, enc))
    got = decode(surface.encode("utf-8"), "x")
    assert got.text == text
    assert got.warnings[0].code == "W102" and "UTF-8" in got.warnings[0].message


def test_viscii_read_as_latin1_inside_utf8():
    surface = encode(SENTENCES, "viscii").decode("latin-1")
    assert decode(surface.encode("utf-8"), "x").text == SENTENCES


def test_the_textbook_tcvn3_sample():
    got = decode("Céng hoµ x· héi chñ nghÜa ViÖt Nam\n§éc lËp - Tù do - H¹nh phóc".encode(), "x")
    assert got.text == "Cộng hoà xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc"
    assert got.encoding.startswith("tcvn3")


def test_the_textbook_vni_sample():
    got = decode("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam. Ñoäc laäp - Töï do - Haïnh phuùc".encode(), "x")
    assert got.text == "Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc"


# --- mojibake --------------------------------------------------------------------

@pytest.mark.parametrize("times", [1, 2, 3])
def test_double_encoded_utf8_is_repaired_with_w103(times):
    broken = SENTENCES + " “về việc” ỏ ọ ờ Ố ề"
    want = broken
    for _ in range(times):
        broken = windows_1252(broken.encode("utf-8"))
    got = decode(broken.encode("utf-8"), "x")
    assert got.text == want
    assert [w.code for w in got.warnings] == ["W103"]


def test_mojibake_whose_nbsp_became_a_space():
    got = decode("Cá»™ng hoÃ  xÃ£ há»™i chá»§ nghÄ©a Viá»‡t Nam".encode(), "x")
    assert got.text == "Cộng hoà xã hội chủ nghĩa Việt Nam"


def test_repair_leaves_real_text_alone():
    assert repair_mojibake(SENTENCES) == (SENTENCES, 0)
    assert repair_mojibake("QUÊ” và") == ("QUÊ” và", 0)   # Ê” would decode to no Latin text
    one = "Trích dẫn «Điều 5 Â» hết"   # one look-alike is not evidence enough
    assert decode(one.encode(), "x").text == one


# --- what must stay as it is ---------------------------------------------------------

@pytest.mark.parametrize("text", [
    SENTENCES,
    "El niño comió más jamón en España, señor. Mañana iremos a la montaña con José.",
    "Die Größe der Straße wird überprüft. Müller fährt über die Brücke nach Köln.",
    "Nhiệt độ 25°C, diện tích 3 m² × 4, mục § 2 và ký hiệu µ đo lường — «trích dẫn».",
    "plain ASCII only",
])
def test_clean_utf8_is_unchanged(text):
    got = decode(text.encode("utf-8"), "x")
    assert (got.text, got.encoding, got.warnings) == (text, "utf-8", [])


def test_boms():
    assert decode(codecs.BOM_UTF8 + SENTENCES.encode(), "x").text == SENTENCES
    for codec in ("utf-16", "utf-16-le", "utf-16-be"):
        data = SENTENCES.encode(codec)
        if codec != "utf-16":
            data = (codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE) + data
        got = decode(data, "x")
        assert got.text == SENTENCES and got.warnings[0].code == "W102"
    assert decode(SENTENCES.encode("utf-32"), "x").text == SENTENCES


def test_utf16_without_bom():
    for codec in ("utf-16-le", "utf-16-be"):
        assert decode(SENTENCES.encode(codec), "x").text == SENTENCES


def test_a_few_damaged_bytes_in_utf8_become_replacement_characters():
    data = SENTENCES.encode() + b" \xff " + SENTENCES.encode()
    got = decode(data, "x")
    assert "\ufffd" in got.text and got.encoding == "utf-8"


# --- refusals: one line naming the file ------------------------------------------------

def test_nul_bytes_are_binary():
    with pytest.raises(NotTextError, match="doc.bin"):
        decode(b"PK\x03\x04\x00\x00\x14\x00" + bytes(range(256)), "doc.bin")


def test_random_bytes_are_refused():
    import random

    rnd = random.Random(7)
    data = bytes(rnd.randrange(1, 256) for _ in range(5000))
    with pytest.raises(InputError) as exc:
        decode(data, "noise.dat")
    assert "noise.dat" in exc.value.one_line() and "\n" not in exc.value.one_line()


def test_unclear_encoding_is_refused_naming_what_was_tried_and_how_to_force():
    data = "El niño comió más jamón en España, señor. Mañana iremos a la montaña.".encode("cp1252")
    with pytest.raises(EncodingError) as exc:
        decode(data, "es.txt")
    msg = exc.value.one_line()
    for word in ("es.txt", "TCVN3", "VNI", "VISCII", "Windows-1258", "--encoding"):
        assert word in msg


def test_forced_encodings():
    data = "El niño comió".encode("cp1252")
    got = decode(data, "x", encoding="cp1252")
    assert got.text == "El niño comió" and got.warnings[0].code == "W102"
    assert decode(encode("Cộng hoà", "tcvn3"), "x", encoding="ABC").text == "Cộng hoà"
    assert decode(encode("Cộng hoà", "vni"), "x", encoding="VNI-Windows").text == "Cộng hoà"
    with pytest.raises(EncodingError, match="--encoding"):
        decode(b"abc", "x", encoding="klingon")
    with pytest.raises(EncodingError, match="utf-8"):
        decode(b"\xff\xfe\xfd", "x", encoding="utf-8")


# --- through the pipeline ---------------------------------------------------------------

def test_pipeline_spans_point_into_the_decoded_text():
    from cchc_extract.pipeline import extract

    text = "Số: 12/CT-UBND\n" + encodable(SENTENCES, "tcvn3")
    doc = extract(encode(text, "tcvn3"))
    assert doc.source.encoding == "tcvn3"
    assert "W102" in [w.code for w in doc.warnings]
    decoded = decode(encode(text, "tcvn3"), "x").text
    for kind in ("references", "dates", "bodies", "targets", "deadlines"):
        for ent in getattr(doc, kind):
            assert decoded[ent.span[0]:ent.span[1]] == ent.text


def test_clean_utf8_detection_skips_the_legacy_checks():
    # a guard against the expensive legacy scoring running on clean UTF-8, not a speed target
    # (those live in bench/): CPU time, with a wide margin
    data = (SENTENCES + " “trích” – µ\n").encode() * 8000   # ~2.5 MB
    t0 = time.process_time()
    decoded = decode(data, "x")
    assert time.process_time() - t0 < 2.0
    assert decoded.encoding.startswith("utf-8") and not decoded.warnings


def test_too_little_evidence_is_refused_rather_than_guessed():
    data = encode("Cộng hoà", "tcvn3")       # two words: any table could fit
    with pytest.raises(EncodingError):
        decode(data, "short.txt")
    assert decode(data, "short.txt", encoding="tcvn3").text == "Cộng hoà"


def test_unicode_lines_mixed_with_pasted_legacy_lines():
    header = "ỦY BAN NHÂN DÂN TỈNH\nSố: 12/CT-UBND\nCộng hoà xã hội chủ nghĩa Việt Nam"
    body = encodable(SENTENCES, "tcvn3")
    mixed = header + "\n" + windows_1252(encode(body, "tcvn3")) + "\n" + header
    got = decode(mixed.encode("utf-8"), "x")
    assert got.text == header + "\n" + body + "\n" + header
    assert got.warnings[0].code == "W102"


def test_unicode_document_full_of_latin1_symbols_is_left_alone():
    lines = ["· Sở Nội vụ chủ trì, phối hợp thực hiện § 3 «đúng hạn» ±5% ×2 ¼ µ" for _ in range(200)]
    text = "\n".join(lines + ["· Tiếp tục thực hiện", "· Báo cáo kết quả"])
    got = decode(text.encode("utf-8"), "x")
    assert (got.text, got.warnings) == (text, [])
