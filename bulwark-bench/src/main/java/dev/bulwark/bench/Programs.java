package dev.bulwark.bench;

/**
 * The programs the validation benchmarks read: 1,000 lines of typical agent code per language (data
 * wrangling, classes, formatting, one HTTP call), the same every time.
 */
public final class Programs {
  /** The length of each program. */
  public static final int LINES = 1000;

  private Programs() {}

  /** The program in {@code language}: python or javascript. */
  public static String of(String language) {
    return switch (language) {
      case "python" -> python();
      case "javascript" -> javascript();
      default -> throw new IllegalArgumentException("no program in " + language);
    };
  }

  /** Typical agent code, 25 lines a block: data wrangling, classes, formatting, one HTTP call. */
  public static String python() {
    StringBuilder s =
        new StringBuilder(
            """
            import json
            import re
            import statistics
            from collections import Counter
            import requests
            """);
    for (int i = 0; s.toString().lines().count() + 25 <= LINES; i++) {
      s.append(
          """
          class Record%1$d:
              def __init__(self, name, values):
                  self.name = name
                  self.values = list(values)

              def __repr__(self):
                  return f"{type(self).__name__}({self.name!r}, n={len(self.values)})"

              def summary(self):
                  return {"mean": statistics.mean(self.values), "max": max(self.values)}


          def load_%1$d(text):
              rows = [line.split(",") for line in text.splitlines() if line.strip()]
              counts = Counter(r[0] for r in rows)
              words = re.findall(r"[a-z]+", text.lower())
              data = json.loads(json.dumps({"rows": rows, "words": words[:10]}))
              if len(rows) > %1$d:
                  reply = requests.get("https://api.example.com/v1/items/%1$d", timeout=5)
                  data["remote"] = reply.json()
              return Record%1$d("block-%1$d", [len(r) for r in rows]), counts, data

          print(load_%1$d("a,b\\nc,d\\n")[0])

          """
              .formatted(i));
    }
    while (s.toString().lines().count() < LINES) {
      s.append("pass\n");
    }
    return s.toString();
  }

  /** The same kind of program in JavaScript. */
  public static String javascript() {
    StringBuilder s =
        new StringBuilder(
            "'use strict';\nconst fs = require('fs');\nconst path = require('path');\n");
    for (int i = 0; s.toString().lines().count() + 25 <= LINES; i++) {
      s.append(
          """
          class Record%1$d {
            constructor(name, values) {
              this.name = name;
              this.values = [...values];
            }
            toString() {
              return `Record%1$d(${this.name}, n=${this.values.length})`;
            }
            summary() {
              const sum = this.values.reduce((a, b) => a + b, 0);
              return { mean: sum / this.values.length, max: Math.max(...this.values) };
            }
          }

          async function load%1$d(text) {
            const rows = text.split('\\n').filter(l => l.trim()).map(l => l.split(','));
            const counts = new Map();
            for (const r of rows) counts.set(r[0], (counts.get(r[0]) || 0) + 1);
            if (rows.length > %1$d) {
              const res = await fetch('https://api.example.com/v1/items/%1$d');
              counts.set('remote', (await res.json()).length);
            }
            return [new Record%1$d(path.join('/work', 'b%1$d'), rows.map(r => r.length)), counts];
          }
          load%1$d('a,b\\nc,d\\n').then(([r]) => console.log(String(r)));
          """
              .formatted(i));
    }
    while (s.toString().lines().count() < LINES) {
      s.append(";\n");
    }
    return s.toString();
  }
}
