# corpus: slugify titles with unicodedata normalisation
import re
import unicodedata

def slugify(text: str, max_len: int = 50) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", "", text).strip().lower()
    text = re.sub(r"[-\s_]+", "-", text)
    return text[:max_len].rstrip("-")

titles = ["Crème Brûlée: A Love Story", "  Hello,   World!  ", "Ünïcödé — dashes & symbols",
          "Python 3.12 Release Notes"]
for t in titles:
    print(f"{t!r:40} -> {slugify(t)}")
