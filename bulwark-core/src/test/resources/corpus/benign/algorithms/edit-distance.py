# corpus: Levenshtein distance used to suggest the closest command name
def levenshtein(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]

COMMANDS = ["status", "commit", "checkout", "branch", "merge", "rebase", "stash"]

def suggest(word):
    ranked = sorted(COMMANDS, key=lambda c: levenshtein(word, c))
    return ranked[0] if levenshtein(word, ranked[0]) <= 2 else None

for typo in ["stauts", "comit", "chekout", "xyzzy"]:
    print(typo, "->", suggest(typo))
