# corpus: slugify article titles with unicodedata normalisation and regex cleanup
import re
import unicodedata

def slugify(title, max_len=48):
    norm = unicodedata.normalize("NFKD", title)
    ascii_only = norm.encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-zA-Z0-9]+", "-", ascii_only).strip("-").lower()
    return slug[:max_len].rstrip("-")

titles = [
    "Crème Brûlée: A Practical Guide",
    "Why   Rust's borrow checker   helps",
    "Ünïcödé is fun!!!",
    "100% test coverage?",
]
for t in titles:
    print(f"{t!r:45} -> {slugify(t)}")
