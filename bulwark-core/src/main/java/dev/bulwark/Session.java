package dev.bulwark;

import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.FileInfo;
import dev.bulwark.model.FileListing;
import dev.bulwark.model.Status;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A stateful interpreter in one sandbox, for the whole of its life: cells run one after the other
 * in the same Python namespace, JavaScript context or Bash shell, and files move in and out of its
 * workspace. Opened by {@link Engine#openSession}; see docs/architecture.md ("Sessions").
 *
 * <pre>{@code
 * try (Session s = engine.openSession(SessionSpec.of("python", Profiles.DEFAULT))) {
 *   s.upload("sales.csv", Files.newInputStream(csv));
 *   s.run(Cell.of("import pandas as pd\ndf = pd.read_csv('sales.csv')"));
 *   ExecutionResult r = s.run(Cell.of("df.describe()")); // r.outputs(): text/html, text/plain
 * }
 * }</pre>
 *
 * <p>Limits: memory, processes, the workspace's size and file sizes bound the whole session; the
 * wall clock, the CPU time and the output caps bound each cell. A cell over its wall clock or CPU
 * time is interrupted ({@link Status#TIMEOUT}, {@link Status#CPU_LIMIT}) and the session survives;
 * a cell that does not stop within {@link #INTERRUPT_GRACE} of its interrupt ends the session, as
 * does running out of memory ({@link SessionEnd.Cause}).
 *
 * <p>Threads: every method may be called from any thread. One cell runs at a time ({@link
 * SessionBusyException}, or {@link Cell#waitIfBusy()}); file operations, {@link #interrupt()} and
 * the getters work while a cell runs. Methods block on the sandbox, never longer than the cell's
 * limits plus {@link #INTERRUPT_GRACE}, or the transfer.
 *
 * <p>Errors: once the session has ended, every method but the getters, {@link #interrupt()} and
 * {@link #close()} throws {@link SessionDeadException} with the reason ({@link #end()}). What the
 * code does is never an exception: it is the cell's {@link ExecutionResult}.
 */
public interface Session extends AutoCloseable {
  /** How long a cell may take to stop once interrupted before the session is ended. */
  Duration INTERRUPT_GRACE = Duration.ofSeconds(2);

  /** Where a session is in its life. */
  enum State {
    /** Ready for a cell. */
    IDLE,
    /** A cell runs. */
    BUSY,
    /** Ended by the engine (out of memory, a cell that would not stop, its sandbox gone). */
    DEAD,
    /** Closed by its owner or with the engine. */
    CLOSED
  }

  /** Its id, unique among this engine's sessions: {@code s-} and 26 random characters. */
  String id();

  /** The canonical name of its language ({@code python}, {@code javascript}, {@code bash}). */
  String language();

  /** What it was opened with. */
  SessionSpec spec();

  /** Where it is now. */
  State state();

  /** Why it ended, once it is {@link State#DEAD} or {@link State#CLOSED}; empty before. */
  Optional<SessionEnd> end();

  /** When it was opened. */
  Instant startedAt();

  /**
   * When it last started or finished a cell or a file operation: its idle time counts from here.
   */
  Instant lastActiveAt();

  /** How many cells it was given so far, denied ones included; the next is {@code <cell-N+1>}. */
  int cellCount();

  /** The memory its sandbox holds now (its cgroup's charge), 0 when the host cannot count it. */
  long memoryBytes();

  /**
   * Runs one cell and waits for its result. The cell is validated first, with the session's policy
   * and what earlier cells defined: a denied cell does not run ({@link Status#POLICY_DENIED}) and
   * the state stays as it was.
   *
   * @throws SessionBusyException when a cell runs and {@code cell} does not wait
   * @throws SessionDeadException when the session has ended, or ends while it waits
   */
  ExecutionResult run(Cell cell);

  /**
   * Runs one cell; {@code listener} hears it as it happens, in the order of {@link
   * ExecutionListener}: {@code started} (its {@link Execution#cancel()} interrupts the cell),
   * {@code decided}, {@code output} and {@code display} as they come, {@code completed}.
   *
   * @throws SessionBusyException when a cell runs and {@code cell} does not wait
   * @throws SessionDeadException when the session has ended, or ends while it waits
   */
  ExecutionResult run(Cell cell, ExecutionListener listener);

  /**
   * Stops the running cell, as Ctrl-C would (its result says {@link Status#CANCELLED}); the session
   * survives unless the cell does not stop within {@link #INTERRUPT_GRACE}. Returns at once; does
   * nothing when no cell runs or the session has ended.
   */
  void interrupt();

  /**
   * A fresh interpreter, the files kept: a running cell is interrupted first (and, if it does not
   * stop, killed with its interpreter). Blocks until the new interpreter is ready. Later cells are
   * validated without what earlier cells defined.
   *
   * @throws SessionDeadException when the session has ended, or ends meanwhile
   */
  void restart();

  /**
   * Writes {@code content} to a file of the workspace (created, or replaced as a whole once every
   * byte arrived), read from the stream as it is sent; parent directories are created.
   *
   * @param path relative to the workspace: no {@code ..}, no absolute path, valid UTF-8 without
   *     control characters
   * @return the file as written
   * @throws SessionFileException for a refused path ({@code invalid_path}), a file over the
   *     session's file size limit ({@code file_too_large}), a full workspace ({@code
   *     workspace_full}), or a path whose place holds something other than a file ({@code
   *     not_a_file})
   * @throws SessionDeadException when the session has ended
   * @throws java.io.UncheckedIOException when {@code content} fails; nothing is written
   */
  FileInfo upload(String path, InputStream content);

  /**
   * Writes a file of the workspace to {@code sink} as it is read in the sandbox. Only regular files
   * are read; symbolic links, FIFOs and devices are refused without being opened for reading.
   *
   * @return the file as it was read
   * @throws SessionFileException {@code invalid_path}, {@code file_not_found}, {@code not_a_file},
   *     or {@code file_too_large} (over the session's file size limit, checked before a byte is
   *     sent)
   * @throws SessionDeadException when the session has ended
   * @throws java.io.UncheckedIOException when {@code sink} fails
   */
  FileInfo download(String path, OutputStream sink);

  /**
   * The entries of a directory of the workspace ({@code ""} for its root), at most {@value
   * #MAX_LISTED} of them.
   *
   * @throws SessionFileException {@code invalid_path}, {@code file_not_found}, {@code not_a_file}
   *     (not a directory)
   * @throws SessionDeadException when the session has ended
   */
  FileListing list(String directory);

  /** Entries a listing returns at most; the listing says when there were more. */
  int MAX_LISTED = 10_000;

  /**
   * Removes a file, a symbolic link (not what it points to) or an empty directory.
   *
   * @throws SessionFileException {@code invalid_path}, {@code file_not_found}, {@code not_a_file}
   *     (a directory that is not empty)
   * @throws SessionDeadException when the session has ended
   */
  void delete(String path);

  /**
   * Ends the session: a running cell is stopped, the sandbox and its files destroyed. Idempotent;
   * never throws.
   */
  @Override
  void close();
}
