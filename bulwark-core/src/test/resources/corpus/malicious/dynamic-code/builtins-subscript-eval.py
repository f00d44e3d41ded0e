# corpus: eval fetched from __builtins__ by subscript/attribute and called indirectly
b = __builtins__
ev = b["eval"] if isinstance(b, dict) else getattr(b, "eval")
ev("__import__('os').system('id')")
