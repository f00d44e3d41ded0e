# Bulwark's egress forwarder. A sandbox whose run may reach some hosts has no network but its own
# loopback, and the host's egress proxy at /run/bulwark/proxy.sock. This listens on
# 127.0.0.1:3128 inside the sandbox and carries each connection to that socket, unchanged: it
# decides nothing, the proxy on the host checks everything. The Python runner starts it as a
# daemon thread (start()); a bash sandbox runs this file first, and it forks into the background
# once it listens, so that the program's first request finds it there.
import os
import socket
import sys
import threading

PORT = 3128
SOCKET = "/run/bulwark/proxy.sock"
URL = "http://127.0.0.1:%d" % PORT
# Programs talking to a server they started themselves stay inside the sandbox.
LOCAL = "localhost,127.0.0.1,::1"
ENV = {"HTTP_PROXY": URL, "HTTPS_PROXY": URL, "http_proxy": URL, "https_proxy": URL,
       "ALL_PROXY": URL, "all_proxy": URL, "NO_PROXY": LOCAL, "no_proxy": LOCAL}


def listen():
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", PORT))
    s.listen(128)
    return s


def pump(src, dst):
    try:
        while True:
            data = src.recv(65536)
            if not data:
                break
            dst.sendall(data)
    except OSError:
        pass
    finally:
        try:
            dst.shutdown(socket.SHUT_WR)
        except OSError:
            pass


def carry(client):
    up = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        up.connect(SOCKET)
    except OSError:
        client.close()
        up.close()
        return
    back = threading.Thread(target=pump, args=(up, client), daemon=True)
    back.start()
    pump(client, up)
    back.join()
    client.close()
    up.close()


def serve(s):
    while True:
        try:
            client, _ = s.accept()
        except OSError:
            return
        threading.Thread(target=carry, args=(client,), daemon=True).start()


def start():
    """Listens now and serves on a daemon thread; returns the environment that points at it."""
    s = listen()
    threading.Thread(target=serve, args=(s,), daemon=True, name="bulwark-egress").start()
    return ENV


if __name__ == "__main__":
    server = listen()
    if os.fork() == 0:
        # The run's output pipes must not wait for this process: it lives until the sandbox ends.
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(null, fd)
        serve(server)
        os._exit(0)
    os._exit(0)
