# corpus: itertools recipes: chunking, pairwise, groupby and combinations
import itertools
from operator import itemgetter

def chunked(iterable, n):
    it = iter(iterable)
    while batch := tuple(itertools.islice(it, n)):
        yield batch

print(list(chunked(range(10), 3)))
print(list(itertools.pairwise("ABCD")))
print(list(itertools.accumulate([3, 1, 4, 1, 5], max)))

events = [("mon", "run"), ("mon", "swim"), ("tue", "run"), ("wed", "bike"), ("wed", "run")]
for day, group in itertools.groupby(events, key=itemgetter(0)):
    print(day, [activity for _, activity in group])

menu = {"soup": 4, "salad": 5, "pasta": 9, "cake": 3}
budget = 12
combos = [c for r in (2, 3) for c in itertools.combinations(menu, r) if sum(menu[x] for x in c) <= budget]
print(combos)
print(list(itertools.product("xy", repeat=2)))
