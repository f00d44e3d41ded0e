package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bulwark.Engine;
import dev.bulwark.EngineConfig;
import dev.bulwark.cli.BulwarkProcess.Served;
import dev.bulwark.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several engines on one host, each with its own data and state directory, as operators run them:
 * two servers under load and a CLI that starts and stops again and again. Judged from the host:
 * nobody's execution fails or is killed, no host uid serves two live sandboxes at once, and a
 * killed engine's leftovers are still cleaned by the next start.
 */
class ManyEnginesTest {
  private static final int SERVER_EXECUTIONS = 200;
  private static final int CLIENTS_PER_SERVER = 4;
  private static final int CLI_RUNS = 20;

  @TempDir Path work;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void twoServersAndACliShareTheHostWithoutTouchingEachOthersSandboxes() throws Exception {
    assumeTrue(
        Engine.runsAsRoot(), "sandbox uids are leased host-wide only when engines run as root");
    // Sandbox uids cross the state directories' parents to reach what is bound into them.
    Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwx--x--x"));
    List<Served> servers = new ArrayList<>();
    UidWatch uids = new UidWatch(EngineConfig.defaults());
    try {
      for (String name : List.of("a", "b")) {
        servers.add(
            BulwarkProcess.serve(
                List.of(
                    "--data", dir(name + "-data").toString(),
                    "--state-dir", dir(name + "-state").toString()),
                work.resolve(name + ".err"),
                null));
      }
      Thread watching = Thread.ofVirtual().start(uids);
      List<String> failures = new ArrayList<>();
      try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
        List<Future<List<String>>> load = new ArrayList<>();
        for (Served server : servers) {
          for (int c = 0; c < CLIENTS_PER_SERVER; c++) {
            load.add(clients.submit(() -> drive(server, SERVER_EXECUTIONS / CLIENTS_PER_SERVER)));
          }
        }
        for (int i = 0; i < CLI_RUNS; i++) {
          CliRun run = cli("print('cli', " + i + ")");
          if (run.exit() != 0 || !run.out().equals("cli " + i + "\n")) {
            failures.add("cli run " + i + ": exit " + run.exit() + ": " + run.out() + run.err());
          }
        }
        for (Future<List<String>> f : load) {
          failures.addAll(f.get());
        }
      } finally {
        uids.stop();
        watching.join();
      }
      System.out.printf(
          "two engines: %d server executions and %d CLI runs, %d failed; %d sandboxes seen from"
              + " /proc, %d uids shared%n",
          2 * SERVER_EXECUTIONS,
          CLI_RUNS,
          failures.size(),
          uids.sandboxesSeen(),
          uids.shared().size());
      assertThat(failures).as("failed or killed executions").isEmpty();
      assertThat(uids.sandboxesSeen()).as("sandboxes seen from /proc").isGreaterThan(0);
      assertThat(uids.shared()).as("host uids that served two live sandboxes at once").isEmpty();

      aKilledEnginesLeftoversAreCleanedByTheNextStart();
      for (Served server : servers) {
        assertThat(drive(server, 1)).as("the server after the sweeps").isEmpty();
      }
    } finally {
      for (Served s : servers) {
        s.process().destroy();
        s.process().waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  private void aKilledEnginesLeftoversAreCleanedByTheNextStart() throws Exception {
    String marker = "bulwark-killed-" + UUID.randomUUID();
    Process killed =
        new ProcessBuilder(BulwarkProcess.command(cliArgs("--lang", "bash", "-")))
            .redirectError(work.resolve("killed.err").toFile())
            .redirectOutput(work.resolve("killed.out").toFile())
            .start();
    killed.getOutputStream().write(("exec -a " + marker + " sleep 60\n").getBytes());
    killed.getOutputStream().close();
    await().atMost(Duration.ofSeconds(30)).until(() -> !cgroupsWith(marker).isEmpty());
    Set<String> left = cgroupsWith(marker);
    killed.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no cleanup

    CliRun next = cli("print('next')");
    assertThat(next.exit()).as(next.err()).isZero();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(cgroupsWith(marker)).as("the killed run's sandbox").isEmpty());
    assertThat(left)
        .as("the killed engine's cgroups, after the next start")
        .allMatch(name ->
            Files.notExists(Path.of("/sys/fs/cgroup/pids/bulwark", name))
                && Files.notExists(Path.of("/sys/fs/cgroup/bulwark", name)));
    String engine = left.iterator().next().replaceFirst("\\.\\d+$", "");
    assertThat(work.resolve("cli-state/engines").resolve(engine))
        .as("the killed engine's directory")
        .doesNotExist();
  }

  /** Sends {@code count} executions one after another; returns what went wrong with each. */
  private List<String> drive(Served server, int count) throws IOException, InterruptedException {
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      HttpResponse<String> r =
          http.send(
              server.post(
                  "/v1/executions",
                  "{\"language\": \"python\", \"code\": \"print(" + i + " * 2)\"}"),
              HttpResponse.BodyHandlers.ofString());
      String status =
          r.statusCode() == 200 ? Json.mapper().readTree(r.body()).get("status").asString() : "";
      String stdout =
          r.statusCode() == 200 ? Json.mapper().readTree(r.body()).get("stdout").asString() : "";
      if (!status.equals("OK") || !stdout.equals(i * 2 + "\n")) {
        failures.add("port " + server.port() + ": " + r.statusCode() + " " + r.body());
      }
    }
    return failures;
  }

  record CliRun(int exit, String out, String err) {}

  /** {@code bulwark run} of a Python program with the CLI's own state directory. */
  private CliRun cli(String code) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(BulwarkProcess.command(cliArgs("--lang", "python", "-"))).start();
    p.getOutputStream().write(code.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    Future<String> err;
    try (ExecutorService reader = Executors.newVirtualThreadPerTaskExecutor()) {
      err =
          reader.submit(
              () -> new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int exit = p.waitFor();
      return new CliRun(exit, out, err.get());
    } catch (ExecutionException e) {
      throw new IOException(e);
    }
  }

  private List<String> cliArgs(String... more) throws IOException {
    List<String> args = new ArrayList<>(List.of("run", "--state-dir", dir("cli-state").toString()));
    args.addAll(List.of(more));
    return args;
  }

  private Path dir(String name) throws IOException {
    return Files.createDirectories(work.resolve(name));
  }

  /** Run cgroups (bulwark/ID.N) holding a process whose command line names {@code marker}. */
  private static Set<String> cgroupsWith(String marker) throws IOException {
    Set<String> names = new HashSet<>();
    for (long pid : pids()) {
      String cmdline = read(pid, "cmdline").replace('\0', ' ');
      String cgroup = runCgroup(read(pid, "cgroup"));
      if (cmdline.contains(marker) && !cgroup.isEmpty()) {
        names.add(cgroup);
      }
    }
    return names;
  }

  /**
   * Samples /proc until stopped: each sample maps the live processes of sandbox uids to the run
   * cgroup they are in; a uid in two run cgroups at once is a uid leased twice.
   */
  private static final class UidWatch implements Runnable {
    private final long from;
    private final long to;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final Map<Long, Set<String>> shared = new ConcurrentHashMap<>();

    UidWatch(EngineConfig config) {
      this.from = config.sandboxUidBase();
      this.to = from + config.sandboxUidCount();
    }

    @Override
    public void run() {
      while (!stopped.get()) {
        Map<Long, Set<String>> byUid = new HashMap<>();
        for (long pid : pids()) {
          long uid = uid(read(pid, "status"));
          String cgroup = runCgroup(read(pid, "cgroup"));
          if (uid >= from && uid < to && !cgroup.isEmpty()) {
            byUid.computeIfAbsent(uid, u -> new HashSet<>()).add(cgroup);
            seen.add(cgroup);
          }
        }
        byUid.forEach((uid, cgroups) -> {
          if (cgroups.size() > 1) {
            shared.put(uid, cgroups);
          }
        });
        try {
          Thread.sleep(20); // a sample, not a wait for an event: /proc has none to offer
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    void stop() {
      stopped.set(true);
    }

    int sandboxesSeen() {
      return seen.size();
    }

    Map<Long, Set<String>> shared() {
      return shared;
    }
  }

  private static List<Long> pids() {
    try (Stream<Path> s = Files.list(Path.of("/proc"))) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.chars().allMatch(Character::isDigit))
          .map(Long::parseLong)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A file of /proc/PID, empty when the process is gone. */
  private static String read(long pid, String file) {
    try {
      return Files.readString(
          Path.of("/proc", Long.toString(pid), file), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      return "";
    }
  }

  private static long uid(String status) {
    return status
        .lines()
        .filter(l -> l.startsWith("Uid:"))
        .map(l -> Long.parseLong(l.substring(4).strip().split("\\s+")[0]))
        .findFirst()
        .orElse(-1L);
  }

  /** The run cgroup ({@code ID.N}) named in a /proc/PID/cgroup, or empty. */
  private static String runCgroup(String cgroups) {
    return cgroups
        .lines()
        .filter(l -> l.contains("/bulwark/"))
        .map(l -> l.substring(l.indexOf("/bulwark/") + "/bulwark/".length()))
        .findFirst()
        .orElse("");
  }
}
