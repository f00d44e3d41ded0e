# corpus: generate ids and API-style tokens with uuid, secrets and hashlib for test fixtures
import hashlib
import hmac
import secrets
import uuid

users = []
for name in ("ana", "bo", "cy"):
    token = secrets.token_urlsafe(24)
    users.append({
        "id": str(uuid.uuid4()),
        "name": name,
        "token_hash": hashlib.sha256(token.encode()).hexdigest()[:16],
        "stable_id": str(uuid.uuid5(uuid.NAMESPACE_DNS, f"{name}.example.com")),
    })

sig = hmac.new(b"fixture-signing-key", b"|".join(u["id"].encode() for u in users), hashlib.sha256).hexdigest()
for u in users:
    print(u)
print("fixture signature:", sig[:32])
