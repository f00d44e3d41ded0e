package dev.bulwark.internal.launch;

import dev.bulwark.internal.cgroup.RunCgroup;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A launcher ({@code bulwark-launch.c}) that has already joined a fresh cgroup and waits on stdin
 * for the record that starts its sandbox ({@link LaunchRecord}). Joining a cgroup v1 hierarchy
 * waits for an RCU grace period (about 10 ms on the development machine, most of a cold start's
 * overhead), so the engine stages launchers before requests arrive. Each launcher, its cgroup and
 * the sandbox it starts serve one run only.
 */
public final class StagedLauncher {
  private final String name;
  private final RunCgroup cgroup; // null in degraded mode
  private final Process process;

  private StagedLauncher(String name, RunCgroup cgroup, Process process) {
    this.name = name;
    this.cgroup = cgroup;
    this.process = process;
  }

  /**
   * Starts the launcher; it joins the cgroup on its own while the caller goes on.
   *
   * @param launcher the launcher binary
   */
  static StagedLauncher stage(Path launcher, String name, RunCgroup cgroup) {
    List<String> command = new ArrayList<>();
    command.add(launcher.toString());
    if (cgroup != null) {
      cgroup.procsFiles().forEach(procs -> command.add(procs.toString()));
    }
    // No variable and no directory of the engine's reaches the sandbox manager (bwrap's init is
    // the payload's pid 1, whose environ it can read). Every program the launcher runs has an
    // absolute path.
    ProcessBuilder pb = new ProcessBuilder(command).directory(new File("/"));
    pb.environment().clear();
    try {
      return new StagedLauncher(name, cgroup, pb.start());
    } catch (IOException e) {
      if (cgroup != null) {
        cgroup.close();
      }
      throw new IllegalStateException("cannot start a sandbox launcher: " + e.getMessage(), e);
    }
  }

  public String name() {
    return name;
  }

  public RunCgroup cgroup() {
    return cgroup;
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** Sends the launch record; from now on stdin belongs to the program. */
  public Process launch(LaunchRecord record) throws IOException {
    OutputStream stdin = process.getOutputStream();
    stdin.write(record.bytes());
    stdin.flush();
    return process;
  }

  /** Kills the launcher, or what it became, and removes its cgroup with whatever is left in it. */
  public void discard() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (cgroup != null) {
      cgroup.close();
    }
  }
}
