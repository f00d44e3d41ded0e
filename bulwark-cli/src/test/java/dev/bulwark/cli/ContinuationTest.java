package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When a cell typed at {@code bulwark repl}'s prompt is whole, and when it needs more lines. */
class ContinuationTest {
  @Test
  void aSimpleLineIsWhole() {
    assertThat(Continuation.needsMore("x = 1", "python")).isFalse();
    assertThat(Continuation.needsMore("d = {'a': 1}", "python")).isFalse();
    assertThat(Continuation.needsMore("xs[1:]", "python")).isFalse();
  }

  @Test
  void aPythonBlockGoesOnUntilABlankLine() {
    assertThat(Continuation.needsMore("for i in range(3):", "python")).isTrue();
    assertThat(Continuation.needsMore("for i in range(3):\n    print(i)", "python")).isTrue();
    assertThat(Continuation.needsMore("for i in range(3):\n    print(i)\n", "python")).isFalse();
    assertThat(Continuation.needsMore("if x:  # a comment", "python")).isTrue();
  }

  @Test
  void anOpenBracketGoesOnUntilItClosesInEveryLanguage() {
    assertThat(Continuation.needsMore("data = {\n  'a': 1,", "python")).isTrue();
    assertThat(Continuation.needsMore("data = {\n  'a': 1,\n}", "python")).isFalse();
    assertThat(Continuation.needsMore("function f(v) {", "javascript")).isTrue();
    assertThat(Continuation.needsMore("function f(v) {\n  return v\n}", "javascript")).isFalse();
  }

  @Test
  void bracketsAndColonsInStringsAndCommentsDoNotCount() {
    assertThat(Continuation.needsMore("print('(:')", "python")).isFalse();
    assertThat(Continuation.needsMore("x = 1  # (", "python")).isFalse();
    assertThat(Continuation.needsMore("let s = '{' // {", "javascript")).isFalse();
    assertThat(Continuation.needsMore("echo 'a:'", "bash")).isFalse();
  }

  @Test
  void anOpenTripleQuotedStringOrATrailingBackslashGoesOn() {
    assertThat(Continuation.needsMore("s = \"\"\"first", "python")).isTrue();
    assertThat(Continuation.needsMore("s = \"\"\"first\nlast\"\"\"", "python")).isFalse();
    assertThat(Continuation.needsMore("total = 1 + \\", "python")).isTrue();
  }

  @Test
  void aColonEndsNoBlockOutsidePython() {
    assertThat(Continuation.needsMore("echo done:", "bash")).isFalse();
  }
}
