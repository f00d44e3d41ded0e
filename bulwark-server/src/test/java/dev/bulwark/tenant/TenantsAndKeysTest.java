package dev.bulwark.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.Isolation;
import dev.bulwark.store.Store;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tenants and keys in a real SQLite store on disk. */
class TenantsAndKeysTest {
  @TempDir Path tmp;
  private Path data;
  private Store store;
  private Tenants tenants;
  private ApiKeys keys;

  @BeforeEach
  void open() {
    data = tmp.resolve("data");
    store = Store.open(data);
    tenants = new Tenants(store.dataSource());
    keys = new ApiKeys(store.dataSource());
  }

  @AfterEach
  void close() {
    keys.close();
    store.close();
  }

  @Test
  void theDataDirectoryIsPrivateAndTheDatabaseIsInWalMode() throws Exception {
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
        .isEqualTo("rwx------");
    assertThat(data.resolve(Store.FILE)).exists();
    try (Connection c = store.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("PRAGMA journal_mode")) {
      r.next();
      assertThat(r.getString(1)).isEqualToIgnoringCase("wal");
    }
  }

  @Test
  void reopeningKeepsEverythingAndMigratesNothingTwice() {
    tenants.create("acme", "standard", "default", 4, 60, false, 0);
    store.close();
    store = Store.open(data);
    assertThat(new Tenants(store.dataSource()).list())
        .extracting(Tenant::name)
        .containsExactly("acme");
  }

  @Test
  void tenantsAreValidatedAndUnique() {
    Tenant t = tenants.create("acme", "strict", "lambda", 2, 30, false, 0);
    assertThat(tenants.find("acme")).contains(t);
    assertThatThrownBy(() -> tenants.create("acme", "standard", "default", 1, 1, false, 0))
        .hasMessageContaining("exists already");
    assertThatThrownBy(() -> tenants.create("Bad Name", "standard", "default", 1, 1, false, 0))
        .hasMessageContaining("tenant name");
    assertThatThrownBy(() -> tenants.create("b", "nope", "default", 1, 1, false, 0))
        .hasMessageContaining("unknown policy");
    assertThatThrownBy(() -> tenants.create("b", "standard", "huge", 1, 1, false, 0))
        .hasMessageContaining("unknown profile");
    assertThatThrownBy(() -> tenants.create("b", "standard", "default", 0, 1, false, 0))
        .hasMessageContaining("at least 1");
    assertThatThrownBy(() -> tenants.create("b", "standard", "default", "kata", 1, 1, false, 0))
        .hasMessageContaining("isolation is one of bubblewrap, gvisor");
  }

  @Test
  void aTenantsIsolationIsKeptAndChangedAndBubblewrapByDefault() {
    assertThat(tenants.create("plain", "standard", "default", 1, 1, false, 0).tier())
        .isEqualTo(Isolation.BUBBLEWRAP);
    tenants.create("vault", "standard", "default", "GVisor", 1, 1, false, 0);
    assertThat(tenants.find("vault").orElseThrow().isolation()).isEqualTo("gvisor");
    tenants.update("plain", new Tenants.Changes(null, null, "gvisor", null, null, null, null));
    assertThat(tenants.find("plain").orElseThrow().ceiling().isolation())
        .isEqualTo(Isolation.GVISOR);
  }

  @Test
  void aKeyAuthenticatesItsTenantUntilRevoked() {
    tenants.create("acme", "standard", "default", 4, 60, false, 0);
    ApiKeys.Issued issued = keys.issue("acme", "ci");
    assertThat(issued.token()).matches("bwk_[a-z2-7]{16}\\.[A-Za-z0-9_-]{43}");

    ApiKeys.Caller caller = keys.authenticate(issued.token()).orElseThrow();
    assertThat(caller.tenant().name()).isEqualTo("acme");
    assertThat(caller.keyId()).isEqualTo(issued.key().id());

    keys.revoke(issued.key().id());
    keys.revoke(issued.key().id()); // twice changes nothing
    assertThat(keys.authenticate(issued.token())).isEmpty();
    assertThat(keys.list("acme")).singleElement().satisfies(k -> assertThat(k.revoked()).isTrue());
    assertThatThrownBy(() -> keys.revoke("nosuchkey")).hasMessageContaining("no key");
  }

  @Test
  void aRememberedKeyHearsOfChangesMadeByAnotherProcess() throws Exception {
    tenants.create("acme", "standard", "default", 4, 60, false, 0);
    String revokedByTheCli = keys.issue("acme", "").token();
    String revokedByHand = keys.issue("acme", "").token();
    assertThat(keys.authenticate(revokedByTheCli)).isPresent();
    assertThat(keys.authenticate(revokedByHand).orElseThrow().tenant().concurrency()).isEqualTo(4);

    // Another store on the same directory: its own pool and connections, as the CLI's would be.
    try (Store other = Store.open(data);
        Connection c = other.dataSource().getConnection();
        Statement s = c.createStatement()) {
      new ApiKeys(other.dataSource()).revoke(revokedByTheCli.substring(4, 20));
      assertThat(keys.authenticate(revokedByTheCli)).isEmpty();

      s.executeUpdate("UPDATE tenant SET concurrency = 1 WHERE name = 'acme'");
      assertThat(keys.authenticate(revokedByHand).orElseThrow().tenant().concurrency())
          .isEqualTo(1);
      s.executeUpdate(
          "UPDATE api_key SET revoked_at = '2026-12-02T00:00:00Z' WHERE id = '"
              + revokedByHand.substring(4, 20)
              + "'");
      assertThat(keys.authenticate(revokedByHand)).isEmpty();
    }
  }

  @Test
  void wrongMalformedAndForeignKeysAreRefused() {
    tenants.create("acme", "standard", "default", 4, 60, false, 0);
    String token = keys.issue("acme", "").token();
    String id = token.substring(4, 20);
    String otherSecret = keys.issue("acme", "").token().substring(21);
    assertThat(keys.authenticate(token)).isPresent(); // remembered now: a wrong secret still fails
    for (String bad :
        new String[] {
          null,
          "",
          "bwk_",
          token + "x",
          token.toUpperCase(Locale.ROOT),
          "bwk_" + id + "." + otherSecret,
          "Bearer " + token,
          token.replace('.', '_')
        }) {
      assertThat(keys.authenticate(bad)).as(String.valueOf(bad)).isEmpty();
    }
    assertThatThrownBy(() -> keys.issue("nobody", "")).hasMessageContaining("no tenant");
  }

  @Test
  void theStoreNeverHoldsASecret() throws Exception {
    tenants.create("acme", "standard", "default", 4, 60, false, 0);
    String token = keys.issue("acme", "ci").token();
    String secret = token.substring(token.indexOf('.') + 1);
    store.close();
    byte[] raw = Files.readAllBytes(data.resolve(Store.FILE));
    byte[] wal =
        Files.exists(data.resolve(Store.FILE + "-wal"))
            ? Files.readAllBytes(data.resolve(Store.FILE + "-wal"))
            : new byte[0];
    String all =
        new String(raw, StandardCharsets.ISO_8859_1) + new String(wal, StandardCharsets.ISO_8859_1);
    assertThat(all).doesNotContain(secret).contains(token.substring(4, 20));
    store = Store.open(data);
  }
}
