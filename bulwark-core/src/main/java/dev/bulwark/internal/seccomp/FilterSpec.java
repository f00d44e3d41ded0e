package dev.bulwark.internal.seccomp;

import java.util.List;

/**
 * One seccomp filter as the policy describes it, before libseccomp turns it into BPF.
 *
 * @param name {@code allowlist} or {@code guard}, for messages
 * @param defaultAction what happens to a syscall that no rule matches
 * @param badArchAction what happens to a syscall made through another ABI (i386, x32)
 * @param rules in policy order
 */
record FilterSpec(String name, Action defaultAction, Action badArchAction, List<Rule> rules) {

  FilterSpec {
    rules = List.copyOf(rules);
  }
}
