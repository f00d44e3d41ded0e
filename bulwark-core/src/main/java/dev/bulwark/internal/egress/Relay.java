package dev.bulwark.internal.egress;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.function.LongPredicate;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bytes of one allowed connection, both ways, until either side ends; every byte counts toward
 * the run's cap, which cuts both ways.
 *
 * <p>{@link #run} blocks the connection's thread, which carries the program's bytes, and starts one
 * virtual thread for the destination's; it joins that thread before it returns, so that the
 * attempt's counts are final then. A failure on either side ends the relay and is no error of the
 * proxy's: either side may go away at any time.
 *
 * @param clientIn what the program sends (decrypted, when the proxy intercepts)
 * @param clientOut where the destination's bytes go to the program
 * @param clientDone ends what the program reads, once the destination is done
 * @param upstream the proxy's connection to the destination
 */
record Relay(InputStream clientIn, OutputStream clientOut, Runnable clientDone, Socket upstream) {
  private static final Logger LOG = LoggerFactory.getLogger(Relay.class);
  private static final int BUFFER = 16 * 1024;

  void run(Attempt attempt) {
    Thread down = Thread.ofVirtual().name("bulwark-egress-down").start(() -> download(attempt));
    upload(attempt);
    try {
      down.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void download(Attempt attempt) {
    try {
      pump(upstream.getInputStream(), clientOut, attempt::received);
    } catch (IOException e) {
      LOG.debug("relay from {} ended: {}", upstream.getRemoteSocketAddress(), e.toString());
    } finally {
      clientDone.run();
    }
  }

  private void upload(Attempt attempt) {
    try {
      pump(clientIn, upstream.getOutputStream(), attempt::sent);
      if (!(upstream instanceof SSLSocket)) {
        upstream.shutdownOutput(); // TLS has no half-close: the server ends the exchange
      }
    } catch (IOException e) {
      LOG.debug("relay to {} ended: {}", upstream.getRemoteSocketAddress(), e.toString());
    }
  }

  /** Copies until the end of {@code from}, or until {@code count} says the cap is reached. */
  private static void pump(InputStream from, OutputStream to, LongPredicate count)
      throws IOException {
    byte[] buf = new byte[BUFFER];
    for (int n; (n = from.read(buf)) >= 0; ) {
      if (!count.test(n)) {
        return;
      }
      to.write(buf, 0, n);
    }
  }
}
