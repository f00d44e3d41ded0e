package dev.bulwark.internal.seccomp;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One policy line's effect on one syscall: the action applies when every condition holds (always,
 * when there is none).
 *
 * @param line the policy line it came from, for error messages
 */
record Rule(Action action, String syscall, List<Condition> conditions, int line) {

  Rule {
    conditions = List.copyOf(conditions);
  }

  boolean unconditional() {
    return conditions.isEmpty();
  }

  @Override
  public String toString() {
    String when =
        conditions.stream().map(Condition::toString).collect(Collectors.joining(" and ", " ", ""));
    return action.token() + " " + syscall + (unconditional() ? "" : when);
  }
}
