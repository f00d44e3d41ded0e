package dev.bulwark.cli;

import dev.bulwark.Engine;
import dev.bulwark.store.DataDir;
import dev.bulwark.store.Store;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --data} flag of every command that touches the server's data directory. */
final class DataOptions {
  @Option(
      names = "--data",
      paramLabel = "DIR",
      description =
          "The data directory (default: $BULWARK_HOME, else /var/lib/bulwark as root, else"
              + " $XDG_DATA_HOME/bulwark or ~/.local/share/bulwark).")
  Path data;

  /** Opens the store in the chosen directory, creating and migrating it when needed. */
  Store open() {
    return Store.open(dir());
  }

  /** The chosen directory; it may not exist yet. */
  Path dir() {
    return DataDir.resolve(data, System.getenv(), Engine.runsAsRoot());
  }
}
