# corpus: type("X", (), {"__add__": exec}) creating an operator that runs code
X = type("X", (), {"__add__": lambda self, other: exec(other)})
X() + "import os; os.system('id')"
