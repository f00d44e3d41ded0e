package dev.bulwark.internal.seccomp;

/**
 * One comparison of a syscall argument, as libseccomp's {@code struct scmp_arg_cmp}. All values are
 * unsigned 64-bit; a masked comparison ({@code argN & mask == value}) is how a policy compares only
 * the low 32 bits of an {@code int} argument whose upper half the kernel ignores.
 *
 * @param arg argument index, 0 to 5
 * @param op the comparison
 * @param value the value compared with (after masking, for {@link Op#MASKED_EQ})
 * @param mask the mask for {@link Op#MASKED_EQ}, 0 otherwise
 */
record Condition(int arg, Op op, long value, long mask) {

  /** libseccomp's {@code enum scmp_compare}, with the symbols a policy file uses. */
  enum Op {
    NE(1, "!="),
    LT(2, "<"),
    LE(3, "<="),
    EQ(4, "=="),
    GE(5, ">="),
    GT(6, ">"),
    MASKED_EQ(7, "&");

    final int code;
    final String symbol;

    Op(int code, String symbol) {
      this.code = code;
      this.symbol = symbol;
    }
  }

  Condition {
    if (arg < 0 || arg > 5) {
      throw new IllegalArgumentException("argument index must be 0..5, was " + arg);
    }
  }

  /** {@code datum_a}: the mask for a masked comparison, else the value. */
  long datumA() {
    return op == Op.MASKED_EQ ? mask : value;
  }

  /** {@code datum_b}: the value for a masked comparison, else unused. */
  long datumB() {
    return op == Op.MASKED_EQ ? value : 0;
  }

  @Override
  public String toString() {
    String hex = "0x" + Long.toHexString(value);
    return op == Op.MASKED_EQ
        ? "arg" + arg + " & 0x" + Long.toHexString(mask) + " == " + hex
        : "arg" + arg + " " + op.symbol + " " + hex;
  }
}
