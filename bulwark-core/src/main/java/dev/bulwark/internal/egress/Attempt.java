package dev.bulwark.internal.egress;

import dev.bulwark.model.NetworkAttempt;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One connection's record while it lasts, and the {@link NetworkAttempt} it ends as. This is the
 * one place that makes {@link NetworkAttempt}s: an attempt's, and the entry that counts those a run
 * did not keep ({@link #notKept}).
 *
 * <p>Threads: the connection's own thread writes it; while the connection relays, its download
 * thread counts bytes too and may set the reason (the byte cap cut it). The connection's thread
 * reads {@link #toRecord()} after the relay has joined that thread, so the record sees every write.
 */
final class Attempt {
  private final Caps caps;
  private String host; // null: the program named none the proxy could read
  private int port;
  private String via = "?";
  private boolean allowed = true;
  private volatile String reason = "";
  private String address = "";
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong received = new AtomicLong();

  /**
   * @param caps the run's caps, which every byte counted here also counts toward
   */
  Attempt(Caps caps) {
    this.caps = caps;
  }

  /** {@code CONNECT} or {@code HTTP}: how the program asked. */
  void via(String how) {
    via = how;
  }

  /** The host and port the program named, as the decision read them. */
  void target(Verdict verdict) {
    host = verdict.host();
    port = verdict.port();
  }

  /** Where the proxy connects (or tried to): the pinned address. */
  void address(InetSocketAddress to) {
    address = to.getAddress().getHostAddress() + ":" + to.getPort();
  }

  /** The proxy refused it: it never went anywhere. */
  void refuse(String why) {
    allowed = false;
    reason = why;
  }

  /**
   * An allowed connection went no further, for this reason (it stays allowed: the rules let it).
   */
  void stop(String why) {
    reason = why;
  }

  /** The connection ended on a failure: the first reason an allowed connection gets. */
  void ended(IOException e) {
    if (allowed && reason.isEmpty()) {
      reason = "ended: " + e.getMessage();
    }
  }

  /** Counts bytes the program sent; false when the run's cap is reached (the connection is cut). */
  boolean sent(long n) {
    sent.addAndGet(n);
    return within(n);
  }

  /** Counts bytes the destination sent; false when the run's cap is reached. */
  boolean received(long n) {
    received.addAndGet(n);
    return within(n);
  }

  private boolean within(long n) {
    String cut = caps.move(n);
    if (cut != null) {
      reason = cut;
      return false;
    }
    return true;
  }

  /** Whether there is anything to record: a host the program named, or a reason. */
  boolean worthRecording() {
    return host != null || !reason.isEmpty();
  }

  NetworkAttempt toRecord() {
    return new NetworkAttempt(
        host == null ? "" : host,
        port,
        via,
        allowed,
        reason,
        allowed ? address : "",
        sent.get(),
        received.get());
  }

  /** The entry that stands for {@code count} attempts a run did not keep one by one. */
  static NetworkAttempt notKept(long count) {
    return new NetworkAttempt(
        "", 0, "?", false, count + " more attempts, not recorded one by one", "", 0, 0);
  }
}
