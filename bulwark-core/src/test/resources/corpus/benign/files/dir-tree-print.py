# corpus: print a directory tree of /work like the tree command
import os
import sys

def tree(path, prefix="", max_depth=3, depth=0):
    try:
        entries = sorted(os.scandir(path), key=lambda e: (not e.is_dir(), e.name))
    except PermissionError:
        return
    entries = [e for e in entries if not e.name.startswith(".")]
    for i, entry in enumerate(entries):
        last = i == len(entries) - 1
        print(prefix + ("└── " if last else "├── ") + entry.name + ("/" if entry.is_dir() else ""))
        if entry.is_dir(follow_symlinks=False) and depth + 1 < max_depth:
            tree(entry.path, prefix + ("    " if last else "│   "), max_depth, depth + 1)

root = sys.argv[1] if len(sys.argv) > 1 else "/work"
print(root)
tree(root)
