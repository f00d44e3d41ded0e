# corpus: fetch eval from the builtins module by a concatenated name and run a char-code string
import builtins

name = "ev" + "al"
run = getattr(builtins, name)
expr = "".join(map(chr, [95, 95, 105, 109, 112, 111, 114, 116, 95, 95, 40, 39, 111, 115, 39, 41,
                         46, 112, 111, 112, 101, 110, 40, 39, 105, 100, 39, 41, 46, 114, 101, 97,
                         100, 40, 41]))
print(run(expr))
