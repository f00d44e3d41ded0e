# corpus: word frequency with Counter, a compiled regex tokenizer and stopword filtering
import re
from collections import Counter

TEXT = """
It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of
incredulity, it was the season of Light, it was the season of Darkness.
"""
STOP = {"it", "was", "the", "of", "a", "and"}
TOKEN = re.compile(r"[a-z']+")

words = [w for w in TOKEN.findall(TEXT.lower()) if w not in STOP]
for word, count in Counter(words).most_common(6):
    print(f"{word:<12}{count}")
