package dev.bulwark.api;

import dev.bulwark.Job;
import dev.bulwark.Requests;
import dev.bulwark.tenant.ApiKeys;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code POST /v1/executions}: runs a program as the caller and answers its result with its {@code
 * id}; or, asked for events, streams its findings, output and displays as they come, then the
 * result. The program may be given {@code files} and may ask for {@code artifacts}: those too large
 * to travel in the result are read at {@code GET /v1/executions/{id}/artifacts/{name}} for a while.
 */
final class ExecutionRoutes {
  private static final Set<String> FIELDS =
      Set.of(
          "language",
          "code",
          "stdin",
          "policy",
          "profile",
          "limits",
          "isolation",
          "stream",
          "files",
          "artifacts");

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
    job = with(job, "files", j -> j.withFiles(body.files("files")));
    List<String> artifacts = body.strings("artifacts");
    if (artifacts != null) {
      job = with(job, "artifacts", j -> j.withArtifacts(artifacts));
    }
    if (body.wantsEvents()) {
      executions.stream(caller, ctx.ip(), job, () -> Reply.events(ctx));
    } else {
      Reply.json(ctx, 200, executions.run(caller, ctx.ip(), job));
    }
  }

  /** The job with a field's files or patterns, each path judged as the workspace's. */
  private static Job with(Job job, String field, Function<Job, Job> change) {
    try {
      return change.apply(job);
    } catch (IllegalArgumentException e) {
      throw ApiError.field(field, e.getMessage());
    }
  }

  /** {@code GET /v1/executions/{id}/artifacts/{name}}: a kept artifact, for its tenant only. */
  void artifact(Context ctx) {
    ApiKeys.Caller caller = Authenticator.caller(ctx);
    String id = ctx.pathParam("id");
    String name = ctx.pathParam("name");
    InputStream in =
        executions
            .artifact(caller, id, name)
            .orElseThrow(() ->
                new ApiError(
                    404,
                    "artifact_not_found",
                    "no artifact '" + name + "' of execution " + id + " is kept",
                    Map.of("id", id, "name", name)));
    ctx.status(200);
    ctx.res().setContentType(SessionRoutes.mediaType(name));
    try (in) {
      in.transferTo(ctx.res().getOutputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
