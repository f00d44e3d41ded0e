# corpus: prefix trie with insert, autocomplete and word counts using __slots__ nodes
class Node:
    __slots__ = ("children", "count")

    def __init__(self):
        self.children = {}
        self.count = 0

class Trie:
    def __init__(self, words=()):
        self.root = Node()
        for w in words:
            self.insert(w)

    def insert(self, word):
        node = self.root
        for ch in word:
            node = node.children.setdefault(ch, Node())
        node.count += 1

    def complete(self, prefix, limit=5):
        node = self.root
        for ch in prefix:
            node = node.children.get(ch)
            if node is None:
                return []
        found = []
        stack = [(node, prefix)]
        while stack and len(found) < limit:
            cur, text = stack.pop()
            if cur.count:
                found.append(text)
            for ch in sorted(cur.children, reverse=True):
                stack.append((cur.children[ch], text + ch))
        return found

t = Trie("car cart carbon care cargo cat catalog dog".split())
print(t.complete("car"))
print(t.complete("cat"))
print(t.complete("z"))
