package dev.bulwark.api;

import io.javalin.config.JavalinConfig;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;

/**
 * What a slow or idle client may hold of the server ({@link ServerConfig.Connections}): at most
 * {@code maxConnections} connections at once (beyond, new ones wait in the kernel's backlog until
 * one closes); a request body at {@code minBodyRate} at least, once it has had as long as a head
 * may take ({@link RateCheckedRequest}: 408 below); and a deadline for each request head: a
 * connection that has not delivered a whole head within {@code headTimeout} of opening or of its
 * previous response is closed, however slowly it trickles bytes. Idle connections cost no thread
 * (virtual threads, Jetty's selector), only a descriptor.
 *
 * <p>The deadline is kept by a sweep, a tenth of the deadline apart: a connection is busy from the
 * moment its request reaches the servlets ({@link #filter()}) until its handler returns, and Jetty
 * counts the heads it parsed ({@link Connection#getMessagesIn()}), so a head that arrived between
 * two sweeps also counts as activity.
 */
final class SlowClients implements Connection.Listener, AutoCloseable {
  private final ServerConfig.Connections limits;
  private final Map<Connection, Watch> open = new ConcurrentHashMap<>();
  private final Object answering = new Object();
  private int handling; // guarded by answering: requests in the servlets now
  private Server server;
  private final ScheduledExecutorService sweeper =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("bulwark-head-deadline").factory());

  SlowClients(ServerConfig.Connections limits) {
    this.limits = limits;
  }

  /** One connection's activity. */
  private static final class Watch {
    final AtomicInteger busy = new AtomicInteger();
    volatile long since = System.nanoTime();
    volatile long heads;
  }

  /** Sets the connection cap on Jetty, and watches every connection and request body. */
  void configure(JavalinConfig config) {
    config.jetty.modifyServer(jetty -> {
      server = jetty;
      jetty.addBean(new NetworkConnectionLimit(limits.maxConnections(), jetty));
    });
    config.jetty.modifyServletContextHandler(this::mount);
  }

  private void mount(ServletContextHandler handler) {
    handler.addFilter(new FilterHolder(filter()), "/*", EnumSet.of(DispatcherType.REQUEST));
  }

  /** Starts keeping the head deadline on the started server's connectors. */
  void watch() {
    for (Connector connector : server.getConnectors()) {
      connector.addEventListener(this);
    }
    long every = Math.max(50, limits.headTimeout().toMillis() / 10);
    sweeper.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
  }

  @Override
  public void onOpened(Connection connection) {
    open.put(connection, new Watch());
  }

  @Override
  public void onClosed(Connection connection) {
    open.remove(connection);
  }

  /** Marks the request's connection busy while the servlets handle it. */
  private Filter filter() {
    return (ServletRequest req, ServletResponse res, FilterChain chain) -> {
      Connection connection = connectionOf(req);
      Watch w = connection == null ? null : open.get(connection);
      if (w != null) {
        w.busy.incrementAndGet();
      }
      synchronized (answering) {
        handling++;
      }
      try {
        chain.doFilter(bodyChecked(req), res);
      } finally {
        synchronized (answering) {
          handling--;
          answering.notifyAll();
        }
        if (w != null) {
          w.since = System.nanoTime();
          w.busy.decrementAndGet();
        }
      }
    };
  }

  /** The request, its body read at the minimum rate once the head's deadline has passed. */
  private ServletRequest bodyChecked(ServletRequest req) {
    return limits.minBodyRate() > 0 && req instanceof HttpServletRequest http
        ? new RateCheckedRequest(http, limits.minBodyRate(), limits.headTimeout())
        : req;
  }

  private static Connection connectionOf(ServletRequest req) {
    ServletContextRequest request = ServletContextRequest.getServletContextRequest(req);
    return request == null ? null : request.getConnectionMetaData().getConnection();
  }

  /** Closes every connection that has gone the deadline without a whole request head. */
  private void sweep() {
    long now = System.nanoTime();
    long deadline = limits.headTimeout().toNanos();
    open.forEach((connection, w) -> {
      long heads = connection.getMessagesIn();
      if (w.busy.get() > 0) {
        return;
      }
      if (heads != w.heads) { // a head came since the last sweep
        w.heads = heads;
        w.since = now;
      } else if (now - w.since > deadline) {
        connection.getEndPoint().close();
      }
    });
  }

  /**
   * Waits, up to {@code timeout}, until no request is in the servlets: a stopping server's last
   * answers are written.
   */
  void awaitAnswered(Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    synchronized (answering) {
      for (long left = timeout.toMillis(); handling > 0 && left > 0; ) {
        answering.wait(left);
        left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
      }
    }
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
  }
}
