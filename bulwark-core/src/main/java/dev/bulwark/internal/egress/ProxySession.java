package dev.bulwark.internal.egress;

import dev.bulwark.model.NetworkAttempt;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run's proxy: its Unix socket, the connections its program opens there, its caps and its
 * record.
 *
 * <p>Threads. {@link EgressProxy#open} makes it and calls {@link #start} on the caller's thread;
 * from then on one virtual thread, the acceptor, runs {@link #serve} until the socket is closed,
 * and each accepted connection runs on a virtual thread of its own ({@link Connection}), its relay
 * on one more. {@link #attempts()} may be called from any thread at any time; {@link #close()} is
 * called by the run's owner when the run is over, from any thread.
 *
 * <p>What holds between calls:
 *
 * <ul>
 *   <li>every channel and socket a connection opens is in {@code open} from before it can block
 *       until it is closed (upstream sockets until the session closes), so that {@link #close()}
 *       cuts it;
 *   <li>every connection's thread is in {@code handlers} from before it starts until it has
 *       recorded its attempt, so that {@link #close()} can wait for the record to be whole;
 *   <li>only the acceptor numbers connections, in the order it accepts them: the record's order;
 *   <li>{@code closed} only turns true, before anything is cut, so that a connection ending then
 *       knows its failure is the session's doing.
 * </ul>
 */
final class ProxySession implements EgressProxy.Session {
  private static final Logger LOG = LoggerFactory.getLogger(ProxySession.class);

  /** How long {@link #close()} waits for connections to record what they did. */
  private static final Duration RECORDING_WAIT = Duration.ofSeconds(1);

  private final EgressProxy proxy;
  private final ServerSocketChannel server;
  private final Path socket;
  private final List<String> allow;
  private final Caps caps;
  private final Attempts attempts = new Attempts();
  private final Set<Closeable> open = ConcurrentHashMap.newKeySet();
  private final Set<Thread> handlers = ConcurrentHashMap.newKeySet();
  private long accepted; // the acceptor's alone
  private volatile boolean closed;

  /**
   * @param server bound to {@code socket}, which the session removes when it closes
   * @param allow the run's allow-list
   */
  ProxySession(EgressProxy proxy, ServerSocketChannel server, Path socket, List<String> allow) {
    this.proxy = proxy;
    this.server = server;
    this.socket = socket;
    this.allow = List.copyOf(allow);
    this.caps = new Caps(proxy.config());
  }

  /** Starts accepting the program's connections. */
  void start() {
    Thread.ofVirtual()
        .name("bulwark-egress-" + socket.getParent().getFileName())
        .start(this::serve);
  }

  @Override
  public List<NetworkAttempt> attempts() {
    return attempts.list();
  }

  List<String> allow() {
    return allow;
  }

  Caps caps() {
    return caps;
  }

  boolean closed() {
    return closed;
  }

  /** Something a connection opened, for {@link #close()} to cut. */
  void track(Closeable c) {
    open.add(c);
  }

  void untrack(Closeable c) {
    open.remove(c);
  }

  void record(long order, Attempt attempt) {
    attempts.record(order, attempt);
  }

  private void serve() {
    while (!closed) {
      SocketChannel client;
      try {
        client = server.accept();
      } catch (IOException e) {
        if (!closed) {
          LOG.warn("the egress proxy at {} stopped accepting connections", socket, e);
        }
        return;
      }
      open.add(client);
      Connection connection = new Connection(proxy, this, client, accepted++);
      Thread handler =
          Thread.ofVirtual()
              .name("bulwark-egress-conn")
              .unstarted(() -> {
                try {
                  connection.handle();
                } finally {
                  handlers.remove(Thread.currentThread());
                }
              });
      handlers.add(handler);
      handler.start();
    }
  }

  /**
   * Ends every connection and removes the socket; the run is over. Returns once each connection has
   * recorded its attempt (or after a second), so that {@link #attempts()} is final.
   */
  @Override
  public void close() {
    closed = true;
    Closing.close(server);
    for (Closeable c : open) {
      Closing.close(c);
    }
    long deadline = System.nanoTime() + RECORDING_WAIT.toNanos();
    for (Thread t : handlers) {
      try {
        t.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    try {
      Files.deleteIfExists(socket);
    } catch (IOException e) {
      LOG.debug(
          "cannot remove {} (the run directory's removal takes it): {}", socket, e.toString());
    }
  }
}
