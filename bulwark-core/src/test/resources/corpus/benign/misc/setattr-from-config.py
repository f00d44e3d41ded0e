# corpus: populate an options object with setattr from a validated dict of settings
from dataclasses import dataclass, fields

@dataclass
class Options:
    verbose: bool = False
    retries: int = 3
    output: str = "/work/out"
    ratio: float = 0.5

def apply(opts, overrides):
    known = {f.name: f.type for f in fields(opts)}
    for key, value in overrides.items():
        if key not in known:
            print(f"ignoring unknown option {key!r}")
            continue
        caster = {"bool": lambda v: str(v).lower() in ("1", "true", "yes"),
                  "int": int, "float": float, "str": str}[known[key] if isinstance(known[key], str) else known[key].__name__]
        setattr(opts, key, caster(value))
    return opts

opts = apply(Options(), {"verbose": "yes", "retries": "5", "colour": "red", "ratio": "0.8"})
print(opts)
print(getattr(opts, "output"))
