package dev.bulwark.api;

import dev.bulwark.Engine;
import dev.bulwark.EngineConfig;
import dev.bulwark.store.Store;
import dev.bulwark.tenant.ApiKeys;
import dev.bulwark.tenant.Tenants;
import java.net.URI;
import java.nio.file.Path;

/**
 * A real server for the tests of its clients (the Java client, LangChain4j, the agent): an engine
 * with real sandboxes, a store in {@code data}, one tenant under the {@code standard} policy and
 * its key (an operator's, which may also read {@code /metrics}), on a free port of 127.0.0.1.
 */
public final class TestServer implements AutoCloseable {
  private final Engine engine;
  private final Store store;
  private final ApiServer server;
  private final String key;

  private TestServer(Engine engine, Store store, ApiServer server, String key) {
    this.engine = engine;
    this.store = store;
    this.server = server;
    this.key = key;
  }

  public static TestServer start(Path data) {
    return start(data, EngineConfig.defaults());
  }

  /** A server whose engine runs with {@code config}. */
  public static TestServer start(Path data, EngineConfig config) {
    Engine engine = Engine.start(config);
    Store store = Store.open(data);
    new Tenants(store.dataSource()).create("acme", "standard", "default", 4, 1000, false, 0);
    String key = new ApiKeys(store.dataSource()).issue("acme", "test", true).token();
    return new TestServer(
        engine, store, ApiServer.start(engine, store, ServerConfig.defaults("127.0.0.1", 0)), key);
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.port() + "/");
  }

  /** The tenant's key, an operator's. */
  public String key() {
    return key;
  }

  @Override
  public void close() {
    server.close();
    store.close();
    engine.close();
  }
}
