# corpus: LRU cache implemented with OrderedDict and a small test
from collections import OrderedDict

class LRUCache:
    def __init__(self, capacity: int):
        self.capacity = capacity
        self.data = OrderedDict()
        self.hits = self.misses = 0

    def get(self, key):
        if key not in self.data:
            self.misses += 1
            return None
        self.hits += 1
        self.data.move_to_end(key)
        return self.data[key]

    def put(self, key, value):
        self.data[key] = value
        self.data.move_to_end(key)
        if len(self.data) > self.capacity:
            self.data.popitem(last=False)

cache = LRUCache(3)
for k in "abcabdaec":
    if cache.get(k) is None:
        cache.put(k, k.upper())
print(list(cache.data.items()), f"hits={cache.hits} misses={cache.misses}")
