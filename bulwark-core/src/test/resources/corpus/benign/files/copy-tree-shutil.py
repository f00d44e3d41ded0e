# corpus: copy a template directory inside /work with shutil and report disk usage
import shutil
from pathlib import Path

template = Path("/work/template")
(template / "config").mkdir(parents=True, exist_ok=True)
(template / "config" / "settings.ini").write_text("[app]\ndebug = false\n")
(template / "main.txt").write_text("hello\n")

dest = Path("/work/project-copy")
if dest.exists():
    shutil.rmtree(dest)
shutil.copytree(template, dest, ignore=shutil.ignore_patterns("*.tmp", "__pycache__"))
shutil.copy2(template / "main.txt", dest / "main.bak")

for p in sorted(dest.rglob("*")):
    print(p.relative_to(dest), "dir" if p.is_dir() else p.stat().st_size)
usage = shutil.disk_usage("/work")
print(f"free space: {usage.free // (1024 * 1024)} MiB")
