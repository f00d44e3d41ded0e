package dev.bulwark.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.Status;
import dev.bulwark.store.Store;
import dev.bulwark.tenant.Tenant;
import dev.bulwark.tenant.Tenants;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnomaliesTest {
  @TempDir Path data;

  /** A clock the test moves. */
  private static final class Manual extends Clock {
    Instant now = Instant.parse("2026-12-02T10:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void onlyRepeatedHitsWithinTheWindowCountAndTheThrottleOutlivesARestart() {
    Manual clock = new Manual();
    try (Store store = Store.open(data)) {
      Tenant t =
          new Tenants(store.dataSource()).create("t", "standard", "default", 1, 10, false, 300);
      Anomalies a = new Anomalies(store.dataSource(), clock);
      for (int i = 0; i < Anomalies.THRESHOLD - 1; i++) {
        assertThat(a.observe(t, "k", Status.OOM)).isEmpty();
      }
      assertThat(a.observe(t, "k", Status.OK)).as("success is not suspicious").isEmpty();
      assertThat(a.observe(t, "k", Status.POLICY_DENIED)).as("another kind").isEmpty();
      clock.now = clock.now.plus(Anomalies.WINDOW).plusSeconds(1);
      assertThat(a.observe(t, "k", Status.OOM)).as("the first hits left the window").isEmpty();
      for (int i = 0; i < Anomalies.THRESHOLD - 2; i++) {
        assertThat(a.observe(t, "k", Status.TIMEOUT)).isEmpty();
      }
      var raised = a.observe(t, "k", Status.PIDS_LIMIT).orElseThrow();
      assertThat(raised.kind()).isEqualTo("limit_hits");
      assertThat(a.throttledUntil("k")).contains(clock.now.plusSeconds(300));
      assertThat(a.throttledUntil("other")).isEmpty();

      Anomalies restarted = new Anomalies(store.dataSource(), clock);
      assertThat(restarted.throttledUntil("k")).isPresent();
      clock.now = clock.now.plus(Duration.ofSeconds(301));
      assertThat(restarted.throttledUntil("k")).isEmpty();
      assertThat(restarted.list(t.id(), null, 10)).hasSize(1);
    }
  }

  @Test
  void eachConnectionTheProxyRefusedCountsAsAProbe() {
    Manual clock = new Manual();
    try (Store store = Store.open(data.resolve("network"))) {
      Tenant t =
          new Tenants(store.dataSource()).create("n", "standard", "default", 1, 10, false, 0);
      Anomalies a = new Anomalies(store.dataSource(), clock);
      assertThat(a.observe(t, "k", Status.OK, 2)).isEmpty();
      assertThat(a.observe(t, "k", Status.OK, 0)).as("nothing refused").isEmpty();
      var raised = a.observe(t, "k", Status.NETWORK_DENIED, 3).orElseThrow();
      assertThat(raised.kind()).isEqualTo("network_denials");
      assertThat(raised.occurrences()).isEqualTo(Anomalies.THRESHOLD);
      assertThat(a.throttledUntil("k")).as("this tenant does not throttle").isEmpty();
    }
  }
}
