package dev.bulwark.internal.cgroup;

/** Which cgroup interface the host offers. */
public enum Version {
  /** Legacy hierarchies, one per controller (memory, cpu, pids, freezer each mounted apart). */
  V1,
  /**
   * The unified hierarchy: one tree, controllers delegated through {@code cgroup.subtree_control}.
   */
  V2,
  /** No usable cgroup filesystem: limits cannot be enforced. */
  NONE
}
