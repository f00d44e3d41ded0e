# Bulwark's session agent: the main process of a session's sandbox. It never runs user code. It
# speaks the framed protocol with the host on fds 0 and 1 (docs/architecture.md, "The host-agent
# protocol"), parses each cell with the runtime's own parser in the session's context (Python: in
# this same interpreter; JavaScript: a node child that never runs user code), supervises the
# kernel where the cells run (interrupt: SIGINT to its process group; restart: a new kernel), runs
# the egress forwarder, and serves the workspace's files itself, in the sandbox's own view.
#
# It makes itself non-dumpable first: code in the kernel runs as the same uid, and could otherwise
# read or write this process's memory and pipes through /proc. The host trusts nothing it says
# beyond bounded frames; the kernel's events are bounded here before they go further.
import ctypes
import errno
import itertools
import json
import os
import select
import signal
import stat
import sys
import threading

LANGUAGE = sys.argv[1]
CODE_DIR = "/run/bulwark"
WORK = "/work"
CHUNK = 64 * 1024
MAX_HOST_FRAME = 64 << 20  # a cell's code, a file chunk, a request: far below, but bounded
TYPES = {b"start", b"cell", b"run", b"drop", b"interrupt", b"restart", b"put", b"data", b"end",
         b"abort", b"get", b"list", b"delete"}


def nodump():
    """PR_SET_DUMPABLE 0: /proc/<agent>/{mem,fd,environ} belong to root for everyone else."""
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(4, 0, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_DUMPABLE)")


def log(*parts):
    try:
        os.write(2, (" ".join(str(p) for p in parts) + "\n").encode("utf-8", "replace")[:4096])
    except OSError:
        pass


class Host:
    """Frames to the host on fd 1, whole under one lock: threads share the stream."""

    def __init__(self):
        self.lock = threading.Lock()

    def send(self, kind, ident=0, payload=b""):
        if isinstance(payload, str):
            payload = payload.encode("utf-8")
        header = b"%s %d %d\n" % (kind, ident, len(payload))
        with self.lock:
            write_all(1, header)
            write_all(1, payload)

    def json(self, kind, ident, value):
        self.send(kind, ident, json.dumps(value, ensure_ascii=False).encode("utf-8", "replace"))


def write_all(fd, data):
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


class Frames:
    """Frames from the host on fd 0: a header "TYPE ID LENGTH\\n", then the payload."""

    def __init__(self):
        self.buffer = b""

    def fill(self, n):
        while len(self.buffer) < n:
            chunk = os.read(0, max(CHUNK, n - len(self.buffer)))
            if not chunk:
                raise EOFError
            self.buffer += chunk

    def next(self):
        while b"\n" not in self.buffer:
            if len(self.buffer) > 64:
                raise ValueError("a header longer than 64 bytes")
            chunk = os.read(0, CHUNK)
            if not chunk:
                raise EOFError
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        kind, ident, length = line.split(b" ")
        if kind not in TYPES or not ident.isdigit() or not length.isdigit():
            raise ValueError("a malformed header %r" % line[:64])
        length = int(length)
        if length > MAX_HOST_FRAME:
            raise ValueError("a frame of %d bytes" % length)
        self.fill(length)
        payload, self.buffer = self.buffer[:length], self.buffer[length:]
        return kind, int(ident), payload


class Refused(Exception):
    """A file operation the agent refuses; kind is SessionFileException.Kind's name."""

    def __init__(self, kind, message):
        super().__init__(message)
        self.kind = kind


# ---- the analysis of cells ----------------------------------------------------------------------
class PythonAnalysis:
    """The one-shot runner's analysis, loaded as a module, with a session's context: the summary
    of each cell is found with what the cells that ran before it defined."""

    def __init__(self):
        from importlib.machinery import SourcelessFileLoader
        from importlib.util import module_from_spec, spec_from_loader
        loader = SourcelessFileLoader("bulwark_analysis", CODE_DIR + "/python-runner.pyc")
        module = module_from_spec(spec_from_loader("bulwark_analysis", loader))
        loader.exec_module(module)
        self.module = module
        self.context = module.Context()

    def summarise(self, code, name):
        if self.context.full():
            summary = {"v": 1, "parsed": True, "encoding": None,
                       "incomplete": "the session defined too many names to analyse its cells"}
            return self.module.dumps(summary).encode("ascii"), None
        import ast
        summary, apply = self.module.summarise(code, name, self.context,
                                               ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
        return self.module.dumps(summary).encode("ascii"), apply

    def reset(self):
        self.context = self.module.Context()

    def close(self):
        pass


class JavaScriptAnalysis:
    """The one-shot runner's analysis in a node child that never runs user code, serving one cell
    at a time on its stdin. The child must not be dumpable either, and node cannot say so itself:
    it is started through an exec-only copy of the dynamic loader, and the kernel makes a process
    whose program it may not read non-dumpable (fs/exec.c, would_dump). The copy is made and
    removed before any user code runs."""

    LOADERS = ("/lib64/ld-linux-x86-64.so.2", "/lib/ld-linux-aarch64.so.1")

    def __init__(self):
        r_in, w_in = os.pipe()
        r_out, w_out = os.pipe()
        loader = next(p for p in self.LOADERS if os.path.exists(p))
        private = "/tmp/.bulwark-%d" % os.getpid()
        os.mkdir(private, 0o700)
        copy = private + "/ld.so"
        with open(loader, "rb") as src:
            data = src.read()
        fd = os.open(copy, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o700)
        write_all(fd, data)
        os.fchmod(fd, 0o111)
        os.close(fd)
        try:
            self.pid = os.posix_spawn(
                copy, [copy, "/usr/bin/node", CODE_DIR + "/javascript-runner.js", "--serve"],
                dict(os.environ),
                file_actions=[(os.POSIX_SPAWN_DUP2, r_in, 0), (os.POSIX_SPAWN_DUP2, w_out, 1)])
        finally:
            os.unlink(copy)
            os.rmdir(private)
        os.close(r_in)
        os.close(w_out)
        self.to_child, self.from_child = w_in, r_out
        self.buffer = b""

    def request(self, message):
        body = json.dumps(message).encode("utf-8")
        write_all(self.to_child, b"%d\n" % len(body) + body)

    def summarise(self, code, name):
        self.request({"op": "summarise", "code": code.decode("utf-8", "replace"), "name": name})
        while b"\n" not in self.buffer:
            self.read()
        header, self.buffer = self.buffer.split(b"\n", 1)
        length = int(header)
        while len(self.buffer) < length:
            self.read()
        summary, self.buffer = self.buffer[:length], self.buffer[length:]
        return summary, lambda: self.request({"op": "commit"})

    def read(self):
        chunk = os.read(self.from_child, CHUNK)
        if not chunk:
            raise OSError("the JavaScript parser ended")
        self.buffer += chunk

    def reset(self):
        self.request({"op": "reset"})

    def close(self):
        try:
            os.kill(self.pid, signal.SIGKILL)
        except OSError:
            pass


# ---- the kernel ---------------------------------------------------------------------------------
BASH_KERNEL = r"""
__bulwark_emit() { printf '%d\n%s' "${#1}" "$1" >&4; }
__bulwark_unwind() { [[ $BASH_COMMAND == __bulwark_* || ${FUNCNAME[1]-} == __bulwark_* ]] || return 2; }
__bulwark_trap() { trap '__bulwark_int=1; shopt -s extdebug; trap __bulwark_unwind DEBUG' INT; }
__bulwark_done() {
  local s=$1; trap - DEBUG; shopt -u extdebug; __bulwark_trap
  if [[ -n $__bulwark_int ]]; then __bulwark_emit '{"ev":"done","status":"interrupted","code":130}'
  elif [[ $s == 0 ]]; then __bulwark_emit '{"ev":"done","status":"ok","code":0}'
  else __bulwark_emit "{\"ev\":\"done\",\"status\":\"error\",\"code\":$s}"; fi
  __bulwark_int=
}
__bulwark_trap
cd /work
__bulwark_emit '{"ev":"ready"}'
while IFS= read -r -d '' __bulwark_cell <&3; do
  . /dev/fd/5 5<<<"$__bulwark_cell" 3<&- 4>&-
  __bulwark_done $?
done
"""


def kernel_command():
    if LANGUAGE == "python":
        return ["/usr/bin/python3", "-I", "-S", "-X", "utf8", "-u", CODE_DIR + "/python-kernel.pyc"]
    if LANGUAGE == "javascript":
        return ["/usr/bin/node", CODE_DIR + "/javascript-kernel.js"]
    return ["/usr/bin/bash", "--norc", "--noprofile", "-c", BASH_KERNEL]


class Kernel:
    """One kernel process, in its own session and process group, with its four pipes; what is
    read of its events and not yet handled."""

    def __init__(self):
        commands_r, self.commands = os.pipe()
        self.events, events_w = os.pipe()
        self.out, out_w = os.pipe()
        self.err, err_w = os.pipe()
        null = os.open("/dev/null", os.O_RDONLY | os.O_CLOEXEC)
        command = kernel_command()
        self.pid = os.posix_spawn(
            command[0], command, dict(os.environ),
            file_actions=[(os.POSIX_SPAWN_DUP2, null, 0), (os.POSIX_SPAWN_DUP2, out_w, 1),
                          (os.POSIX_SPAWN_DUP2, err_w, 2), (os.POSIX_SPAWN_DUP2, commands_r, 3),
                          (os.POSIX_SPAWN_DUP2, events_w, 4)],
            setsid=True, setsigdef=(signal.SIGINT,))  # the agent ignores SIGINT; its kernel not
        for fd in (null, commands_r, events_w, out_w, err_w):
            os.close(fd)
        for fd in (self.out, self.err):
            os.set_blocking(fd, False)
        self.buffer = b""  # events read, not yet handled
        self.skip = 0  # bytes of an oversized event still to drop
        self.quiet = False  # a bash kernel runs its setup: its output is not a cell's
        self.exit = None  # its exit code, once the reaper has it
        self.exited = threading.Event()

    def await_ready(self):
        """Reads the kernel's first event, "ready", before the pump watches it."""
        while True:
            chunk = os.read(self.events, CHUNK)
            if not chunk:
                raise OSError("the kernel ended as it started")
            self.buffer += chunk
            header, _, rest = self.buffer.partition(b"\n")
            if _ and header.isdigit() and len(rest) >= int(header):
                self.buffer = rest[int(header):]
                return

    def send(self, message):
        if LANGUAGE == "bash":
            write_all(self.commands, message.encode("utf-8", "surrogatepass") + b"\0")
        else:
            body = json.dumps(message, ensure_ascii=False).encode("utf-8", "surrogatepass")
            write_all(self.commands, b"%d\n" % len(body) + body)

    def signal(self, sig):
        try:
            os.killpg(self.pid, sig)
        except OSError:
            pass

    def close(self):
        self.signal(signal.SIGKILL)
        for fd in (self.commands, self.events, self.out, self.err):
            try:
                os.close(fd)
            except OSError:
                pass


class Agent:
    def __init__(self, host):
        self.host = host
        self.analysis = {"python": PythonAnalysis, "javascript": JavaScriptAnalysis}.get(
            LANGUAGE, lambda: None)()
        self.code = {}  # cell id -> its code, from "cell" to "run"
        self.pending = {}  # cell id -> the context's update, applied on the host's "run"
        self.cell = 0  # the cell running, or the last one
        self.running = False
        self.setup = None
        self.max_output = 16 << 20
        self.uploads = {}
        self.kernel_lock = threading.Condition()
        self.kernel = None
        self.retired = []  # kernels replaced or killed, whose pipes the pump alone closes
        self.wake_r, self.wake_w = os.pipe()
        self.start_kernel()
        threading.Thread(target=self.pump, daemon=True).start()

    # ---- kernel life ----------------------------------------------------------------------------
    def start_kernel(self):
        kernel = Kernel()
        threading.Thread(target=self.reap, args=(kernel,), daemon=True).start()
        kernel.await_ready()
        if self.setup is not None:
            self.configure(kernel)
        with self.kernel_lock:
            previous, self.kernel = self.kernel, kernel
            self.kernel_lock.notify_all()
        if previous is not None:  # a restart raced the start after an exit: one kernel serves
            self.retire(previous)
        os.write(self.wake_w, b"k")  # the pump now watches the new kernel

    def current_kernel(self, wait=0):
        with self.kernel_lock:
            if self.kernel is None and wait:
                self.kernel_lock.wait_for(lambda: self.kernel is not None, wait)
            return self.kernel

    def configure(self, kernel):
        env, figures = self.setup
        if LANGUAGE == "bash":
            kernel.quiet = True
            kernel.send(" ".join("export %s=%s;" % (k, shell_quote(v)) for k, v in env.items())
                        + " :")
        else:
            kernel.send({"op": "setup", "env": env, "figures": figures})

    def reap(self, kernel):
        _, status = os.waitpid(kernel.pid, 0)
        kernel.exit = os.waitstatus_to_exitcode(status)
        kernel.exited.set()
        os.write(self.wake_w, b"x")

    def retire(self, kernel):
        """Kills a kernel that no longer serves; the pump closes its pipes on its next turn. Closed
        here, their descriptor numbers could be reused by the next kernel's pipes while the pump
        still reads them as the old kernel's: it would take the new kernel's events for output and
        the first cell after a restart would never end."""
        kernel.signal(signal.SIGKILL)
        with self.kernel_lock:
            self.retired.append(kernel)
        os.write(self.wake_w, b"r")

    def close_retired(self):
        with self.kernel_lock:
            retired, self.retired = self.retired, []
        for kernel in retired:
            kernel.close()

    def restart(self, ident):
        with self.kernel_lock:
            old, self.kernel = self.kernel, None
        if old is not None:
            old.signal(signal.SIGKILL)
            old.exited.wait(5)
            self.retire(old)
        if self.analysis is not None:
            self.analysis.reset()
        self.pending.clear()
        if self.running:
            self.running = False
            self.host.json(b"done", self.cell, {"status": "exited", "code": 137})
        self.start_kernel()
        self.host.send(b"restarted", ident)

    # ---- the kernel's output and events, in the order it made them ----------------------------
    def pump(self):
        """One thread reads the kernel's stdout, stderr and events. An event is handled only once
        what the kernel wrote to stdout and stderr before it has been sent: a cell's output comes
        before its displays and its end."""
        while True:
            self.close_retired()
            kernel = self.current_kernel()
            fds = [self.wake_r] + ([kernel.out, kernel.err, kernel.events] if kernel else [])
            try:
                ready, _, _ = select.select(fds, [], [])
            except (OSError, ValueError):
                continue
            if self.wake_r in ready:
                os.read(self.wake_r, 64)
            if kernel is None or kernel is not self.current_kernel():
                continue  # replaced while we waited: what it wrote is not the next cell's
            try:
                self.drain(kernel)
                if kernel.events in ready or kernel.buffer:
                    chunk = os.read(kernel.events, CHUNK) if kernel.events in ready else b""
                    self.events(kernel, chunk)
                if kernel.exited.is_set() and kernel is self.current_kernel():
                    self.kernel_ended(kernel)
            except OSError as e:
                if kernel is self.current_kernel():
                    log("agent: kernel streams:", e)

    def drain(self, kernel):
        for fd, kind in ((kernel.out, b"out"), (kernel.err, b"err")):
            while True:
                try:
                    chunk = os.read(fd, CHUNK)
                except BlockingIOError:
                    break
                if not chunk:
                    break
                if not kernel.quiet:
                    self.host.send(kind, self.cell, chunk)

    def events(self, kernel, chunk):
        """Handles the complete events read so far. The kernel is untrusted: an event over the
        output cap is dropped whole, with a marker, and a stream that is not events any more is
        dropped until the kernel's next start."""
        if kernel.skip:
            dropped = min(kernel.skip, len(chunk))
            kernel.skip -= dropped
            chunk = chunk[dropped:]
        buffer = kernel.buffer + chunk
        while b"\n" in buffer:
            header, rest = buffer.split(b"\n", 1)
            if not header.isdigit() or len(header) > 10:
                log("agent: the kernel's events are not readable; dropping them")
                kernel.skip, buffer = 1 << 62, b""
                break
            length = int(header)
            if length > self.max_output + CHUNK:
                self.marker("an output of %d bytes is over the output cap" % length)
                kernel.skip = max(0, length - len(rest))
                buffer = rest[length:]
                continue
            if len(rest) < length:
                break
            body, buffer = rest[:length], rest[length:]
            try:
                self.event(kernel, json.loads(body))
            except (ValueError, TypeError, KeyError, AttributeError) as e:
                log("agent: a kernel event was refused:", e)
        kernel.buffer = buffer

    def event(self, kernel, event):
        kind = event.get("ev")
        if kind == "display" and isinstance(event.get("output"), dict) and self.running:
            self.host.json(b"display", self.cell, event["output"])
        elif kind == "done":
            if kernel.quiet:
                kernel.quiet = False  # the end of a bash kernel's setup
            elif self.running:
                self.running = False
                self.host.json(b"done", self.cell, {"status": str(event.get("status")),
                                                    "code": int(event.get("code", 0)) & 0xFF})

    def kernel_ended(self, kernel):
        """The kernel exited (the code ended it, or it was killed): a running cell ends with its
        exit, and a fresh kernel serves the next cell; the cells' context starts over."""
        self.drain(kernel)
        with self.kernel_lock:
            self.kernel = None
        kernel.close()
        if self.analysis is not None:
            self.analysis.reset()
        if self.running:
            self.running = False
            code = kernel.exit if kernel.exit >= 0 else 128 - kernel.exit
            self.host.json(b"done", self.cell, {"status": "exited", "code": code & 0xFF})
        threading.Thread(target=self.start_kernel, daemon=True).start()

    def marker(self, text):
        if self.running:
            self.host.json(b"display", self.cell, {
                "output_type": "display_data", "data": {"text/plain": "[bulwark: %s]" % text},
                "metadata": {}})

    # ---- the host's requests ------------------------------------------------------------------
    def handle(self, kind, ident, payload):
        if kind == b"cell":
            self.on_cell(ident, json.loads(payload))
        elif kind == b"run":
            self.on_run(ident)
        elif kind == b"drop":
            self.pending.pop(ident, None)
            self.code.pop(ident, None)
        elif kind == b"interrupt":
            kernel = self.current_kernel()
            if kernel is not None and self.running:
                kernel.signal(signal.SIGINT)
        elif kind == b"restart":
            self.restart(ident)
        elif kind == b"start":
            self.on_start(json.loads(payload))
        elif kind in (b"put", b"data", b"end", b"abort"):
            self.upload(kind, ident, payload)
        elif kind == b"get":
            request = json.loads(payload)
            threading.Thread(target=self.download, args=(ident, request), daemon=True).start()
        elif kind == b"list":
            self.answer(ident, lambda: listing(json.loads(payload)))
        elif kind == b"delete":
            self.answer(ident, lambda: delete(json.loads(payload)["path"]))

    def on_start(self, settings):
        env = {}
        if settings.get("egress"):
            path = CODE_DIR + "/egress-forwarder.py"
            with open(path) as f:
                forwarder = {"__name__": "bulwark_egress"}
                exec(compile(f.read(), path, "exec"), forwarder)
            env = forwarder["start"]()
        self.max_output = int(settings.get("maxOutputBytes", self.max_output))
        self.setup = (env, "svg" if settings.get("figures") == "svg" else "png")
        kernel = self.current_kernel()
        if kernel is not None:
            self.configure(kernel)

    def on_cell(self, ident, request):
        self.cell = ident
        self.code[ident] = request["code"]
        if self.analysis is None:
            return  # bash: the host reads the text itself
        code = request["code"].encode("utf-8", "surrogatepass")
        summary, apply = self.analysis.summarise(code, request["name"])
        if apply is not None:
            self.pending[ident] = apply
        self.host.send(b"summary", ident, summary)

    def on_run(self, ident):
        apply = self.pending.pop(ident, None)
        if apply is not None:
            apply()
        self.pending.clear()
        code = self.code.pop(ident, "")
        self.code.clear()
        self.cell = ident
        kernel = self.current_kernel(wait=10)  # between an exit and the next kernel
        if kernel is None:
            self.host.json(b"done", ident, {"status": "exited", "code": 255})
            return
        self.running = True
        if LANGUAGE == "bash":
            kernel.send(code)
        else:
            kernel.send({"op": "run", "id": ident, "name": "<cell-%d>" % ident, "code": code})

    def answer(self, ident, work):
        try:
            self.host.json(b"ok", ident, work())
        except Refused as e:
            self.host.json(b"fail", ident, {"kind": e.kind, "message": str(e)})
        except OSError as e:
            self.host.json(b"fail", ident, refusal(e))

    # ---- files ----------------------------------------------------------------------------------
    def upload(self, kind, ident, payload):
        if kind == b"put":
            request = json.loads(payload)
            try:
                self.uploads[ident] = Upload(request["path"], int(request["max"]))
            except Refused as e:
                self.uploads[ident] = Failed(e)
            except OSError as e:
                self.uploads[ident] = Failed(as_refused(e))
            return
        upload = self.uploads.get(ident)
        if upload is None:
            return
        if kind == b"data":
            upload.write(payload)
            return
        del self.uploads[ident]
        if kind == b"abort":
            upload.discard()
            return
        self.answer(ident, upload.finish)

    def download(self, ident, request):
        try:
            fd, info = open_regular(request["path"])
        except Refused as e:
            self.host.json(b"fail", ident, {"kind": e.kind, "message": str(e)})
            return
        except OSError as e:
            self.host.json(b"fail", ident, refusal(e))
            return
        try:
            if info["size"] > int(request["max"]):
                self.host.json(b"fail", ident, {"kind": "TOO_LARGE", "message": (
                    "the file has %d bytes, over the limit of %s" % (info["size"], request["max"]))})
                return
            self.host.json(b"ok", ident, info)
            left = info["size"]
            while left > 0:
                chunk = os.read(fd, min(CHUNK, left))
                if not chunk:
                    break
                left -= len(chunk)
                self.host.send(b"data", ident, chunk)
            self.host.send(b"end", ident)
        finally:
            os.close(fd)


# ---- the workspace, in the sandbox's own view ---------------------------------------------------
def parts_of(path, allow_root=False):
    if path == "" and allow_root:
        return []
    if not isinstance(path, str) or not path or path.startswith("/") or len(path.encode()) > 4096:
        raise Refused("INVALID_PATH", "not a relative path of the workspace")
    parts = path.split("/")
    if len(parts) > 64 or any(p in ("", ".", "..") or len(p.encode()) > 255 for p in parts):
        raise Refused("INVALID_PATH", "an empty, '.', '..' or too long part")
    if any(ord(c) < 32 or ord(c) == 127 or 0xD800 <= ord(c) <= 0xDFFF for c in path):
        raise Refused("INVALID_PATH", "a control character or malformed text")
    return parts


def walk_to(parts, create=False):
    """A descriptor of the directory that parts name, walked one part at a time from the
    workspace without following a symbolic link: what a name means is what the sandbox sees."""
    fd = os.open(WORK, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        for part in parts:
            try:
                nxt = os.open(part, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC,
                              dir_fd=fd)
            except FileNotFoundError:
                if not create:
                    raise Refused("NOT_FOUND", "no such directory: " + part)
                os.mkdir(part, 0o755, dir_fd=fd)
                nxt = os.open(part, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC,
                              dir_fd=fd)
            except OSError as e:
                if e.errno in (errno.ENOTDIR, errno.ELOOP):
                    raise Refused("NOT_A_FILE", part + " is not a directory")
                raise
            os.close(fd)
            fd = nxt
        return fd
    except BaseException:
        os.close(fd)
        raise


def info_of(name, st):
    mode = st.st_mode
    kind = ("file" if stat.S_ISREG(mode) else "directory" if stat.S_ISDIR(mode)
            else "symlink" if stat.S_ISLNK(mode) else "other")
    shown, escaped = escape(name)
    return {"path": shown, "size": st.st_size if kind == "file" else 0, "kind": kind,
            "modified": iso(st.st_mtime_ns), "escaped": escaped}


def iso(ns):
    import time
    seconds, rest = divmod(ns, 1_000_000_000)
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds)) + ".%09dZ" % rest


def escape(name):
    """A name as a listing shows it: bytes that are not UTF-8 (surrogate escapes) and control
    characters as \\xNN, a backslash as \\\\; and whether anything was escaped."""
    out, escaped = [], False
    for c in name:
        o = ord(c)
        if 0xDC80 <= o <= 0xDCFF:
            out.append("\\x%02x" % (o - 0xDC00))
        elif o < 32 or o == 127:
            out.append("\\x%02x" % o)
        elif c == "\\":
            out.append("\\\\")
        else:
            out.append(c)
            continue
        escaped = escaped or c != "\\"
    return "".join(out), escaped


def open_regular(path):
    """An open descriptor of a regular file and its info. Opened without following a symbolic
    link and without blocking (a FIFO opens at once), then judged by the descriptor's own type."""
    parts = parts_of(path)
    parent = walk_to(parts[:-1])
    try:
        try:
            fd = os.open(parts[-1], os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC,
                         dir_fd=parent)
        except FileNotFoundError:
            raise Refused("NOT_FOUND", "no such file")
        except OSError as e:
            if e.errno in (errno.ELOOP, errno.ENXIO, errno.EISDIR):
                raise Refused("NOT_A_FILE", "not a regular file")
            raise
    finally:
        os.close(parent)
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)
        raise Refused("NOT_A_FILE", "not a regular file")
    info = info_of(parts[-1], st)
    info["path"] = path
    return fd, info


UPLOADS = itertools.count(1)


class Upload:
    """A file being written: a new name next to its place, renamed over it once complete, so that
    a failed or aborted upload leaves nothing and a reader never sees half a file."""

    def __init__(self, path, limit):
        self.path, self.limit = path, limit
        parts = parts_of(path)
        self.parent = walk_to(parts[:-1], create=True)
        self.name = parts[-1]
        try:
            try:
                st = os.stat(self.name, dir_fd=self.parent, follow_symlinks=False)
                if not stat.S_ISREG(st.st_mode):
                    raise Refused("NOT_A_FILE", "something other than a file is there")
            except FileNotFoundError:
                pass
            self.temp = ".bulwark-upload-%d" % next(UPLOADS)
            self.fd = os.open(self.temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW
                              | os.O_CLOEXEC, 0o644, dir_fd=self.parent)
        except BaseException:
            os.close(self.parent)
            raise
        self.written = 0
        self.error = None

    def write(self, data):
        if self.error is not None:
            return
        self.written += len(data)
        if self.written > self.limit:
            self.error = Refused("TOO_LARGE", "over the file size limit of %d bytes" % self.limit)
            return
        try:
            write_all(self.fd, data)
        except OSError as e:
            self.error = as_refused(e)

    def finish(self):
        try:
            if self.error is not None:
                raise self.error
            st = os.fstat(self.fd)
            os.rename(self.temp, self.name, src_dir_fd=self.parent, dst_dir_fd=self.parent)
            info = info_of(self.name, st)
            info["path"] = self.path
            return info
        finally:
            self.discard()

    def discard(self):
        try:
            os.close(self.fd)
            os.unlink(self.temp, dir_fd=self.parent)
        except OSError:
            pass  # renamed already
        finally:
            os.close(self.parent)


class Failed:
    """An upload refused at its start: its data is dropped, its end answers the refusal."""

    def __init__(self, refusal):
        self.refusal = refusal

    def write(self, data):
        pass

    def discard(self):
        pass

    def finish(self):
        raise self.refusal


def listing(request):
    parts = parts_of(request["path"], allow_root=True)
    fd = walk_to(parts)
    limit = int(request.get("max", 10000))
    entries, truncated = [], False
    try:
        with os.scandir(fd) as it:
            for entry in it:
                if len(entries) >= limit:
                    truncated = True
                    break
                try:
                    st = entry.stat(follow_symlinks=False)
                except OSError:
                    continue  # removed while we looked
                info = info_of(entry.name, st)
                prefix = request["path"] + "/" if request["path"] else ""
                info["path"] = prefix + info["path"]
                entries.append(info)
    finally:
        os.close(fd)
    entries.sort(key=lambda e: e["path"])
    return {"directory": request["path"], "entries": entries, "truncated": truncated}


def delete(path):
    parts = parts_of(path)
    parent = walk_to(parts[:-1])
    try:
        try:
            st = os.stat(parts[-1], dir_fd=parent, follow_symlinks=False)
        except FileNotFoundError:
            raise Refused("NOT_FOUND", "no such file")
        if stat.S_ISDIR(st.st_mode):
            try:
                os.rmdir(parts[-1], dir_fd=parent)
            except OSError as e:
                if e.errno == errno.ENOTEMPTY:
                    raise Refused("NOT_A_FILE", "the directory is not empty")
                raise
        else:
            os.unlink(parts[-1], dir_fd=parent)
        return {}
    finally:
        os.close(parent)


def as_refused(e):
    if e.errno == errno.ENOSPC or e.errno == errno.EDQUOT:
        return Refused("WORKSPACE_FULL", "the workspace is full")
    if e.errno == errno.EFBIG:
        return Refused("TOO_LARGE", "over the file size limit")
    if e.errno in (errno.EISDIR, errno.ENOTDIR, errno.ELOOP, errno.ENXIO):
        return Refused("NOT_A_FILE", "not a regular file")
    if e.errno == errno.ENOENT:
        return Refused("NOT_FOUND", "no such file")
    if e.errno == errno.ENAMETOOLONG:
        return Refused("INVALID_PATH", "a name too long")
    return Refused("NOT_A_FILE", os.strerror(e.errno or 0))


def refusal(e):
    r = as_refused(e)
    return {"kind": r.kind, "message": str(r)}


def shell_quote(value):
    return "'" + str(value).replace("'", "'\\''") + "'"


def main():
    nodump()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    host = Host()
    agent = Agent(host)
    os.write(1, b"\0BULWARK-READY\n")
    frames = Frames()
    while True:
        try:
            kind, ident, payload = frames.next()
        except EOFError:
            os._exit(0)  # the host is gone: the sandbox goes with it
        except ValueError as e:
            log("agent: the host's frame was refused:", e)
            os._exit(2)
        try:
            agent.handle(kind, ident, payload)
        except Exception as e:  # a defect here must not look like the program's doing
            log("agent: %s %d failed: %s: %s" % (kind.decode(), ident, type(e).__name__, e))
            if kind == b"cell":
                host.json(b"summary", ident, {"v": 1, "parsed": True, "encoding": None,
                                              "incomplete": "the session could not analyse it"})


main()
