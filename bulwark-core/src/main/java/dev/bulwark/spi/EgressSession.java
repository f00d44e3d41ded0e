package dev.bulwark.spi;

import dev.bulwark.model.NetworkAttempt;
import java.util.List;

/** One program's egress proxy ({@link EngineHost#openEgress}). */
public interface EgressSession extends AutoCloseable {
  /** Every attempt that has ended, in order; final once {@link #close()} has returned. */
  List<NetworkAttempt> attempts();

  /** Ends every connection and removes the socket. */
  @Override
  void close();
}
