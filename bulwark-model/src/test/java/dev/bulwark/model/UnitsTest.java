package dev.bulwark.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class UnitsTest {
  @Test
  void sizesUseBinaryMultiples() {
    assertThat(Units.parseSize("512m")).isEqualTo(512L << 20);
    assertThat(Units.parseSize("2g")).isEqualTo(2L << 30);
    assertThat(Units.parseSize("2GiB")).isEqualTo(2L << 30);
    assertThat(Units.parseSize("1.5k")).isEqualTo(1536);
    assertThat(Units.parseSize("4096")).isEqualTo(4096);
  }

  @Test
  void badSizesNameTheAcceptedForms() {
    assertThatThrownBy(() -> Units.parseSize("lots")).hasMessageContaining("512m");
    assertThatThrownBy(() -> Units.parseSize("-1m")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Units.parseSize("99999999999t")).hasMessageContaining("too large");
  }

  @Test
  void durationsAcceptMillisSecondsMinutesHours() {
    assertThat(Units.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Units.parseDuration("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(Units.parseDuration("2m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(Units.parseDuration("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(Units.parseDuration("1.5")).isEqualTo(Duration.ofMillis(1500));
    assertThatThrownBy(() -> Units.parseDuration("soon")).hasMessageContaining("500ms");
  }

  @Test
  void formattingRoundTrips() {
    for (String s : new String[] {"2g", "1536m", "100", "64k"}) {
      assertThat(Units.formatSize(Units.parseSize(s))).isEqualTo(s);
    }
    assertThat(Units.formatDuration(Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThat(Units.formatDuration(Duration.ofSeconds(30))).isEqualTo("30s");
  }
}
