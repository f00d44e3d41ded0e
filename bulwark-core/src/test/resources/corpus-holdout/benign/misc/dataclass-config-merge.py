# corpus: frozen dataclass config merged from defaults, ast.literal_eval overrides and os.environ.get
import ast
import os
from dataclasses import dataclass, field, fields, replace

@dataclass(frozen=True)
class Settings:
    workers: int = 4
    retries: int = 3
    tags: tuple = ()
    home: str = field(default_factory=lambda: os.environ.get("HOME", "/tmp"))

    def __post_init__(self):
        if self.workers < 1:
            raise ValueError("workers must be positive")

OVERRIDES = ["workers=8", "tags=('fast', 'nightly')", "retries=5"]

def parse_overrides(pairs):
    allowed = {f.name for f in fields(Settings)}
    out = {}
    for pair in pairs:
        key, _, raw = pair.partition("=")
        if key not in allowed:
            raise KeyError(key)
        out[key] = ast.literal_eval(raw)
    return out

settings = replace(Settings(), **parse_overrides(OVERRIDES))
print(settings)
print("debug:", os.environ.get("DEBUG", "0") == "1")
