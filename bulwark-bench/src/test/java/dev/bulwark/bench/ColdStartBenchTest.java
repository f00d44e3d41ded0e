package dev.bulwark.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.Engine;
import dev.bulwark.EngineConfig;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ColdStartBenchTest {
  @Test
  void writingReplacesOnlyItsOwnSectionOfThePage() {
    String page =
        "# Benchmarks\n\nintro\n"
            + ColdStartBench.BEGIN
            + "\nold figures\n"
            + ColdStartBench.END
            + "\n## Kept by hand\n";
    String section = ColdStartBench.BEGIN + "\nnew figures\n" + ColdStartBench.END + "\n";
    assertThat(ColdStartBench.replaceSection(page, section))
        .isEqualTo("# Benchmarks\n\nintro\n" + section + "## Kept by hand\n");
    assertThat(ColdStartBench.replaceSection(null, section))
        .isEqualTo("# Benchmarks\n\n" + section);
  }

  @Test
  void tenPairsOfEachConfigurationMakeATableAndASectionThatSaysHowToReproduceIt() throws Exception {
    ColdStartBench.Figures f =
        ColdStartBench.measure(
            EngineConfig.defaults(), new ColdStartBench.Settings(10, 0), Engine::start);
    assertThat(f.staged()).hasSize(10).doesNotContain(0L);
    assertThat(f.coldBare()).hasSize(10).doesNotContain(0L);
    assertThat(f.table())
        .contains("| bulwark, launcher staged (default)", "| added by the sandbox, fully cold");
    assertThat(f.section(LocalDate.of(2026, 12, 6)))
        .startsWith(ColdStartBench.BEGIN)
        .contains("Measured 2026-12-06", "./bulwark bench --runs 10 --warmup 0 --write")
        .endsWith(ColdStartBench.END + "\n");
  }

  @Test
  void tooFewRunsAreRefused() {
    assertThatThrownBy(() -> new ColdStartBench.Settings(9, 0)).hasMessageContaining("--runs");
  }
}
