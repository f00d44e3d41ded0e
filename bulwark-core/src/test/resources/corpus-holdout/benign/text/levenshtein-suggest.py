# corpus: suggest closest command names by Levenshtein distance and difflib ratio
import difflib

COMMANDS = ["status", "commit", "checkout", "branch", "rebase", "stash", "remote", "reset"]

def levenshtein(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]

for typo in ["stauts", "comit", "chekcout", "rebsae", "xyz"]:
    best = min(COMMANDS, key=lambda c: levenshtein(typo, c))
    close = difflib.get_close_matches(typo, COMMANDS, n=2, cutoff=0.6)
    print(f"{typo:10} -> {best:9} (d={levenshtein(typo, best)}) difflib={close}")
