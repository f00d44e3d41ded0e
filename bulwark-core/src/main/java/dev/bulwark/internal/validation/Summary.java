package dev.bulwark.internal.validation;

import dev.bulwark.model.Json;
import dev.bulwark.model.ValidationReport;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.node.MissingNode;

/**
 * What a runner saw in a program, parsed inside the sandbox by the interpreter that will run it:
 * the frame it sends before any user code runs. Names are resolved where that needs no execution
 * ({@code sp.run} after {@code import subprocess as sp} is {@code subprocess.run}); {@code ?.m}
 * stands for a method {@code m} of an object the runner cannot name. Argument values are JSON
 * constants, {@code {"prefix": "..."}} for strings with a constant beginning, or null. {@code work}
 * counts the analysis's steps (nodes visited, values folded), for tests of its growth.
 *
 * <p>Everything here comes out of a sandbox: the rules treat it as data, never as instructions.
 */
public record Summary(
    int v,
    boolean parsed,
    Location error,
    String encoding,
    String incomplete,
    List<Import> imports,
    List<Call> calls,
    List<Name> refs,
    List<Name> attrs,
    List<Text> strings,
    List<Decorator> decorators,
    List<ClassDef> classes,
    List<Binding> bindings,
    List<Write> writes,
    List<Name> confusables,
    List<Waiver> waivers,
    List<Resource> resources,
    long work) {

  private static final ObjectReader READER =
      Json.mapper()
          .readerFor(Summary.class)
          .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .without(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  /** Drops entries without the field the rules key on: the frame is data from a sandbox. */
  public Summary {
    imports = keep(imports, i -> i.module() != null);
    calls = keep(calls, c -> c.name() != null);
    refs = keep(refs, n -> n.name() != null);
    attrs = keep(attrs, n -> n.name() != null);
    strings = keep(strings, t -> t.value() != null);
    decorators = keep(decorators, d -> true);
    classes = keep(classes, c -> true);
    bindings = keep(bindings, b -> b.target() != null && b.context() != null);
    writes = keep(writes, w -> w.target() != null);
    confusables = keep(confusables, n -> n.name() != null && n.raw() != null);
    waivers = keep(waivers, w -> true);
    resources = keep(resources, r -> r.kind() != null);
  }

  /** A summary for a program that has nothing to analyse (no runner, or host-side rules only). */
  public static Summary empty() {
    return new Summary(
        1, true, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, 0);
  }

  /**
   * Reads a runner's frame.
   *
   * @throws IllegalArgumentException when it is not a summary
   */
  public static Summary parse(byte[] json) {
    try {
      Summary s = READER.readValue(json);
      if (s == null || s.v() != 1) {
        throw new IllegalArgumentException("unsupported summary version");
      }
      return s;
    } catch (JacksonException e) {
      throw new IllegalArgumentException("malformed summary: " + e.getOriginalMessage(), e);
    }
  }

  private static List<String> strings(List<String> list) {
    return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
  }

  private static <T> List<T> keep(List<T> list, Predicate<T> wanted) {
    return list == null
        ? List.of()
        : list.stream().filter(Objects::nonNull).filter(wanted).toList();
  }

  /** A position in the source, 1-based; 0 when unknown. */
  public interface Positioned {
    int line();

    int col();
  }

  public record Location(String message, int line, int col) implements Positioned {}

  /** Where the runtime's parser gave up, as the API reports it; null when the program parsed. */
  public ValidationReport.SyntaxError syntaxError() {
    return parsed || error == null
        ? null
        : new ValidationReport.SyntaxError(error.message(), error.line(), error.col());
  }

  /**
   * {@code import module} ({@code name} null) or {@code from module import name}; {@code hidden}
   * says how a module name computed at run time was built, when it was (JavaScript's {@code
   * require("child_" + "process")}).
   */
  public record Import(String module, String name, List<String> hidden, int line, int col)
      implements Positioned {
    public Import {
      hidden = strings(hidden);
    }
  }

  /**
   * A call with the callee's resolved name; {@code dynamic} when a getattr-family call names its
   * attribute with a non-constant; {@code argCalls} the callees of calls passed as arguments.
   *
   * <p>How values were made ({@link Taint}): {@code hidden} for the names the callee was reached
   * through, {@code argTaint} for each of the first arguments (null when plain). {@code via} names
   * the call whose code string this call was read from ({@code exec("...")}); {@code endless} marks
   * a call inside a loop or recursion without end; {@code runs} what a callable handed to a hook
   * calls; {@code payload} the callables a constant pickle names.
   */
  public record Call(
      String name,
      boolean dynamic,
      List<JsonNode> args,
      Map<String, JsonNode> kwargs,
      List<String> argCalls,
      List<String> hidden,
      List<List<String>> argTaint,
      String via,
      boolean endless,
      List<String> runs,
      List<String> payload,
      int line,
      int col)
      implements Positioned {
    public Call {
      args = args == null ? List.of() : Collections.unmodifiableList(args);
      kwargs = kwargs == null ? Map.of() : Collections.unmodifiableMap(kwargs);
      argCalls = strings(argCalls);
      hidden = strings(hidden);
      argTaint = argTaint == null ? List.of() : argTaint.stream().map(Summary::strings).toList();
      runs = strings(runs);
      payload = strings(payload);
    }

    /** How the i-th argument was made; empty for a plain literal or an unremarkable value. */
    public List<String> taint(int i) {
      return i < argTaint.size() ? argTaint.get(i) : List.of();
    }

    /** The i-th positional argument, a missing node when there is none. */
    public JsonNode arg(int i) {
      return i < args.size() && args.get(i) != null ? args.get(i) : MissingNode.getInstance();
    }

    /** True when the i-th argument is a constant string. */
    public boolean constantString(int i) {
      return arg(i).isString();
    }
  }

  /**
   * A name or attribute; {@code after} is the attribute before it in a chain (JavaScript). For a
   * reference: {@code argOf} the call it is passed to, {@code hidden} how its name was built,
   * {@code via} the call whose code string it was read from.
   */
  public record Name(
      String name,
      String after,
      String raw,
      String argOf,
      List<String> hidden,
      String via,
      int line,
      int col)
      implements Positioned {
    public Name {
      hidden = strings(hidden);
    }
  }

  /** A string constant, NFKC-normalised, cut at 300 characters. */
  public record Text(String value, int line, int col) implements Positioned {}

  /** A decorator: its resolved name (null when unknown), whether it is called or a lambda. */
  public record Decorator(String name, boolean call, boolean isLambda, int line, int col)
      implements Positioned {}

  public record ClassDef(String name, Metaclass metaclass, int line, int col)
      implements Positioned {}

  /** A {@code metaclass=} keyword: its resolved name, or a lambda. */
  public record Metaclass(String name, boolean isLambda) {}

  /**
   * A name bound where Python finds it without a call: a class-body assignment, a dict key of a
   * {@code type()} namespace, {@code setattr}, or a {@code def} of a dunder.
   */
  public record Binding(
      String target, String value, String context, boolean isLambda, int line, int col)
      implements Positioned {}

  /**
   * An assignment into a resolved object: {@code sys.modules[]}, {@code builtins.open}, {@code
   * os.environ[HTTP_PROXY]}; {@code runs} what a hook assigned this way calls.
   */
  public record Write(String target, List<String> runs, int line, int col) implements Positioned {
    public Write {
      runs = strings(runs);
    }
  }

  /**
   * What bears on resources: {@code endless} a loop or recursion without an exit ({@code grows}
   * when it keeps more each time round), {@code huge} one allocation of {@code size} bytes or
   * items.
   */
  public record Resource(String kind, boolean grows, long size, int line, int col)
      implements Positioned {}

  /** An inline comment asking to waive rules on its line. */
  public record Waiver(int line, List<String> rules) {
    public Waiver {
      rules = rules == null ? List.of() : rules.stream().filter(Objects::nonNull).toList();
    }
  }
}
