package dev.bulwark.internal.egress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.EgressConfig;
import dev.bulwark.model.NetworkAttempt;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A run's caps and record, without a socket: the refusals and cuts they make, and the order. */
class RecordTest {
  private static final InetSocketAddress PUBLIC = new InetSocketAddress("93.184.216.34", 80);

  private static Caps caps(long maxBytes, int maxConnections) {
    return new Caps(new EgressConfig(Map.of(), Map.of(), maxBytes, maxConnections));
  }

  private static Attempt allowed(Caps caps, String host) {
    Attempt a = new Attempt(caps);
    a.via("HTTP");
    Verdict v = Verdict.allow(host, 80, "/", PUBLIC);
    a.target(v);
    a.address(v.address());
    return a;
  }

  @Test
  void theConnectionOverTheRunsCapIsRefused() {
    Caps caps = caps(1000, 2);
    assertThat(caps.openConnection()).isNull();
    assertThat(caps.openConnection()).isNull();
    assertThat(caps.openConnection()).isEqualTo("the run's cap of 2 connections was reached");
  }

  @Test
  void theByteCapCutsOnceTheRunsConnectionsTogetherPassIt() {
    Caps caps = caps(100, 10);
    Attempt first = allowed(caps, "a.example");
    Attempt second = allowed(caps, "b.example");
    assertThat(first.sent(60)).isTrue();
    assertThat(second.received(40)).as("exactly the cap").isTrue();
    assertThat(second.received(1)).as("one byte over, from either direction").isFalse();
    NetworkAttempt cut = second.toRecord();
    assertThat(cut.allowed()).as("cut, not refused").isTrue();
    assertThat(cut.reason()).isEqualTo("cut: the run's network cap of 100 bytes was reached");
    assertThat(cut.bytesReceived()).isEqualTo(41);
    assertThat(first.toRecord().reason()).as("the other connection was not cut yet").isEmpty();
  }

  @Test
  void aRefusedAttemptKeepsItsHostAndNoAddress() {
    Attempt a = new Attempt(caps(100, 10));
    a.via("CONNECT");
    Verdict v = Verdict.refuse("evil.test", 443, "evil.test:443 is not on this run's allow-list");
    a.target(v);
    a.refuse(v.refusal());
    assertThat(a.toRecord())
        .isEqualTo(new NetworkAttempt("evil.test", 443, "CONNECT", false, v.refusal(), "", 0, 0));
  }

  @Test
  void aFailureEndsOnlyAnAllowedAttemptThatHasNoReasonYet() {
    Attempt a = allowed(caps(100, 10), "a.example");
    a.stop("cannot connect: Connection refused");
    a.ended(new IOException("Broken pipe"));
    assertThat(a.toRecord().reason()).isEqualTo("cannot connect: Connection refused");
    Attempt b = allowed(caps(100, 10), "b.example");
    b.ended(new IOException("Broken pipe"));
    assertThat(b.toRecord().reason()).isEqualTo("ended: Broken pipe");
    assertThat(b.toRecord().address()).isEqualTo("93.184.216.34:80");
  }

  @Test
  void attemptsAreListedInTheOrderTheirConnectionsWereAcceptedNotTheOrderTheyEnded() {
    Attempts attempts = new Attempts();
    Caps caps = caps(1000, 10);
    attempts.record(1, allowed(caps, "second.example"));
    attempts.record(0, allowed(caps, "first.example"));
    assertThat(attempts.list())
        .extracting(NetworkAttempt::host)
        .containsExactly("first.example", "second.example");
  }

  @Test
  void pastTheLimitOneMoreEntryCountsTheAttemptsNotKept() {
    Attempts attempts = new Attempts();
    Caps caps = caps(1000, 10);
    for (int i = 0; i < EgressProxy.MAX_RECORDS + 5; i++) {
      attempts.record(i, allowed(caps, "h" + i + ".example"));
    }
    assertThat(attempts.list()).hasSize(EgressProxy.MAX_RECORDS + 1);
    assertThat(attempts.list().getLast())
        .isEqualTo(
            new NetworkAttempt(
                "", 0, "?", false, "5 more attempts, not recorded one by one", "", 0, 0));
  }
}
