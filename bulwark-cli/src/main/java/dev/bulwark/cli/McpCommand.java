package dev.bulwark.cli;

import dev.bulwark.Engine;
import dev.bulwark.Profiles;
import dev.bulwark.agent.McpTools;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

@Command(
    name = "mcp",
    mixinStandardHelpOptions = true,
    description = {
      "Serves Bulwark to an MCP client (Claude Desktop, IDEs, agent runtimes) over stdio, until the"
          + " client closes it: the tools run_code, validate_code and list_runtimes.",
      "Programs run in sandboxes on this host, under --policy and --profile. stdout carries the"
          + " protocol only; messages go to stderr."
    })
final class McpCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin PolicyOptions policy;

  @Option(
      names = "--profile",
      defaultValue = "default",
      description = "The limits of every run: a preset (default: ${DEFAULT-VALUE}).")
  String profile;

  @ArgGroup(exclusive = false, heading = "%nEngine:%n")
  EngineOptions engineOptions = new EngineOptions();

  @Override
  public Integer call() throws InterruptedException {
    var resolved = policy.resolve(); // bad flags fail here, before the engine starts
    var limits = Profiles.named(profile);
    CountDownLatch ended = new CountDownLatch(1);
    InputStream in =
        new FilterInputStream(System.in) {
          @Override
          public int read() throws IOException {
            return ended(super.read());
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            return ended(super.read(b, off, len));
          }

          private int ended(int n) {
            if (n < 0) {
              ended.countDown(); // the client closed the session
            }
            return n;
          }
        };
    try (Engine engine = engineOptions.start(spec.commandLine().getErr())) {
      EngineRunner runner = new EngineRunner(engine, resolved, limits);
      var transport =
          new StdioServerTransportProvider(
              new JacksonMcpJsonMapper(JsonMapper.builder().build()), in, System.out);
      McpSyncServer server =
          McpServer.sync(transport)
              .serverInfo("bulwark", VersionProvider.version())
              .capabilities(ServerCapabilities.builder().tools(false).build())
              .tools(new McpTools(runner.languages()).forSession(runner))
              .build();
      ended.await();
      server.closeGracefully();
    }
    return 0;
  }
}
