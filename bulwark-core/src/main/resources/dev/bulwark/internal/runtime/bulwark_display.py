# Rich outputs for Bulwark's Python runner (one-shot runs) and session kernel, inside the sandbox:
# IPython-style display(), matplotlib figures captured without savefig, and errors in the user's
# terms. Imported only when a program shows something, draws or fails: a plain run never pays for
# it. Outputs are plain dicts in nbformat's shape (dev.bulwark.model.Output); the caller sends them.
# Nothing here is a security boundary: the host bounds and checks what arrives.
import sys

# What IPython's display system asks an object for, in the order a front end prefers them.
REPR_METHODS = (
    ("text/html", "_repr_html_"),
    ("text/markdown", "_repr_markdown_"),
    ("image/svg+xml", "_repr_svg_"),
    ("image/png", "_repr_png_"),
    ("image/jpeg", "_repr_jpeg_"),
    ("text/latex", "_repr_latex_"),
    ("application/json", "_repr_json_"),
)
BINARY = ("image/png", "image/jpeg")
MAX_TEXT = 1 << 20  # characters of one representation; the host caps the whole result again
MAX_TRACEBACK_LINES = 200


def cut(text):
    if len(text) <= MAX_TEXT:
        return text
    return text[:MAX_TEXT] + "\n[... bulwark: %d characters cut ...]" % (len(text) - MAX_TEXT)


def call_repr(obj, method):
    """The representation an object's _repr_*_ method gives, or None; its failure is not the
    program's: IPython too shows the other representations then."""
    f = getattr(type(obj), method, None)
    if f is None or isinstance(obj, type):
        return None
    try:
        return getattr(obj, method)()
    except Exception:
        return None


def bundle(obj):
    """The MIME bundle of an object: (data, metadata), text/plain always among them."""
    data, metadata = {}, {}
    mimebundle = call_repr(obj, "_repr_mimebundle_")
    if mimebundle is not None:
        if isinstance(mimebundle, tuple) and len(mimebundle) == 2:
            mimebundle, md = mimebundle
            if isinstance(md, dict):
                metadata.update({str(k): v for k, v in md.items()})
        if isinstance(mimebundle, dict):
            for mime, value in mimebundle.items():
                add(data, metadata, str(mime), value)
    for mime, method in REPR_METHODS:
        if mime not in data:
            add(data, metadata, mime, call_repr(obj, method))
    if "text/plain" not in data:
        try:
            data["text/plain"] = cut(repr(obj))
        except Exception as e:
            data["text/plain"] = "<%s: repr failed: %s>" % (type(obj).__name__, type(e).__name__)
    return data, metadata


def add(data, metadata, mime, value):
    if value is None or "/" not in mime:
        return
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], dict):
        value, metadata[mime] = value
    if mime in BINARY:
        import base64
        if isinstance(value, str):  # already base64, as IPython allows
            data[mime] = value
        elif isinstance(value, (bytes, bytearray)):
            data[mime] = base64.b64encode(bytes(value)).decode("ascii")
    elif mime == "application/json":
        data[mime] = value
    elif isinstance(value, bytes):
        data[mime] = cut(value.decode("utf-8", "replace"))
    else:
        data[mime] = cut(str(value))


def display_data(obj):
    data, metadata = bundle(obj)
    return {"output_type": "display_data", "data": data, "metadata": metadata}


def execute_result(obj, count):
    data, metadata = bundle(obj)
    return {"output_type": "execute_result", "execution_count": count, "data": data,
            "metadata": metadata}


def figures(fmt):
    """Every open matplotlib figure as an output, then closed, as Jupyter's inline backend does;
    nothing (and no import) when the program never imported pyplot."""
    plt = sys.modules.get("matplotlib.pyplot")
    if plt is None:
        return []
    outputs = []
    try:
        nums = plt.get_fignums()
    except Exception:
        return []
    for num in nums:
        try:
            outputs.append(figure(plt.figure(num), fmt))
        except Exception as e:  # a figure that cannot draw: say so rather than lose the rest
            outputs.append({"output_type": "display_data", "metadata": {},
                            "data": {"text/plain": "<figure %s could not be drawn: %s: %s>" % (
                                num, type(e).__name__, e)}})
    try:
        plt.close("all")
    except Exception:
        pass
    return outputs


def figure(fig, fmt):
    import base64
    import io
    buf = io.BytesIO()
    # The figure's own size and dpi, not a tight bounding box: a 6.4x4.8 in figure at 100 dpi is
    # a 640x480 image, as the program asked.
    fig.savefig(buf, format=fmt)
    width, height = (round(x * fig.dpi) for x in fig.get_size_inches())
    if fmt == "svg":
        data = {"image/svg+xml": buf.getvalue().decode("utf-8", "replace")}
        metadata = {}
    else:
        data = {"image/png": base64.b64encode(buf.getvalue()).decode("ascii")}
        metadata = {"image/png": {"width": width, "height": height}}
    data["text/plain"] = "<Figure size %dx%d with %d Axes>" % (width, height, len(fig.axes))
    return {"output_type": "display_data", "data": data, "metadata": metadata}


def error(exc, skip):
    """An error output and the text printed for it: the traceback from the user's first frame on
    (the frames of files in skip, the engine's, are dropped), in the names the code was given."""
    import traceback
    te = traceback.TracebackException(type(exc), exc, exc.__traceback__, compact=True)
    strip(te, skip, set())
    lines = []
    for chunk in te.format():
        lines.extend(chunk.rstrip("\n").split("\n"))
    if len(lines) > MAX_TRACEBACK_LINES:
        half = MAX_TRACEBACK_LINES // 2
        lines = lines[:half] + ["[... bulwark: %d lines cut ...]" % (len(lines) - 2 * half)] + (
            lines[-half:])
    try:
        evalue = cut(str(exc))
    except Exception:
        evalue = "<the exception's message could not be read>"
    output = {"output_type": "error", "ename": type(exc).__name__, "evalue": evalue,
              "traceback": lines}
    return output, "\n".join(lines) + "\n"


def strip(te, skip, seen):
    """Drops the engine's frames from a traceback and from those it was chained to."""
    import traceback
    if id(te) in seen:
        return
    seen.add(id(te))
    te.stack = traceback.StackSummary.from_list([f for f in te.stack if f.filename not in skip])
    for chained in (te.__cause__, te.__context__):
        if chained is not None:
            strip(chained, skip, seen)
    for group in getattr(te, "exceptions", None) or ():
        strip(group, skip, seen)


class PyplotHook:
    """Patches matplotlib.pyplot as the program imports it, and only then: plt.show() shows the
    open figures as outputs (the host's non-GUI backend would only warn). A meta path finder, so
    that a program that never draws never loads matplotlib."""

    def __init__(self, show):
        self.show = show

    def find_spec(self, name, path, target=None):
        if name != "matplotlib.pyplot":
            return None
        from importlib.machinery import PathFinder
        spec = PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None:
            return spec
        loader, show = spec.loader, self.show
        load = loader.exec_module

        def exec_module(module):
            load(module)
            module.show = lambda *args, **kwargs: show()

        loader.exec_module = exec_module
        return spec
