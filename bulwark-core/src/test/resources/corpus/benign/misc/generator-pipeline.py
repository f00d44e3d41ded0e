# corpus: generator pipeline for lazy log processing with yield from
def read_lines(lines):
    for line in lines:
        yield line.rstrip("\n")

def parse(lines):
    for line in lines:
        if not line or line.startswith("#"):
            continue
        level, _, msg = line.partition(" ")
        yield level, msg

def only(levels, records):
    yield from ((lvl, msg) for lvl, msg in records if lvl in levels)

def numbered(records, start=1):
    for i, rec in enumerate(records, start):
        yield i, *rec

RAW = ["# header\n", "INFO started\n", "WARN disk 85%\n", "INFO tick\n", "ERROR disk full\n", "\n"]
for n, level, msg in numbered(only({"WARN", "ERROR"}, parse(read_lines(RAW)))):
    print(f"{n}. [{level}] {msg}")
