# corpus: validate and normalise a list of email addresses with regex
import re

EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")

candidates = [
    "alice@example.com", "Bob.Smith+news@Example.ORG", "no-at-sign.example.com",
    "two@@example.com", "x@localhost", "  carol@sub.example.co.uk ",
]

valid, invalid = [], []
for raw in candidates:
    addr = raw.strip()
    if EMAIL.fullmatch(addr):
        local, domain = addr.rsplit("@", 1)
        valid.append(f"{local}@{domain.lower()}")
    else:
        invalid.append(raw)

print("valid:", valid)
print("invalid:", invalid)
