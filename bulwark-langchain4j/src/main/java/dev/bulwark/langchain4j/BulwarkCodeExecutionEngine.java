package dev.bulwark.langchain4j;

import dev.bulwark.client.BulwarkClient;
import dev.bulwark.model.ExecutionRequest;
import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.Observation;
import dev.langchain4j.code.CodeExecutionEngine;
import java.util.Objects;

/**
 * LangChain4j's {@link CodeExecutionEngine}, backed by a Bulwark server: the code runs in a fresh,
 * single-use sandbox under the key's policy and limits, never in the JVM.
 *
 * <pre>{@code
 * CodeExecutionEngine engine = new BulwarkCodeExecutionEngine(client, "python");
 * }</pre>
 *
 * A program that ran and exited with 0 answers its stdout, with its secrets redacted and its head
 * and tail kept when it is long. Anything else (an error, a limit, a policy denial) answers a JSON
 * observation with the status, the output and the findings, so that the caller, or its model, sees
 * why.
 */
public final class BulwarkCodeExecutionEngine implements CodeExecutionEngine {
  private final BulwarkClient client;
  private final String language;

  /**
   * @param client a client of the server, with the key whose tenant, policy and limits apply
   * @param language the runtime of every program: {@code python}, {@code javascript} or {@code
   *     bash}
   */
  public BulwarkCodeExecutionEngine(BulwarkClient client, String language) {
    this.client = Objects.requireNonNull(client, "client");
    this.language = Objects.requireNonNull(language, "language");
  }

  @Override
  public String execute(String code) {
    ExecutionResult r = client.execute(ExecutionRequest.of(language, code));
    return r.ok() ? Observation.output(r.stdout()) : Observation.of(r).json();
  }
}
