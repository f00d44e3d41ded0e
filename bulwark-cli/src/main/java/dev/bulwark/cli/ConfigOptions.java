package dev.bulwark.cli;

import dev.bulwark.config.ConfigFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --config} flag: the operator's configuration file of the server. */
final class ConfigOptions {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "The configuration file (default: "
              + ConfigFile.NAME
              + " in the data directory, when there is one). Flags override it.")
  Path config;

  /**
   * The configuration: the defaults, overridden by the file named or found in the data directory.
   *
   * @throws IllegalArgumentException when the file is unreadable or says something wrong
   */
  ConfigFile load(DataOptions data) {
    Path file = config != null ? config : data.dir().resolve(ConfigFile.NAME);
    if (config == null && !Files.isRegularFile(file)) {
      return ConfigFile.defaults();
    }
    try {
      return ConfigFile.parse(Files.readString(file), file.toString());
    } catch (IOException e) {
      String why = e instanceof NoSuchFileException ? "no such file" : e.toString();
      throw new IllegalArgumentException("cannot read the configuration " + file + ": " + why, e);
    }
  }
}
