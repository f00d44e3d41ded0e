# corpus: lexer built from re.compile with named groups for a tiny query language
import re

TOKEN_SPEC = [
    ("NUMBER", r"\d+(?:\.\d+)?"),
    ("STRING", r"'[^']*'"),
    ("OP", r"==|!=|<=|>=|<|>"),
    ("AND", r"\bAND\b"),
    ("OR", r"\bOR\b"),
    ("IDENT", r"[A-Za-z_][A-Za-z0-9_]*"),
    ("LPAREN", r"\("),
    ("RPAREN", r"\)"),
    ("SKIP", r"\s+"),
    ("MISMATCH", r"."),
]
MASTER = re.compile("|".join(f"(?P<{name}>{pat})" for name, pat in TOKEN_SPEC))

def tokenize(text):
    for m in MASTER.finditer(text):
        kind = m.lastgroup
        if kind == "SKIP":
            continue
        if kind == "MISMATCH":
            raise SyntaxError(f"unexpected {m.group()!r} at {m.start()}")
        yield kind, m.group()

print(list(tokenize("age >= 21 AND (country == 'PT' OR score > 9.5)")))
