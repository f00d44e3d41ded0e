package dev.bulwark.internal.validation;

import dev.bulwark.model.Outcome;
import dev.bulwark.policy.Policy;
import dev.bulwark.policy.Validation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Labelled programs judged by policies: the quality figures of docs/validation.md. A labelled set
 * is a directory {@code <label>/<group>/...} of {@code .py}, {@code .js} and {@code .sh} files; the
 * label {@code benign} marks harmless programs, any other label (corpus's {@code malicious}, the
 * evaluation's {@code hostile}) hostile ones. Rates carry Wilson 95% intervals.
 */
public final class Evaluation {
  /** The label of harmless programs. */
  public static final String BENIGN = "benign";

  /**
   * The group of benign programs that reach no network and import only what the sandbox has: the
   * everyday analysis, plotting, text and algorithm code that {@code strict} must not get in the
   * way of.
   */
  public static final String OFFLINE = "offline, runnable here";

  private static final double Z = 1.959964;

  private Evaluation() {}

  /** How programs are parsed: a runner in a sandbox ({@code Engine::summarise}). */
  @FunctionalInterface
  public interface Summariser {
    Summary summarise(String language, String code);
  }

  /** The modules a language's programs can import in a sandbox ({@code Engine::packages}). */
  @FunctionalInterface
  public interface Importable {
    List<String> modules(String language);
  }

  /**
   * One program: its label, its category or source, its language, its text and its summary; {@code
   * runnable} when every module it imports exists in the sandbox (a program that imports what is
   * not there, such as a sibling script or an absent package, fails whatever the policy says).
   */
  public record Program(
      String name,
      String label,
      String group,
      String language,
      String code,
      Summary summary,
      boolean runnable) {
    public boolean benign() {
      return label.equals(BENIGN);
    }

    /**
     * The hosts its URLs name: those an operator who runs this program allows, for a benign program
     * is judged under its policy with them allowed.
     */
    public List<String> hostsItNames() {
      List<String> hosts = new ArrayList<>();
      for (Matcher m = URL_HOST.matcher(code); m.find(); ) {
        String host = m.group(1).toLowerCase(Locale.ROOT);
        if (!hosts.contains(host)) {
          hosts.add(host);
        }
      }
      return hosts;
    }

    /** Whether it reaches the network: it names a URL or imports a network module. */
    public boolean online() {
      return URL_HOST.matcher(code).find()
          || summary.imports().stream()
              .anyMatch(i -> NETWORK_MODULES.contains(i.module().split("\\.", 2)[0]));
    }
  }

  /** The host of an http(s) or ftp URL written in a program. */
  private static final Pattern URL_HOST =
      Pattern.compile("(?:https?|ftp)://([A-Za-z0-9](?:[A-Za-z0-9.-]{0,253}[A-Za-z0-9])?)");

  /** Modules (of either language) whose use means the program talks to the network. */
  private static final Set<String> NETWORK_MODULES =
      Set.of(
          "urllib",
          "urllib3",
          "requests",
          "http",
          "httpx",
          "aiohttp",
          "socket",
          "ftplib",
          "smtplib",
          "poplib",
          "imaplib",
          "xmlrpc",
          "websocket",
          "websockets",
          "pandas_datareader",
          "https",
          "net",
          "dgram",
          "node-fetch",
          "axios");

  /**
   * A share with its Wilson score interval at 95%.
   *
   * @param count how many programs
   * @param of out of how many
   */
  public record Rate(int count, int of) {
    public Rate {
      if (count < 0 || of < count) {
        throw new IllegalArgumentException("a rate needs 0 <= count <= of");
      }
    }

    public double value() {
      return of == 0 ? 0 : (double) count / of;
    }

    /** The interval's bounds, {low, high}. */
    public double[] wilson() {
      if (of == 0) {
        return new double[] {0, 1};
      }
      double p = value();
      double z2 = Z * Z;
      double centre = (p + z2 / (2.0 * of)) / (1 + z2 / of);
      double half = Z * Math.sqrt(p * (1 - p) / of + z2 / (4.0 * of * of)) / (1 + z2 / of);
      return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    @Override
    public String toString() {
      double[] ci = wilson();
      return String.format(
          Locale.ROOT,
          "%d/%d (%.1f%%; %.1f-%.1f)",
          count,
          of,
          100 * value(),
          100 * ci[0],
          100 * ci[1]);
    }
  }

  /**
   * Parses every program under {@code root} with {@code summariser}, two at a time (each parse is a
   * sandbox), in a stable order.
   */
  public static List<Program> load(Path root, Summariser summariser, Importable importable) {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(p -> p.toString().matches(".*\\.(py|js|sh)$"))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
    Map<Path, Program> programs = new ConcurrentHashMap<>();
    try (var pool = Executors.newFixedThreadPool(2)) {
      List<Future<?>> parsing = new ArrayList<>();
      for (Path f : files) {
        parsing.add(pool.submit(() -> programs.put(f, parse(root, f, summariser, importable))));
      }
      for (Future<?> p : parsing) {
        p.get();
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("a program under " + root + " could not be parsed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while parsing " + root, e);
    }
    return files.stream().map(programs::get).toList();
  }

  private static Program parse(Path root, Path file, Summariser summariser, Importable importable) {
    Path rel = root.relativize(file);
    if (rel.getNameCount() < 3) {
      throw new IllegalArgumentException(rel + " is not under <label>/<group>/");
    }
    String ext = file.toString().substring(file.toString().lastIndexOf('.') + 1);
    String language =
        switch (ext) {
          case "py" -> "python";
          case "js" -> "javascript";
          default -> "bash";
        };
    String code;
    try {
      code = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    Summary summary = summariser.summarise(language, code);
    Set<String> modules = Set.copyOf(importable.modules(language));
    boolean runnable =
        summary.imports().stream()
            .map(i -> i.module().split("\\.", 2)[0])
            .filter(m -> !m.isEmpty() && !m.startsWith(".") && !m.startsWith("/"))
            .allMatch(m -> modules.contains(m) || modules.contains(m.replace("node:", "")));
    return new Program(
        rel.toString(),
        rel.getName(0).toString(),
        rel.getName(1).toString(),
        language,
        code,
        summary,
        runnable || modules.isEmpty());
  }

  /** The policy's outcome for one program. */
  public static Outcome judge(Program p, Policy policy) {
    return Validator.validate(p.language(), p.code(), p.summary(), policy).outcome();
  }

  /** Denied hostile programs of each group (and of all, under the key {@code all}). */
  public static Map<String, Rate> denyRecall(List<Program> programs, Policy policy) {
    return rates(programs, false, policy, o -> o == Outcome.DENY);
  }

  /** Flagged or denied hostile programs of each group, and of all. */
  public static Map<String, Rate> flagOrDenyRecall(List<Program> programs, Policy policy) {
    return rates(programs, false, policy, o -> o != Outcome.ALLOW);
  }

  /** Denied benign programs of each group, and of all. */
  public static Map<String, Rate> benignDenied(List<Program> programs, Policy policy) {
    return rates(programs, true, policy, o -> o == Outcome.DENY);
  }

  /** Flagged benign programs of each group, and of all. */
  public static Map<String, Rate> benignFlagged(List<Program> programs, Policy policy) {
    return rates(programs, true, policy, o -> o == Outcome.FLAG);
  }

  /**
   * Rates per group and of {@code all}; for benign programs also of the {@link #OFFLINE} ones, and
   * each benign program is judged with the hosts it names allowed, as the operator who runs it
   * configures its policy.
   */
  private static Map<String, Rate> rates(
      List<Program> programs, boolean benign, Policy policy, Predicate<Outcome> counted) {
    Map<String, int[]> tally = new TreeMap<>();
    for (Program p : programs) {
      if (p.benign() == benign) {
        Policy judged = benign ? policy.withAllowedHosts(p.hostsItNames()) : policy;
        boolean hit = counted.test(judge(p, judged));
        List<String> keys =
            benign && !p.online() && p.runnable()
                ? List.of(p.group(), "all", OFFLINE)
                : List.of(p.group(), "all");
        for (String key : keys) {
          int[] n = tally.computeIfAbsent(key, k -> new int[2]);
          n[0] += hit ? 1 : 0;
          n[1]++;
        }
      }
    }
    Map<String, Rate> out = new TreeMap<>();
    tally.forEach((k, n) -> out.put(k, new Rate(n[0], n[1])));
    return out;
  }

  /**
   * The figures as Markdown: per policy, deny-recall and flag-or-deny recall per hostile group,
   * benign denied and flagged per benign group, each with its 95% interval; then the programs each
   * policy misjudged (hostile not denied, benign denied).
   */
  public static String report(List<Program> programs, List<Policy> policies) {
    StringBuilder md = new StringBuilder();
    for (Policy policy : policies) {
      md.append("\n#### ").append(policy.name()).append("\n\n");
      table(
          md,
          "| hostile | deny-recall (95% CI) | flag-or-deny recall (95% CI) |",
          denyRecall(programs, policy),
          flagOrDenyRecall(programs, policy));
      table(
          md,
          "\n| benign | denied (95% CI) | flagged (95% CI) |",
          benignDenied(programs, policy),
          benignFlagged(programs, policy));
      List<String> wrong = new ArrayList<>();
      for (Program p : programs) {
        Policy judged = p.benign() ? policy.withAllowedHosts(p.hostsItNames()) : policy;
        Validation v = Validator.validate(p.language(), p.code(), p.summary(), judged);
        Outcome o = v.outcome();
        if (p.benign() ? o == Outcome.DENY : o != Outcome.DENY) {
          String rules =
              v.findings().stream()
                  .filter(f -> f.outcome() == Outcome.DENY)
                  .map(f -> f.ruleId() + " (line " + f.line() + ")")
                  .distinct()
                  .collect(Collectors.joining(", "));
          wrong.add(
              "- "
                  + p.name()
                  + ": "
                  + o
                  + (p.online() ? ", online" : "")
                  + (rules.isEmpty() ? "" : ": " + rules));
        }
      }
      if (!wrong.isEmpty()) {
        md.append("\nNot denied (hostile) or denied (benign) under ")
            .append(policy.name())
            .append(":\n\n")
            .append(String.join("\n", wrong))
            .append('\n');
      }
    }
    return md.toString();
  }

  private static void table(
      StringBuilder md, String heading, Map<String, Rate> first, Map<String, Rate> second) {
    if (first.isEmpty()) {
      return;
    }
    md.append(heading).append("\n| --- | ---: | ---: |\n");
    first.forEach(
        (group, rate) -> md.append(row(group, rate.toString(), second.get(group).toString())));
  }

  private static String row(String group, String a, String b) {
    return "| " + (group.equals("all") ? "**all**" : group) + " | " + a + " | " + b + " |\n";
  }
}
