package dev.bulwark.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT as a request to stop gracefully, in place of the JVM's default (run the
 * shutdown hooks and halt with 143 or 130, whatever the work under way): the first one releases
 * {@link #await()}, and the command stops in its own time and exits 0; a second one exits at once
 * with 128 + the signal's number, for an operator who will not wait.
 */
final class StopSignals {
  private final CountDownLatch stop = new CountDownLatch(1);
  private final AtomicInteger received = new AtomicInteger();

  private StopSignals() {}

  /** Takes over SIGTERM and SIGINT for this process. */
  static StopSignals install() {
    StopSignals signals = new StopSignals();
    for (String name : new String[] {"TERM", "INT"}) {
      Signal.handle(new Signal(name), signals::received);
    }
    return signals;
  }

  private void received(Signal signal) {
    if (received.incrementAndGet() > 1) {
      Runtime.getRuntime().halt(128 + signal.getNumber());
    }
    stop.countDown();
  }

  /** Waits for the first signal. */
  void await() throws InterruptedException {
    stop.await();
  }
}
