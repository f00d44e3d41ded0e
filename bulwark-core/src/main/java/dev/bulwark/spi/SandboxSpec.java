package dev.bulwark.spi;

import dev.bulwark.model.Limits;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one sandbox is for: a runtime under limits, for one program or for a session. Sandboxes of
 * one spec are interchangeable, which is what lets a warm pool start them before their program
 * exists.
 *
 * @param runtime how to run the language, its runner and its environment
 * @param limits what the sandbox enforces (the wall clock and the output caps are the engine's)
 * @param kind one program, or a session of many
 */
public record SandboxSpec(RuntimeDescriptor runtime, Limits limits, Kind kind) {
  /**
   * Where the program and its runner are inside every sandbox, whatever the tier: tracebacks name
   * {@code /run/bulwark/main.py} alike.
   */
  public static final String CODE_DIR = "/run/bulwark";

  /** What a sandbox serves. */
  public enum Kind {
    /**
     * One program, under its runner ({@link RuntimeDescriptor#command()}); its CPU time limit is
     * the tier's to enforce too (an rlimit as a backstop).
     */
    PROGRAM,
    /**
     * A session: its agent ({@link RuntimeDescriptor#sessionCommand()}) serves many programs one
     * after the other. Its CPU time is the engine's to count, per program: the tier must not cap a
     * process's CPU time over the sandbox's life.
     */
    SESSION
  }

  public SandboxSpec {
    Objects.requireNonNull(runtime, "runtime");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(kind, "kind");
    if (kind == Kind.SESSION && !runtime.hasSessions()) {
      throw new IllegalArgumentException(runtime.name() + " has no sessions");
    }
  }

  /** A sandbox for one program. */
  public SandboxSpec(RuntimeDescriptor runtime, Limits limits) {
    this(runtime, limits, Kind.PROGRAM);
  }

  /**
   * The files of {@link EngineHost#runners()} the sandbox's code directory holds: the runner and
   * what it imports, or a session's agent, kernel and parser.
   */
  public List<String> files() {
    if (kind == Kind.SESSION) {
      return runtime.sessionFiles();
    }
    List<String> files = new ArrayList<>();
    if (runtime.hasRunner()) {
      files.add(runtime.runnerFile());
    }
    files.addAll(runtime.runnerFiles());
    return files;
  }

  /** The command the sandbox runs: the runtime on its program, or the session's agent. */
  public List<String> command() {
    return kind == Kind.SESSION
        ? runtime.sessionCommandFor(CODE_DIR)
        : runtime.commandFor(CODE_DIR + "/" + runtime.fileName());
  }
}
