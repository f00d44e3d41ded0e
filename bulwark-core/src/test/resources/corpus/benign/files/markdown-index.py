# corpus: build an index.md listing all markdown notes and their titles
from pathlib import Path

notes = Path("/work/notes")
notes.mkdir(parents=True, exist_ok=True)
samples = {"setup.md": "# Setup\nsteps...", "ideas.md": "# Ideas\n- a\n- b", "todo.md": "no heading"}
for name, body in samples.items():
    (notes / name).write_text(body)

def title_of(path: Path) -> str:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return path.stem.replace("-", " ").title()

entries = sorted((title_of(p), p.name) for p in notes.glob("*.md") if p.name != "index.md")
index = ["# Index", ""] + [f"- [{t}]({n})" for t, n in entries]
(notes / "index.md").write_text("\n".join(index) + "\n")
print("\n".join(index))
