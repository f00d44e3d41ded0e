# corpus: readability statistics (sentences, words, syllables, Flesch score)
import re

TEXT = """The cat sat on the mat. It was a sunny afternoon, and the cat was happy!
Did anyone notice? Nobody did. Extraordinary circumstances rarely announce themselves."""

def syllables(word):
    word = word.lower()
    groups = re.findall(r"[aeiouy]+", word)
    count = len(groups)
    if word.endswith("e") and count > 1:
        count -= 1
    return max(count, 1)

sentences = [s for s in re.split(r"[.!?]+\s*", TEXT) if s.strip()]
words = re.findall(r"[A-Za-z']+", TEXT)
syl = sum(syllables(w) for w in words)
flesch = 206.835 - 1.015 * len(words) / len(sentences) - 84.6 * syl / len(words)
print(f"sentences={len(sentences)} words={len(words)} syllables={syl}")
print(f"Flesch reading ease: {flesch:.1f}")
