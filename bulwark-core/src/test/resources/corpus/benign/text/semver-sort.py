# corpus: parse and sort semantic version strings including pre-releases
import re
from functools import total_ordering

SEMVER = re.compile(r"^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?$")

@total_ordering
class Version:
    def __init__(self, text):
        m = SEMVER.match(text)
        if not m:
            raise ValueError(f"bad version {text!r}")
        self.text = text
        self.core = tuple(int(x) for x in m.group(1, 2, 3))
        self.pre = tuple(int(p) if p.isdigit() else p for p in m.group(4).split(".")) if m.group(4) else None

    def _key(self):
        pre = ((0,) + tuple((0, p) if isinstance(p, int) else (1, p) for p in self.pre)) if self.pre else (1,)
        return self.core, pre

    def __eq__(self, other):
        return self._key() == other._key()

    def __lt__(self, other):
        return self._key() < other._key()

    def __repr__(self):
        return self.text

versions = ["1.0.0", "1.0.0-rc.1", "0.9.12", "1.0.0-alpha", "v1.10.0", "1.2.0", "1.0.0-alpha.2"]
print(sorted(map(Version, versions)))
