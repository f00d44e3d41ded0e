# Bulwark's Python runner. It runs inside the sandbox, as the interpreter that will run the code:
# it parses the program (no parser differential), writes a compact summary of what the program
# uses to stdout as one frame, and waits for the host's verdict on stdin. Only on "run" does any
# user code execute, in a fresh __main__. The host decides; nothing here is a security boundary.
#
# Protocol on fd 0 and 1 (RunnerFrame.java): the runner, loaded, writes b"\0BULWARK-READY\n"; the
# host sends "code\n" once the program is at PATH (a warm sandbox starts before its program
# exists); the runner answers with b"\0BULWARK-SUMMARY <length>\n" + JSON of <length> bytes; the
# host sends its verdict as one line, then the program's stdin.
#
# Start-up time is every run's cost, so this imports only what the interpreter has already loaded
# and the parser's own node types (_ast); the ast, json and re modules would add ~15 ms.
import _ast as ast
import builtins
import codecs
import os
import sys

PATH = sys.argv[1]


def site_setup():
    """What the site module does at start (the interpreter runs with -S): the installed packages on
    sys.path, and exit(), quit(), help() and friends. It skips the .pth files of installed packages,
    which on Debian import setuptools' distutils shim and build matplotlib's namespace package by
    hand: a third of the interpreter's start-up. Namespace packages import without them (PEP 420)."""
    import site
    for path in site.getsitepackages():
        if path not in sys.path and os.path.isdir(path):
            sys.path.append(path)
    site.setquit()
    site.setcopyright()
    site.sethelper()


site_setup()
# Attribute names that reach frames, code and the object graph, whatever their owner.
FRAME_PREFIXES = ("f_", "gi_", "cr_", "ag_", "tb_", "co_", "func_")
MAX_STRING = 300
NETWORK_METHODS = {"connect", "connect_ex", "sendto", "request", "urlopen", "get", "post", "put",
                   "patch", "delete", "head", "options", "stream", "ws_connect", "create_connection"}
TYPES = {name for name, v in vars(builtins).items() if isinstance(v, type)}


def cookie_of(source):
    """The declared source encoding (PEP 263, lines 1-2), normalised; None when there is none."""
    if source.startswith(codecs.BOM_UTF8):
        return "utf-8"
    for i, line in enumerate(source.split(b"\n", 2)[:2]):
        text = line.decode("latin-1").lstrip(" \t\f")
        if not text.startswith("#"):
            if i == 0 and text.strip() == "":
                continue  # a blank first line: the cookie may be on the second
            return None
        at = text.find("coding", 1)
        while at >= 0:  # the PEP 263 pattern: #.*?coding[:=][ \t]*([-\w.]+)
            rest = text[at + 6:]
            if rest[:1] in (":", "="):
                name = rest[1:].lstrip(" \t")
                end = 0
                while end < len(name) and (name[end].isalnum() or name[end] in "-_."):
                    end += 1
                if end:
                    try:
                        return codecs.lookup(name[:end]).name
                    except LookupError:
                        return name[:end]
            at = text.find("coding", at + 1)
    return None


def nfkc(text):
    """Text as Python reads identifiers: NFKC-normalised (ｅｘｅｃ is exec)."""
    if text.isascii():
        return text
    import unicodedata
    return unicodedata.normalize("NFKC", text)


def iter_child_nodes(node):
    for name in node._fields:
        value = getattr(node, name, None)
        if isinstance(value, ast.AST):
            yield value
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, ast.AST):
                    yield item


def walk(node):
    """Every node, breadth first, as ast.walk."""
    todo = [node]
    for n in todo:
        todo.extend(iter_child_nodes(n))
    return todo


class NodeVisitor:
    def visit(self, node):
        return getattr(self, "visit_" + type(node).__name__, self.generic_visit)(node)

    def generic_visit(self, node):
        for child in iter_child_nodes(node):
            self.visit(child)


def dumps(value):
    """JSON of dicts, lists, strings, numbers, booleans and None; ASCII only."""
    out = []
    write(value, out)
    return "".join(out)


ESCAPES = {i: "\\u%04x" % i for i in range(32)}
ESCAPES.update({ord('"'): '\\"', ord("\\"): "\\\\"})


def write(v, out):
    if v is None:
        out.append("null")
    elif v is True:
        out.append("true")
    elif v is False:
        out.append("false")
    elif isinstance(v, str):
        text = v.translate(ESCAPES)
        if not text.isascii():  # also keeps lone surrogates out of the UTF-8 frame
            text = "".join(c if ord(c) < 128 else "\\u%04x" % ord(c) if ord(c) < 0x10000 else
                           "\\u%04x\\u%04x" % (0xD800 + ((ord(c) - 0x10000) >> 10),
                                                0xDC00 + ((ord(c) - 0x10000) & 0x3FF))
                           for c in text)
        out.append('"' + text + '"')
    elif isinstance(v, (int, float)):
        out.append(repr(v) if v == v and v not in (float("inf"), float("-inf")) else "null")
    elif isinstance(v, dict):
        out.append("{")
        for i, (k, item) in enumerate(v.items()):
            if i:
                out.append(",")
            write(str(k), out)
            out.append(":")
            write(item, out)
        out.append("}")
    else:
        out.append("[")
        for i, item in enumerate(v):
            if i:
                out.append(",")
            write(item, out)
        out.append("]")


def member(base, name):
    """base.name, where builtins are spelled by their bare name (builtins.exec is exec)."""
    if base is None:
        return None
    return name if base in ("__builtins__", "builtins", "__builtins__.__dict__") else base + "." + name


def callee(summary, call):
    """What a call calls: its resolved name, or ?.method for a method of an unknown object."""
    r = summary.resolve(call.func)
    if r is None and isinstance(call.func, ast.Attribute):
        return "?." + call.func.attr
    return r


class Summary(NodeVisitor):
    def __init__(self, lines):
        self.lines = lines
        self.aliases = {}  # local name -> dotted origin ("os.system", "subprocess")
        self.constants = {}  # name assigned exactly once to a string constant
        self.assigned = {}
        self.out = {k: [] for k in ("imports", "calls", "refs", "attrs", "strings", "decorators",
                                    "classes", "bindings", "writes", "confusables")}
        self.call_funcs = set()
        self.bases = set()
        self.seen_strings = set()

    # ---- resolution -------------------------------------------------------------------------
    def prepass(self, tree):
        for node in walk(tree):
            if isinstance(node, ast.Import):
                for a in node.names:
                    if a.asname:
                        self.aliases[a.asname] = a.name
                    else:
                        top = a.name.split(".")[0]
                        self.aliases[top] = top
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                for a in node.names:
                    self.aliases[a.asname or a.name] = node.module + "." + a.name
            elif isinstance(node, ast.Assign):
                for t in node.targets:
                    if isinstance(t, ast.Name):
                        self.assigned[t.id] = self.assigned.get(t.id, 0) + 1
        # Simple aliases and constants, assigned once: f = os.system; URL = "https://...".
        for node in walk(tree):
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                t = node.targets[0]
                if isinstance(t, ast.Name) and self.assigned.get(t.id) == 1:
                    c = self.const(node.value)
                    if isinstance(c, str):
                        self.constants[t.id] = c
                    else:
                        r = self.resolve(node.value)
                        if r and t.id not in self.aliases:
                            self.aliases[t.id] = r

    def resolve(self, node):
        """The dotted name an expression stands for, when it is knowable without running it."""
        if isinstance(node, ast.Name):
            if node.id in self.aliases:
                return self.aliases[node.id]
            if node.id in vars(builtins) or node.id == "__builtins__":
                return node.id
            return None
        if isinstance(node, ast.Attribute):
            return member(self.resolve(node.value), node.attr)
        if isinstance(node, ast.Subscript):
            base, key = self.resolve(node.value), self.const(node.slice)
            if base is None or not isinstance(key, str):
                return None
            if base == "sys.modules":
                return key
            if base == "globals()" or base in ("__builtins__", "builtins"):
                return member("__builtins__", key)
            if base.endswith(".__dict__"):
                return member(base[: -len(".__dict__")], key)
            return None
        if isinstance(node, ast.Call):
            f = self.resolve(node.func)
            args = node.args
            if f in ("__import__", "importlib.import_module") and args:
                return self.const(args[0]) if isinstance(self.const(args[0]), str) else None
            if f == "getattr" and len(args) >= 2:
                name = self.const(args[1])
                return member(self.resolve(args[0]), name) if isinstance(name, str) else None
            if f == "globals" and not args:
                return "globals()"
            if f == "vars" and len(args) == 1:
                base = self.resolve(args[0])
                return base + ".__dict__" if base else None
            return None
        return None

    def const(self, node):
        """The value of a constant expression (folded), or None."""
        if isinstance(node, ast.Constant):
            v = node.value
            return v if isinstance(v, (str, int, float, bool)) else (
                v.decode("latin-1") if isinstance(v, bytes) else None)
        if isinstance(node, ast.Name):
            return self.constants.get(node.id)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            a, b = self.const(node.left), self.const(node.right)
            return a + b if isinstance(a, str) and isinstance(b, str) else None
        if isinstance(node, ast.JoinedStr):
            parts = [self.const(v) for v in node.values]
            return "".join(parts) if all(isinstance(p, str) for p in parts) else None
        if isinstance(node, (ast.Tuple, ast.List)):
            items = [self.const(e) for e in node.elts]
            return items if all(i is not None for i in items) else None
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr == "join" and len(node.args) == 1):
            sep, items = self.const(node.func.value), self.const(node.args[0])
            if isinstance(sep, str) and isinstance(items, list) and all(isinstance(i, str) for i in items):
                return sep.join(items)
        return None

    def value(self, node):
        """An argument as the host sees it: its constant, {"prefix": ...} for a string with a
        constant beginning (f"https://host/{x}"), {"ref": name} for a resolved name, or None."""
        c = self.const(node)
        if c is not None:
            return c
        if isinstance(node, (ast.Tuple, ast.List)) and len(node.elts) <= 8:
            return [self.value(e) for e in node.elts]  # a socket address: (f"10.0.0.{i}", 22)
        prefix = self.prefix(node)
        if prefix:
            return {"prefix": prefix}
        r = self.resolve(node)
        return {"ref": r} if r else None

    def prefix(self, node):
        if isinstance(node, ast.JoinedStr):
            out = ""
            for v in node.values:
                c = self.const(v)
                if not isinstance(c, str):
                    break
                out += c
            return out
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
            left = self.const(node.left)
            return left if isinstance(left, str) else self.prefix(node.left)
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr == "format"):
            c = self.const(node.func.value)
            return c.split("{", 1)[0] if isinstance(c, str) else ""
        return ""

    # ---- recording --------------------------------------------------------------------------
    def at(self, node, **fields):
        fields["line"] = getattr(node, "lineno", 0)
        fields["col"] = getattr(node, "col_offset", -1) + 1
        return fields

    def string(self, node, text):
        text = nfkc(text)
        if "__" in text or "://" in text or text.startswith("/") or any(
                p in text for p in ("f_globals", "f_back", "gi_frame", "tb_frame", "f_builtins")):
            key = (text[:MAX_STRING], node.lineno)
            if key not in self.seen_strings:
                self.seen_strings.add(key)
                self.out["strings"].append(self.at(node, value=text[:MAX_STRING]))

    def confusable(self, node, name):
        """An identifier written with characters that NFKC folds (ｅｘｅｃ reads as exec)."""
        if not self.lines or node.lineno > len(self.lines):
            return
        raw_line = self.lines[node.lineno - 1]
        raw = raw_line[node.col_offset:node.col_offset + len(name.encode()) * 4]
        try:
            raw = raw.decode("utf-8", "replace")
        except Exception:
            return
        if not raw.isascii():
            end = 0
            while end < len(raw) and (raw[end].isalnum() or raw[end] == "_" or not raw[end].isascii()):
                end += 1
            word = raw[:end]
            if word and word != name and nfkc(word) == name:
                self.out["confusables"].append(self.at(node, name=name, raw=word))

    # ---- visitors ---------------------------------------------------------------------------
    def visit_Import(self, node):
        for a in node.names:
            self.out["imports"].append(self.at(node, module=a.name, name=None))

    def visit_ImportFrom(self, node):
        if node.module and not node.level:
            for a in node.names:
                self.out["imports"].append(self.at(node, module=node.module, name=a.name))

    def visit_Call(self, node):
        self.call_funcs.add(id(node.func))
        name = self.resolve(node.func)
        dynamic = False
        if name is None and isinstance(node.func, ast.Attribute):
            name = "?." + node.func.attr
            if node.func.attr not in NETWORK_METHODS and not node.func.attr.startswith("__"):
                name = None
        if name in ("getattr", "setattr", "delattr", "hasattr") and len(node.args) >= 2:
            attr = self.const(node.args[1])
            dynamic = not isinstance(attr, str)
            if not dynamic:  # getattr(x, "__cla" + "ss__") is x.__class__
                self.out["attrs"].append(self.at(node, name=nfkc(attr)))
            if name == "setattr" and len(node.args) >= 3 and not dynamic:
                self.out["bindings"].append(self.at(
                    node, target=self.const(node.args[1]), value=self.resolve(node.args[2]),
                    context="setattr"))
        folded = self.const(node)
        if isinstance(folded, str):
            self.string(node, folded)  # "".join(["__glo", "bals__"])
        if name is not None:
            self.out["calls"].append(self.at(
                node, name=name, dynamic=dynamic,
                args=[self.value(a) for a in node.args[:4]],
                kwargs={k.arg: self.value(k.value) for k in node.keywords if k.arg},
                argCalls=[callee(self, a) for a in node.args[:2] if isinstance(a, ast.Call)]))
        self.generic_visit(node)

    def visit_Name(self, node):
        self.confusable(node, node.id)
        if self.is_value(node):
            r = self.resolve(node)
            if r is not None and (node.id in self.aliases or r not in TYPES):
                self.out["refs"].append(self.at(node, name=r))
        if node.id.startswith("__") and node.id.endswith("__"):
            self.out["attrs"].append(self.at(node, name=node.id))

    def visit_Attribute(self, node):
        self.bases.add(id(node.value))
        a = node.attr
        if (a.startswith("__") and a.endswith("__")) or a.startswith(FRAME_PREFIXES) or a == "_getframe":
            self.out["attrs"].append(self.at(node, name=a))
        if self.is_value(node):
            r = self.resolve(node)
            if r is not None:
                self.out["refs"].append(self.at(node, name=r))
        if isinstance(node.ctx, ast.Store):
            self.write(node)
        self.generic_visit(node)

    def is_value(self, node):
        """A name used as a value (passed, stored, returned), not called nor dereferenced."""
        return (isinstance(node.ctx, ast.Load) and id(node) not in self.call_funcs
                and id(node) not in self.bases)

    def visit_Subscript(self, node):
        if isinstance(node.ctx, (ast.Store, ast.Del)):
            self.write(node)
        self.generic_visit(node)

    def write(self, node):
        base = node.value
        r = self.resolve(base)
        if isinstance(base, ast.Call) and isinstance(base.func, ast.Name) and base.func.id in ("globals", "vars", "locals"):
            r = base.func.id + "()"
        if r:
            target = r + ("." + node.attr if isinstance(node, ast.Attribute) else "[]")
            self.out["writes"].append(self.at(node, target=target))

    def visit_BinOp(self, node):
        folded = self.const(node)  # "__subcl" + "asses__" reads as one string
        if isinstance(folded, str) and isinstance(node.op, ast.Add):
            self.string(node, folded)
        self.generic_visit(node)

    def visit_JoinedStr(self, node):
        folded = self.const(node)
        if isinstance(folded, str):
            self.string(node, folded)
        self.generic_visit(node)

    def visit_Constant(self, node):
        if isinstance(node.value, str):
            self.string(node, node.value)
        elif isinstance(node.value, bytes):
            self.string(node, node.value.decode("latin-1"))

    def decorators(self, node):
        for d in node.decorator_list:
            target = d.func if isinstance(d, ast.Call) else d
            self.out["decorators"].append(self.at(
                d, name=self.resolve(target), call=isinstance(d, ast.Call),
                isLambda=isinstance(target, ast.Lambda)))

    def visit_FunctionDef(self, node):
        self.decorators(node)
        if node.name.startswith("__") and node.name.endswith("__"):
            self.out["bindings"].append(self.at(node, target=node.name, value=None, context="def"))
        self.generic_visit(node)

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_ClassDef(self, node):
        self.decorators(node)
        meta = None
        for k in node.keywords:
            if k.arg == "metaclass":
                meta = {"name": self.resolve(k.value), "isLambda": isinstance(k.value, ast.Lambda)}
        self.out["classes"].append(self.at(node, name=node.name, metaclass=meta))
        for stmt in node.body:
            if isinstance(stmt, ast.Assign):
                for t in stmt.targets:
                    if isinstance(t, ast.Name):
                        self.out["bindings"].append(self.at(
                            stmt, target=t.id, value=self.resolve(stmt.value), context="class",
                            isLambda=isinstance(stmt.value, ast.Lambda)))
        self.generic_visit(node)

    def visit_Dict(self, node):
        for k, v in zip(node.keys, node.values):
            key = self.const(k) if k is not None else None
            if isinstance(key, str) and key.startswith("__") and key.endswith("__"):
                self.out["bindings"].append(self.at(
                    node, target=key, value=self.resolve(v), context="dict",
                    isLambda=isinstance(v, ast.Lambda)))
        self.generic_visit(node)


def waivers(source):
    if b"bulwark:" not in source:
        return []
    import io
    import re
    import tokenize
    out = []
    try:
        for tok in tokenize.tokenize(io.BytesIO(source).readline):
            if tok.type == tokenize.COMMENT:
                m = re.search(r"bulwark:\s*allow\s+([\w.\-, ]+)", tok.string)
                if m:
                    rules = [r for r in re.split(r"[,\s]+", m.group(1)) if r]
                    out.append({"line": tok.start[0], "rules": rules})
    except (tokenize.TokenError, SyntaxError):
        pass
    return out


def summarise(source):
    summary = {"v": 1, "parsed": True, "encoding": cookie_of(source)}
    try:
        tree = compile(source, PATH, "exec", ast.PyCF_ONLY_AST, dont_inherit=True)
    except (SyntaxError, ValueError, RecursionError, MemoryError) as e:
        # The interpreter's compile() uses this same parser and fails the same way when the
        # program runs: no differential to exploit, so the program needs no rule to stop it.
        summary["parsed"] = False
        summary["error"] = {"message": str(getattr(e, "msg", e)), "line": getattr(e, "lineno", 0) or 0,
                            "col": getattr(e, "offset", 0) or 0}
        return summary
    lines = source.split(b"\n") if not source.isascii() else None
    s = Summary(lines)
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(20000)  # deep expressions are legal; 3.11 frames cost no C stack
    try:
        s.prepass(tree)
        s.visit(tree)
    except RecursionError:
        summary["incomplete"] = "nested too deeply to analyse"
    finally:
        sys.setrecursionlimit(limit)
    summary.update(s.out)
    summary["waivers"] = waivers(source)
    return summary


def send(summary):
    body = dumps(summary).encode("ascii")
    os.write(1, b"\0BULWARK-SUMMARY %d\n" % len(body))
    view = memoryview(body)
    while view:
        view = view[os.write(1, view):]


def read_line():
    """One line from fd 0, byte by byte, so that nothing of the program's stdin is consumed."""
    line = b""
    while not line.endswith(b"\n"):
        b = os.read(0, 1)
        if not b:
            break
        line += b
    return line.strip()


def run(source):
    main = type(sys)("__main__")
    main.__file__ = PATH
    main.__builtins__ = builtins
    sys.modules["__main__"] = main
    sys.argv[:] = [PATH]
    try:
        code = compile(source, PATH, "exec", dont_inherit=True)
    except (SyntaxError, ValueError) as e:
        sys.excepthook(type(e), e, None)
        finish(1)
    try:
        exec(code, main.__dict__)
        status = 0
    except SystemExit as e:
        status = exit_status(e.code)
    except BaseException as e:
        tb = e.__traceback__.tb_next if e.__traceback__ else None  # drop this runner's frame
        sys.excepthook(type(e), e, e.with_traceback(tb).__traceback__)
        status = 130 if isinstance(e, KeyboardInterrupt) else 1
    finish(status)


def exit_status(code):
    """The status sys.exit(code) ends with, its message printed as the interpreter prints it."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    try:
        print(code, file=sys.stderr)
    except Exception:
        pass
    return 1


def finish(status):
    """Ends as the interpreter does (threads joined, atexit handlers run, streams flushed) but
    skips tearing down every module, a few ms per run that nothing relies on: Python does not
    promise __del__ at exit, and the sandbox and its files are destroyed next."""
    try:
        threading = sys.modules.get("threading")
        if threading is not None:
            threading._shutdown()
        import atexit
        atexit._run_exitfuncs()
    except SystemExit as e:
        status = exit_status(e.code)
    except BaseException:
        pass
    for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
        try:
            stream.flush()
        except Exception:
            pass
    code = status & 0xFF if isinstance(status, int) else 1
    try:  # the end frames: the host has it all now, and need not wait for the teardown
        os.write(2, b"\0BULWARK-END\n")
        os.write(1, b"\0BULWARK-END %d\n" % code)
    except OSError:
        pass  # a stream the program closed: the host waits for the exit instead
    os._exit(code)


EGRESS_SOCKET = "/run/bulwark/proxy.sock"


def egress():
    """The run may reach some hosts: start the forwarder to the host's proxy, and point urllib,
    requests and child processes such as curl at it through the environment."""
    path = "/run/bulwark/egress-forwarder.py"
    with open(path) as f:
        forwarder = {"__name__": "bulwark_egress"}
        exec(compile(f.read(), path, "exec"), forwarder)
    os.environ.update(forwarder["start"]())


def main():
    os.write(1, b"\0BULWARK-READY\n")
    if read_line() != b"code":
        os._exit(0)
    with open(PATH, "rb") as f:
        source = f.read()
    send(summarise(source))
    if read_line() != b"run":
        os._exit(0)
    if os.path.exists(EGRESS_SOCKET):
        egress()
    run(source)


main()
