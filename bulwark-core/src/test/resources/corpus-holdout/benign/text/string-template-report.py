# corpus: render a plain-text report with string.Template safe_substitute and textwrap
import string
import textwrap
from datetime import date

REPORT = string.Template(textwrap.dedent("""\
    Weekly report for $team ($week)
    ================================
    Closed issues : $closed
    Open issues   : $opened
    Highlight     : $highlight
    Owner         : $owner
"""))

values = {
    "team": "platform",
    "week": date(2024, 5, 13).isocalendar().week,
    "closed": 14,
    "opened": 9,
    "highlight": textwrap.shorten(
        "Migrated the remaining services to the new sandbox runtime and removed the legacy shim layer entirely",
        width=60,
    ),
}
print(REPORT.safe_substitute(values))
