# corpus: tokenizer and shunting-yard evaluator for arithmetic expressions
import operator
import re

TOKEN = re.compile(r"\s*(?:(\d+\.?\d*)|(.))")
OPS = {"+": (1, operator.add), "-": (1, operator.sub), "*": (2, operator.mul), "/": (2, operator.truediv)}

def tokens(expr):
    for number, op in TOKEN.findall(expr):
        yield float(number) if number else op

def to_rpn(expr):
    out, stack = [], []
    for tok in tokens(expr):
        if isinstance(tok, float):
            out.append(tok)
        elif tok in OPS:
            while stack and stack[-1] in OPS and OPS[stack[-1]][0] >= OPS[tok][0]:
                out.append(stack.pop())
            stack.append(tok)
        elif tok == "(":
            stack.append(tok)
        elif tok == ")":
            while stack[-1] != "(":
                out.append(stack.pop())
            stack.pop()
    return out + stack[::-1]

def calculate(expr):
    stack = []
    for tok in to_rpn(expr):
        if isinstance(tok, float):
            stack.append(tok)
        else:
            b, a = stack.pop(), stack.pop()
            stack.append(OPS[tok][1](a, b))
    return stack[0]

for e in ["1 + 2 * 3", "(1 + 2) * 3", "10 / 4 - 1", "2 * (3 + 4) * 5"]:
    print(e, "=", calculate(e))
