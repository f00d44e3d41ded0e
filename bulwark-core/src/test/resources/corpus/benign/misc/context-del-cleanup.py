# corpus: resource wrapper closing its file in __exit__ and, as a fallback, in __del__
class CsvSink:
    def __init__(self, path):
        self.path = path
        self._fh = open(path, "w", encoding="utf-8")
        self.rows = 0

    def write(self, *cells):
        self._fh.write(",".join(map(str, cells)) + "\n")
        self.rows += 1

    def close(self):
        if not self._fh.closed:
            self._fh.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        self.close()

with CsvSink("/work/sink.csv") as sink:
    sink.write("n", "square")
    for i in range(5):
        sink.write(i, i * i)
print(sink.rows, "rows written")
