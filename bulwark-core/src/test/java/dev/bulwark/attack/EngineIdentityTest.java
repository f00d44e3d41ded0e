package dev.bulwark.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bulwark.Engine;
import dev.bulwark.Execution;
import dev.bulwark.Job;
import dev.bulwark.internal.host.HostUser;
import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.Limits;
import dev.bulwark.model.Status;
import dev.bulwark.policy.Policies;
import dev.bulwark.spi.SandboxUnavailableException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Engines with different state directories on one host, judged from the host: a start sweeps only
 * what dead engines left, never another live engine's sandboxes, and no two live sandboxes share a
 * host uid, whichever engine leased it.
 */
class EngineIdentityTest {
  @TempDir Path stateA;
  @TempDir Path stateB;

  @Test
  void aStartWithAnotherStateDirectoryLeavesARunningSandboxAlone() {
    String marker = "bulwark-identity-" + UUID.randomUUID();
    try (Engine a = Engine.start(TestEngine.config().withStateDir(stateA))) {
      Execution running =
          a.submit(
              request(
                  "(exec -a " + marker + " sleep 2); echo survived", TestEngine.LIMITS, "bash"));
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> !HostProbe.descendantsWithCmdline(marker).isEmpty());

      Engine.start(TestEngine.config().withStateDir(stateB)).close(); // its start sweeps

      ExecutionResult r = running.result().join();
      assertThat(r.status()).as(r.reason()).isEqualTo(Status.OK);
      assertThat(r.stdout()).isEqualTo("survived\n");
    }
  }

  @Test
  void twoEnginesNeverLeaseOneUidToTwoLiveSandboxes() {
    assumeTrue(HostUser.isRoot(), "sandboxes run under leased uids only when the engine is root");
    String marker = "bulwark-uids-" + UUID.randomUUID();
    try (Engine a = Engine.start(TestEngine.config().withStateDir(stateA));
        Engine b = Engine.start(TestEngine.config().withStateDir(stateB))) {
      List<Execution> running = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        for (Engine e : List.of(a, b)) {
          running.add(
              e.submit(request("exec -a " + marker + " sleep 2", TestEngine.LIMITS, "bash")));
        }
      }
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> HostProbe.descendantsWithCmdline(marker).size() == running.size());

      Map<Long, Set<String>> sandboxesByUid = new HashMap<>();
      for (long pid : HostProbe.descendantsWithCmdline(marker)) {
        long uid = HostProbe.uidOf(pid).orElseThrow();
        sandboxesByUid.computeIfAbsent(uid, u -> new HashSet<>()).add(HostProbe.cgroupOf(pid));
      }
      assertThat(sandboxesByUid).as("sandboxes by host uid").hasSize(running.size());
      assertThat(sandboxesByUid.values()).allMatch(sandboxes -> sandboxes.size() == 1);
      running.forEach(e -> assertThat(e.result().join().status()).isEqualTo(Status.OK));
    }
  }

  @Test
  void aStateDirectoryThatSandboxUidsCannotReachIsRefusedAtStart(@TempDir Path privateDir) {
    assumeTrue(HostUser.isRoot(), "sandboxes run as other uids only when the engine is root");
    // @TempDir directories are 0700, as a home directory often is.
    assertThatThrownBy(
            () -> Engine.start(TestEngine.config().withStateDir(privateDir.resolve("s"))))
        .isInstanceOf(SandboxUnavailableException.class)
        .hasMessageContaining("sandbox uids cannot reach it through " + privateDir)
        .hasMessageContaining("o+x");
  }

  private static Job request(String code, Limits limits, String language) {
    return new Job(language, code, limits, new byte[0], Policies.builtIn("audit"));
  }
}
