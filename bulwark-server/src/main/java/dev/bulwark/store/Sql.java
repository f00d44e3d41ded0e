package dev.bulwark.store;

import dev.bulwark.model.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import tools.jackson.databind.JsonNode;

/** The few JDBC moves the logs share: bind, update, select, and the nullable reads. */
public final class Sql {
  /** Reads one row. */
  @FunctionalInterface
  public interface Row<T> {
    T read(ResultSet r) throws SQLException;
  }

  private Sql() {}

  /**
   * Runs an INSERT or UPDATE; returns the rows it changed.
   *
   * @param what what is being written, for the message of a failure
   */
  public static int update(DataSource db, String what, String sql, Object... args) {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, args);
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot write " + what + ": " + e.getMessage(), e);
    }
  }

  /** Runs a SELECT; each row through {@code row}. */
  public static <T> List<T> select(
      DataSource db, String what, String sql, List<Object> args, Row<T> row) {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, args.toArray());
      List<T> out = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(row.read(r));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read " + what + ": " + e.getMessage(), e);
    }
  }

  /** A nullable integer column; the SQLite driver refuses typed reads of NULL. */
  public static Long number(ResultSet r, String column) throws SQLException {
    return r.getObject(column) instanceof Number n ? n.longValue() : null;
  }

  /** A nullable JSON column. */
  public static JsonNode json(ResultSet r, String column) throws SQLException {
    String text = r.getString(column);
    return text == null ? null : Json.mapper().readTree(text);
  }

  private static void bind(PreparedStatement s, Object[] args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      if (args[i] == null) {
        s.setNull(i + 1, Types.NULL);
      } else {
        s.setObject(i + 1, args[i]);
      }
    }
  }
}
