package dev.bulwark;

import dev.bulwark.runtime.RuntimeDescriptor;
import dev.bulwark.runtime.Runtimes;
import dev.bulwark.sandbox.SandboxHost;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Bulwark's front door: runs code in a fresh, single-use sandbox and says what happened.
 *
 * <pre>{@code
 * try (Engine engine = Engine.start(EngineConfig.defaults())) {
 *   ExecutionResult r = engine.execute(new ExecutionRequest("python", "print(1)", Profiles.DEFAULT));
 * }
 * }</pre>
 *
 * Thread-safe: any number of executions may run at once, each on its own virtual thread.
 */
public final class Engine implements AutoCloseable {
  private final SandboxHost host;
  private final Runtimes runtimes;

  private Engine(SandboxHost host, Runtimes runtimes) {
    this.host = host;
    this.runtimes = runtimes;
  }

  /**
   * Prepares the host (state directory, seccomp filters, cgroups) and cleans what a crashed engine
   * left behind.
   *
   * @throws dev.bulwark.sandbox.SandboxUnavailableException when a limit could not be enforced and
   *     the configuration does not allow a degraded mode
   */
  public static Engine start(EngineConfig config) {
    return new Engine(SandboxHost.open(config), Runtimes.builtIn());
  }

  public Runtimes runtimes() {
    return runtimes;
  }

  /** What this engine runs without, because the operator allowed a degraded mode. */
  public List<String> warnings() {
    return host.warnings();
  }

  /**
   * Runs the request and waits for its result. Never throws for anything the code does: every
   * outcome is a {@link Status}.
   *
   * @throws IllegalArgumentException when the language is unknown
   */
  public ExecutionResult execute(ExecutionRequest request) {
    return submit(request).result().join();
  }

  /**
   * Starts the request on a virtual thread.
   *
   * @throws IllegalArgumentException when the language is unknown
   */
  public Execution submit(ExecutionRequest request) {
    RuntimeDescriptor runtime = resolve(request.language());
    RuntimeInfo info;
    try {
      info = runtimes.info(runtime);
    } catch (IllegalStateException e) {
      RuntimeInfo unknown = new RuntimeInfo(runtime.name(), "");
      return Execution.finished(
          ExecutionResult.notRun(Status.SANDBOX_ERROR, e.getMessage(), unknown));
    }
    SandboxHost.Handle handle = host.prepare(request, runtime, info);
    CompletableFuture<ExecutionResult> result = new CompletableFuture<>();
    Thread.ofVirtual()
        .name("bulwark-execution")
        .start(() -> {
          try {
            result.complete(handle.run());
          } catch (Throwable t) {
            result.complete(
                ExecutionResult.notRun(Status.SANDBOX_ERROR, "engine failure: " + t, info));
          }
        });
    return new Execution(result, handle::cancel);
  }

  private RuntimeDescriptor resolve(String language) {
    return runtimes
        .find(language)
        .orElseThrow(() ->
            new IllegalArgumentException(
                "unknown language '"
                    + language
                    + "': known languages are "
                    + runtimes.knownNames()));
  }

  @Override
  public void close() {
    host.close();
  }
}
