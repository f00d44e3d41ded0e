package dev.bulwark.spi;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the engine shares with every tier: its identity on the host, its directory, the sandbox
 * uids, the runners and the egress proxy. Thread-safe; valid until the engine closes, after its
 * tier.
 */
public interface EngineHost {
  /**
   * The egress forwarder's file in {@link #runners()}: a program from {@code 127.0.0.1:3128} inside
   * a sandbox to its egress socket. The runners start it in process; a runtime without a runner
   * needs it started before the program.
   */
  String EGRESS_FORWARDER = "egress-forwarder.py";

  /**
   * The engine's id, unique among the live engines of this host; a tier names what it creates on
   * the host (cgroups, sandboxes) {@code ID.SEQUENCE}, so that a crash leaves nothing a later start
   * cannot attribute.
   */
  String engineId();

  /**
   * The engine's own directory (traversable by sandbox uids); removed when the engine closes, and
   * by the next start after a crash.
   */
  Path directory();

  /**
   * A new name for a sandbox, {@code ID.SEQUENCE}: unique on the host among every tier's sandboxes
   * of every engine, for its cgroup, its directory and whatever the tier names after it.
   */
  String newSandboxName();

  /** True when {@code engineId} names an engine that is gone; never for a live one. */
  boolean isDeadEngine(String engineId);

  /**
   * A host uid no other live sandbox of any engine uses, held until the lease is closed.
   *
   * @throws IllegalStateException when every uid of the range is in use
   */
  UidLease leaseUid();

  /**
   * The runners of the built-in runtimes, read-only for everyone: a sandbox links or binds its
   * runtime's {@link RuntimeDescriptor#runnerFile()} from here, and the {@link #EGRESS_FORWARDER}.
   */
  Path runners();

  /**
   * Opens the egress proxy for one program at {@code socket}: its connections are checked against
   * {@code allow}, and recorded.
   */
  EgressSession openEgress(Path socket, List<String> allow) throws IOException;

  /** The egress interception CA's certificate (PEM) for sandboxes to trust; empty without one. */
  Optional<String> egressCaPem();
}
