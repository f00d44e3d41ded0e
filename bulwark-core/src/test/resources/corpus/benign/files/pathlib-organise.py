# corpus: sort files in /work/inbox into subfolders by extension with pathlib
from pathlib import Path

inbox = Path("/work/inbox")
inbox.mkdir(parents=True, exist_ok=True)
for sample in ("report.pdf", "photo.jpg", "notes.txt", "data.csv", "README"):
    (inbox / sample).touch()

moved = 0
for item in sorted(inbox.iterdir()):
    if not item.is_file():
        continue
    bucket = item.suffix.lstrip(".").lower() or "no_extension"
    target_dir = inbox / bucket
    target_dir.mkdir(exist_ok=True)
    item.rename(target_dir / item.name)
    moved += 1

print(f"moved {moved} files")
for d in sorted(p for p in inbox.iterdir() if p.is_dir()):
    print(d.name, [f.name for f in d.iterdir()])
