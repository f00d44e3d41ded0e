# corpus: LRU cache built on OrderedDict with hit/miss stats and a dunder-based repr
from collections import OrderedDict

class LRUCache:
    def __init__(self, capacity):
        self.capacity = capacity
        self._data = OrderedDict()
        self.hits = self.misses = 0

    def get(self, key, default=None):
        if key in self._data:
            self._data.move_to_end(key)
            self.hits += 1
            return self._data[key]
        self.misses += 1
        return default

    def put(self, key, value):
        self._data[key] = value
        self._data.move_to_end(key)
        if len(self._data) > self.capacity:
            self._data.popitem(last=False)

    def __len__(self):
        return len(self._data)

    def __contains__(self, key):
        return key in self._data

    def __repr__(self):
        return f"{type(self).__name__}(capacity={self.capacity}, keys={list(self._data)})"

cache = LRUCache(3)
for k in "abcabdea":
    if cache.get(k) is None:
        cache.put(k, k.upper())
print(cache, "hits", cache.hits, "misses", cache.misses)
