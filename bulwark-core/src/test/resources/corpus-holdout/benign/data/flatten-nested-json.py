# corpus: flatten nested JSON records into dotted keys using json.loads and recursion
import json

payload = json.loads("""
[
  {"id": 1, "user": {"name": "ada", "langs": ["py", "rs"]}, "meta": {"active": true}},
  {"id": 2, "user": {"name": "lin", "langs": []}, "meta": {"active": false, "note": null}}
]
""")

def flatten(obj, prefix=""):
    out = {}
    if isinstance(obj, dict):
        for key, value in obj.items():
            out.update(flatten(value, f"{prefix}{key}."))
    elif isinstance(obj, list):
        for i, value in enumerate(obj):
            out.update(flatten(value, f"{prefix}{i}."))
    else:
        out[prefix.rstrip(".")] = obj
    return out

for record in payload:
    print(json.dumps(flatten(record), sort_keys=True))
