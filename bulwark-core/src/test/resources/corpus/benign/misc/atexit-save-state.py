# corpus: atexit handler that saves a counter to a JSON file in /work on exit
import atexit
import json
from pathlib import Path

STATE = Path("/work/state.json")
state = json.loads(STATE.read_text()) if STATE.exists() else {"runs": 0}
state["runs"] += 1

def save():
    STATE.write_text(json.dumps(state))
    print("state saved:", state)

atexit.register(save)
print("this is run number", state["runs"])
