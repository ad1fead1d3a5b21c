"""Round-trip accuracy of the legacy decoders (and of viparse, when installed) on
the corpus and on all 134 toned letters: python bench/legacy_roundtrip.py"""
import sys, unicodedata, glob
sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[1] / "src"))
from cchc_extract.legacy_tables import encode
from cchc_extract.encodings import decode
LETTERS = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
LETTERS += LETTERS.upper()
assert len(LETTERS) == 134
try:
    from viparse.normalize.tables import convert
    from viparse.normalize.encodings import get_charmap
except ImportError:
    convert = None
def w1252(b):
    return "".join(bytes([x]).decode("cp1252", errors="ignore") or chr(x) for x in b)
def prep(text, enc):
    out = []
    for c in text:
        for x in (c, c.lower(), "?"):  # TCVN3 has no upper-case toned letters
            try: encode(x, enc); out.append(x); break
            except UnicodeEncodeError: pass
    return "".join(out)
def acc(got, want):
    g, w = got.split(), want.split()
    ok = sum(a == b for a, b in zip(g, w))
    return ok / max(len(w), 1), got == want
texts = {"letters": " ".join(LETTERS)}
for p in sorted(glob.glob(str(__import__("pathlib").Path(__file__).resolve().parents[1] / "corpora" / "*.txt"))):
    texts[p.split("/")[-1][:3]] = unicodedata.normalize("NFC", open(p, encoding="utf-8").read())
for enc in ["tcvn3", "vni", "viscii", "cp1258"]:
    for name, t in texts.items():
        want = prep(t, enc)
        try:
            b = encode(want, enc)
        except UnicodeEncodeError as e:
            print(enc, name, "cannot encode", e); continue
        mine = unicodedata.normalize("NFC", decode(b, name).text) if name != "letters" else unicodedata.normalize("NFC", decode(b, name, encoding=enc).text)
        row = [enc, name, "ours-bytes %.4f %s" % acc(mine, want)]
        if enc != "cp1258":
            surf = w1252(b) if enc != "viscii" else b.decode("latin-1")
            mine2 = decode(surf.encode("utf-8"), name, encoding=None if name != "letters" else enc).text
            row.append("ours-in-utf8 %.4f %s" % acc(unicodedata.normalize("NFC", mine2), want))
            if convert:
                vp = convert(surf, get_charmap(enc))
                row.append("viparse %.4f %s" % acc(vp, want))
        print(*row)
