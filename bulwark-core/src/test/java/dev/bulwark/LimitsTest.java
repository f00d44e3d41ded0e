package dev.bulwark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.model.Limits;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LimitsTest {
  @Test
  void presetsMatchTheDesign() {
    assertThat(Profiles.DEFAULT.memoryBytes()).isEqualTo(2L << 30);
    assertThat(Profiles.DEFAULT.cpus()).isEqualTo(1.0);
    assertThat(Profiles.DEFAULT.wallTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(Profiles.LAMBDA.memoryBytes()).isEqualTo(128L << 20);
    assertThat(Profiles.LAMBDA.wallTimeout()).isEqualTo(Duration.ofSeconds(15));
    assertThat(Profiles.STRICT.memoryBytes()).isEqualTo(256L << 20);
    assertThat(Profiles.STRICT.cpus()).isEqualTo(0.5);
    assertThat(Profiles.STRICT.pids()).isEqualTo(64);
    assertThat(Profiles.STRICT.wallTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(Profiles.all().values()).allMatch(l -> l.outputBytes() == 1 << 20);
  }

  @Test
  void strictIsWithinDefaultButNotTheOtherWayRound() {
    assertThat(Profiles.STRICT.within(Profiles.DEFAULT)).isTrue();
    assertThat(Profiles.DEFAULT.within(Profiles.STRICT)).isFalse();
  }

  @Test
  void unknownProfileListsTheKnownOnes() {
    assertThatThrownBy(() -> Profiles.named("huge"))
        .hasMessageContaining("default, lambda, strict");
  }

  @Test
  void absurdValuesAreRefusedWithTheLimitsName() {
    assertThatThrownBy(() -> Profiles.DEFAULT.withMemoryBytes(1024)).hasMessageContaining("memory");
    assertThatThrownBy(() -> Profiles.DEFAULT.withCpus(0)).hasMessageContaining("cpus");
    assertThatThrownBy(() -> Profiles.DEFAULT.withPids(1)).hasMessageContaining("pids");
    assertThatThrownBy(() -> Profiles.DEFAULT.withOutputBytes(10)).hasMessageContaining("output");
  }

  @Test
  void aShorterTimeoutLeavesTheCpuBudgetAlone() {
    Limits l = Profiles.DEFAULT.withWallTimeout(Duration.ofSeconds(2));
    assertThat(l.wallTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(l.cpuTime()).isEqualTo(Profiles.DEFAULT.cpuTime());
  }
}
