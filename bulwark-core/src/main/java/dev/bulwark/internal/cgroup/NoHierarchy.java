package dev.bulwark.internal.cgroup;

import dev.bulwark.internal.cgroup.CgroupException.Code;
import dev.bulwark.model.Limits;
import dev.bulwark.spi.Usage;
import java.nio.file.Path;
import java.util.List;

/** No usable cgroup filesystem: nothing exists, so nothing is stale; creating a run fails. */
record NoHierarchy(List<String> problems) implements Hierarchy {

  NoHierarchy {
    problems = List.copyOf(problems);
  }

  @Override
  public Version version() {
    return Version.NONE;
  }

  @Override
  public String describe() {
    return "no cgroups";
  }

  @Override
  public List<String> blockers() {
    return problems;
  }

  @Override
  public void prepareBase() {
    throw unavailable();
  }

  @Override
  public List<Path> runDirs(String name) {
    return List.of();
  }

  @Override
  public List<String> existingNames() {
    return List.of();
  }

  @Override
  public void applyLimits(String name, Limits limits) {
    throw unavailable();
  }

  @Override
  public Usage usage(String name) {
    throw unavailable();
  }

  @Override
  public long cpuNanos(String name) {
    throw unavailable();
  }

  @Override
  public long memoryBytes(String name) {
    throw unavailable();
  }

  @Override
  public void killAll(String name) {}

  private CgroupException unavailable() {
    return new CgroupException(Code.HOST_NOT_READY, String.join("; ", problems));
  }
}
