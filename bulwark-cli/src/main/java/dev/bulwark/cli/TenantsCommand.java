package dev.bulwark.cli;

import dev.bulwark.model.Json;
import dev.bulwark.policy.Policies;
import dev.bulwark.store.Store;
import dev.bulwark.tenant.Tenant;
import dev.bulwark.tenant.Tenants;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "tenants",
    mixinStandardHelpOptions = true,
    description = "Manages tenants in the data directory (offline: the server need not run).",
    subcommands = {TenantsCommand.Create.class, TenantsCommand.ListTenants.class})
final class TenantsCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Creates a tenant.")
  static final class Create implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

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
    String anomalyThrottle;

    @Option(names = "--json", description = "Print the tenant as one JSON object.")
    boolean json;

    @Mixin DataOptions data;

    @Override
    public Integer call() {
      int throttle = 0;
      if (anomalyThrottle != null) {
        try {
          throttle = (int) dev.bulwark.model.Units.parseDuration(anomalyThrottle).toSeconds();
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("--anomaly-throttle: " + e.getMessage(), e);
        }
      }
      try (Store store = data.open()) {
        Tenant t =
            new Tenants(store.dataSource())
                .create(name, policy, maxProfile, concurrency, rate, retainContent, throttle);
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? Json.write(t) : "created tenant " + t.name());
        out.flush();
        return 0;
      }
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the tenants.")
  static final class ListTenants implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

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
          out.printf("%-20s %-10s %-8s %5s %6s%n", "NAME", "POLICY", "PROFILE", "CONC", "RATE/m");
          for (Tenant t : all) {
            out.printf(
                "%-20s %-10s %-8s %5d %6d%n",
                t.name(), t.policy(), t.maxProfile(), t.concurrency(), t.ratePerMinute());
          }
        }
        out.flush();
        return 0;
      }
    }
  }
}
