# corpus: __import__ with a concatenated module name ('o' + 's') then system()
m = __import__("o" + "s")
m.system("id")
