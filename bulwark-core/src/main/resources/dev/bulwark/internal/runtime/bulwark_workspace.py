# A one-shot run's input files and artifacts, inside the sandbox, for every runtime: the one
# place that writes the job's files into /work before the program runs and sends back the files
# its artifact patterns match once it ended. Python's runner imports it (only for a job with files
# or artifacts: a plain run never loads it); JavaScript's runner starts it as a child before and
# after the program; a runtime without a runner (bash) runs under it ("wrap"), when the job has
# files or artifacts only. Everything happens in the sandbox's own view, as the sandbox's user:
# the host follows no name here. Nothing here is a security boundary: the host bounds and checks
# every frame (RunChannel.java).
#
#   python3 bulwark_workspace.py place          stdin: the go-ahead line "run {json}", then the files
#   python3 bulwark_workspace.py collect        stdin: the settings, as JSON
#   python3 bulwark_workspace.py wrap CMD...    stdin: the go-ahead, the files, the program's stdin
import os
import sys

OUTPUTS_SOCKET = "/run/bulwark/outputs.sock"
WORKSPACE = "/work"
MAX_WALKED = 100000  # workspace entries looked at for artifacts, whatever the patterns


def read_exact(fd, size):
    """Up to size bytes of fd, waiting when it is non-blocking (node leaves its stdin so)."""
    chunks = []
    while size > 0:
        try:
            chunk = os.read(fd, min(size, 1 << 16))
        except BlockingIOError:
            import select
            select.select([fd], [], [])
            continue
        if not chunk:
            break
        size -= len(chunk)
        chunks.append(chunk)
    return b"".join(chunks)


def read_line(fd):
    """One line of fd, byte by byte, so that nothing after it is consumed."""
    line = b""
    while not line.endswith(b"\n"):
        b = read_exact(fd, 1)
        if not b:
            break
        line += b
    return line.strip()


def settings_of(go_ahead):
    """The settings of a go-ahead line: {} for a plain "run"."""
    if go_ahead.startswith(b"run "):
        import json
        return json.loads(go_ahead[4:].decode("utf-8"))
    return {}


def place(settings, fd=0):
    """The job's input files, read from fd as the host sent them, into the workspace."""
    for entry in settings.get("files", ()):
        path, size = str(entry["path"]), int(entry["size"])
        parts = path.split("/")
        if path.startswith("/") or any(p in ("", ".", "..") for p in parts):
            os._exit(2)  # the host checked it: something is wrong
        d = WORKSPACE
        for p in parts[:-1]:
            d = d + "/" + p
            if not os.path.isdir(d):
                os.mkdir(d, 0o755)
        out = os.open(d + "/" + parts[-1], os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW,
                      0o644)
        try:
            left = size
            while left:
                chunk = read_exact(fd, min(left, 1 << 16))
                if not chunk:
                    break
                left -= len(chunk)
                view = memoryview(chunk)
                while view:
                    view = view[os.write(out, view):]
        finally:
            os.close(out)


def glob_regex(pattern):
    import re
    out = []
    parts = pattern.split("/")
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        if part == "**":
            out.append(".*" if last else "(?:[^/]+/)*")
            continue
        for c in part:
            out.append("[^/]*" if c == "*" else "[^/]" if c == "?" else re.escape(c))
        if not last:
            out.append("/")
    return re.compile("".join(out) + r"\Z", re.S)


def collect(settings, send):
    """The workspace's regular files that the job's patterns match, each opened without following
    a link and without blocking, judged by its descriptor; within the caps the host gave. Each goes
    to send(kind, payload) as an artifact frame, its data frames and an end frame."""
    patterns = [glob_regex(str(p)) for p in settings.get("artifacts", ())]
    if not patterns:
        return
    import json
    import stat
    count, total = 0, 0
    max_count = int(settings.get("maxArtifacts", 100))
    max_bytes = int(settings.get("maxArtifactBytes", 256 << 20))
    seen = 0
    for root, dirs, files in os.walk(WORKSPACE):
        dirs.sort()
        for name in sorted(files):
            seen += 1
            if seen > MAX_WALKED or count >= max_count:
                return
            rel = (root + "/" + name)[len(WORKSPACE) + 1:]
            if not any(p.match(rel) for p in patterns):
                continue
            try:
                fd = os.open(root + "/" + name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
            except OSError:
                continue  # a symbolic link (ELOOP), a file gone: never followed
            try:
                st = os.fstat(fd)
                if not stat.S_ISREG(st.st_mode) or total + st.st_size > max_bytes:
                    continue
                send(b"artifact", json.dumps({"name": rel, "size": st.st_size}).encode())
                left = st.st_size
                while left > 0:
                    chunk = os.read(fd, min(left, 1 << 16))
                    if not chunk:
                        break
                    left -= len(chunk)
                    send(b"data", chunk)
                send(b"end", b"")
                count += 1
                total += st.st_size
            finally:
                os.close(fd)


class Channel:
    """A connection of its own to the run's outputs channel, opened on first use; a tier without
    the channel gets no artifacts or rich outputs. Python's runner sends its outputs on one too."""

    sock = None
    failed = False

    def send(self, kind, payload):
        if self.sock is None and not self.failed:
            try:
                import socket
                s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                s.connect(OUTPUTS_SOCKET)
                self.sock = s
            except OSError:
                self.failed = True
        if self.sock is not None:
            try:
                self.sock.sendall(b"%s 0 %d\n" % (kind, len(payload)) + payload)
            except OSError:
                self.failed, self.sock = True, None

    def close(self):
        if self.sock is not None:
            try:
                self.sock.close()
            except OSError:
                pass
            self.sock = None


def send_artifacts(settings):
    channel = Channel()
    try:
        collect(settings, channel.send)
    finally:
        channel.close()


def wrap(argv):
    """Places the files, runs the program with the rest of stdin, sends the artifacts, and ends as
    the program ended: its exit code, or killed by its signal."""
    settings = settings_of(read_line(0))
    place(settings)
    pid = os.posix_spawn(argv[0], argv, os.environ)
    while True:
        try:
            _, status = os.waitpid(pid, 0)
            break
        except InterruptedError:
            continue
    try:
        send_artifacts(settings)
    except Exception as e:
        sys.stderr.write("bulwark: the artifacts could not all be sent: %r\n" % (e,))
    if os.WIFSIGNALED(status):
        import signal
        sig = os.WTERMSIG(status)
        signal.signal(sig, signal.SIG_DFL)
        os.kill(os.getpid(), sig)
    os._exit(os.waitstatus_to_exitcode(status) & 0xFF)


def main(argv):
    mode = argv[1] if len(argv) > 1 else ""
    if mode == "place":
        place(settings_of(read_line(0)))
    elif mode == "collect":
        import json
        send_artifacts(json.loads(sys.stdin.buffer.read().decode("utf-8")))
    elif mode == "wrap" and len(argv) > 2:
        wrap(argv[2:])
    else:
        sys.stderr.write("usage: bulwark_workspace.py place | collect | wrap CMD...\n")
        os._exit(2)


if __name__ == "__main__":
    main(sys.argv)
