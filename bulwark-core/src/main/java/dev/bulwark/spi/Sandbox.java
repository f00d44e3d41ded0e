package dev.bulwark.spi;

import dev.bulwark.model.NetworkAttempt;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.ServerSocketChannel;
import java.util.List;

/**
 * One sandbox, prepared by a {@link SandboxBackend}. A warm pool {@link #start starts} it before
 * its program exists, and the runtime's runner waits inside; a cold run starts it in {@link
 * #handOff}. Either way the program is at {@link SandboxSpec#CODE_DIR} inside, and the runner (or
 * the interpreter) talks to the engine on the three standard streams. A one-shot run hands off one
 * program and the sandbox is closed after it; a session (later) hands off many, one after the
 * other, on the same streams.
 *
 * <p>Limits are the tier's to enforce from outside (memory, processes, CPU, file sizes, the
 * network), the wall clock and output caps the engine's. Everything a sandbox reports about itself
 * comes from the host's side (counters, the sandbox manager's own report), never from the program.
 *
 * <p>Threads: one run owns a sandbox at a time; {@link #kill}, {@link #cpuNanos} and {@link #usage}
 * may be called from a watchdog while the owner reads the streams.
 */
public interface Sandbox extends AutoCloseable {
  /** The sandbox's name, unique on the host, for threads and logs. */
  String name();

  /** Starts the sandbox; the runtime's runner then loads and waits for {@link #handOff}. */
  void start() throws IOException;

  /**
   * Gives the sandbox its program: writes it where the sandbox sees it, opens its egress when the
   * program may connect, and starts the sandbox when it is not yet. The wall clock and the CPU
   * budget count from here.
   *
   * @throws IOException when the program could not be placed or the sandbox not started; nothing of
   *     the program ran
   */
  void handOff(Program program) throws IOException;

  /** The runner's standard input; valid once started. */
  OutputStream stdin();

  /** The runner's standard output; valid once started. */
  InputStream stdout();

  /** The runner's standard error; valid once started. */
  InputStream stderr();

  /** True while the sandbox is started and its processes live. */
  boolean alive();

  /** How long ago the sandbox started; 0 before. */
  long ageNanos();

  /** When the program was handed off ({@link System#nanoTime()}). */
  long handedOffNanos();

  /** CPU time used since the hand-off: the runner's start-up is not the program's; 0 unmeasured. */
  long cpuNanos();

  /** What the tier counted since the hand-off (zeros when it cannot count). */
  Usage usage();

  /** The memory the sandbox holds now; 0 when the tier cannot count it. */
  default long memoryBytes() {
    return 0;
  }

  /**
   * Every attempt the program made through the egress proxy that has ended so far, in order; its
   * connections stay open. A session reports each cell's with it.
   */
  default List<NetworkAttempt> network() {
    return List.of();
  }

  /**
   * Opens a Unix socket that the sandbox's processes see at {@link SandboxSpec#CODE_DIR}{@code
   * /name} and may connect to (a one-shot run's outputs channel); the caller accepts and closes it.
   * Call it after {@link #handOff}.
   *
   * @return null when the tier has no such channel: the run then has no rich outputs
   * @throws IOException when the socket cannot be made
   */
  default ServerSocketChannel openChannel(String name) throws IOException {
    return null;
  }

  /**
   * Waits until the sandbox has exited and says how its payload ended. Call it after the streams
   * ended or after {@link #kill}.
   */
  Exit awaitExit();

  /**
   * Stops the payload and everything it started; returns once the sandbox is exiting. Any thread,
   * any time, more than once.
   */
  void kill();

  /**
   * Kills whatever process of the sandbox is still left (a daemon that escaped the payload's end)
   * and returns once none is; blocks up to a few seconds.
   */
  void killAll();

  /**
   * Ends the program's connections and returns every attempt it made through the egress proxy, in
   * order; empty when it had no network. Final once returned.
   */
  List<NetworkAttempt> closeNetwork();

  /**
   * Destroys the sandbox: whatever still runs, its identity, its files. Blocks; the engine calls it
   * off the request path.
   */
  @Override
  void close();
}
