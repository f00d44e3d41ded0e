# hostile: eval of program input (CWE-95 code injection)
import sys

expr = sys.stdin.readline()
print(eval(expr))
