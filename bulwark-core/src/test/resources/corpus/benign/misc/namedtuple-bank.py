# corpus: namedtuple and collections.Counter/deque bookkeeping for transactions
from collections import Counter, defaultdict, deque, namedtuple

Txn = namedtuple("Txn", "id account amount kind")

ledger = [
    Txn(1, "acc1", 100, "deposit"), Txn(2, "acc2", 40, "deposit"),
    Txn(3, "acc1", -30, "withdrawal"), Txn(4, "acc1", -5, "fee"),
    Txn(5, "acc2", -10, "withdrawal"), Txn(6, "acc3", 500, "deposit"),
]

balances = defaultdict(int)
recent = deque(maxlen=3)
for t in ledger:
    balances[t.account] += t.amount
    recent.append(t.id)

print(dict(balances))
print("kinds:", Counter(t.kind for t in ledger))
print("last three:", list(recent))
print(ledger[0]._asdict(), ledger[0]._replace(amount=0))
