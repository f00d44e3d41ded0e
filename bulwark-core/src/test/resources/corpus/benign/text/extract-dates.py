# corpus: extract and normalise dates in several formats from free text
import re
from datetime import datetime

TEXT = """Invoice issued 2024-03-05, due 05/04/2024. Reminder sent on March 20, 2024.
Paid 7 Apr 2024; refund on 2024/04/15 (not valid: 2024-13-45)."""

FORMATS = [
    (r"\b\d{4}-\d{2}-\d{2}\b", "%Y-%m-%d"),
    (r"\b\d{4}/\d{2}/\d{2}\b", "%Y/%m/%d"),
    (r"\b\d{2}/\d{2}/\d{4}\b", "%d/%m/%Y"),
    (r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}", "%B %d, %Y"),
    (r"\b\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}", "%d %b %Y"),
]

found = []
for pattern, fmt in FORMATS:
    for m in re.finditer(pattern, TEXT):
        try:
            found.append((m.start(), datetime.strptime(m.group(), fmt).date()))
        except ValueError:
            print("skipping invalid date:", m.group())
for _, d in sorted(found):
    print(d.isoformat())
