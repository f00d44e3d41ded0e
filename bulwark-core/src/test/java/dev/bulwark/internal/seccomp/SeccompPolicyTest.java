package dev.bulwark.internal.seccomp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.bulwark.internal.seccomp.Condition.Op;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SeccompPolicyTest {

  private static final String FILTERS =
      """
      [filters]
      allowlist default ENOSYS
      allowlist bad-arch kill-process
      guard default allow
      guard bad-arch kill-process
      """;

  @Test
  void parsesEverySectionIntoTheRightFilter() {
    SeccompPolicy policy =
        SeccompPolicy.parse(
            FILTERS
                + """

                [allow]   # a comment after a header
                read write   # two on one line
                close

                [deny]
                EPERM mount umount2
                ENOSYS clone3

                [argument-rules]
                allow socket arg0 == 16 and arg2 == 0
                allow clone arg0 & 0x7e020000 == 0

                [guard]
                EPERM ioctl arg1 & 0xffffffff == 0x5412
                EAFNOSUPPORT socket arg0 >= 17
                """);

    FilterSpec allowlist = policy.allowlist();
    assertThat(allowlist.defaultAction()).isEqualTo(new Action.Errno("ENOSYS", 38));
    assertThat(allowlist.badArchAction()).isEqualTo(new Action.KillProcess());
    assertThat(allowlist.rules())
        .extracting(Rule::toString)
        .containsExactly(
            "allow read",
            "allow write",
            "allow close",
            "EPERM mount",
            "EPERM umount2",
            "ENOSYS clone3",
            "allow socket arg0 == 0x10 and arg2 == 0x0",
            "allow clone arg0 & 0x7e020000 == 0x0");
    assertThat(allowlist.rules().get(6).line()).isEqualTo(16);

    FilterSpec guard = policy.guard();
    assertThat(guard.defaultAction()).isEqualTo(new Action.Allow());
    assertThat(guard.rules().getFirst().conditions())
        .containsExactly(new Condition(1, Op.MASKED_EQ, 0x5412, 0xffffffffL));
    assertThat(guard.rules().get(1).conditions()).containsExactly(new Condition(0, Op.GE, 17, 0));
  }

  @Test
  void masksAndValuesAreUnsigned64Bit() {
    SeccompPolicy policy =
        SeccompPolicy.parse(
            FILTERS
                + """
                [guard]
                EPERM ioctl arg1 & 0xffffffffffffffff == 18446744073709551615
                """);
    Condition condition = policy.guard().rules().getFirst().conditions().getFirst();
    assertThat(condition.datumA()).isEqualTo(-1L);
    assertThat(condition.datumB()).isEqualTo(-1L);
  }

  @Test
  void builtInPolicyKeepsTheDesignDecisions() {
    SeccompPolicy policy = SeccompPolicy.builtIn();

    assertThat(policy.allowlist().defaultAction()).isEqualTo(new Action.Errno("ENOSYS", 38));
    assertThat(policy.allowlist().badArchAction()).isEqualTo(new Action.KillProcess());
    assertThat(policy.guard().defaultAction()).isEqualTo(new Action.Allow());
    assertThat(unconditional(policy, "ioctl")).isEqualTo(new Action.Allow());
    assertThat(unconditional(policy, "clone3")).isEqualTo(new Action.Errno("ENOSYS", 38));
    for (String denied :
        List.of(
            "mount",
            "unshare",
            "setns",
            "ptrace",
            "bpf",
            "io_uring_setup",
            "userfaultfd",
            "keyctl",
            "perf_event_open",
            "open_by_handle_at",
            "kexec_load",
            "init_module")) {
      assertThat(unconditional(policy, denied)).as(denied).isEqualTo(new Action.Errno("EPERM", 1));
    }
    assertThat(policy.allowlist().rules())
        .filteredOn(rule -> rule.syscall().equals("clone"))
        .extracting(Rule::toString)
        .containsExactly("allow clone arg0 & 0x7e020000 == 0x0");
    assertThat(policy.text()).startsWith("# Bulwark's seccomp policy");
  }

  private static Action unconditional(SeccompPolicy policy, String syscall) {
    return policy.allowlist().rules().stream()
        .filter(rule -> rule.syscall().equals(syscall) && rule.unconditional())
        .findFirst()
        .orElseThrow()
        .action();
  }

  static Stream<Arguments> malformedPolicies() {
    return Stream.of(
        arguments("unknown section", "[allowed]", 6, "unknown section [allowed]"),
        arguments(
            "bad setting", "[filters]\nguard fallback allow", 7, "expected '<allowlist|guard>"),
        arguments("setting twice", "[filters]\nguard default EPERM", 7, "already set on line 4"),
        arguments("unknown action", "[deny]\nEFOO mount", 7, "unknown action 'EFOO'"),
        arguments("allow in deny", "[deny]\nallow mount", 7, "[deny] lines start with an errno"),
        arguments("deny without syscall", "[deny]\nEPERM", 7, "names no syscall"),
        arguments("bad syscall name", "[allow]\nread Write", 7, "'Write' is not a syscall name"),
        arguments(
            "listed twice", "[allow]\nread\n[deny]\nEPERM read", 9, "already listed on line 7"),
        arguments("no condition", "[argument-rules]\nallow socket", 7, "has no condition"),
        arguments("allow in guard", "[guard]\nallow ioctl", 7, "guard filter allows by default"),
        arguments("bad argument", "[guard]\nEPERM ioctl arg6 == 1", 7, "start with arg0 .. arg5"),
        arguments("bad operator", "[guard]\nEPERM ioctl arg1 => 1", 7, "expected 'argN <op>"),
        arguments("no spaces", "[guard]\nEPERM ioctl arg1==1", 7, "bad condition 'arg1==1'"),
        arguments("bad number", "[guard]\nEPERM ioctl arg1 == 0x5g", 7, "'0x5g' is not a number"),
        arguments("too big", "[guard]\nEPERM ioctl arg1 == 0x1ffffffffffffffff", 7, "not a number"),
        arguments(
            "argument twice",
            "[guard]\nEPERM ioctl arg1 > 1 and arg1 < 9",
            7,
            "arg1 is compared twice"),
        arguments("dangling and", "[guard]\nEPERM ioctl arg1 > 1 and", 7, "'and' must join"),
        arguments(
            "unconditional and argument rule",
            "[allow]\nclone\n[argument-rules]\nallow clone arg0 == 0",
            9,
            "'clone' has an unconditional rule (line 7) and an argument rule (line 9)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedPolicies")
  void errorsNameTheLine(String what, String body, int line, String message) {
    String text = FILTERS + body + "\n";

    assertThatThrownBy(() -> SeccompPolicy.parse(text))
        .as(what)
        .isInstanceOfSatisfying(
            SeccompException.class,
            e -> assertThat(e.code()).isEqualTo(SeccompException.Code.POLICY_INVALID))
        .hasMessageStartingWith("seccomp policy line " + line + ": ")
        .hasMessageContaining(message);
  }

  @Test
  void statementsBeforeAnySectionAreRefused() {
    assertThatThrownBy(() -> SeccompPolicy.parse("# policy\n\nread write\n"))
        .isInstanceOf(SeccompException.class)
        .hasMessage(
            "seccomp policy line 3: 'read write' comes before any section; start with [filters]");
  }

  @Test
  void missingSettingIsNamed() {
    assertThatThrownBy(() -> SeccompPolicy.parse("[filters]\nallowlist default ENOSYS\n"))
        .isInstanceOf(SeccompException.class)
        .hasMessage("seccomp policy: [filters] does not set 'allowlist bad-arch'");
  }
}
