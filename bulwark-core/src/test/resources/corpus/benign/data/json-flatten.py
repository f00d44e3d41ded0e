# corpus: flatten nested JSON records into dotted keys
import json

raw = '''
[{"id": 1, "user": {"name": "ana", "geo": {"city": "Lisbon"}}, "tags": ["x", "y"]},
 {"id": 2, "user": {"name": "bo", "geo": {"city": "Oslo"}}, "tags": []}]
'''

def flatten(obj, prefix=""):
    out = {}
    if isinstance(obj, dict):
        for k, v in obj.items():
            out.update(flatten(v, f"{prefix}{k}."))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            out.update(flatten(v, f"{prefix}{i}."))
    else:
        out[prefix.rstrip(".")] = obj
    return out

records = json.loads(raw)
for rec in records:
    print(flatten(rec))
