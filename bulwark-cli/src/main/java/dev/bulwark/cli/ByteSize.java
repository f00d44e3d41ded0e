package dev.bulwark.cli;

import dev.bulwark.model.Units;

/**
 * A size a flag gives, in bytes: its own type so that picocli reads every size flag with the one
 * grammar ({@link Units}) and a count flag stays a plain number.
 */
record ByteSize(long bytes) {
  ByteSize {
    if (bytes < 0) {
      throw new IllegalArgumentException("a size cannot be negative");
    }
  }

  @Override
  public String toString() {
    return Units.formatSize(bytes);
  }
}
