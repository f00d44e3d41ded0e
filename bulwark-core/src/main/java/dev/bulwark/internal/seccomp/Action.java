package dev.bulwark.internal.seccomp;

import java.util.Map;
import java.util.Optional;

/**
 * What a filter does with a syscall: let it run, kill the process, or fail it with an errno. The
 * encodings are the kernel's {@code SECCOMP_RET_*} values, which libseccomp takes as they are.
 */
sealed interface Action {

  /** The {@code SCMP_ACT_*} value handed to libseccomp. */
  int encode();

  /** The token that spells this action in a policy file. */
  String token();

  /** Errnos a policy may name. Small on purpose: each one is a message to the sandboxed code. */
  Map<String, Integer> ERRNOS =
      Map.of(
          "EPERM", 1,
          "ENOENT", 2,
          "EACCES", 13,
          "EINVAL", 22,
          "ENOTTY", 25,
          "ENOSYS", 38,
          "EPROTONOSUPPORT", 93,
          "EOPNOTSUPP", 95,
          "EAFNOSUPPORT", 97);

  /** Parses {@code allow}, {@code kill-process} or an errno name from {@link #ERRNOS}. */
  static Optional<Action> parse(String token) {
    return switch (token) {
      case "allow" -> Optional.of(new Allow());
      case "kill-process" -> Optional.of(new KillProcess());
      default -> Optional.ofNullable(ERRNOS.get(token)).map(number -> new Errno(token, number));
    };
  }

  /** The syscall runs. */
  record Allow() implements Action {
    @Override
    public int encode() {
      return 0x7fff0000; // SCMP_ACT_ALLOW
    }

    @Override
    public String token() {
      return "allow";
    }
  }

  /** The whole process dies with SIGSYS, so a half-denied program cannot go on in a bad state. */
  record KillProcess() implements Action {
    @Override
    public int encode() {
      return 0x80000000; // SCMP_ACT_KILL_PROCESS
    }

    @Override
    public String token() {
      return "kill-process";
    }
  }

  /** The syscall does not run and returns {@code -number}. */
  record Errno(String name, int number) implements Action {
    @Override
    public int encode() {
      return 0x00050000 | (number & 0xffff); // SCMP_ACT_ERRNO(number)
    }

    @Override
    public String token() {
      return name;
    }
  }
}
