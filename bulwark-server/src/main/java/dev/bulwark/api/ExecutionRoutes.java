package dev.bulwark.api;

import dev.bulwark.Job;
import dev.bulwark.Requests;
import dev.bulwark.tenant.ApiKeys;
import io.javalin.http.Context;
import java.util.Set;

/**
 * {@code POST /v1/executions}: runs a program as the caller and answers its result with its {@code
 * id}; or, asked for events, streams its findings and output as they come, then the result.
 */
final class ExecutionRoutes {
  private static final Set<String> FIELDS =
      Set.of("language", "code", "stdin", "policy", "profile", "limits", "stream");

  private final Executions executions;
  private final long maxSourceBytes;

  ExecutionRoutes(Executions executions, long maxSourceBytes) {
    this.executions = executions;
    this.maxSourceBytes = maxSourceBytes;
  }

  void run(Context ctx) {
    ApiKeys.Caller caller = Authenticator.caller(ctx);
    JsonBody body = JsonBody.read(ctx, FIELDS);
    Job job =
        Requests.resolve(
            body.execution(executions::requireLanguage),
            caller.tenant().ceiling().withMaxSourceBytes(maxSourceBytes));
    if (body.wantsEvents()) {
      executions.stream(caller, ctx.ip(), job, () -> Reply.events(ctx));
    } else {
      Reply.json(ctx, 200, executions.run(caller, ctx.ip(), job));
    }
  }
}
