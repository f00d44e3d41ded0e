# Bulwark's Python session kernel: the one process of a session where user code runs, cell after
# cell, in one namespace, as a Jupyter kernel does. Started by the session agent (session-agent.py)
# in its own process group: SIGINT to the group interrupts the running cell.
#
# fd 0 is /dev/null, fds 1 and 2 are the cell's stdout and stderr (pipes to the agent). fd 3 brings
# commands and fd 4 takes events, each "<length>\n" and that many bytes of JSON:
#   commands  {"op": "setup", "env": {...}, "figures": "png"}
#             {"op": "run", "id": N, "name": "<cell-N>", "code": "..."}
#   events    {"ev": "ready"}
#             {"ev": "display", "id": N, "output": {...}}      an nbformat output
#             {"ev": "done", "id": N, "status": "ok" | "error" | "interrupted", "code": C}
# Nothing here is trusted by anyone: the code it runs can rewrite all of it, and only confuses its
# own session's outputs by doing so.
import ast
import builtins
import json
import linecache
import os
import signal
import sys

CODE_DIR = "/run/bulwark"
WORK = "/work"
KERNEL = os.path.join(CODE_DIR, "python-kernel.py")
DISPLAY = os.path.join(CODE_DIR, "bulwark_display.py")
KEEP_SOURCES = 100  # cells whose source tracebacks can quote; older ones show no line
CO_COROUTINE = 0x80

for fd in (3, 4):
    os.set_inheritable(fd, False)  # the program's children do not get the kernel's channel


def site_setup():
    """The installed packages and the workspace on sys.path (the interpreter runs with -I -S):
    a session imports its own modules from the workspace, as a notebook does."""
    import site
    for path in site.getsitepackages():
        if path not in sys.path and os.path.isdir(path):
            sys.path.append(path)
    site.setquit()
    site.setcopyright()
    site.sethelper()
    sys.path.insert(0, WORK)
    sys.path.append(CODE_DIR)


site_setup()
import bulwark_display as shows  # noqa: E402  (after sys.path is set)


def read_exactly(n):
    data = b""
    while len(data) < n:
        chunk = os.read(3, n - len(data))
        if not chunk:
            os._exit(0)  # the agent is gone: so is the session
        data += chunk
    return data


def read_command():
    header = b""
    while not header.endswith(b"\n"):
        b = os.read(3, 1)
        if not b:
            os._exit(0)
        header += b
    return json.loads(read_exactly(int(header)))


def emit(event):
    body = json.dumps(event, ensure_ascii=False, default=str).encode("utf-8", "replace")
    data = b"%d\n" % len(body) + body
    while data:
        data = data[os.write(4, data):]


class Kernel:
    def __init__(self):
        self.main = type(sys)("__main__")
        self.main.__builtins__ = builtins
        sys.modules["__main__"] = self.main
        sys.argv[:] = [""]
        self.figures = "png"
        self.cell = 0
        self.sources = []
        self.loop = None
        builtins.display = self.display
        sys.meta_path.insert(0, shows.PyplotHook(self.flush_figures))

    def display(self, *objs, **kwargs):
        for obj in objs:
            self.show(shows.display_data(obj))

    def show(self, output):
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()  # what the cell printed before comes first
            except Exception:
                pass
        emit({"ev": "display", "id": self.cell, "output": output})

    def flush_figures(self):
        for output in shows.figures(self.figures):
            self.show(output)

    def remember(self, name, source):
        """Tracebacks quote a cell's lines; the last KEEP_SOURCES cells only, so that a session of
        ten thousand cells does not keep them all."""
        linecache.cache[name] = (len(source), None, source.splitlines(True), name)
        self.sources.append(name)
        if len(self.sources) > KEEP_SOURCES:
            linecache.cache.pop(self.sources.pop(0), None)

    def run(self, cell_id, name, source):
        self.cell = cell_id
        self.remember(name, source)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        try:
            self.execute(name, source)
            status, code = "ok", 0
        except KeyboardInterrupt as e:
            status, code = "interrupted", 130
            self.report(e)
        except SystemExit as e:  # a cell's exit ends the cell, not the kernel, as in Jupyter
            code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
            if e.code is not None and not isinstance(e.code, int):
                print(e.code, file=sys.stderr)
            status = "ok" if code == 0 else "error"
        except BaseException as e:
            status, code = "error", 1
            self.report(e)
        finally:
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # a late interrupt meets an idle kernel
        try:
            self.flush_figures()
        except BaseException as e:
            self.report(e)
        emit({"ev": "done", "id": cell_id, "status": status, "code": code})

    def execute(self, name, source):
        flags = ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
        tree = compile(source, name, "exec", ast.PyCF_ONLY_AST | flags, dont_inherit=True)
        last = None
        if tree.body and isinstance(tree.body[-1], ast.Expr) and not ends_quiet(source):
            last = ast.Expression(tree.body.pop().value)
        self.evaluate(compile(tree, name, "exec", flags, dont_inherit=True))
        if last is not None:
            value = self.evaluate(compile(last, name, "eval", flags, dont_inherit=True))
            if value is not None:
                builtins._ = value  # the last value only: no history of outputs is kept
                self.show(shows.execute_result(value, self.cell))

    def evaluate(self, code):
        result = eval(code, self.main.__dict__)
        if code.co_flags & CO_COROUTINE:  # top-level await
            if self.loop is None:
                import asyncio
                self.loop = asyncio.new_event_loop()
            result = self.loop.run_until_complete(result)
        return result

    def report(self, e):
        output, text = shows.error(e, {KERNEL, DISPLAY})
        try:
            sys.stderr.write(text)
        except Exception:
            pass
        self.show(output)
        e.__traceback__ = None  # nothing of the failed cell's frames stays alive

    def setup(self, command):
        os.environ.update({str(k): str(v) for k, v in command.get("env", {}).items()})
        self.figures = "svg" if command.get("figures") == "svg" else "png"


def ends_quiet(source):
    """A cell whose last line ends with ';' shows no value, as in IPython."""
    for line in reversed(source.splitlines()):
        code = line.split("#", 1)[0].strip()
        if code:
            return code.endswith(";")
    return False


def main():
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.chdir(WORK)
    kernel = Kernel()
    emit({"ev": "ready"})
    while True:
        try:
            command = read_command()
            if command.get("op") == "run":
                kernel.run(int(command["id"]), str(command["name"]), str(command["code"]))
            elif command.get("op") == "setup":
                kernel.setup(command)
        except KeyboardInterrupt:
            # An interrupt that came as the cell ended: its end was sent, or is sent now.
            emit({"ev": "done", "id": kernel.cell, "status": "interrupted", "code": 130})


main()
