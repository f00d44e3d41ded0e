package dev.bulwark.api;

import dev.bulwark.Requests;
import dev.bulwark.model.ExecutionRequest;
import dev.bulwark.policy.Policy;
import dev.bulwark.tenant.ApiKeys;
import io.javalin.http.Context;
import java.util.Set;

/**
 * {@code POST /v1/validate}: the findings of code under the caller's policy, tightened by the one
 * the request names; nothing runs.
 */
final class ValidationRoutes {
  private static final Set<String> FIELDS = Set.of("language", "code", "policy");

  private final Executions executions;

  ValidationRoutes(Executions executions) {
    this.executions = executions;
  }

  void validate(Context ctx) {
    ApiKeys.Caller caller = Authenticator.caller(ctx);
    ExecutionRequest request = JsonBody.read(ctx, FIELDS).execution(executions::requireLanguage);
    Policy policy = Requests.policy(request.policy(), caller.tenant().ceiling());
    Reply.json(ctx, 200, executions.validate(caller, request.language(), request.code(), policy));
  }
}
