package dev.bulwark.api;

import dev.bulwark.Requests;
import dev.bulwark.agent.CodeRunner;
import dev.bulwark.agent.McpTools;
import dev.bulwark.model.LimitOverrides;
import dev.bulwark.tenant.ApiKeys;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import tools.jackson.databind.json.JsonMapper;

/**
 * MCP over streamable HTTP at {@code /mcp}: the tools of {@code bulwark mcp} ({@link McpTools}) for
 * remote MCP clients, under the API's keys. The transport is stateless (no MCP session to keep or
 * lose): every request carries its key, and its code runs as that key's tenant, admitted and
 * audited as any execution. The code sessions its tools open are the tenant's, as those of {@code
 * /v1/sessions}: they end at their ttl or when closed, and another tenant's id is unknown.
 */
final class McpEndpoint {
  static final String PATH = "/mcp";

  private static final String CALLER = "bulwark.mcp.caller";
  private static final String CLIENT = "bulwark.mcp.client";

  private final HttpServletStatelessServerTransport transport;
  private final McpStatelessSyncServer server;

  McpEndpoint(Executions executions, Sessions sessions, String version) {
    transport =
        HttpServletStatelessServerTransport.builder()
            .jsonMapper(new JacksonMcpJsonMapper(JsonMapper.builder().build()))
            .messageEndpoint(PATH)
            .maxRequestSize(ApiServer.MAX_BODY_BYTES)
            .contextExtractor(request ->
                McpTransportContext.create(
                    Map.of(
                        CALLER,
                        request.getAttribute(McpGuard.CALLER),
                        CLIENT,
                        request.getRemoteAddr())))
            .build();
    Function<McpTransportContext, CodeRunner> runners =
        context -> {
          ApiKeys.Caller caller = (ApiKeys.Caller) context.get(CALLER);
          Requests.Ceiling ceiling = caller.tenant().ceiling();
          return new TenantRunner(
              executions,
              sessions,
              caller,
              (String) context.get(CLIENT),
              Requests.policy(null, ceiling),
              Requests.limits(null, LimitOverrides.NONE, ceiling));
        };
    server =
        McpServer.sync(transport)
            .serverInfo("bulwark", version)
            .capabilities(ServerCapabilities.builder().tools(false).build())
            .tools(new McpTools(executions.languages()).perRequest(runners))
            .build();
  }

  /** Mounts the endpoint beside the API's routes, behind {@code guard}. */
  void mount(ServletContextHandler handler, McpGuard guard) {
    handler.addFilter(new FilterHolder(guard), PATH, EnumSet.of(DispatcherType.REQUEST));
    handler.addServlet(new ServletHolder(transport), PATH);
  }

  void close() {
    server.close();
  }
}
