# corpus: plugin registry built with __init_subclass__ and a class-level dict
class Exporter:
    registry: dict[str, type["Exporter"]] = {}

    def __init_subclass__(cls, fmt: str, **kwargs):
        super().__init_subclass__(**kwargs)
        Exporter.registry[fmt] = cls

    def export(self, rows):
        raise NotImplementedError

class CsvExporter(Exporter, fmt="csv"):
    def export(self, rows):
        return "\n".join(",".join(map(str, r)) for r in rows)

class MarkdownExporter(Exporter, fmt="md"):
    def export(self, rows):
        return "\n".join("| " + " | ".join(map(str, r)) + " |" for r in rows)

rows = [("name", "qty"), ("apple", 3), ("pear", 5)]
for fmt in ("csv", "md"):
    print(f"--- {fmt} ---")
    print(Exporter.registry[fmt]().export(rows))
