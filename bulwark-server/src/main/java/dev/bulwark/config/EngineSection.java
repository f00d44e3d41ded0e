package dev.bulwark.config;

import dev.bulwark.EngineConfig;
import dev.bulwark.GvisorPlatform;
import dev.bulwark.WarmPoolSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The {@code engine} section: how the engine sandboxes, and the sandboxes it keeps warm. */
final class EngineSection {
  static final Key<EngineConfig, Path> STATE_DIR =
      Key.of(
              "stateDir",
              Type.PATH,
              EngineConfig::stateDir,
              "the engine's lock, run directories and compiled filters")
          .documented("`/run/bulwark` as root, else `bulwark-UID` in `$XDG_RUNTIME_DIR` or `/tmp`");
  static final Key<EngineConfig, Path> BWRAP =
      Key.of("bwrap", Type.PATH, EngineConfig::bwrap, "the bubblewrap binary");
  static final Key<EngineConfig, Path> RUNSC =
      Key.of(
          "runsc",
          Type.PATH,
          EngineConfig::runsc,
          "gVisor's runsc binary, for the gvisor isolation tier (left out where it is missing)");
  static final Key<EngineConfig, GvisorPlatform> GVISOR_PLATFORM =
      Key.of(
          "gvisorPlatform",
          Type.STRING.map("`ptrace` or `kvm`", GvisorPlatform::named, GvisorPlatform::flag),
          EngineConfig::gvisorPlatform,
          "how gVisor catches system calls: ptrace anywhere, kvm where /dev/kvm works");
  static final Key<EngineConfig, Boolean> DEGRADED =
      Key.of(
          "degraded",
          Type.BOOLEAN,
          EngineConfig::allowDegraded,
          "run even where a limit cannot be enforced (no cgroups), and say so on every run");
  static final Key<EngineConfig, Integer> STAGED_LAUNCHERS =
      Key.of(
          "stagedLaunchers",
          Type.INTEGER,
          EngineConfig::stagedLaunchers,
          "launchers waiting in a fresh cgroup for the next runs (0 to 64)");
  static final Key<EngineConfig, Long> SANDBOX_UID_BASE =
      Key.of(
          "sandboxUidBase",
          Type.LONG,
          EngineConfig::sandboxUidBase,
          "the first host uid given to sandboxes, as root");
  static final Key<EngineConfig, Integer> SANDBOX_UID_COUNT =
      Key.of(
          "sandboxUidCount",
          Type.INTEGER,
          EngineConfig::sandboxUidCount,
          "how many uids the range holds: sandboxes at once");

  /** A list of pools, as {@code bulwark serve --pool} takes one. */
  private static final Type<List<WarmPoolSpec>> POOLS =
      Type.list(
          "RUNTIME[:PROFILE[:ISOLATION]]=SIZE",
          "python:default=4",
          specs -> specs.stream().map(WarmPoolSpec::parse).toList(),
          pools -> pools.stream().map(WarmPoolSpec::toString).toList());

  static final Key<EngineConfig, List<WarmPoolSpec>> WARM_POOLS =
      Key.of(
          "warmPools",
          POOLS,
          EngineConfig::warmPools,
          "sandboxes started ahead per runtime and limits profile; SIZE 0 turns a pool off");
  static final Key<EngineConfig, List<WarmPoolSpec>> SESSION_POOLS =
      Key.of(
          "sessionPools",
          POOLS,
          EngineConfig::sessionPools,
          "session sandboxes started ahead, their interpreter loaded, per runtime and limits"
              + " profile (bubblewrap only); a session of other limits, or that may connect,"
              + " starts cold");
  static final Key<EngineConfig, Duration> WARM_MAX_IDLE =
      Key.of(
          "warmMaxIdle",
          Type.DURATION,
          EngineConfig::warmMaxIdle,
          "a warm sandbox that waited longer is replaced by a fresh one");

  static final Section<EngineConfig> SECTION =
      new Section<>(
          "engine",
          List.of(
              STATE_DIR,
              BWRAP,
              RUNSC,
              GVISOR_PLATFORM,
              DEGRADED,
              STAGED_LAUNCHERS,
              SANDBOX_UID_BASE,
              SANDBOX_UID_COUNT,
              WARM_POOLS,
              SESSION_POOLS,
              WARM_MAX_IDLE),
          ConfigFile::engine,
          v ->
              new EngineConfig(
                  v.get(BWRAP),
                  v.get(STATE_DIR),
                  v.get(SANDBOX_UID_BASE),
                  v.get(SANDBOX_UID_COUNT),
                  v.get(DEGRADED),
                  v.get(STAGED_LAUNCHERS),
                  v.get(WARM_POOLS),
                  v.get(WARM_MAX_IDLE),
                  v.defaults().egress(),
                  v.get(RUNSC),
                  v.get(GVISOR_PLATFORM),
                  v.get(SESSION_POOLS),
                  v.defaults().outputs()));

  private EngineSection() {}
}
