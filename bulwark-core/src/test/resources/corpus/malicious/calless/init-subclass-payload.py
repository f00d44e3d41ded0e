# corpus: __init_subclass__ hook on a base class executing a payload when a subclass is declared
import subprocess

class Plugin:
    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        subprocess.Popen(["sh", "-c", "id > /tmp/.plugin"])

class CsvExporter(Plugin):
    pass
