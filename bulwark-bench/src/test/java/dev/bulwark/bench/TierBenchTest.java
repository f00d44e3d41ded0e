package dev.bulwark.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.Engine;
import dev.bulwark.EngineConfig;
import dev.bulwark.Isolation;
import java.util.List;
import org.junit.jupiter.api.Test;

class TierBenchTest {
  @Test
  void tenRunsOfATierMakeItsRowsAndItsThroughput() throws Exception {
    TierBench.Settings settings = new TierBench.Settings(10, 0, 2);
    List<TierBench.Figures> f =
        TierBench.measure(
            EngineConfig.defaults(), List.of(Isolation.BUBBLEWRAP), settings, Engine::start);
    assertThat(f)
        .singleElement()
        .satisfies(t -> {
          assertThat(t.warm()).hasSize(10).doesNotContain(0L);
          assertThat(t.coldBare()).hasSize(10).doesNotContain(0L);
          assertThat(t.perSecond()).isPositive();
        });
    assertThat(TierBench.table(f, settings))
        .contains("| bubblewrap, warm (pool refilled)", "| bubblewrap, cold (launcher staged)")
        .contains("| bubblewrap, warm pool of 2 |");
  }

  @Test
  void badSettingsAreRefused() {
    assertThatThrownBy(() -> new TierBench.Settings(9, 0, 2)).hasMessageContaining("--runs");
    assertThatThrownBy(() -> new TierBench.Settings(10, 0, 0)).hasMessageContaining("--clients");
  }
}
