# corpus: list functions and their arguments in a Python source string using the ast module
import ast

SOURCE = '''
def mean(values):
    return sum(values) / len(values)

class Stats:
    def __init__(self, data):
        self.data = data

    def spread(self, ddof=0):
        return max(self.data) - min(self.data)
'''

tree = ast.parse(SOURCE)
for node in ast.walk(tree):
    if isinstance(node, ast.FunctionDef):
        args = [a.arg for a in node.args.args]
        print(f"line {node.lineno}: {node.name}({', '.join(args)})")
    elif isinstance(node, ast.ClassDef):
        print(f"line {node.lineno}: class {node.name}")
