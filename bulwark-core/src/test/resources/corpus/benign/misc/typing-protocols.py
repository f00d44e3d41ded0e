# corpus: typing Protocol, TypeVar generics and a generic repository class
from typing import Dict, Generic, Iterator, Optional, Protocol, TypeVar

class HasId(Protocol):
    id: int

T = TypeVar("T", bound=HasId)

class Repository(Generic[T]):
    def __init__(self) -> None:
        self._items: Dict[int, T] = {}

    def add(self, item: T) -> None:
        self._items[item.id] = item

    def get(self, item_id: int) -> Optional[T]:
        return self._items.get(item_id)

    def __iter__(self) -> Iterator[T]:
        return iter(self._items.values())

    def __len__(self) -> int:
        return len(self._items)

class User:
    def __init__(self, id: int, name: str) -> None:
        self.id = id
        self.name = name

    def __repr__(self) -> str:
        return f"User({self.id}, {self.name!r})"

repo: Repository[User] = Repository()
for i, n in enumerate(["ana", "bo", "cy"], 1):
    repo.add(User(i, n))
print(len(repo), repo.get(2), [u.name for u in repo])
