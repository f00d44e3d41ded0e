package dev.bulwark.cli;

import dev.bulwark.model.Json;
import dev.bulwark.store.Store;
import dev.bulwark.tenant.ApiKey;
import dev.bulwark.tenant.ApiKeys;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = "Manages API keys in the data directory (offline: the server need not run).",
    subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
final class KeysCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Issues a key for a tenant and prints it once: only its hash is kept.")
  static final class Create implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--tenant", required = true, paramLabel = "NAME", description = "The owner.")
    String tenant;

    @Option(names = "--label", paramLabel = "TEXT", description = "What the key is for.")
    String label;

    @Option(
        names = "--operator",
        description =
            "An operator's key: it may also read what spans tenants (GET /metrics names them all).")
    boolean operator;

    @Option(names = "--json", description = "Print {\"id\", \"key\", \"tenant\"}.")
    boolean json;

    @Mixin DataOptions data;

    @Override
    public Integer call() {
      try (Store store = data.open()) {
        ApiKeys.Issued issued = new ApiKeys(store.dataSource()).issue(tenant, label, operator);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
          Map<String, String> doc = new LinkedHashMap<>();
          doc.put("id", issued.key().id());
          doc.put("key", issued.token());
          doc.put("tenant", issued.key().tenant());
          out.println(Json.write(doc));
        } else {
          out.println(issued.token());
          spec.commandLine()
              .getErr()
              .println(
                  "bulwark: key "
                      + issued.key().id()
                      + " for tenant "
                      + tenant
                      + ": shown once, store it now");
        }
        out.flush();
        return ExitCode.OK;
      }
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Lists keys (never their secrets).")
  static final class ListKeys implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--tenant", paramLabel = "NAME", description = "Only this tenant's keys.")
    String tenant;

    @Option(names = "--json", description = "Print a JSON array.")
    boolean json;

    @Mixin DataOptions data;

    @Override
    public Integer call() {
      try (Store store = data.open()) {
        List<ApiKey> all = new ApiKeys(store.dataSource()).list(tenant);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
          out.println(Json.write(all));
        } else {
          out.printf(
              "%-16s %-20s %-20s %-8s %-8s %s%n",
              "ID", "TENANT", "CREATED", "STATE", "ROLE", "LABEL");
          for (ApiKey k : all) {
            out.printf(
                "%-16s %-20s %-20s %-8s %-8s %s%n",
                k.id(),
                k.tenant(),
                k.createdAt(),
                k.revoked() ? "revoked" : "active",
                k.operator() ? "operator" : "tenant",
                k.label());
          }
        }
        out.flush();
        return ExitCode.OK;
      }
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revokes a key.")
  static final class Revoke implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The key's id, as keys list shows it.")
    String id;

    @Mixin DataOptions data;

    @Override
    public Integer call() {
      try (Store store = data.open()) {
        new ApiKeys(store.dataSource()).revoke(id);
        spec.commandLine().getOut().println("revoked key " + id);
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
      }
    }
  }
}
