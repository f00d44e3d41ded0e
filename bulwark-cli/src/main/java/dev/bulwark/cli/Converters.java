package dev.bulwark.cli;

import dev.bulwark.GvisorPlatform;
import dev.bulwark.WarmPoolSpec;
import dev.bulwark.model.Units;
import java.time.Duration;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads typed flags before a command's work begins, every duration and size with the model's one
 * grammar ({@link Units}): a bad value is a usage error that names the flag and says how to write
 * it ({@code --timeout 5}: "'5' has no unit: write 5s ...").
 */
final class Converters {
  private Converters() {}

  /** Registers the converters on {@code cli} and the subcommands it has. */
  static void register(CommandLine cli) {
    cli.registerConverter(Duration.class, converter(Units::parseDuration));
    cli.registerConverter(ByteSize.class, converter(text -> new ByteSize(Units.parseSize(text))));
    cli.registerConverter(WarmPoolSpec.class, converter(WarmPoolSpec::parse));
    cli.registerConverter(GvisorPlatform.class, converter(GvisorPlatform::named));
  }

  private static <T> ITypeConverter<T> converter(Function<String, T> parse) {
    return text -> {
      try {
        return parse.apply(text);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    };
  }
}
