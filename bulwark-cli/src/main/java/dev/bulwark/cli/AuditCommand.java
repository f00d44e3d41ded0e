package dev.bulwark.cli;

import dev.bulwark.audit.AuditLog;
import dev.bulwark.audit.AuditRecord;
import dev.bulwark.model.Json;
import dev.bulwark.model.Units;
import dev.bulwark.store.Store;
import dev.bulwark.tenant.Tenant;
import dev.bulwark.tenant.Tenants;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = {
      "Reads the audit log of the data directory (offline: the server may be running or not).",
      "One line per execution; --json prints one JSON object per line. --follow keeps printing"
          + " executions as they end."
    })
final class AuditCommand implements Callable<Integer> {
  private static final long POLL_MS = 1000;

  @Spec CommandSpec spec;

  @Option(names = "--tenant", paramLabel = "NAME", description = "Only this tenant's executions.")
  String tenant;

  @Option(
      names = "--since",
      paramLabel = "WHEN",
      converter = Since.class,
      description =
          "Accepted at or after: a duration back from now (10m, 2h, 1d) or an ISO-8601 time"
              + " (2026-12-01, 2026-12-01T09:30 in this machine's time zone, or"
              + " 2026-12-01T09:30:00Z).")
  Instant since;

  @Option(
      names = "--status",
      paramLabel = "STATUS",
      description = "Only this status, e.g. POLICY_DENIED.")
  String status;

  @Option(names = "--key", paramLabel = "ID", description = "Only this key's executions.")
  String key;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "100",
      description = "At most N records (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--follow", description = "Then print executions as they end, until stopped.")
  boolean follow;

  @Option(names = "--json", description = "One JSON object per line.")
  boolean json;

  @Mixin DataOptions data;

  @Override
  public Integer call() throws InterruptedException {
    String from = since == null ? null : AuditLog.stamp(since);
    if (limit < 1) {
      throw new IllegalArgumentException("--limit must be at least 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    try (Store store = data.open()) {
      String tenantId = null;
      if (tenant != null) {
        tenantId =
            new Tenants(store.dataSource())
                .find(tenant)
                .map(Tenant::id)
                .orElseThrow(
                    () -> new IllegalArgumentException("no tenant named '" + tenant + "'"));
      }
      AuditLog log = new AuditLog(store.dataSource());
      String cursor = AuditLog.stamp(Instant.now());
      print(out, log.list(new AuditLog.Query(tenantId, from, status, key, limit)));
      while (follow) {
        Thread.sleep(POLL_MS);
        List<AuditRecord> ended =
            log.list(new AuditLog.Query(tenantId, from, status, key, cursor, 1000));
        print(out, ended);
        if (!ended.isEmpty()) {
          cursor = ended.getLast().finishedAt();
        }
      }
    }
    return ExitCode.OK;
  }

  private void print(PrintWriter out, List<AuditRecord> records) {
    for (AuditRecord r : records) {
      if (json) {
        out.println(Json.write(r));
      } else {
        out.printf(
            "%s %-12s %-16s %-10s %-13s %6s ms %s%n",
            r.acceptedAt(),
            r.tenant(),
            r.keyId(),
            r.language(),
            r.status() == null ? "RUNNING" : r.status(),
            r.wallMs() == null ? "-" : r.wallMs(),
            r.reason() == null ? "" : r.reason());
      }
    }
    out.flush();
  }

  /**
   * A point in time: a duration back from now in the one grammar of durations, or an ISO-8601 time;
   * a date or a time without an offset is this machine's local time.
   */
  static final class Since implements ITypeConverter<Instant> {
    /** The ISO-8601 forms, with an offset first: a local time must not swallow one. */
    private static final List<Function<String, Instant>> ABSOLUTE =
        List.of(
            text -> OffsetDateTime.parse(text).toInstant(),
            text -> LocalDateTime.parse(text).atZone(ZoneId.systemDefault()).toInstant(),
            text -> LocalDate.parse(text).atStartOfDay(ZoneId.systemDefault()).toInstant());

    @Override
    public Instant convert(String text) {
      try {
        return Instant.now().minus(Units.parseDuration(text));
      } catch (IllegalArgumentException notADuration) {
        // an absolute time, then
      }
      for (Function<String, Instant> form : ABSOLUTE) {
        try {
          return form.apply(text);
        } catch (DateTimeParseException notThisForm) {
          // the next form, then
        }
      }
      throw new TypeConversionException(
          "'"
              + text
              + "' is not a time: write a duration back from now (10m, 2h, 1d) or an ISO-8601"
              + " time (2026-12-01, 2026-12-01T09:30, 2026-12-01T09:30:00Z)");
    }
  }
}
