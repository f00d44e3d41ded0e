# corpus: eval of untrusted input() text (arbitrary expression execution)
expr = input("calc> ")
print(eval(expr))
