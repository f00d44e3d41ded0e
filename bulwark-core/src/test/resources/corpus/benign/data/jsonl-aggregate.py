# corpus: aggregate JSON Lines event logs by event type and user
import json
from collections import defaultdict
from pathlib import Path

log = Path("/tmp/events.jsonl")
if not log.exists():
    events = [{"user": u, "type": t, "ms": ms} for u, t, ms in [
        ("u1", "click", 12), ("u2", "view", 40), ("u1", "view", 33),
        ("u3", "click", 8), ("u2", "click", 15), ("u1", "click", 20)]]
    log.write_text("\n".join(json.dumps(e) for e in events) + "\n")

by_type = defaultdict(list)
users = defaultdict(set)
with log.open() as fh:
    for line in fh:
        if not line.strip():
            continue
        ev = json.loads(line)
        by_type[ev["type"]].append(ev["ms"])
        users[ev["type"]].add(ev["user"])

for kind, durations in by_type.items():
    print(f"{kind}: {len(durations)} events, {len(users[kind])} users, "
          f"avg {sum(durations) / len(durations):.1f} ms")
