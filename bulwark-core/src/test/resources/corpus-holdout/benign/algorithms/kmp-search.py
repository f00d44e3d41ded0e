# corpus: Knuth-Morris-Pratt substring search returning all match offsets
def failure_table(pattern):
    table = [0] * len(pattern)
    k = 0
    for i in range(1, len(pattern)):
        while k and pattern[i] != pattern[k]:
            k = table[k - 1]
        if pattern[i] == pattern[k]:
            k += 1
        table[i] = k
    return table

def kmp_find_all(text, pattern):
    if not pattern:
        return []
    table, k, hits = failure_table(pattern), 0, []
    for i, ch in enumerate(text):
        while k and ch != pattern[k]:
            k = table[k - 1]
        if ch == pattern[k]:
            k += 1
        if k == len(pattern):
            hits.append(i - k + 1)
            k = table[k - 1]
    return hits

print(kmp_find_all("abababcabababcab", "ababc"))
print(kmp_find_all("aaaaa", "aa"))
