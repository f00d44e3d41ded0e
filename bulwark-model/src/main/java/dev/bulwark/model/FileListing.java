package dev.bulwark.model;

import java.util.List;
import java.util.Objects;

/**
 * The entries of one directory of a session's workspace, sorted by path. Immutable.
 *
 * @param directory the directory listed, relative to the workspace ({@code ""} for its root)
 * @param entries its entries (not recursive)
 * @param truncated whether it held more entries than a listing returns; the rest are not shown
 */
public record FileListing(String directory, List<FileInfo> entries, boolean truncated) {
  public FileListing {
    Objects.requireNonNull(directory, "directory");
    entries = List.copyOf(entries);
  }
}
