package dev.bulwark.cli;

import dev.bulwark.model.Json;
import dev.bulwark.policy.Policies;
import dev.bulwark.store.Store;
import dev.bulwark.tenant.Tenant;
import dev.bulwark.tenant.Tenants;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "tenants",
    mixinStandardHelpOptions = true,
    description =
        "Manages tenants in the data directory (offline: the server need not run; a running server"
            + " applies changes from its next request).",
    subcommands = {
      TenantsCommand.Create.class,
      TenantsCommand.ListTenants.class,
      TenantsCommand.Update.class,
      TenantsCommand.Delete.class
    })
final class TenantsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Prints a tenant as JSON or as one line that says what happened to it. */
  private static int print(CommandSpec spec, boolean json, Tenant t, String done) {
    PrintWriter out = spec.commandLine().getOut();
    out.println(json ? Json.write(t) : done + " tenant " + t.name());
    out.flush();
    return ExitCode.OK;
  }

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Creates a tenant.")
  static final class Create implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "Lower-case letters, digits, _ and -.")
    String name;

    @Option(
        names = "--policy",
        paramLabel = "NAME|FILE",
        defaultValue = Policies.DEFAULT,
        description = "The tenant's validation policy (default: ${DEFAULT-VALUE}).")
    String policy;

    @Option(
        names = "--max-profile",
        paramLabel = "NAME",
        defaultValue = "default",
        description =
            "The loosest limits preset its requests may ask for (default: ${DEFAULT-VALUE}).")
    String maxProfile;

    @Option(
        names = "--isolation",
        paramLabel = "TIER",
        defaultValue = "bubblewrap",
        description =
            "The weakest isolation tier its programs run in, and their default: bubblewrap or"
                + " gvisor; a request may ask for a stronger one, never a weaker"
                + " (default: ${DEFAULT-VALUE}).")
    String isolation;

    @Option(
        names = "--concurrency",
        paramLabel = "N",
        defaultValue = "4",
        description = "Executions at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(
        names = "--rate",
        paramLabel = "N",
        defaultValue = "120",
        description = "Executions started per minute (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(
        names = "--retain-content",
        description =
            "Keep the code and output of its executions in the audit log (default: only the code's"
                + " SHA-256 and the outcome).")
    boolean retainContent;

    @Option(
        names = "--anomaly-throttle",
        paramLabel = "DURATION",
        description =
            "Refuse a key for this long after it raised an anomaly (repeated policy denials or"
                + " limit hits), e.g. 5m; default: only report anomalies.")
    Duration anomalyThrottle;

    @Option(names = "--json", description = "Print the tenant as one JSON object.")
    boolean json;

    @Mixin DataOptions data;

    @Override
    public Integer call() {
      int throttle = anomalyThrottle == null ? 0 : seconds(anomalyThrottle);
      try (Store store = data.open()) {
        Tenant t =
            new Tenants(store.dataSource())
                .create(
                    name,
                    policy,
                    maxProfile,
                    isolation,
                    concurrency,
                    rate,
                    retainContent,
                    throttle);
        return print(spec, json, t, "created");
      }
    }
  }

  @Command(
      name = "update",
      mixinStandardHelpOptions = true,
      description = "Changes a tenant's settings; what no flag names stays as it is.")
  static final class Update implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The tenant.")
    String name;

    @Option(names = "--policy", paramLabel = "NAME|FILE", description = "Its validation policy.")
    String policy;

    @Option(
        names = "--max-profile",
        paramLabel = "NAME",
        description = "The loosest limits preset its requests may ask for.")
    String maxProfile;

    @Option(
        names = "--isolation",
        paramLabel = "TIER",
        description = "The weakest isolation tier its programs run in: bubblewrap or gvisor.")
    String isolation;

    @Option(names = "--concurrency", paramLabel = "N", description = "Executions at once.")
    Integer concurrency;

    @Option(names = "--rate", paramLabel = "N", description = "Executions started per minute.")
    Integer rate;

    @Option(
        names = "--retain-content",
        negatable = true,
        description =
            "Keep (or, with --no-retain-content, stop keeping) the code and output of its"
                + " executions in the audit log.")
    Boolean retainContent;

    @Option(
        names = "--anomaly-throttle",
        paramLabel = "DURATION",
        description = "Refuse a key for this long after it raised an anomaly; 0s: only report.")
    Duration anomalyThrottle;

    @Option(names = "--json", description = "Print the tenant as one JSON object.")
    boolean json;

    @Mixin DataOptions data;

    @Override
    public Integer call() {
      Tenants.Changes changes =
          new Tenants.Changes(
              policy,
              maxProfile,
              isolation,
              concurrency,
              rate,
              retainContent,
              anomalyThrottle == null ? null : seconds(anomalyThrottle));
      if (changes.isEmpty()) {
        throw new IllegalArgumentException(
            "nothing to change: give --policy, --max-profile, --isolation, --concurrency, --rate,"
                + " --[no-]retain-content or --anomaly-throttle");
      }
      try (Store store = data.open()) {
        return print(spec, json, new Tenants(store.dataSource()).update(name, changes), "updated");
      }
    }
  }

  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description = {
        "Deletes a tenant; its name is free again, and the audit log keeps its records.",
        "A tenant with an active key is refused unless --revoke-keys revokes them."
      })
  static final class Delete implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The tenant.")
    String name;

    @Option(names = "--revoke-keys", description = "Revoke its active keys, then delete it.")
    boolean revokeKeys;

    @Mixin DataOptions data;

    @Override
    public Integer call() {
      try (Store store = data.open()) {
        int revoked = new Tenants(store.dataSource()).delete(name, revokeKeys);
        PrintWriter out = spec.commandLine().getOut();
        out.println(
            "deleted tenant "
                + name
                + (revoked == 0
                    ? ""
                    : " and revoked " + revoked + " key" + (revoked == 1 ? "" : "s")));
        out.flush();
        return ExitCode.OK;
      }
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the tenants.")
  static final class ListTenants implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array.")
    boolean json;

    @Mixin DataOptions data;

    @Override
    public Integer call() {
      try (Store store = data.open()) {
        List<Tenant> all = new Tenants(store.dataSource()).list();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
          out.println(Json.write(all));
        } else {
          out.printf(
              "%-20s %-10s %-8s %-10s %5s %6s%n",
              "NAME", "POLICY", "PROFILE", "ISOLATION", "CONC", "RATE/m");
          for (Tenant t : all) {
            out.printf(
                "%-20s %-10s %-8s %-10s %5d %6d%n",
                t.name(),
                t.policy(),
                t.maxProfile(),
                t.isolation(),
                t.concurrency(),
                t.ratePerMinute());
          }
        }
        out.flush();
        return ExitCode.OK;
      }
    }
  }

  /** A throttle in whole seconds, as the store keeps it. */
  private static int seconds(Duration throttle) {
    return (int) Math.min(Integer.MAX_VALUE, throttle.toSeconds());
  }
}
