package dev.bulwark;

import dev.bulwark.internal.host.HostUser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The engine's settings, every default in this one place ({@link #defaults()}).
 *
 * @param bwrap the bubblewrap binary
 * @param stateDir where the engine keeps its lock, run directories and compiled filters; a crash
 *     leaves them here for the next start to clean
 * @param sandboxUidBase first host uid given to sandboxes when the engine runs as root
 * @param sandboxUidCount how many uids the range holds, so how many sandboxes may run at once
 * @param allowDegraded run even when a limit cannot be enforced (no cgroups): for development only,
 *     and said loudly
 * @param stagedLaunchers how many launcher shells wait, already inside a fresh cgroup, for the next
 *     runs (0: every run creates and joins its cgroup on the request path)
 * @param warmPools sandboxes to keep started and waiting for their program, per runtime and profile
 *     (none by default: a one-off run has no use for them; the server keeps some)
 * @param egress the egress proxy's host mappings, credentials and caps (DESIGN.md §5)
 * @param runsc gVisor's {@code runsc} binary, for the {@link Isolation#GVISOR} tier; the engine
 *     runs without that tier where it is missing, and says why to a job that asks for it
 * @param gvisorPlatform how gVisor catches system calls ({@code ptrace} works everywhere; {@code
 *     kvm} needs a working {@code /dev/kvm}: {@code bulwark doctor} says whether it has one)
 * @param sessionPools session sandboxes to keep started, their agent and interpreter loaded, per
 *     runtime and profile (bubblewrap only), so that {@link Engine#openSession} takes one at once
 *     when the session's limits are the profile's (the wall clock, CPU time and output caps aside,
 *     which the host applies per cell) and it may not connect; others start cold (none by default:
 *     the server keeps some)
 * @param outputs how much rich output and how many artifacts one result may carry
 */
public record EngineConfig(
    Path bwrap,
    Path stateDir,
    long sandboxUidBase,
    int sandboxUidCount,
    boolean allowDegraded,
    int stagedLaunchers,
    List<WarmPoolSpec> warmPools,
    Duration warmMaxIdle,
    EgressConfig egress,
    Path runsc,
    GvisorPlatform gvisorPlatform,
    List<WarmPoolSpec> sessionPools,
    OutputCaps outputs) {

  public EngineConfig {
    Objects.requireNonNull(bwrap, "bwrap");
    Objects.requireNonNull(stateDir, "stateDir");
    if (sandboxUidBase < 1000 || sandboxUidBase + sandboxUidCount > 4_294_967_294L) {
      throw new IllegalArgumentException("sandbox uid range must lie within 1000..4294967294");
    }
    if (sandboxUidCount < 1) {
      throw new IllegalArgumentException("sandboxUidCount must be positive");
    }
    if (stagedLaunchers < 0 || stagedLaunchers > 64) {
      throw new IllegalArgumentException("stagedLaunchers must be between 0 and 64");
    }
    warmPools = List.copyOf(warmPools);
    Objects.requireNonNull(warmMaxIdle, "warmMaxIdle");
    Objects.requireNonNull(egress, "egress");
    Objects.requireNonNull(runsc, "runsc");
    Objects.requireNonNull(gvisorPlatform, "gvisorPlatform");
    sessionPools = List.copyOf(sessionPools);
    Objects.requireNonNull(outputs, "outputs");
    if (warmMaxIdle.toMillis() < 100) {
      throw new IllegalArgumentException("warmMaxIdle must be at least 100ms");
    }
  }

  /** State in {@link HostUser#runtimeDir()}: /run/bulwark as root, gone at reboot. */
  public static EngineConfig defaults() {
    return new EngineConfig(
        Path.of("/usr/bin/bwrap"),
        HostUser.runtimeDir(),
        2_000_000_000L,
        1000,
        false,
        2,
        List.of(),
        Duration.ofMinutes(10),
        EgressConfig.defaults(),
        Path.of("/usr/bin/runsc"),
        GvisorPlatform.PTRACE,
        List.of(),
        OutputCaps.defaults());
  }

  public EngineConfig withBwrap(Path value) {
    return new EngineConfig(
        value,
        stateDir,
        sandboxUidBase,
        sandboxUidCount,
        allowDegraded,
        stagedLaunchers,
        warmPools,
        warmMaxIdle,
        egress,
        runsc,
        gvisorPlatform,
        sessionPools,
        outputs);
  }

  public EngineConfig withStateDir(Path value) {
    return new EngineConfig(
        bwrap,
        value,
        sandboxUidBase,
        sandboxUidCount,
        allowDegraded,
        stagedLaunchers,
        warmPools,
        warmMaxIdle,
        egress,
        runsc,
        gvisorPlatform,
        sessionPools,
        outputs);
  }

  public EngineConfig withAllowDegraded(boolean value) {
    return new EngineConfig(
        bwrap,
        stateDir,
        sandboxUidBase,
        sandboxUidCount,
        value,
        stagedLaunchers,
        warmPools,
        warmMaxIdle,
        egress,
        runsc,
        gvisorPlatform,
        sessionPools,
        outputs);
  }

  public EngineConfig withStagedLaunchers(int value) {
    return new EngineConfig(
        bwrap,
        stateDir,
        sandboxUidBase,
        sandboxUidCount,
        allowDegraded,
        value,
        warmPools,
        warmMaxIdle,
        egress,
        runsc,
        gvisorPlatform,
        sessionPools,
        outputs);
  }

  public EngineConfig withWarmPools(List<WarmPoolSpec> value) {
    return new EngineConfig(
        bwrap,
        stateDir,
        sandboxUidBase,
        sandboxUidCount,
        allowDegraded,
        stagedLaunchers,
        value,
        warmMaxIdle,
        egress,
        runsc,
        gvisorPlatform,
        sessionPools,
        outputs);
  }

  public EngineConfig withWarmMaxIdle(Duration value) {
    return new EngineConfig(
        bwrap,
        stateDir,
        sandboxUidBase,
        sandboxUidCount,
        allowDegraded,
        stagedLaunchers,
        warmPools,
        value,
        egress,
        runsc,
        gvisorPlatform,
        sessionPools,
        outputs);
  }

  public EngineConfig withEgress(EgressConfig value) {
    return new EngineConfig(
        bwrap,
        stateDir,
        sandboxUidBase,
        sandboxUidCount,
        allowDegraded,
        stagedLaunchers,
        warmPools,
        warmMaxIdle,
        value,
        runsc,
        gvisorPlatform,
        sessionPools,
        outputs);
  }

  public EngineConfig withRunsc(Path value) {
    return new EngineConfig(
        bwrap,
        stateDir,
        sandboxUidBase,
        sandboxUidCount,
        allowDegraded,
        stagedLaunchers,
        warmPools,
        warmMaxIdle,
        egress,
        value,
        gvisorPlatform,
        sessionPools,
        outputs);
  }

  public EngineConfig withGvisorPlatform(GvisorPlatform value) {
    return new EngineConfig(
        bwrap,
        stateDir,
        sandboxUidBase,
        sandboxUidCount,
        allowDegraded,
        stagedLaunchers,
        warmPools,
        warmMaxIdle,
        egress,
        runsc,
        value,
        sessionPools,
        outputs);
  }

  public EngineConfig withSessionPools(List<WarmPoolSpec> value) {
    return new EngineConfig(
        bwrap,
        stateDir,
        sandboxUidBase,
        sandboxUidCount,
        allowDegraded,
        stagedLaunchers,
        warmPools,
        warmMaxIdle,
        egress,
        runsc,
        gvisorPlatform,
        value,
        outputs);
  }

  public EngineConfig withOutputs(OutputCaps value) {
    return new EngineConfig(
        bwrap,
        stateDir,
        sandboxUidBase,
        sandboxUidCount,
        allowDegraded,
        stagedLaunchers,
        warmPools,
        warmMaxIdle,
        egress,
        runsc,
        gvisorPlatform,
        sessionPools,
        value);
  }
}
