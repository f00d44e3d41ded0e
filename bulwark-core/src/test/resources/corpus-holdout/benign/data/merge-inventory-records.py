# corpus: merge two inventory lists by SKU with collections.defaultdict and a conflict report
from collections import defaultdict

warehouse_a = [("SKU-1", 10), ("SKU-2", 4), ("SKU-9", 0)]
warehouse_b = [("SKU-2", 6), ("SKU-3", 12), ("SKU-9", 3)]

totals = defaultdict(int)
sources = defaultdict(list)
for name, stock in (("A", warehouse_a), ("B", warehouse_b)):
    for sku, qty in stock:
        totals[sku] += qty
        sources[sku].append(name)

shared = sorted(sku for sku, where in sources.items() if len(where) > 1)
print("totals:", dict(sorted(totals.items())))
print("in both warehouses:", shared)
print("out of stock somewhere:", [s for s, q in warehouse_a + warehouse_b if q == 0])
