# corpus: ast.literal_eval to parse Python-literal settings safely from a text file
import ast
from pathlib import Path

SETTINGS = """
retries = 3
hosts = ['api.example.com', 'data.example.org']
limits = {'cpu': 2, 'memory_mb': 512}
debug = False
"""

def load(text):
    out = {}
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, sep, value = line.partition("=")
        if not sep:
            raise ValueError(f"line {lineno}: expected key = value")
        out[key.strip()] = ast.literal_eval(value.strip())
    return out

path = Path("/work/settings.txt")
path.write_text(SETTINGS)
cfg = load(path.read_text())
print(cfg)
print(type(cfg["limits"]).__name__, cfg["limits"]["memory_mb"])
