# corpus: compile() of a constructed source string followed by exec of the code object
parts = ["import", " ", "so"[::-1], "\n", "os", ".", "system", "('whoami')"]
code = compile("".join(parts), "<string>", "exec")
exec(code, {})
