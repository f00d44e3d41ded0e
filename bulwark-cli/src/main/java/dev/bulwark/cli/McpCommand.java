package dev.bulwark.cli;

import dev.bulwark.Engine;
import dev.bulwark.Profiles;
import dev.bulwark.agent.McpTools;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

@Command(
    name = "mcp",
    mixinStandardHelpOptions = true,
    description = {
      "Serves Bulwark to an MCP client (Claude Desktop, IDEs, agent runtimes) over stdio, until the"
          + " client closes it: the tools run_code, validate_code and list_runtimes, and sessions"
          + " (create_session, run_in_session, upload_file, list_files, read_file,"
          + " close_session), which end when the client closes.",
      "Programs run in sandboxes on this host, under --policy and --profile. stdout carries the"
          + " protocol only; messages go to stderr."
    })
final class McpCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin PolicyOptions policy;

  @Option(
      names = "--profile",
      defaultValue = "default",
      description = "The limits of every run: a preset (default: ${DEFAULT-VALUE}).")
  String profile;

  @ArgGroup(exclusive = false, heading = "%nEngine:%n")
  EngineOptions engineOptions = new EngineOptions();

  @Override
  public Integer call() {
    var resolved = policy.resolve(); // bad flags fail here, before the engine starts
    var limits = Profiles.named(profile);
    McpStdio stdio = new McpStdio(Main.stdio(spec).in(), Main.stdio(spec).out());
    try (Engine engine = engineOptions.start(spec.commandLine().getErr());
        EngineRunner runner = new EngineRunner(engine, resolved, limits)) {
      var transport =
          new StdioServerTransportProvider(
              new JacksonMcpJsonMapper(JsonMapper.builder().build()),
              stdio.serverInput(),
              stdio.serverOutput());
      McpSyncServer server =
          McpServer.sync(transport)
              .serverInfo("bulwark", VersionProvider.version())
              .capabilities(ServerCapabilities.builder().tools(false).build())
              .tools(new McpTools(runner.languages()).forSession(runner))
              .build();
      stdio.pump(); // until the client closes the session; then its sessions end
      server.closeGracefully();
    }
    return ExitCode.OK;
  }
}
