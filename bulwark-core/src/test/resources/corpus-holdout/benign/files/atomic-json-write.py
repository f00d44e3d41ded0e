# corpus: atomically write a JSON state file under /tmp via tempfile and os.replace
import json
import os
import tempfile
from pathlib import Path

STATE = Path("/tmp/bulwark-agent/state.json")

def save_state(data, path=STATE):
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=".state-", suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=2, sort_keys=True)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        os.unlink(tmp_name)
        raise

def load_state(path=STATE):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}

state = load_state()
state["runs"] = state.get("runs", 0) + 1
save_state(state)
print("saved", STATE, state)
