package dev.bulwark.attack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.Cell;
import dev.bulwark.Session;
import dev.bulwark.SessionSpec;
import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.Status;
import dev.bulwark.policy.Policies;
import org.junit.jupiter.api.Test;

/** Sessions in real sandboxes, judged from the host. */
class SessionTest {
  static Session open(String language) {
    return TestEngine.get()
        .openSession(SessionSpec.of(language, TestEngine.LIMITS).withPolicy(Policies.standard()));
  }

  @Test
  void pythonKeepsItsNamespaceAcrossCells() {
    try (Session s = open("python")) {
      ExecutionResult first = s.run(Cell.of("x = 41\nimport os"));
      assertThat(first.status()).as(first.reason() + first.stderr()).isEqualTo(Status.OK);
      ExecutionResult second = s.run(Cell.of("print(x + 1)\nx * 2"));
      assertThat(second.status()).as(second.reason() + second.stderr()).isEqualTo(Status.OK);
      assertThat(second.stdout()).isEqualTo("42\n");
      assertThat(second.outputs()).hasSize(1);
    }
  }
}
