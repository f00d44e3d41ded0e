# corpus: trie for prefix autocomplete over a word list
class Node:
    __slots__ = ("children", "terminal")

    def __init__(self):
        self.children = {}
        self.terminal = False

class Trie:
    def __init__(self, words=()):
        self.root = Node()
        for w in words:
            self.insert(w)

    def insert(self, word):
        node = self.root
        for ch in word:
            node = node.children.setdefault(ch, Node())
        node.terminal = True

    def complete(self, prefix, limit=5):
        node = self.root
        for ch in prefix:
            if ch not in node.children:
                return []
            node = node.children[ch]
        out, stack = [], [(node, prefix)]
        while stack and len(out) < limit:
            cur, acc = stack.pop()
            if cur.terminal:
                out.append(acc)
            for ch in sorted(cur.children, reverse=True):
                stack.append((cur.children[ch], acc + ch))
        return out

t = Trie(["car", "card", "care", "careful", "cat", "dog", "door", "dorm"])
print(t.complete("car"), t.complete("do"), t.complete("z"))
