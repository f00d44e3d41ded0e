package dev.bulwark.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import dev.bulwark.Engine;
import dev.bulwark.EngineConfig;
import dev.bulwark.policy.Policies;
import dev.bulwark.policy.Policy;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Validation stays linear in the program's size: a 100,000-line program costs the runner about ten
 * times the work of a 10,000-line one (its own count of nodes visited and values folded), and the
 * host's rules about ten times the allocation, both measured in one run and compared as ratios. A
 * quadratic step would make either ratio about a hundred.
 */
class ValidationScaleTest {
  private static Engine engine;

  @BeforeAll
  static void start() {
    engine = Engine.start(EngineConfig.defaults());
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"python", "javascript"})
  void aHundredThousandLineProgramCostsAboutTenTimesATenThousandLineOne(String language) {
    String small = program(language, 10_000);
    String large = program(language, 100_000);
    Summary s = engine.summarise(language, small);
    Summary l = engine.summarise(language, large);
    assertThat(l.incomplete()).isNull();
    assertThat(l.calls()).hasSizeGreaterThan(9 * s.calls().size());
    assertThat((double) l.work() / s.work())
        .as("runner work, 100k / 10k lines")
        .isBetween(8.0, 13.0);

    Policy policy = Policies.standard();
    double ratio =
        (double) allocated(language, large, l, policy) / allocated(language, small, s, policy);
    assertThat(ratio).as("host rules' allocation, 100k / 10k lines").isBetween(5.0, 20.0);
  }

  /**
   * What the host's rules allocate for one program, after a warm-up: work measured by the JVM's own
   * count, which a busy machine does not disturb as it disturbs a clock.
   */
  private static long allocated(String language, String code, Summary summary, Policy policy) {
    Validator.validate(language, code, summary, policy);
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    Validator.validate(language, code, summary, policy);
    return threads.getCurrentThreadAllocatedBytes() - before;
  }

  /** Agent-style code: classes, loops, joins and f-strings, getattr with built names, calls. */
  static String program(String language, int lines) {
    String block = language.equals("python") ? PYTHON : JAVASCRIPT;
    StringBuilder s =
        new StringBuilder(language.equals("python") ? "import json\nimport re\n" : "");
    int n = 0;
    for (int i = 0; n < lines; i++) {
      String b = block.replace("%d", Integer.toString(i));
      s.append(b);
      n += (int) b.lines().count();
    }
    return s.toString();
  }

  private static final String PYTHON =
      """

      class Record%d:
          def __init__(self, name, values):
              self.name = name
              self.values = list(values)

          def summary(self):
              total = 0
              for v in self.values:
                  total += v
              label = "rec" + "-%d"
              return {"mean": total / max(len(self.values), 1), "label": f"{label}:{self.name}"}


      def load_%d(text):
          rows = [line.split(",") for line in text.splitlines() if line.strip()]
          key = "".join(["na", "me"])
          out = getattr(Record%d("b", [1, 2]), key)
          while len(rows) > 100:
              rows = rows[1:]
          return Record%d("block-%d", [len(r) for r in rows]), json.dumps(out)

      print(load_%d("a,b\\nc,d\\n")[0].summary())
      """;

  private static final String JAVASCRIPT =
      """
      class Record%d {
        constructor(name, values) {
          this.name = name;
          this.values = [...values];
        }
        summary() {
          let total = 0;
          for (const v of this.values) total += v;
          const label = 'rec' + '-%d';
          return { mean: total / Math.max(this.values.length, 1), label: `${label}:${this.name}` };
        }
      }
      function load%d(text) {
        const rows = text.split('\\n').filter(l => l.trim()).map(l => l.split(','));
        const key = ['na', 'me'].join('');
        const out = new Record%d('b', [1, 2])[key];
        while (rows.length > 100) rows.shift();
        return [new Record%d('block-%d', rows.map(r => r.length)), JSON.stringify(out)];
      }
      console.log(load%d('a,b\\nc,d\\n')[0].summary());
      """;
}
