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
import gc
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
BUILTIN_NAMES = set(vars(builtins))


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


def same_text(source, encoding):
    """True when the declared encoding reads the source exactly as UTF-8 does: it hides nothing."""
    try:
        return source.decode(encoding) == source.decode("utf-8")
    except (LookupError, UnicodeDecodeError):
        return False


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
    work = 0  # nodes visited, steps folded, bindings propagated: reported so that tests can
    # check that the analysis stays linear in the program's size

    def visit(self, node):
        self.work += 1
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
    if name == "__dict__":
        return base + "." + name
    return name if base in ("__builtins__", "builtins", "__builtins__.__dict__") else base + "." + name


# ---- values ---------------------------------------------------------------------------------
# What an expression is worth before anything runs, and how it was made. A Val holds a constant
# folded from the program's own literals (bounded in size), or UNKNOWN, and its taint: the ways
# it was built (pieces joined, characters, reversed, decoded) and where its data came from
# (stdin, the environment, the network, files, arguments). The host judges what reaches a sink
# (an import, an attribute fetch, exec, FFI, unpickling, name resolution) by both. Folding runs
# only Python's own string, bytes and int operations on constants, never the program's code.
UNKNOWN = object()
NO_TAINT = frozenset()
MAX_VALUE = 65536  # characters, bytes or items a folded value may hold
MAX_ITEMS = 4096  # items a folded comprehension or range may produce
STEPS_PER_NODE = 16  # folding steps per node of the program: the work stays linear in its size
MAX_NESTED = 3  # code strings analysed inside code strings
SAFE_STR_METHODS = {"lower", "upper", "casefold", "swapcase", "title", "capitalize", "strip",
                    "lstrip", "rstrip", "replace", "split", "rsplit", "join", "encode", "decode",
                    "removeprefix", "removesuffix", "hex", "translate", "format", "zfill"}
# Where data comes from, by the callee that returns it.
SOURCE_CALLS = {"input": "stdin", "sys.stdin.read": "stdin", "sys.stdin.readline": "stdin",
                "sys.stdin.readlines": "stdin", "sys.stdin.buffer.read": "stdin",
                "os.getenv": "environment", "os.environ.get": "environment",
                "os.environb.get": "environment", "open": "file", "io.open": "file",
                "codecs.open": "file", "socket.socket": "network"}
SOURCE_KINDS = frozenset(("stdin", "environment", "network", "file", "arguments"))
SOURCE_NAMES = {"sys.argv": "arguments", "os.environ": "environment", "os.environb": "environment",
                "sys.stdin": "stdin", "sys.stdin.buffer": "stdin"}
SOURCE_METHODS = {"read_text": "file", "read_bytes": "file", "recv": "network",
                  "recvfrom": "network", "recv_into": "network", "makefile": "network"}
NETWORK_MODULE_ROOTS = ("urllib.request", "requests", "httpx", "aiohttp", "urllib3", "http.client")
# Calls whose string argument is code: what a nested analysis reads.
CODE_SINKS = {"exec": ("source",), "eval": ("source",), "compile": ("source",),
              "timeit.timeit": ("stmt", "setup"), "timeit.repeat": ("stmt", "setup"),
              "timeit.Timer": ("stmt", "setup"), "?.runsource": ("source",),
              "?.runcode": ("code",)}
HOOK_TARGETS = ("excepthook", "displayhook", "unraisablehook", "breakpointhook")
HOOK_CALLS = {"sys.settrace", "sys.setprofile", "threading.settrace", "threading.setprofile",
              "atexit.register", "signal.signal", "sys.addaudithook", "weakref.finalize"}
ENDLESS_ITERATORS = {"itertools.count", "itertools.cycle"}
GROWTH_METHODS = {"append", "extend", "insert", "add", "update", "setdefault", "write",
                  "writelines", "put", "push", "appendleft"}
HUGE = 1 << 28  # bytes or items of one allocation the host is told about


class Val:
    __slots__ = ("v", "t")

    def __init__(self, v=UNKNOWN, t=NO_TAINT):
        self.v = v
        self.t = t

    def known(self):
        return self.v is not UNKNOWN


def unknown(*taints):
    out = set()
    for t in taints:
        out |= t
    return Val(UNKNOWN, frozenset(out))


def sized(v):
    """v when it is small enough to keep folding, else UNKNOWN."""
    if isinstance(v, (str, bytes, list, tuple, dict)) and len(v) > MAX_VALUE:
        return UNKNOWN
    if isinstance(v, int) and not isinstance(v, bool) and v.bit_length() > 128:
        return UNKNOWN
    return v


def inflate(data, kind):
    """Bounded decompression: never more than MAX_VALUE bytes, whatever the input claims."""
    if kind == "zlib":
        import zlib
        d = zlib.decompressobj()
    elif kind == "gzip":
        import zlib
        d = zlib.decompressobj(31)
    elif kind == "bz2":
        import bz2
        d = bz2.BZ2Decompressor()
        out = d.decompress(data, MAX_VALUE)
        return out if d.eof else UNKNOWN
    else:
        import lzma
        d = lzma.LZMADecompressor()
        out = d.decompress(data, MAX_VALUE)
        return out if d.eof else UNKNOWN
    out = d.decompress(data, MAX_VALUE)
    return out if not d.unconsumed_tail else UNKNOWN


def as_bytes(v):
    if isinstance(v, str):
        return v.encode("latin-1", "ignore") if v.isascii() else v.encode()
    return v if isinstance(v, (bytes, bytearray)) else None


def decoder(name):
    """(function of the folded argument, taint) for the decoders the folder runs, or None."""
    import base64
    import binascii
    table = {
        "base64.b64decode": (base64.b64decode, "base64"),
        "base64.standard_b64decode": (base64.standard_b64decode, "base64"),
        "base64.urlsafe_b64decode": (base64.urlsafe_b64decode, "base64"),
        "base64.decodebytes": (base64.decodebytes, "base64"),
        "base64.b32decode": (base64.b32decode, "base64"),
        "base64.b16decode": (base64.b16decode, "hex"),
        "base64.a85decode": (base64.a85decode, "base64"),
        "base64.b85decode": (base64.b85decode, "base64"),
        "binascii.a2b_base64": (binascii.a2b_base64, "base64"),
        "binascii.unhexlify": (binascii.unhexlify, "hex"),
        "binascii.a2b_hex": (binascii.a2b_hex, "hex"),
        "bytes.fromhex": (bytes.fromhex, "hex"),
        "bytearray.fromhex": (lambda s: bytes(bytearray.fromhex(s)), "hex"),
        "zlib.decompress": (lambda b: inflate(b, "zlib"), "compressed"),
        "gzip.decompress": (lambda b: inflate(b, "gzip"), "compressed"),
        "bz2.decompress": (lambda b: inflate(b, "bz2"), "compressed"),
        "lzma.decompress": (lambda b: inflate(b, "lzma"), "compressed"),
    }
    return table.get(name)


CODECS = {"rot13": "rot13", "rot_13": "rot13", "hex": "hex", "hex_codec": "hex",
          "base64": "base64", "base64_codec": "base64", "zlib": "compressed",
          "zlib_codec": "compressed", "unicode_escape": "escape", "raw_unicode_escape": "escape",
          "uu": "base64", "bz2": "compressed", "bz2_codec": "compressed"}


def codec(data, name, encode):
    """codecs.decode/encode and bytes.decode with the codecs that hide text; (value, taint)."""
    name = (name or "utf-8").lower().replace("-", "_")
    kind = CODECS.get(name)
    if kind == "compressed":
        b = as_bytes(data)
        return (inflate(b, "zlib") if "zlib" in name else inflate(b, "bz2")), kind
    if kind is None and name not in ("utf_8", "utf8", "ascii", "latin_1", "latin1", "iso_8859_1",
                                     "utf_16", "utf_32", "cp1252"):
        return UNKNOWN, None
    import codecs as c
    try:
        return (c.encode(data, name) if encode else c.decode(data, name)), kind
    except Exception:
        return UNKNOWN, kind


def pickle_globals(data):
    """The callables a pickle names (GLOBAL, STACK_GLOBAL), read with pickletools; nothing runs."""
    import pickletools
    names, strings = [], []
    try:
        for op, arg, _ in pickletools.genops(data):
            if op.name in ("GLOBAL", "INST") and isinstance(arg, str):
                names.append(arg.replace(" ", "."))
            elif op.name == "STACK_GLOBAL" and len(strings) >= 2:
                names.append(strings[-2] + "." + strings[-1])
            elif isinstance(arg, str):
                strings.append(arg)
            if len(names) >= 8:
                break
    except Exception:
        pass
    return names


class Scopes:
    """The prepass: imports, scopes, assignments, and each name's flow-insensitive taint."""

    def __init__(self):
        self.aliases = {}  # local name -> dotted origin ("os.system", "subprocess")
        self.alias_taint = {}  # how an alias was resolved, when it needed a built name
        self.scope_parent = {"module": None}
        self.scope_locals = {"module": set()}
        self.scope_globals = {}
        self.singles = {}  # (scope, name) -> the only value node assigned to it
        self.counts = {}
        self.name_counts = {}
        self.edges = []  # (key, node, scope): the key's value depends on node
        self.returns = {}  # local function name -> [(node, scope)]
        self.params = {}  # local function name -> (scope, [parameter names])
        self.taint = {}  # key or ("return", function) -> frozenset
        self.loop_names = {}  # id(loop) -> names assigned in its body
        self.memo = {}
        self.evaluating = set()
        self.defs = {}  # local function name -> its node, for what a hook would run
        self.context_values = {}  # module names earlier cells of a session bound to known values
        self.context_runs = {}  # functions earlier cells defined -> what they call

    def key(self, scope, name):
        """Where a name lives, as Python scopes it: the innermost function that assigns it."""
        s = scope
        while s is not None:
            if name in self.scope_globals.get(s, ()):
                return ("module", name)
            if name in self.scope_locals.get(s, ()) and (s == scope or not str(s).startswith("class")):
                return (s, name)
            s = self.scope_parent.get(s)
        return ("module", name)

    def prepass(self, tree, context=None):
        self.collect(tree, "module", [])
        if context is not None:
            context.seed(self)
        self.taint_fixpoint()
        self.memo.clear()  # values folded before every taint was known
        self.resolve_aliases(list(self.singles))
        self.memo.clear()

    def bind(self, scope, name, node, loops, single=True):
        self.scope_locals[scope].add(name)
        self.edges.append(((scope, name), node, scope))
        k = (scope, name)
        self.counts[k] = self.counts.get(k, 0) + (1 if single else 2)
        self.name_counts[name] = self.name_counts.get(name, 0) + (1 if single else 2)
        if single:
            self.singles[k] = (node, scope)
        for loop in loops:
            self.loop_names[loop].add(name)

    def bind_target(self, scope, target, node, loops, single=True):
        if isinstance(target, ast.Name):
            self.bind(scope, target.id, node, loops, single)
        elif isinstance(target, (ast.Tuple, ast.List)):
            for t in target.elts:
                self.bind_target(scope, t.value if isinstance(t, ast.Starred) else t, node, loops,
                                 False)

    def collect(self, node, scope, loops):
        """One walk: scopes, bindings and loops. Iterative for statements' children lists."""
        todo = [(node, scope, loops)]
        while todo:
            n, scope, loops = todo.pop()
            self.work += 1
            if isinstance(n, ast.Import):
                for a in n.names:
                    if a.asname:
                        self.aliases[a.asname] = a.name
                    else:
                        top = a.name.split(".")[0]
                        self.aliases[top] = top
            elif isinstance(n, ast.ImportFrom) and n.module and not n.level:
                for a in n.names:
                    self.aliases[a.asname or a.name] = n.module + "." + a.name
            elif isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
                inner = ("class" if isinstance(n, ast.ClassDef) else "def") + str(id(n))
                self.scope_parent[inner] = scope
                self.scope_locals[inner] = set()
                if isinstance(n, ast.ClassDef):
                    todo.extend((c, scope, loops) for c in n.bases + n.keywords + n.decorator_list)
                    todo.extend((c, inner, []) for c in n.body)
                    continue
                args = n.args
                names = [a.arg for a in args.posonlyargs + args.args]
                for a in names + [a.arg for a in args.kwonlyargs] + [
                        a.arg for a in (args.vararg, args.kwarg) if a]:
                    self.scope_locals[inner].add(a)
                if not isinstance(n, ast.Lambda):
                    self.scope_locals[scope].add(n.name)
                    self.defs[n.name] = n
                    self.params[n.name] = (inner, names)
                    todo.extend((c, scope, loops) for c in n.decorator_list)
                    todo.extend((c, inner, []) for c in n.body)
                    if n.returns:
                        todo.append((n.returns, scope, loops))
                else:
                    todo.append((n.body, inner, []))
                todo.extend((d, scope, loops) for d in args.defaults + [
                    d for d in args.kw_defaults if d is not None])
                continue
            elif isinstance(n, ast.Global):
                self.scope_globals.setdefault(scope, set()).update(n.names)
            elif isinstance(n, ast.Assign):
                for t in n.targets:
                    self.bind_target(scope, t, n.value, loops, len(n.targets) == 1)
            elif isinstance(n, (ast.AugAssign, ast.AnnAssign)) and n.value is not None:
                self.bind_target(scope, n.target, n.value, loops, isinstance(n, ast.AnnAssign))
            elif isinstance(n, ast.NamedExpr):
                self.bind_target(scope, n.target, n.value, loops, False)
            elif isinstance(n, ast.comprehension):
                self.bind_target(scope, n.target, n.iter, loops, False)
            elif isinstance(n, ast.withitem) and n.optional_vars is not None:
                self.bind_target(scope, n.optional_vars, n.context_expr, loops, False)
            elif isinstance(n, ast.Return) and n.value is not None and scope.startswith("def"):
                self.returns.setdefault(scope, []).append((n.value, scope))
            elif isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id in self.params:
                inner, names = self.params[n.func.id]
                for name, arg in zip(names, n.args):
                    self.edges.append(((inner, name), arg, scope))
                for kw in n.keywords:
                    if kw.arg in names:
                        self.edges.append(((inner, kw.arg), kw.value, scope))
            if isinstance(n, (ast.For, ast.AsyncFor, ast.While)):
                self.loop_names[id(n)] = set()
                inner_loops = loops + [id(n)]
                todo.extend((c, scope, inner_loops) for c in n.body + n.orelse)
                todo.append((n.iter if not isinstance(n, ast.While) else n.test, scope, loops))
                if not isinstance(n, ast.While):
                    todo.append((n.target, scope, loops))
                    self.bind_target(scope, n.target, n.iter, inner_loops, False)
                continue
            todo.extend((c, scope, loops) for c in iter_child_nodes(n))

    def local_taint(self, node, scope):
        """What an expression shows by itself, and the keys and functions it depends on."""
        kinds, deps = set(), set()
        for n in walk(node):
            if isinstance(n, ast.Name):
                deps.add(self.key(scope, n.id))
                if n.id in self.params:
                    deps.add(("return", self.params[n.id][0]))
            elif isinstance(n, ast.Call):
                kinds |= self.call_kinds(n)
            elif isinstance(n, ast.Subscript) and isinstance(n.slice, ast.Slice):
                step = n.slice.step
                if step is not None and not (isinstance(step, ast.Constant) and step.value == 1):
                    kinds.add("reversed")
            elif isinstance(n, ast.Attribute):
                r = self.resolve(n)
                if r in SOURCE_NAMES:
                    kinds.add(SOURCE_NAMES[r])
        return frozenset(kinds), deps

    def call_kinds(self, call):
        r = self.resolve(call.func)
        kinds = set()
        if r is None and isinstance(call.func, ast.Attribute):
            attr = call.func.attr
            if attr in SOURCE_METHODS:
                kinds.add(SOURCE_METHODS[attr])
            elif attr in ("decode", "encode") and call.args:
                c = call.args[0]
                if isinstance(c, ast.Constant) and isinstance(c.value, str):
                    k = CODECS.get(c.value.lower().replace("-", "_"))
                    if k:
                        kinds.add(k)
            elif attr == "translate":
                kinds.add("translate")
            elif attr == "fromhex":
                kinds.add("hex")
            elif attr in ("b64decode", "decompress"):
                kinds.add("base64" if attr == "b64decode" else "compressed")
            return kinds
        if r is None:
            return kinds
        if r in ("chr", "ord", "bytes", "bytearray"):
            if r in ("chr", "ord") or (call.args and not isinstance(call.args[0], ast.Constant)):
                kinds.add("chars")
        elif r == "reversed":
            kinds.add("reversed")
        elif r == "marshal.loads":
            kinds.add("marshal")
        elif r in ("codecs.decode", "codecs.encode") and len(call.args) >= 2:
            c = call.args[1]
            if isinstance(c, ast.Constant) and isinstance(c.value, str):
                k = CODECS.get(c.value.lower().replace("-", "_"))
                if k:
                    kinds.add(k)
        elif r in SOURCE_CALLS:
            kinds.add(SOURCE_CALLS[r])
        elif r.startswith(NETWORK_MODULE_ROOTS):
            kinds.add("network")
        else:
            d = decoder(r) if "." in r else None
            if d:
                kinds.add(d[1])
        return kinds

    def taint_fixpoint(self):
        """Each key's taint: the union over what flows into it. A worklist over a lattice of a
        dozen kinds: every key changes at most that many times, so the work stays linear."""
        local = []
        users = {}
        for key, node, scope in self.edges:
            kinds, deps = self.local_taint(node, scope)
            local.append((key, kinds, deps))
        for f, rets in self.returns.items():
            for node, scope in rets:
                kinds, deps = self.local_taint(node, scope)
                local.append((("return", f), kinds, deps))
        incoming = {}
        for key, kinds, deps in local:
            self.taint[key] = self.taint.get(key, NO_TAINT) | kinds
            incoming.setdefault(key, set()).update(deps)
            for d in deps:
                users.setdefault(d, set()).add(key)
        self.work += len(local)
        work = list(self.taint)
        while work:
            self.work += 1
            k = work.pop()
            t = self.taint.get(k, NO_TAINT)
            for u in users.get(k, ()):
                old = self.taint.get(u, NO_TAINT)
                if not t <= old:
                    self.taint[u] = old | t
                    work.append(u)

    def resolve_aliases(self, keys):
        """Simple aliases, assigned once: f = os.system; m = __import__("o" + "s")."""
        def position(key):
            node = self.singles[key][0]
            return getattr(node, "lineno", 0), getattr(node, "col_offset", 0)
        for scope, name in sorted(keys, key=position):  # in source order: aliases of aliases
            node, s = self.singles[(scope, name)]
            if self.name_counts.get(name) == 1 and name not in self.aliases:
                r, t = self.resolve_t(node, s)
                if r:
                    self.aliases[name] = r
                    if t:
                        self.alias_taint[name] = t


def safe_percent(fmt):
    """True when fmt % args cannot be asked for a huge width or precision (%9999999d)."""
    i = fmt.find("%")
    while i >= 0:
        j = i + 1
        while j < len(fmt) and fmt[j] in "-#0 +":
            j += 1
        if j < len(fmt) and (fmt[j].isdigit() or fmt[j] in "*.("):
            return False
        i = fmt.find("%", j + 1)
    return True


def safe_format(fmt):
    """True when str.format fields have no width, precision or nested fields."""
    import _string
    try:
        for _, field, spec, _ in _string.formatter_parser(fmt):
            if field is not None and (spec or "." in field or "[" in field):
                return False
    except ValueError:
        return False
    return True


def binop(a, op, b):
    """a op b for constants, refusing what would grow past the bounds; UNKNOWN otherwise."""
    sequence = (str, bytes, list, tuple)
    if isinstance(op, ast.Add):
        if type(a) is type(b) and isinstance(a, sequence):
            return a + b if len(a) + len(b) <= MAX_VALUE else UNKNOWN
        if isinstance(a, (int, float)) and isinstance(b, (int, float)):
            return sized(a + b)
        return UNKNOWN
    if isinstance(op, ast.Mult):
        if isinstance(a, int) and isinstance(b, sequence):
            a, b = b, a
        if isinstance(a, sequence) and isinstance(b, int) and not isinstance(b, bool):
            return a * b if len(a) * max(b, 0) <= MAX_VALUE else UNKNOWN
        if isinstance(a, (int, float)) and isinstance(b, (int, float)):
            return sized(a * b)
        return UNKNOWN
    if isinstance(op, ast.Mod) and isinstance(a, str):
        return sized(a % b) if safe_percent(a) else UNKNOWN
    if not (isinstance(a, int) and isinstance(b, int)):
        if isinstance(a, (int, float)) and isinstance(b, (int, float)) and isinstance(
                op, (ast.Sub, ast.Div)):
            return a - b if isinstance(op, ast.Sub) else (a / b if b else UNKNOWN)
        return UNKNOWN
    if isinstance(op, ast.Pow):
        ok = 0 <= b <= 128 and max(abs(a), 1).bit_length() * b <= 256
        return a ** b if ok else UNKNOWN
    if isinstance(op, ast.LShift):
        return a << b if 0 <= b <= 128 else UNKNOWN
    ops = {ast.Sub: lambda: a - b, ast.FloorDiv: lambda: a // b, ast.Mod: lambda: a % b,
           ast.BitXor: lambda: a ^ b, ast.BitAnd: lambda: a & b, ast.BitOr: lambda: a | b,
           ast.RShift: lambda: a >> b if b >= 0 else UNKNOWN, ast.Div: lambda: a / b}
    f = ops.get(type(op))
    return sized(f()) if f else UNKNOWN


class Folder(Scopes):
    """Folds expressions to Vals: flow-sensitive in the scope being visited (env), else from the
    name's only assignment or its flow-insensitive taint. Every step counts against a budget
    proportional to the program's size."""

    def __init__(self, budget):
        super().__init__()
        self.steps = 0
        self.budget = budget
        self.scope = "module"
        self.env = {}
        self.comp_env = {}
        self.class_attrs = {}

    def ev(self, node, scope=None):
        """The Val of an expression: in the scope being visited, or flow-insensitively in scope."""
        self.steps += 1
        if self.steps > self.budget or node is None:
            return Val()
        flow = scope is None
        try:
            return self.fold(node, self.scope if flow else scope, flow)
        except (ValueError, TypeError, LookupError, ArithmeticError, UnicodeError, MemoryError,
                OverflowError, AttributeError):
            return Val()  # a constant operation that fails at run time folds to nothing

    def lookup(self, name, scope, flow):
        if name in self.comp_env:
            return self.comp_env[name]
        key = self.key(scope, name)
        if flow and key[0] == scope and name in self.env:
            return self.env[name]
        if self.counts.get(key) == 1 and key in self.singles and key not in self.evaluating:
            if key not in self.memo:
                self.evaluating.add(key)
                node, s = self.singles[key]
                self.memo[key] = self.ev(node, s)
                self.evaluating.discard(key)
            return self.memo[key]
        if key[0] == "module" and key not in self.counts and name in self.context_values:
            return self.context_values[name]
        return Val(UNKNOWN, self.taint.get(key, NO_TAINT))

    def fold(self, node, scope, flow):
        ev = (lambda n: self.ev(n)) if flow else (lambda n: self.ev(n, scope))
        if isinstance(node, ast.Constant):
            v = node.value
            return Val(sized(v)) if v is None or isinstance(v, (str, bytes, int, float)) else Val()
        if isinstance(node, ast.Name):
            return self.lookup(node.id, scope, flow)
        if isinstance(node, ast.Attribute):
            r = self.resolve(node)
            if r in SOURCE_NAMES:
                return unknown(frozenset([SOURCE_NAMES[r]]))
            if isinstance(node.value, ast.Name) and (node.value.id, node.attr) in self.class_attrs:
                return self.class_attrs[(node.value.id, node.attr)]
            return unknown(ev(node.value).t) if r is None else Val()
        if isinstance(node, ast.BinOp):
            a, b = ev(node.left), ev(node.right)
            t = a.t | b.t
            if not (a.known() and b.known()):
                return unknown(t)
            v = binop(a.v, node.op, b.v)
            if isinstance(v, (str, bytes)):
                t = t | {"built"}
            return Val(v, t)
        if isinstance(node, ast.UnaryOp):
            a = ev(node.operand)
            if isinstance(a.v, int) and isinstance(node.op, (ast.USub, ast.Invert, ast.UAdd)):
                return Val(-a.v if isinstance(node.op, ast.USub) else
                           ~a.v if isinstance(node.op, ast.Invert) else a.v, a.t)
            return unknown(a.t)
        if isinstance(node, ast.JoinedStr):
            return self.fstring(node, ev)
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            if len(node.elts) > MAX_ITEMS:
                return Val()
            items = [ev(e) for e in node.elts]
            t = frozenset().union(*(i.t for i in items))
            if all(i.known() for i in items) and not isinstance(node, ast.Set):
                vs = [i.v for i in items]
                return Val(tuple(vs) if isinstance(node, ast.Tuple) else vs, t)
            return unknown(t)
        if isinstance(node, ast.Dict):
            if len(node.keys) > MAX_ITEMS or None in node.keys:
                return Val()
            ks, vs = [ev(k) for k in node.keys], [ev(v) for v in node.values]
            t = frozenset().union(*(i.t for i in ks + vs))
            if all(i.known() for i in ks + vs):
                try:
                    return Val({k.v: v.v for k, v in zip(ks, vs)}, t)
                except TypeError:
                    return unknown(t)
            return unknown(t)
        if isinstance(node, ast.Subscript):
            return self.subscript(node, ev)
        if isinstance(node, ast.Call):
            return self.call_value(node, ev, scope)
        if isinstance(node, (ast.ListComp, ast.GeneratorExp, ast.SetComp)):
            return self.comprehension(node, ev)
        if isinstance(node, (ast.BoolOp, ast.IfExp)):
            parts = [ev(v) for v in (node.values if isinstance(node, ast.BoolOp) else
                                     (node.body, node.orelse))]
            return unknown(*(p.t for p in parts))
        if isinstance(node, ast.NamedExpr):
            return ev(node.value)
        if isinstance(node, ast.Await):
            return ev(node.value)
        return Val()

    def fstring(self, node, ev):
        out, t = [], {"built"}
        for part in node.values:
            if isinstance(part, ast.Constant):
                out.append(part.value)
                continue
            v = ev(part.value)
            t |= v.t
            spec = ev(part.format_spec) if part.format_spec is not None else Val("")
            if not v.known() or spec.v != "" or isinstance(v.v, (list, dict, tuple)):
                return unknown(frozenset(t))
            out.append(repr(v.v) if part.conversion == 114 else str(v.v))
        text = "".join(out)
        return Val(text if len(text) <= MAX_VALUE else UNKNOWN, frozenset(t))

    def subscript(self, node, ev):
        base = ev(node.value)
        if isinstance(node.slice, ast.Slice):
            s = node.slice
            lo, hi, step = (ev(x) if x is not None else Val(None) for x in (s.lower, s.upper, s.step))
            t = base.t | lo.t | hi.t | step.t | {"built"}
            if step.known() and step.v not in (None, 1):
                t |= {"reversed"}
            if base.known() and all(x.known() for x in (lo, hi, step)) and isinstance(
                    base.v, (str, bytes, list, tuple)):
                return Val(base.v[lo.v:hi.v:step.v], frozenset(t))
            return unknown(frozenset(t))
        key = ev(node.slice)
        t = base.t | key.t
        if base.known() and key.known() and isinstance(base.v, (str, bytes, list, tuple, dict)):
            v = base.v[key.v]
            return Val(v, t | {"built"} if isinstance(v, (str, bytes)) else t)
        return unknown(t)

    def comprehension(self, node, ev):
        """A one-generator comprehension over a constant: "".join(chr(c) for c in [111, 115])."""
        if len(node.generators) != 1 or node.generators[0].is_async:
            return Val()
        g = node.generators[0]
        source = ev(g.iter)
        t = set(source.t)
        if not (source.known() and isinstance(g.target, ast.Name)
                and isinstance(source.v, (str, bytes, list, tuple)) and len(source.v) <= MAX_ITEMS):
            return unknown(frozenset(t), ev(node.elt).t)
        out = []
        saved = self.comp_env.get(g.target.id)
        try:
            for item in source.v:
                self.comp_env[g.target.id] = Val(item, source.t)
                conds = [ev(c) for c in g.ifs]
                if any(not c.known() for c in conds):
                    return unknown(frozenset(t))
                if all(c.v for c in conds):
                    v = ev(node.elt)
                    t |= v.t
                    if not v.known():
                        return unknown(frozenset(t))
                    out.append(v.v)
        finally:
            if saved is None:
                self.comp_env.pop(g.target.id, None)
            else:
                self.comp_env[g.target.id] = saved
        return Val(out, frozenset(t))

    def call_value(self, node, ev, scope):
        args = [ev(a) for a in node.args[:8] if not isinstance(a, ast.Starred)]
        targ = frozenset().union(*(a.t for a in args)) if args else NO_TAINT
        kw = {k.arg: ev(k.value) for k in node.keywords[:8] if k.arg}
        if isinstance(node.func, ast.Name) and node.func.id in self.params and (
                node.func.id not in self.aliases):
            inner = self.params[node.func.id][0]
            return unknown(self.taint.get(("return", inner), NO_TAINT), targ)
        f = self.resolve(node.func)
        if f is None and isinstance(node.func, ast.Attribute):
            recv = ev(node.func.value)
            m = node.func.attr
            if recv.known() and isinstance(recv.v, (str, bytes)) and m in SAFE_STR_METHODS:
                return self.method(recv, m, args, kw)
            return unknown(recv.t, targ, frozenset(self.call_kinds(node)))
        if f is None:
            return unknown(targ)
        if f == "map" and len(node.args) == 2 and len(args) == 2 and args[1].known():
            fn, seq = self.resolve(node.args[0]), args[1].v
            if fn in ("chr", "ord", "str", "int") and isinstance(seq, (list, tuple, str, bytes)) \
                    and len(seq) <= MAX_ITEMS:
                out = [self.builtin(fn, [x], True) for x in seq]
                if UNKNOWN not in out:
                    return Val(out, targ | ({"chars"} if fn in ("chr", "ord") else NO_TAINT))
        known = all(a.known() for a in args)
        v = self.builtin(f, [a.v for a in args], known) if known else UNKNOWN
        kinds = frozenset(self.call_kinds(node))
        if f in ("str", "int", "posixpath.join", "os.path.join", "str.maketrans", "range", "map",
                 "list", "tuple", "sorted"):
            kinds = kinds | {"built"} if isinstance(v, (str, bytes)) else kinds
        if f in ("codecs.decode", "codecs.encode") and known and len(args) >= 2:
            v, kind = codec(args[0].v, args[1].v, f.endswith("encode"))
            kinds = kinds | ({kind} if kind else set())
        return Val(sized(v) if v is not UNKNOWN else UNKNOWN, targ | kinds | (
            {"built"} if isinstance(v, (str, bytes)) else NO_TAINT))

    def builtin(self, f, a, known):
        """The builtins and library functions folding needs, on constant arguments."""
        n = len(a)
        if f == "chr" and n == 1 and isinstance(a[0], int):
            return chr(a[0])
        if f == "ord" and n == 1 and isinstance(a[0], str) and len(a[0]) == 1:
            return ord(a[0])
        if f == "str" and n == 1 and isinstance(a[0], (str, int, float)):
            return str(a[0])
        if f == "int" and 1 <= n <= 2 and isinstance(a[0], (str, int)) and len(str(a[0])) < 64:
            return int(*a)
        if f in ("bytes", "bytearray") and n >= 1:
            if isinstance(a[0], (list, tuple)) and len(a[0]) <= MAX_VALUE:
                return bytes(a[0])
            if isinstance(a[0], str) and n == 2:
                return a[0].encode(a[1])
            return UNKNOWN
        if f == "reversed" and n == 1 and isinstance(a[0], (str, bytes, list, tuple)):
            return list(reversed(a[0]))
        if f in ("list", "tuple", "sorted") and n == 1 and isinstance(a[0], (str, bytes, list, tuple)):
            return list(a[0]) if f != "sorted" else sorted(a[0])
        if f == "range" and 1 <= n <= 3 and all(isinstance(x, int) for x in a):
            r = range(*a)
            return list(r) if len(r) <= MAX_ITEMS else UNKNOWN
        if f == "map" and n == 2 and isinstance(a[1], (str, bytes, list, tuple)):
            return UNKNOWN  # map(f, seq) is folded through its callee below
        if f in ("posixpath.join", "os.path.join") and all(isinstance(x, str) for x in a):
            import posixpath
            return posixpath.join(*a) if a else UNKNOWN
        if f == "str.maketrans" and n in (1, 2, 3):
            return str.maketrans(*a)
        d = decoder(f)
        if d and n >= 1:
            data = a[0]
            if f.endswith("fromhex"):
                return d[0](data) if isinstance(data, str) else UNKNOWN
            data = as_bytes(data)
            return d[0](data) if data is not None else UNKNOWN
        return UNKNOWN

    def method(self, recv, m, args, kw):
        t = recv.t | frozenset().union(*(a.t for a in args)) if args else recv.t
        if not all(a.known() for a in args):
            return unknown(t)
        v, a = recv.v, [x.v for x in args]
        kind = None
        if m == "join":
            if not (args and isinstance(a[0], (list, tuple))) or not all(
                    isinstance(i, type(v)) for i in a[0]):
                return unknown(t)
            out = v.join(a[0])
        elif m in ("decode", "encode"):
            enc = a[0] if a else (kw["encoding"].v if "encoding" in kw else "utf-8")
            out, kind = codec(v, enc, m == "encode")
        elif m == "format":
            if not isinstance(v, str) or not safe_format(v):
                return unknown(t)
            out = v.format(*a, **{k: x.v for k, x in kw.items() if x.known()})
        elif m == "translate":
            kind = "translate"
            out = v.translate(a[0]) if args and isinstance(a[0], (dict, bytes)) else UNKNOWN
        elif m == "zfill":
            out = v.zfill(a[0]) if args and isinstance(a[0], int) and a[0] <= MAX_VALUE else UNKNOWN
        elif m == "replace":
            if len(a) < 2 or len(v) * max(len(a[1]), 1) > MAX_VALUE:
                return unknown(t)
            out = v.replace(*a[:3])
        else:
            out = getattr(v, m)(*a)
        return Val(sized(out), t | {"built"} | ({kind} if kind else NO_TAINT))

    def resolve(self, node):
        return self.resolve_t(node)[0]

    def resolve_t(self, node, scope=None):
        """The dotted name an expression stands for when that needs no execution, and the taint
        of the names it took to get there (empty when every name was spelled out)."""
        if isinstance(node, ast.Name):
            if node.id in self.comp_env:
                return None, NO_TAINT
            if node.id in self.aliases:
                return self.aliases[node.id], self.alias_taint.get(node.id, NO_TAINT)
            if node.id in BUILTIN_NAMES or node.id == "__builtins__":
                return node.id, NO_TAINT
            return None, NO_TAINT
        if isinstance(node, ast.Attribute):
            base, t = self.resolve_t(node.value, scope)
            return member(base, node.attr), t
        if isinstance(node, ast.Subscript):
            base, t = self.resolve_t(node.value, scope)
            if base is None:
                return None, NO_TAINT
            key = self.ev(node.slice, scope)
            if not isinstance(key.v, str):
                return None, NO_TAINT
            t = t | key.t
            if base == "sys.modules":
                return key.v, t
            if base == "globals()" or base in ("__builtins__", "builtins"):
                return member("__builtins__", key.v), t
            if base.endswith(".__dict__"):
                return member(base[: -len(".__dict__")], key.v), t
            return None, NO_TAINT
        if isinstance(node, ast.Call):
            f, ft = self.resolve_t(node.func, scope)
            args = node.args
            if f in ("__import__", "importlib.import_module", "importlib.__import__") and args:
                name = self.ev(args[0], scope)
                return (name.v, ft | name.t) if isinstance(name.v, str) else (None, NO_TAINT)
            if f == "getattr" and len(args) >= 2:
                name = self.ev(args[1], scope)
                base, bt = self.resolve_t(args[0], scope)
                if isinstance(name.v, str) and base:
                    return member(base, name.v), ft | bt | name.t
                return None, NO_TAINT
            if f == "globals" and not args:
                return "globals()", NO_TAINT
            if f == "vars" and len(args) == 1:
                base, bt = self.resolve_t(args[0], scope)
                return (base + ".__dict__", bt) if base else (None, NO_TAINT)
        return None, NO_TAINT

    def const(self, node):
        """The value of a constant expression (folded), or None; bytes read as latin-1."""
        v = self.ev(node).v
        if isinstance(v, bytes):
            return v.decode("latin-1")
        return v if isinstance(v, (str, int, float, bool, list, tuple)) else None


def callee(summary, call):
    """What a call calls: its resolved name, or ?.method for a method of an unknown object."""
    r = summary.resolve(call.func)
    if r is None and isinstance(call.func, ast.Attribute):
        return "?." + call.func.attr
    return r


def taints(t):
    return sorted(t) if t else None


def exits(body):
    """True when a loop body can leave the loop: break (of this loop), return, raise, exit()."""
    todo = list(body)
    while todo:
        n = todo.pop()
        if isinstance(n, (ast.Return, ast.Raise)):
            return True
        if isinstance(n, ast.Break):
            return True
        if isinstance(n, ast.Call) and isinstance(n.func, (ast.Name, ast.Attribute)):
            name = n.func.id if isinstance(n.func, ast.Name) else n.func.attr
            if name in ("exit", "quit", "_exit", "abort"):
                return True
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            continue
        if isinstance(n, (ast.For, ast.AsyncFor, ast.While)):
            todo.extend(c for c in walk(n) if isinstance(c, (ast.Return, ast.Raise)))
            continue
        todo.extend(iter_child_nodes(n))
    return False


def grows(body):
    """True when a loop body keeps more each time round: appends, stores, writes, x = x + x."""
    for stmt in body:
        for n in walk(stmt):
            if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and (
                    n.func.attr in GROWTH_METHODS):
                return True
            if isinstance(n, ast.Subscript) and isinstance(n.ctx, ast.Store):
                return True
            if isinstance(n, ast.Assign) and isinstance(n.value, ast.BinOp) and any(
                    isinstance(t, ast.Name) and any(isinstance(x, ast.Name) and x.id == t.id
                                                    for x in walk(n.value)) for t in n.targets):
                return True
    return False


class Summary(Folder, NodeVisitor):
    def __init__(self, lines, size):
        super().__init__(budget=STEPS_PER_NODE * size + 10000)
        self.lines = lines
        self.out = {k: [] for k in ("imports", "calls", "refs", "attrs", "strings", "decorators",
                                    "classes", "bindings", "writes", "confusables", "resources")}
        self.call_funcs = set()
        self.bases = set()
        self.seen_strings = set()
        self.arg_of = {}
        self.via = None  # the call whose code string is being read
        self.override = None  # its position: what is found inside is reported there
        self.depth = 0
        self.nested_left = 2 * size + MAX_VALUE
        self.kept = []  # nested trees, kept alive so that node ids stay unique
        self.endless = 0
        self.runs_cache = {}
        self.log = []  # names the visit assigned in the current scope, in order

    # ---- recording --------------------------------------------------------------------------
    def at(self, node, **fields):
        if self.override:
            fields["line"], fields["col"] = self.override
            fields["via"] = self.via
        else:
            fields["line"] = getattr(node, "lineno", 0)
            fields["col"] = getattr(node, "col_offset", -1) + 1
        return fields

    def string(self, node, text):
        text = nfkc(text)
        if interesting(text):
            key = (text[:MAX_STRING], node.lineno)
            if key not in self.seen_strings:
                self.seen_strings.add(key)
                self.out["strings"].append(self.at(node, value=text[:MAX_STRING]))

    def pattern(self, node):
        """A string with unknown parts, as a pattern: f"/proc/{pid}/environ" is /proc/*/environ."""
        parts = node.values if isinstance(node, ast.JoinedStr) else None
        if parts is None:
            flat, todo = [], [node]
            while todo and len(flat) < 64:
                n = todo.pop()
                if isinstance(n, ast.BinOp) and isinstance(n.op, ast.Add):
                    todo.extend((n.right, n.left))
                else:
                    flat.append(n)
            parts = flat
        text = ""
        for p in parts:
            v = self.ev(p.value if isinstance(p, ast.FormattedValue) else p)
            text += v.v if isinstance(v.v, str) else "*"
        if "://" not in text and text.strip("*"):
            self.string(node, text)

    def confusable(self, node, name):
        """An identifier written with characters that NFKC folds (ｅｘｅｃ reads as exec)."""
        if not self.lines or node.lineno > len(self.lines) or self.override:
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

    def value(self, node):
        """An argument as the host sees it: its constant (bounded), {"prefix": ...} for a string
        with a constant beginning (f"https://host/{x}"), {"ref": name} for a resolved name, or
        None."""
        c = self.const(node)
        if c is not None:
            return bounded(c)
        if isinstance(node, (ast.Tuple, ast.List)) and len(node.elts) <= 8:
            return [self.value(e) for e in node.elts]  # a socket address: (f"10.0.0.{i}", 22)
        v = self.ev(node)
        if isinstance(v.v, dict) or v.v is None and v.known():
            return bounded(v.v)
        prefix = self.prefix(node)
        if prefix:
            return {"prefix": prefix}
        r = self.resolve(node)
        return {"ref": r} if r else None

    def prefix(self, node):
        if isinstance(node, ast.JoinedStr):
            out = ""
            for v in node.values:
                c = self.const(v.value if isinstance(v, ast.FormattedValue) else v)
                if not isinstance(c, str) or (isinstance(v, ast.FormattedValue) and v.format_spec):
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

    def runs(self, node):
        """What a callable handed to a hook would call: its own name, or the calls in its body."""
        r = self.resolve(node)
        if r and not (isinstance(node, ast.Name) and node.id in self.defs):
            return [r]
        body = node if isinstance(node, ast.Lambda) else (
            self.defs.get(node.id) if isinstance(node, ast.Name) else None)
        if body is None:
            return list(self.context_runs.get(node.id, ())) if isinstance(node, ast.Name) else []
        if id(body) not in self.runs_cache:
            names = []
            for n in walk(body):
                if isinstance(n, ast.Call):
                    c = self.resolve(n.func)
                    if c and c not in names:
                        names.append(c)
                if len(names) >= 16:
                    break
            self.runs_cache[id(body)] = names
        return self.runs_cache[id(body)]

    # ---- scopes and statements --------------------------------------------------------------
    def assign(self, name, val):
        self.env[name] = val
        self.log.append(name)

    def forget(self, names):
        """Names a branch or loop may have changed: from here on, only their taint is known."""
        for name in names:
            self.env[name] = Val(UNKNOWN, self.taint.get(self.key(self.scope, name), NO_TAINT))

    def branch(self, visit):
        """Visits a branch in order, then forgets what it assigned: it may not have run."""
        mark = len(self.log)
        visit()
        changed = set(self.log[mark:])
        del self.log[mark:]
        self.forget(changed)
        self.log.extend(changed)

    def in_scope(self, scope, body):
        saved = (self.scope, self.env, self.log)
        self.scope, self.env, self.log = scope, {}, []
        try:
            for stmt in body:
                self.visit(stmt)
        finally:
            self.scope, self.env, self.log = saved

    def visit_Assign(self, node):
        self.visit(node.value)
        saved, self.assigned_value = self.assigned_value, node.value
        try:
            for t in node.targets:
                self.visit(t)
        finally:
            self.assigned_value = saved
        value = self.ev(node.value)
        target = node.targets[0]
        if len(node.targets) == 1 and isinstance(target, ast.Name):
            self.assign(target.id, value)
        elif (len(node.targets) == 1 and isinstance(target, (ast.Tuple, ast.List))
              and isinstance(value.v, (list, tuple)) and len(value.v) == len(target.elts)
              and all(isinstance(e, ast.Name) for e in target.elts)):
            for e, v in zip(target.elts, value.v):  # a, b = "sys", "tem"
                self.assign(e.id, Val(v, value.t))
        else:
            t = self.ev(node.value).t
            for target in node.targets:
                for n in walk(target):
                    if isinstance(n, ast.Name):
                        self.assign(n.id, Val(UNKNOWN, t))

    def visit_AnnAssign(self, node):
        self.generic_visit(node)
        if node.value is not None and isinstance(node.target, ast.Name):
            self.assign(node.target.id, self.ev(node.value))

    def visit_AugAssign(self, node):
        self.generic_visit(node)
        if isinstance(node.target, ast.Name):
            old, new = self.ev(node.target), self.ev(node.value)
            t = old.t | new.t
            v = binop(old.v, node.op, new.v) if old.known() and new.known() else UNKNOWN
            self.assign(node.target.id, Val(v, t | {"built"} if isinstance(v, (str, bytes)) else t))

    def visit_NamedExpr(self, node):
        self.generic_visit(node)
        if isinstance(node.target, ast.Name):
            self.assign(node.target.id, self.ev(node.value))

    def visit_If(self, node):
        self.visit(node.test)
        test = self.ev(node.test)
        main = (isinstance(node.test, ast.Compare) and isinstance(node.test.left, ast.Name)
                and node.test.left.id == "__name__")
        if (test.known() and test.v) or main:
            for stmt in node.body:
                self.visit(stmt)
        else:
            self.branch(lambda: [self.visit(s) for s in node.body])
        self.branch(lambda: [self.visit(s) for s in node.orelse])

    def visit_Try(self, node):
        for stmt in node.body:
            self.visit(stmt)
        for h in node.handlers:
            self.branch(lambda h=h: self.visit(h))
        self.branch(lambda: [self.visit(s) for s in node.orelse])
        for stmt in node.finalbody:
            self.visit(stmt)

    visit_TryStar = visit_Try

    def visit_With(self, node):
        for item in node.items:
            self.visit(item)
            if isinstance(item.optional_vars, ast.Name):
                self.assign(item.optional_vars.id, Val(UNKNOWN, self.ev(item.context_expr).t))
        for stmt in node.body:
            self.visit(stmt)

    visit_AsyncWith = visit_With

    def loop(self, node):
        self.forget(self.loop_names.get(id(node), ()))  # the test sees what the body changes
        endless = self.is_endless(node)
        if endless:
            self.out["resources"].append(self.at(node, kind="endless", grows=grows(node.body)))
        if isinstance(node, ast.While):
            self.visit(node.test)
        else:
            self.visit(node.iter)
            self.visit(node.target)
        self.endless += endless
        try:
            self.branch(lambda: [self.visit(s) for s in node.body])
        finally:
            self.endless -= endless
        self.branch(lambda: [self.visit(s) for s in node.orelse])
        self.forget(self.loop_names.get(id(node), ()))

    visit_For = visit_AsyncFor = visit_While = loop

    def is_endless(self, node):
        if isinstance(node, ast.While):
            test = self.ev(node.test)
            if not (test.known() and test.v):
                return False
        else:
            it = node.iter
            if not isinstance(it, ast.Call):
                return False
            f = self.resolve(it.func)
            if not (f in ENDLESS_ITERATORS or (f == "iter" and len(it.args) == 2)
                    or (f == "itertools.repeat" and len(it.args) == 1)):
                return False
        return not exits(node.body)

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
        name, hidden = self.resolve_t(node.func)
        dynamic = False
        if name is None and isinstance(node.func, ast.Attribute):
            name = "?." + node.func.attr
            if (node.func.attr not in NETWORK_METHODS and not node.func.attr.startswith("__")
                    and "?." + node.func.attr not in CODE_SINKS):
                name = None
        if name in ("getattr", "setattr", "delattr", "hasattr") and len(node.args) >= 2:
            attr = self.const(node.args[1])
            # A computed name matters on a module or builtins, or when outside data chooses it;
            # getattr(self, "do_" + command) on the program's own objects is dispatch. hasattr
            # only tests. Hidden names are judged by their taint whatever the object.
            chosen = self.ev(node.args[1]).t & SOURCE_KINDS
            dynamic = not isinstance(attr, str) and name != "hasattr" and (
                self.resolve(node.args[0]) is not None or bool(chosen))
            if isinstance(attr, str):  # getattr(x, "__cla" + "ss__") is x.__class__
                self.out["attrs"].append(self.at(node, name=nfkc(attr)))
            if name == "setattr" and len(node.args) >= 3 and not dynamic:
                self.out["bindings"].append(self.at(
                    node, target=attr, value=self.resolve(node.args[2]), context="setattr"))
        folded = self.const(node)
        if isinstance(folded, str):
            self.string(node, folded)  # "".join(["__glo", "bals__"])
        if name is not None:
            self.record_call(node, name, hidden, dynamic)
        self.generic_visit(node)

    def record_call(self, node, name, hidden, dynamic):
        for a in node.args[:4]:
            self.arg_of[id(a)] = name
        vals = [self.ev(a) for a in node.args[:4]]
        call = self.at(
            node, name=name, dynamic=dynamic,
            args=[self.value(a) for a in node.args[:4]],
            kwargs={k.arg: self.value(k.value) for k in node.keywords[:16] if k.arg},
            argCalls=[callee(self, a) for a in node.args[:2] if isinstance(a, ast.Call)])
        if hidden:
            call["hidden"] = taints(hidden)
        if any(v.t for v in vals):
            call["argTaint"] = [taints(v.t) for v in vals]
        if self.endless:
            call["endless"] = True
        if name in HOOK_CALLS and node.args:
            call["runs"] = self.runs(node.args[1] if name == "signal.signal" and len(
                node.args) > 1 else node.args[0])
        root = name.split(".")[0]
        if root in ("pickle", "_pickle", "cPickle", "dill", "cloudpickle") and vals and (
                name.endswith("loads")) and isinstance(vals[0].v, (bytes, str)):
            call["payload"] = pickle_globals(as_bytes(vals[0].v))
        self.out["calls"].append(call)
        if name in CODE_SINKS:
            self.nested(node, name)

    def nested(self, node, name):
        """A constant code string run by exec, eval, compile or timeit is read as the code it is;
        what it does is reported at the call, marked with the call's name."""
        if self.depth >= MAX_NESTED:
            return
        fields = CODE_SINKS[name]
        codes = node.args[:2] if name.startswith("timeit") else node.args[:1]
        codes = list(codes) + [k.value for k in node.keywords if k.arg in fields]
        for c in codes:
            v = self.ev(c).v
            if isinstance(v, bytes):
                try:
                    v = v.decode("utf-8")
                except UnicodeDecodeError:
                    continue
            if not isinstance(v, str) or len(v) > self.nested_left:
                continue
            self.nested_left -= len(v)
            try:
                tree = compile(v, "<string>", "exec", ast.PyCF_ONLY_AST, dont_inherit=True)
            except (SyntaxError, ValueError, RecursionError, MemoryError):
                continue
            self.kept.append(tree)
            before = set(self.singles)
            self.collect(tree, self.scope, [])
            self.resolve_aliases([k for k in self.singles if k not in before])
            saved = (self.via, self.override)
            if self.override is None:
                self.override = (node.lineno, node.col_offset + 1)
            self.via = name
            self.depth += 1
            try:
                for stmt in tree.body:
                    self.visit(stmt)
            finally:
                self.depth -= 1
                self.via, self.override = saved

    def visit_Name(self, node):
        self.confusable(node, node.id)
        if self.is_value(node):
            r, hidden = self.resolve_t(node)
            if r is not None and (node.id in self.aliases or r not in TYPES):
                self.ref(node, r, hidden)
        if node.id.startswith("__") and node.id.endswith("__"):
            self.out["attrs"].append(self.at(node, name=node.id))

    def ref(self, node, name, hidden):
        ref = self.at(node, name=name)
        if id(node) in self.arg_of:
            ref["argOf"] = self.arg_of[id(node)]
        if hidden:
            ref["hidden"] = taints(hidden)
        self.out["refs"].append(ref)

    def visit_Attribute(self, node):
        self.bases.add(id(node.value))
        a = node.attr
        if (a.startswith("__") and a.endswith("__")) or a.startswith(FRAME_PREFIXES) or a == "_getframe":
            self.out["attrs"].append(self.at(node, name=a))
        if self.is_value(node):
            r, hidden = self.resolve_t(node)
            if r is not None:
                self.ref(node, r, hidden)
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
        attr = node.attr if isinstance(node, ast.Attribute) else None
        if r is None and attr in ("trust_env", "proxies") + HOOK_TARGETS:
            r = "?"
        if r:
            if attr is not None:
                target = r + "." + attr
            else:
                key = self.const(node.slice)
                target = r + ("[" + key[:MAX_STRING] + "]" if isinstance(key, str) and r.startswith(
                    "os.environ") else "[]")
            w = self.at(node, target=target)
            if attr in HOOK_TARGETS and self.assigned_value is not None:
                w["runs"] = self.runs(self.assigned_value)
            self.out["writes"].append(w)

    assigned_value = None

    def visit_BinOp(self, node):
        v = self.ev(node)
        if isinstance(v.v, str) and isinstance(node.op, ast.Add):
            self.string(node, v.v)  # "__subcl" + "asses__" reads as one string
        elif not v.known() and isinstance(node.op, ast.Add):
            self.pattern(node)
        if isinstance(node.op, ast.Mult):
            a, b = self.ev(node.left), self.ev(node.right)
            if isinstance(a.v, int) and not isinstance(a.v, bool):
                a, b = b, a
            if isinstance(a.v, (str, bytes, list, tuple)) and isinstance(b.v, int) and (
                    len(a.v) * b.v >= HUGE):
                self.out["resources"].append(self.at(node, kind="huge", size=len(a.v) * b.v))
        self.generic_visit(node)

    def visit_JoinedStr(self, node):
        v = self.ev(node)
        if isinstance(v.v, str):
            self.string(node, v.v)
        else:
            self.pattern(node)
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
        if node.name in ("__reduce__", "__reduce_ex__"):
            for n in walk(node):
                if isinstance(n, ast.Return) and isinstance(n.value, ast.Tuple) and n.value.elts:
                    self.out["bindings"].append(self.at(
                        n, target=node.name, value=self.resolve(n.value.elts[0]), context="reduce"))
        for d in node.decorator_list:
            self.visit(d)
        args = node.args
        for d in args.defaults + [d for d in args.kw_defaults if d is not None]:
            self.visit(d)
        for a in args.posonlyargs + args.args + args.kwonlyargs:
            if a.annotation:
                self.visit(a.annotation)
        recursive = any(isinstance(s, ast.Expr) and isinstance(s.value, ast.Call)
                        and isinstance(s.value.func, ast.Name) and s.value.func.id == node.name
                        for s in node.body)
        if recursive:
            self.out["resources"].append(self.at(node, kind="endless", grows=False))
        self.endless += recursive
        try:
            self.in_scope("def" + str(id(node)), node.body)
        finally:
            self.endless -= recursive

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Lambda(self, node):
        args = node.args
        for d in args.defaults + [d for d in args.kw_defaults if d is not None]:
            self.visit(d)
        saved = (self.scope, self.env, self.log)
        self.scope, self.env, self.log = "def" + str(id(node)), {}, []
        try:
            self.visit(node.body)
        finally:
            self.scope, self.env, self.log = saved

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
        for n in node.bases + node.keywords + node.decorator_list:
            self.visit(n)
        saved = (self.scope, self.env, self.log)
        self.scope, self.env, self.log = "class" + str(id(node)), {}, []
        try:
            for stmt in node.body:
                self.visit(stmt)
            for name, val in self.env.items():
                if val.known():
                    self.class_attrs[(node.name, name)] = val
        finally:
            self.scope, self.env, self.log = saved

    def visit_Dict(self, node):
        for k, v in zip(node.keys, node.values):
            key = self.const(k) if k is not None else None
            if isinstance(key, str) and key.startswith("__") and key.endswith("__"):
                self.out["bindings"].append(self.at(
                    node, target=key, value=self.resolve(v), context="dict",
                    isLambda=isinstance(v, ast.Lambda)))
        self.generic_visit(node)


def bounded(v, depth=0):
    """A folded value as the summary carries it: strings cut, lists and dicts kept short."""
    if isinstance(v, str):
        return v[:1000]
    if isinstance(v, bytes):
        return v[:1000].decode("latin-1")
    if isinstance(v, (list, tuple)):
        return [bounded(x, depth + 1) for x in v[:16]] if depth < 3 else None
    if isinstance(v, dict):
        return {str(k)[:100]: bounded(x, depth + 1) for k, x in list(v.items())[:16]} if depth < 3 else None
    return v if isinstance(v, (int, float, bool)) or v is None else None


SENSITIVE = ("customize", "authorized_keys", "history", "crontab", "cron.", "systemd", "sudoers",
             "credentials", "netrc", "pgpass", "npmrc", "pypirc", "environ", "cmdline", "_proxy",
             "_PROXY", "bashrc", "zshrc", "profile", "bash_login", "ld.so", "id_rsa", "id_ed25519",
             "id_ecdsa", "gcloud", "kube", "docker", "google-chrome", "mozilla", "keyring")


def interesting(text):
    """Strings the host's rules read: paths, URLs, dunders, frame names and sensitive files."""
    return ("__" in text or "://" in text or text.startswith(("/", "~", "."))
            or text.endswith(".pth") or any(p in text for p in SENSITIVE)
            or any(p in text for p in ("f_globals", "f_back", "gi_frame", "tb_frame", "f_builtins")))
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


def summarise(source, name=None, context=None, flags=0):
    """The summary of a program; with a session's context (Context), of a cell, judged with what
    the cells before it defined, and the context's update for when the cell runs."""
    summary = {"v": 1, "parsed": True, "encoding": cookie_of(source)}
    if summary["encoding"] not in (None, "utf-8") and same_text(source, summary["encoding"]):
        summary["encoding"] = None  # an ASCII file with a latin-1 cookie says what it shows
    try:
        tree = compile(source, name or PATH, "exec", ast.PyCF_ONLY_AST | flags, dont_inherit=True)
    except (SyntaxError, ValueError, RecursionError, MemoryError) as e:
        # The interpreter's compile() uses this same parser and fails the same way when the
        # program runs: no differential to exploit, so the program needs no rule to stop it.
        summary["parsed"] = False
        summary["error"] = {"message": str(getattr(e, "msg", e)), "line": getattr(e, "lineno", 0) or 0,
                            "col": getattr(e, "offset", 0) or 0}
        return (summary, None) if context is not None else summary
    lines = source.split(b"\n") if not source.isascii() else None
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(20000)  # deep expressions are legal; 3.11 frames cost no C stack
    s = Summary(lines, len(walk(tree)))
    gc.disable()  # millions of AST nodes and no cycles to collect: the collector only costs
    try:
        s.prepass(tree, context)
        s.visit(tree)
    except RecursionError:
        summary["incomplete"] = "nested too deeply to analyse"
    except Exception as e:  # a defect of the analysis: the program is refused, not run unread
        summary["incomplete"] = "the analysis failed (%s)" % type(e).__name__
    finally:
        sys.setrecursionlimit(limit)
        gc.enable()
    summary.update(s.out)
    summary["work"] = s.work + s.steps
    summary["waivers"] = waivers(source)
    if context is None:
        return summary
    return summary, (context.after(s) if "incomplete" not in summary else None)


def small(v, depth=0):
    """True for a folded value worth keeping across cells: short strings, numbers, short lists."""
    if isinstance(v, (str, bytes)):
        return len(v) <= 4096
    if isinstance(v, (list, tuple)):
        return depth < 2 and len(v) <= 16 and all(small(x, depth + 1) for x in v)
    if isinstance(v, int):
        return abs(v) < 1 << 64
    return v is None or isinstance(v, float)


class Context:
    """What the cells of a session that ran have defined at module level, as the analysis sees it:
    aliases (f = os.system), their taint, known values (cmd = "o" + "s"), what functions call.
    A cell's summary is found with it, so that an alias made in one cell is seen where a later
    cell calls it. Keyed by name: rebinding a name replaces its entry, so it grows with the
    distinct names a session binds, at most MAX_NAMES of each kind (beyond, cells are refused as
    incomplete rather than analysed without what came before)."""

    MAX_NAMES = 65536

    def __init__(self):
        self.aliases = {}
        self.alias_taint = {}
        self.taint = {}
        self.values = {}
        self.runs = {}

    def seed(self, scopes):
        """Gives a cell's analysis what earlier cells defined, where the cell does not bind the
        name itself (its own binding decides then), after its own walk and before the fixpoint."""
        seeded = set()
        for name, origin in self.aliases.items():
            if ("module", name) not in scopes.counts and name not in scopes.aliases:
                scopes.aliases[name] = origin
                seeded.add(name)
                if name in self.alias_taint:
                    scopes.alias_taint[name] = self.alias_taint[name]
        for name, t in self.taint.items():
            key = ("module", name)
            scopes.taint[key] = scopes.taint.get(key, NO_TAINT) | t
        scopes.context_seeded = seeded
        scopes.context_values = self.values
        scopes.context_runs = self.runs

    def after(self, s):
        """The context's update once the cell that s analysed has run: a function the session
        applies on the host's go, and never for a cell that was denied."""
        seeded = getattr(s, "context_seeded", set())
        own = {k: v for k, v in s.aliases.items() if k not in seeded}
        redefined = {name for scope, name in s.counts if scope == "module"} | set(own)
        taint = {name: t for (scope, name), t in s.taint.items() if scope == "module" and t}
        values = {}
        for name in redefined:
            if s.counts.get(("module", name)) == 1:
                v = s.lookup(name, "module", False)
                if v.known() and small(v.v):
                    values[name] = v
        runs = {name: tuple(s.runs(ast.Name(id=name))) for name in s.defs if name in redefined}

        def apply():
            for name in redefined:
                for kept in (self.aliases, self.alias_taint, self.values, self.runs):
                    kept.pop(name, None)
            self.aliases.update(own)
            self.alias_taint.update({k: t for k, t in s.alias_taint.items() if k in own})
            self.taint.update(taint)
            self.values.update(values)
            self.runs.update(runs)
        return apply

    def full(self):
        return max(len(self.aliases), len(self.taint), len(self.values), len(self.runs)) >= (
            self.MAX_NAMES)


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


NAME = "<code>"  # what tracebacks call the program, unless the job names it
SETTINGS = {}
SUPPORT = "/run/bulwark/%s.pyc"  # the runner's modules, loaded when first needed
ENGINE_FILES = {"/run/bulwark/python-runner.py", "/run/bulwark/bulwark_display.py"}


class Outputs:
    """The run's outputs channel to the host (RunChannel.java), connected on first use (through
    bulwark_workspace's Channel, as the other runtimes' workspace step connects): a run that shows
    nothing, draws nothing and does not fail never pays for it. The program can write to it too,
    and only confuses its own outputs by doing so: the host bounds everything."""

    channel = None

    def send(self, kind, payload):
        if self.channel is None:
            self.channel = support("bulwark_workspace").Channel()
        self.channel.send(kind, payload)

    def show(self, output):
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()  # what the program printed before comes first
            except Exception:
                pass
        import json
        self.send(b"display", json.dumps(output, ensure_ascii=False, default=str).encode(
            "utf-8", "replace"))

    def close(self):
        if self.channel is not None:
            self.channel.close()


OUTPUTS = Outputs()


def support(name):
    """One of the runner's modules, loaded from the runners' directory when first needed."""
    m = sys.modules.get(name)
    if m is None:
        from importlib.machinery import SourcelessFileLoader
        from importlib.util import module_from_spec, spec_from_loader
        loader = SourcelessFileLoader(name, SUPPORT % name)
        m = module_from_spec(spec_from_loader(name, loader))
        loader.exec_module(m)
        sys.modules[name] = m
    return m


def shows():
    """bulwark_display: rich outputs, figures and errors."""
    return support("bulwark_display")


def send_artifacts():
    """The workspace's files the job's patterns match (bulwark_workspace, shared by every runtime),
    on this runner's own connection to the outputs channel."""
    if SETTINGS.get("artifacts"):
        support("bulwark_workspace").collect(SETTINGS, OUTPUTS.send)


def display(*objs, **kwargs):
    """IPython's display(): each object as a rich output, its richest representations first."""
    for obj in objs:
        OUTPUTS.show(shows().display_data(obj))


def show_figures():
    if "matplotlib.pyplot" in sys.modules:
        for output in shows().figures(SETTINGS.get("figures", "png")):
            OUTPUTS.show(output)


class PyplotHook:
    """Loads the display module only once the program imports matplotlib.pyplot, whose show() it
    makes show the open figures as outputs."""

    def find_spec(self, name, path, target=None):
        if name != "matplotlib.pyplot":
            return None
        return shows().PyplotHook(show_figures).find_spec(name, path, target)


def report(e, source):
    """Prints the error as the interpreter would, in the program's own terms (its name, its lines,
    no frame of the runner), and sends it as an error output."""
    try:
        import linecache
        text = source.decode("utf-8", "replace")
        linecache.cache[NAME] = (len(text), None, text.splitlines(True), NAME)
        output, printed = shows().error(e, ENGINE_FILES)
    except Exception:
        sys.excepthook(type(e), e, e.__traceback__)
        return
    try:
        sys.stderr.write(printed)
    except Exception:
        pass
    OUTPUTS.show(output)


def run(source):
    main = type(sys)("__main__")
    main.__file__ = PATH
    main.__builtins__ = builtins
    sys.modules["__main__"] = main
    sys.argv[:] = [PATH]
    builtins.display = display
    sys.meta_path.insert(0, PyplotHook())
    try:
        code = compile(source, NAME, "exec", dont_inherit=True)
    except (SyntaxError, ValueError) as e:
        report(e, source)
        finish(1)
    try:
        exec(code, main.__dict__)
        status = 0
    except SystemExit as e:
        status = exit_status(e.code)
    except BaseException as e:
        tb = e.__traceback__.tb_next if e.__traceback__ else None  # drop this runner's frame
        report(e.with_traceback(tb), source)
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


def attempt(step, failure):
    """Runs one of the run's last steps; its failure is said on stderr and ends nothing."""
    try:
        step()
    except BaseException as e:
        try:
            sys.stderr.write("bulwark: %s: %r\n" % (failure, e))
        except Exception:
            pass


def finish(status):
    """Ends as the interpreter does (threads joined, atexit handlers run, streams flushed) but
    skips tearing down every module, a few ms per run that nothing relies on: Python does not
    promise __del__ at exit, and the sandbox and its files are destroyed next. Figures still open
    are shown first: pyplot's exit handler closes them."""
    attempt(show_figures, "the figures could not be shown")
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
    attempt(send_artifacts, "the artifacts could not all be sent")
    OUTPUTS.close()
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
    verdict = read_line()
    if verdict != b"run" and not verdict.startswith(b"run "):
        os._exit(0)
    if verdict != b"run":
        import json
        global NAME
        SETTINGS.update(json.loads(verdict[4:]))
        NAME = str(SETTINGS.get("name") or NAME)
        if SETTINGS.get("files"):
            support("bulwark_workspace").place(SETTINGS)
    if os.path.exists(EGRESS_SOCKET):
        egress()
    run(source)


if __name__ == "__main__":
    main()
