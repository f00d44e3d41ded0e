# corpus: typing Protocol and generics with itertools batching and base64/hashlib of the program's own manifest
from __future__ import annotations

import base64
import hashlib
import itertools
import json
from typing import Generic, Iterable, Iterator, Protocol, TypeVar

T = TypeVar("T")

class Named(Protocol):
    name: str

class Artifact:
    def __init__(self, name: str, size: int) -> None:
        self.name = name
        self.size = size

class Registry(Generic[T]):
    def __init__(self) -> None:
        self._items: dict[str, T] = {}

    def add(self, item: T, key: str) -> None:
        self._items[key] = item

    def __iter__(self) -> Iterator[T]:
        return iter(self._items.values())

def batched(items: Iterable[T], n: int) -> Iterator[tuple[T, ...]]:
    it = iter(items)
    while chunk := tuple(itertools.islice(it, n)):
        yield chunk

def names(items: Iterable[Named]) -> list[str]:
    return [i.name for i in items]

reg: Registry[Artifact] = Registry()
for i in range(7):
    a = Artifact(f"part-{i}.bin", 1024 * (i + 1))
    reg.add(a, a.name)

manifest = json.dumps({"files": names(reg)}, sort_keys=True).encode()
token = base64.urlsafe_b64encode(manifest).decode()
checksum = hashlib.blake2b(manifest, digest_size=16).hexdigest()
assert base64.urlsafe_b64decode(token) == manifest

for group in batched(reg, 3):
    print([a.name for a in group], sum(a.size for a in group))
print("manifest token:", token[:32] + "...", "blake2b:", checksum)
