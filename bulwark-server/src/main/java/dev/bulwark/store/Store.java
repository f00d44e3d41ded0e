package dev.bulwark.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The server's database: SQLite in the data directory (WAL, foreign keys on) behind a JDBC pool,
 * its schema brought up to date by Flyway's versioned migrations ({@code db/migration}) on open.
 * Only standard SQL goes through it, so a server database can take over later.
 */
public final class Store implements AutoCloseable {
  /** The database file in the data directory. */
  public static final String FILE = "bulwark.db";

  private final HikariDataSource pool;
  private final Path dir;

  private Store(HikariDataSource pool, Path dir) {
    this.pool = pool;
    this.dir = dir;
  }

  /** Opens (creating when needed) the database in {@code dataDir} and migrates it. */
  public static Store open(Path dataDir) {
    Path db = DataDir.prepare(dataDir).resolve(FILE);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:sqlite:" + db.toAbsolutePath());
    config.setPoolName("bulwark-store");
    config.setMaximumPoolSize(5); // one of them kept by the server's key check (ApiKeys)
    // Pragmas of every connection: readers never block the writer, foreign keys are enforced,
    // and a writer waits for another instead of failing at once.
    config.addDataSourceProperty("journal_mode", "WAL");
    config.addDataSourceProperty("synchronous", "NORMAL");
    config.addDataSourceProperty("foreign_keys", "true");
    config.addDataSourceProperty("busy_timeout", "5000");
    HikariDataSource pool = new HikariDataSource(config);
    try {
      Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
      return new Store(pool, dataDir);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  public DataSource dataSource() {
    return pool;
  }

  /** The data directory. */
  public Path dir() {
    return dir;
  }

  @Override
  public void close() {
    pool.close();
  }
}
