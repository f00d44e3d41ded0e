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
  void durationsAcceptMillisSecondsMinutesHoursDays() {
    assertThat(Units.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Units.parseDuration("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(Units.parseDuration("1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(Units.parseDuration("2m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(Units.parseDuration("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(Units.parseDuration("1d")).isEqualTo(Duration.ofDays(1));
    assertThatThrownBy(() -> Units.parseDuration("soon")).hasMessageContaining("500ms");
  }

  @Test
  void aDurationWithoutAUnitIsRefusedWithHowToWriteIt() {
    assertThatThrownBy(() -> Units.parseDuration("5"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'5' has no unit")
        .hasMessageContaining("write 5s");
    assertThatThrownBy(() -> Units.parseDuration("1.5")).hasMessageContaining("write 1.5s");
  }

  @Test
  void textAroundAValueIsRefusedNotCleanedUp() {
    for (String text :
        new String[] {"5s\u0000", " 5s", "5s\n", "5 s", "\t30s", "30s ", "5s5", "+5s", "", "s"}) {
      assertThatThrownBy(() -> Units.parseDuration(text)).as(text).hasMessageContaining("e.g.");
    }
    for (String text : new String[] {"1 g", "1g\u0000", " 512m", "512m\n", "1.5", "1e3", "0x10"}) {
      assertThatThrownBy(() -> Units.parseSize(text)).as(text).hasMessageContaining("e.g.");
    }
    assertThatThrownBy(() -> Units.parseDuration("5s\u0000"))
        .as("a control character is shown escaped, never printed")
        .hasMessageStartingWith("'5s\\u0000'");
  }

  @Test
  void digitsAndUnitsAreAsciiOnly() {
    assertThatThrownBy(() -> Units.parseSize("\u0665m"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Units.parseSize("1\u212a"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void overlongTextIsRefusedAndShownCut() {
    String huge = "9".repeat(10_000) + "s";
    assertThatThrownBy(() -> Units.parseDuration(huge))
        .hasMessageContaining("...'")
        .hasMessageNotContaining("9".repeat(100));
    assertThatThrownBy(() -> Units.parseDuration("9".repeat(30) + "d"))
        .hasMessageContaining("too long");
  }

  @Test
  void formattingRoundTrips() {
    for (String s : new String[] {"2g", "1536m", "100", "64k"}) {
      assertThat(Units.formatSize(Units.parseSize(s))).isEqualTo(s);
    }
    assertThat(Units.formatDuration(Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThat(Units.formatDuration(Duration.ofSeconds(30))).isEqualTo("30s");
    for (String s : new String[] {"1500ms", "30s", "0s"}) {
      assertThat(Units.formatDuration(Units.parseDuration(s))).isEqualTo(s);
    }
  }
}
