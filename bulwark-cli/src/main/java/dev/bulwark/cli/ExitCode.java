package dev.bulwark.cli;

import dev.bulwark.SessionDeadException;
import dev.bulwark.SessionFileException;
import dev.bulwark.client.BulwarkException;
import dev.bulwark.model.ExecutionResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The exit codes of every command, and the one place that maps a failure to its code and to the one
 * line that explains it. A failure the user can expect (a bad flag, a missing file, an engine that
 * cannot start, a model that cannot be reached) never prints a stack trace.
 *
 * <ul>
 *   <li>{@value #OK}: it worked;
 *   <li>{@value #FAILED}: the program failed (or, for {@code check}, was denied; for {@code
 *       doctor}, a check failed);
 *   <li>{@value #USAGE}: usage or input: a flag, a value, a file or the input is wrong;
 *   <li>{@value #ENVIRONMENT}: the engine or the environment: the sandbox cannot run here, a server
 *       or a model cannot be reached, the engine failed.
 * </ul>
 */
final class ExitCode implements IExitCodeExceptionMapper {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;
  static final int ENVIRONMENT = 3;

  /** The heading of every command's list of exit codes in {@code --help}. */
  static final String HEADING = "%nExit codes:%n";

  static final String HELP_OK = "0:it worked";
  static final String HELP_USAGE =
      "2:usage or input: a flag, a value, a file or the input is wrong";
  static final String HELP_ENVIRONMENT =
      "3:engine or environment: the sandbox cannot run here, a server or a model cannot be"
          + " reached";

  @Override
  public int getExitCode(Throwable failure) {
    return of(failure);
  }

  /** The code of a failure: usage and input problems are 2, everything else the environment's. */
  static int of(Throwable failure) {
    return switch (failure) {
      case ParameterException _, IllegalArgumentException _ -> USAGE;
      case NoSuchFileException _, AccessDeniedException _ -> USAGE;
      case UncheckedIOException u -> of(u.getCause());
      case BulwarkException refused -> of(refused);
      case SessionDeadException _ -> FAILED;
      case SessionFileException _ -> USAGE;
      default -> ENVIRONMENT;
    };
  }

  /**
   * The code of a run or a cell: OK is 0; the engine's own failure is the environment's; any other
   * status, the program's.
   */
  static int of(ExecutionResult result) {
    return switch (result.status()) {
      case OK -> OK;
      case SANDBOX_ERROR -> ENVIRONMENT;
      default -> FAILED;
    };
  }

  /**
   * A server's refusal: an ended session is the program's (its cell ran out of memory, it idled
   * past its ttl); the rest of the 4xx the request's, a wrong key or id included; an unreachable,
   * busy or failing server the environment's.
   */
  private static int of(BulwarkException refused) {
    int status = refused.status();
    if ("session_dead".equals(refused.code())) {
      return FAILED;
    }
    return status >= 400 && status < 500 && status != 429 ? USAGE : ENVIRONMENT;
  }

  /** The one line that explains a failure, without the prefix. */
  static String message(Throwable failure) {
    return switch (failure) {
      case NoSuchFileException f -> f.getFile() + ": no such file";
      case AccessDeniedException f -> f.getFile() + ": permission denied";
      case UncheckedIOException u -> message(u.getCause());
      case BulwarkException refused -> message(refused);
      case IOException io when io.getMessage() == null -> io.getClass().getSimpleName();
      default -> {
        String text = failure.getMessage();
        Throwable cause = failure.getCause();
        if (cause != null && (text == null || text.equals(cause.toString()))) {
          yield message(cause); // a wrapper says nothing of its own
        }
        yield text == null ? failure.getClass().getSimpleName() : text;
      }
    };
  }

  /** A server's refusal in words, with what it adds: why a session ended, when to retry. */
  private static String message(BulwarkException refused) {
    Map<String, Object> details = refused.details();
    StringBuilder line = new StringBuilder(String.valueOf(refused.getMessage()));
    if (refused.status() != 0) {
      line.append(" (").append(refused.code());
      if (details.get("cause") != null) {
        line.append(": ").append(details.get("cause"));
        if (details.get("reason") != null) {
          line.append(", ").append(details.get("reason"));
        }
      }
      line.append(')');
    }
    refused.retryAfterSeconds().ifPresent(s -> line.append("; retry in ").append(s).append(" s"));
    return line.toString();
  }

  /** Prints a failure of a command's work as one line and maps it. */
  static final class OnFailure implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(
        Exception failure, CommandLine command, ParseResult parsed) {
      PrintWriter err = command.getErr();
      err.println("bulwark: " + message(failure));
      err.flush();
      return of(failure);
    }
  }

  /**
   * Prints a flag or value picocli refused as one line, with suggestions for a mistyped flag, and
   * where to read more; never the whole usage.
   */
  static final class OnBadUsage implements IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException refused, String[] args) {
      CommandLine command = refused.getCommandLine();
      PrintWriter err = command.getErr();
      err.println("bulwark: " + refused.getMessage());
      if (refused instanceof UnmatchedArgumentException unmatched) {
        UnmatchedArgumentException.printSuggestions(unmatched, err);
      }
      err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more.");
      err.flush();
      return USAGE;
    }
  }
}
