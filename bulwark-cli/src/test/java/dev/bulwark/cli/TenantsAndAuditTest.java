package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.Profiles;
import dev.bulwark.audit.AuditLog;
import dev.bulwark.cli.BulwarkProcess.Finished;
import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.Json;
import dev.bulwark.model.RuntimeInfo;
import dev.bulwark.model.Status;
import dev.bulwark.store.Store;
import dev.bulwark.tenant.Tenant;
import dev.bulwark.tenant.Tenants;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The operator's offline commands on tenants and the audit log, as real processes. */
class TenantsAndAuditTest {
  @TempDir Path data;

  private Finished bulwark(String... args) throws Exception {
    String[] withData = new String[args.length + 2];
    System.arraycopy(args, 0, withData, 0, args.length);
    withData[args.length] = "--data";
    withData[args.length + 1] = data.toString();
    return BulwarkProcess.run(withData);
  }

  private JsonNode tenant(String name) throws Exception {
    for (JsonNode t : Json.mapper().readTree(bulwark("tenants", "list", "--json").out())) {
      if (t.get("name").asString().equals(name)) {
        return t;
      }
    }
    return null;
  }

  @Test
  void updateChangesOnlyWhatItsFlagsName() throws Exception {
    assertThat(bulwark("tenants", "create", "acme", "--retain-content").exitCode()).isZero();
    Finished f =
        bulwark(
            "tenants",
            "update",
            "acme",
            "--concurrency",
            "2",
            "--rate",
            "60",
            "--policy",
            "strict",
            "--max-profile",
            "lambda",
            "--no-retain-content",
            "--anomaly-throttle",
            "5m");
    assertThat(f.exitCode()).as(f.describe()).isZero();
    assertThat(f.out()).isEqualTo("updated tenant acme\n");
    JsonNode t = tenant("acme");
    assertThat(t.get("concurrency").asInt()).isEqualTo(2);
    assertThat(t.get("ratePerMinute").asInt()).isEqualTo(60);
    assertThat(t.get("policy").asString()).isEqualTo("strict");
    assertThat(t.get("maxProfile").asString()).isEqualTo("lambda");
    assertThat(t.get("retainContent").asBoolean()).isFalse();
    assertThat(t.get("anomalyThrottleSeconds").asInt()).isEqualTo(300);

    assertThat(bulwark("tenants", "update", "acme", "--rate", "90").exitCode()).isZero();
    assertThat(tenant("acme").get("policy").asString()).as("kept").isEqualTo("strict");

    Finished nothing = bulwark("tenants", "update", "acme");
    assertThat(nothing.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(nothing.err()).contains("nothing to change");
    assertThat(bulwark("tenants", "update", "nobody", "--rate", "1").err())
        .contains("no tenant named 'nobody'");
    Finished bad = bulwark("tenants", "update", "acme", "--concurrency", "0");
    assertThat(bad.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(tenant("acme").get("concurrency").asInt()).as("unchanged").isEqualTo(2);
  }

  @Test
  void deleteRefusesWhileATenantHasActiveKeysAndKeepsItsAuditRecords() throws Exception {
    assertThat(bulwark("tenants", "create", "acme").exitCode()).isZero();
    assertThat(bulwark("keys", "create", "--tenant", "acme").exitCode()).isZero();
    record(Status.OK);

    Finished refused = bulwark("tenants", "delete", "acme");
    assertThat(refused.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(refused.err()).contains("has 1 active key", "--revoke-keys");
    assertThat(tenant("acme")).as("still there").isNotNull();

    Finished deleted = bulwark("tenants", "delete", "acme", "--revoke-keys");
    assertThat(deleted.exitCode()).as(deleted.describe()).isZero();
    assertThat(deleted.out()).isEqualTo("deleted tenant acme and revoked 1 key\n");
    assertThat(tenant("acme")).isNull();
    assertThat(bulwark("keys", "list").out()).contains("revoked").doesNotContain("active");
    JsonNode kept = Json.mapper().readTree(bulwark("audit", "--json").out());
    assertThat(kept.get("tenant").asString()).startsWith("acme~");

    assertThat(bulwark("tenants", "create", "acme").exitCode()).as("the name is free").isZero();
    assertThat(bulwark("tenants", "delete", "acme").exitCode())
        .as("no keys: no flag needed")
        .isZero();
    assertThat(bulwark("tenants", "delete", "acme").exitCode()).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void auditSinceTakesADurationBackFromNowOrAnIsoTime() throws Exception {
    assertThat(bulwark("tenants", "create", "acme").exitCode()).isZero();
    record(Status.OK);
    record(Status.POLICY_DENIED);
    for (String since :
        new String[] {
          "10m",
          "2h",
          "1d",
          LocalDate.now().minusDays(1).toString(),
          LocalDateTime.now().minusHours(1).truncatedTo(ChronoUnit.MINUTES).toString(),
          "2000-01-01T00:00:00Z"
        }) {
      Finished f = bulwark("audit", "--since", since);
      assertThat(f.out().lines()).as(since + ": " + f.describe()).hasSize(2);
    }
    assertThat(bulwark("audit", "--since", "2999-01-01").out()).isEmpty();
    Finished bad = bulwark("audit", "--since", "yesterday");
    assertThat(bad.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(bad.err()).contains("'yesterday' is not a time", "10m, 2h, 1d");
  }

  @Test
  void auditFiltersByStatusAndRefusesAnUnknownTenant() throws Exception {
    assertThat(bulwark("tenants", "create", "acme").exitCode()).isZero();
    record(Status.OK);
    record(Status.POLICY_DENIED);
    Finished all = bulwark("audit", "--json");
    assertThat(all.exitCode()).isZero();
    assertThat(all.out().lines()).hasSize(2);
    Finished denied = bulwark("audit", "--status", "POLICY_DENIED");
    assertThat(denied.out().lines()).singleElement().asString().contains("POLICY_DENIED");
    assertThat(bulwark("audit", "--tenant", "nobody").exitCode()).isEqualTo(ExitCode.USAGE);
  }

  /** One finished execution of tenant acme in the audit log, as the server writes it. */
  private void record(Status status) {
    try (Store store = Store.open(data)) {
      Tenant acme = new Tenants(store.dataSource()).find("acme").orElseThrow();
      AuditLog log = new AuditLog(store.dataSource());
      String id = UUID.randomUUID().toString();
      log.accepted(
          new AuditLog.Accepted(
              id,
              acme,
              "k1",
              "127.0.0.1",
              "python",
              "3.11.2",
              "print(1)",
              "standard",
              Profiles.DEFAULT,
              0));
      log.finished(
          id, ExecutionResult.notRun(status, "test", new RuntimeInfo("python", "3.11.2")), false);
    }
  }
}
