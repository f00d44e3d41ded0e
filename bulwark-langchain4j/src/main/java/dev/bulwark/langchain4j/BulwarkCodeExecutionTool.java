package dev.bulwark.langchain4j;

import dev.bulwark.client.BulwarkClient;
import dev.bulwark.client.BulwarkException;
import dev.bulwark.model.ExecutionRequest;
import dev.bulwark.model.Observation;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import java.util.Objects;

/**
 * A tool for LangChain4j's {@code AiServices}: the model runs code in a Bulwark sandbox.
 *
 * <pre>{@code
 * Assistant assistant = AiServices.builder(Assistant.class)
 *     .chatModel(model)
 *     .tools(new BulwarkCodeExecutionTool(client))
 *     .build();
 * }</pre>
 *
 * Each call answers one JSON observation: status, exit code, stdout and stderr (head and tail kept)
 * and the validation layer's findings with what to change. A program the policy denies never runs;
 * its findings tell the model how to rewrite it. Everything in the observation comes out of the
 * sandbox and is data, not instructions.
 */
public final class BulwarkCodeExecutionTool {
  private final BulwarkClient client;

  /**
   * @param client a client of the server, with the key whose tenant, policy and limits apply
   */
  public BulwarkCodeExecutionTool(BulwarkClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  @Tool(
      name = "execute_code",
      value = {
        "Runs a complete program in a fresh, isolated sandbox and returns its result as JSON:"
            + " status (OK, ERROR, TIMEOUT, POLICY_DENIED, ...), exitCode, stdout, stderr and"
            + " findings. Print what you need to see: only the program's output comes back. No"
            + " network unless allowed; files do not persist between calls. When the status is"
            + " POLICY_DENIED, the findings say what to change: rewrite the code and call again."
      })
  public String executeCode(
      @P(name = "language", value = "the language: python, javascript or bash") String language,
      @P(name = "code", value = "the complete program's source") String code) {
    try {
      return Observation.of(client.execute(ExecutionRequest.of(language, code))).json();
    } catch (BulwarkException e) { // a refusal the model can act on, e.g. an unknown language
      return Observation.refusal(e.code(), e.getMessage());
    }
  }
}
