# corpus: compare unicode strings under NFC/NFKC normalisation and casefolding
import unicodedata

pairs = [
    ("café", "cafe\u0301"),
    ("Straße", "STRASSE"),
    ("ﬁle", "file"),
    ("①②③", "123"),
]

for a, b in pairs:
    nfc = unicodedata.normalize("NFC", a) == unicodedata.normalize("NFC", b)
    nfkc = unicodedata.normalize("NFKC", a).casefold() == unicodedata.normalize("NFKC", b).casefold()
    print(f"{a!r} vs {b!r}: NFC equal={nfc}, NFKC+casefold equal={nfkc}")

for ch in "é€ß":
    print(ch, hex(ord(ch)), unicodedata.name(ch), unicodedata.category(ch))
