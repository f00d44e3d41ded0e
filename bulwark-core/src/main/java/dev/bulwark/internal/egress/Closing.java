package dev.bulwark.internal.egress;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ending the proxy's sockets and channels, where a failure to end one changes nothing for the run
 * (the other side went away first, or it was closed already): logged at debug with what it was,
 * never thrown.
 */
final class Closing {
  private static final Logger LOG = LoggerFactory.getLogger(Closing.class);

  private Closing() {}

  /** Closes {@code c}; null is nothing to close. */
  static void close(Closeable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (IOException e) {
      LOG.debug("closing {} failed: {}", c, e.toString());
    }
  }

  /** Ends what the program reads from the proxy, its connection still open to send. */
  static void shutdownOutput(SocketChannel program) {
    try {
      program.shutdownOutput();
    } catch (IOException e) {
      LOG.debug("ending the program's side of {} failed: {}", program, e.toString());
    }
  }
}
