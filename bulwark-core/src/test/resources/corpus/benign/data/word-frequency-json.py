# corpus: count word frequencies in a text file and dump top words to JSON
import json
import re
from collections import Counter
from pathlib import Path

src = Path("/work/notes.txt")
text = src.read_text(encoding="utf-8") if src.exists() else (
    "The quick brown fox jumps over the lazy dog. The dog sleeps; the fox runs."
)
stop = {"the", "a", "an", "over", "and"}
words = [w for w in re.findall(r"[a-z']+", text.lower()) if w not in stop]
top = Counter(words).most_common(10)

Path("/work/word_freq.json").write_text(json.dumps(dict(top), indent=2))
for word, n in top:
    print(f"{word:>10} {n}")
