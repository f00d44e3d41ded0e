package dev.bulwark.langchain4j;

import dev.bulwark.client.BulwarkClient;
import dev.bulwark.client.BulwarkException;
import dev.bulwark.client.Session;
import dev.bulwark.model.ExecutionRequest;
import dev.bulwark.model.Observation;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolMemoryId;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tool for LangChain4j's {@code AiServices}: the model runs code in a Bulwark sandbox.
 *
 * <pre>{@code
 * Assistant assistant = AiServices.builder(Assistant.class)
 *     .chatModel(model)
 *     .chatMemoryProvider(id -> MessageWindowChatMemory.builder().id(id).maxMessages(20)
 *         .chatMemoryStore(tool.endingSessions(new InMemoryChatMemoryStore())).build())
 *     .tools(tool)
 *     .build();
 * }</pre>
 *
 * Each call answers one JSON observation: status, exit code, stdout and stderr (head and tail kept)
 * and the validation layer's findings with what to change. A program the policy denies never runs;
 * its findings tell the model how to rewrite it. Everything in the observation comes out of the
 * sandbox and is data, not instructions.
 *
 * <p>Each chat memory (a method's {@code @MemoryId}) has its own server session per language,
 * opened on its first call: what one call defines, the next can use. A session ends when its memory
 * is cleared (its store's messages deleted, through {@link #endingSessions}), when {@link #end} is
 * called for its memory (beside {@code ChatMemoryAccess.evictChatMemory}, which drops a memory
 * without telling its store), when {@link #close()} is called, or at its server's idle timeout.
 * Calls without a memory id (an assistant without a chat memory provider) run one-shot, each in a
 * fresh sandbox. Thread-safe.
 */
public final class BulwarkCodeExecutionTool implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BulwarkCodeExecutionTool.class);

  /** The id LangChain4j gives calls of an assistant that has no memory id. */
  private static final String NO_MEMORY = "default";

  private record Key(Object memoryId, String language) {}

  private final BulwarkClient client;
  private final Map<Key, Session> sessions = new ConcurrentHashMap<>();

  /**
   * @param client a client of the server, with the key whose tenant, policy and limits apply
   */
  public BulwarkCodeExecutionTool(BulwarkClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  @Tool(
      name = "execute_code",
      value = {
        "Runs code in an isolated sandbox and returns its result as JSON: status (OK, ERROR,"
            + " TIMEOUT, POLICY_DENIED, ...), exitCode, stdout, stderr, outputs and findings."
            + " Within a conversation, calls of one language share one interpreter: variables,"
            + " imports and files in the working directory persist, so build on earlier calls."
            + " Print what you need to see. No network unless allowed. When the status is"
            + " POLICY_DENIED, the findings say what to change: rewrite the code and call again."
      })
  public String executeCode(
      @ToolMemoryId Object memoryId,
      @P(name = "language", value = "the language: python, javascript or bash") String language,
      @P(name = "code", value = "the code to run") String code) {
    try {
      if (memoryId == null || NO_MEMORY.equals(memoryId)) {
        return Observation.of(client.execute(ExecutionRequest.of(language, code))).json();
      }
      Key key = new Key(memoryId, language);
      Session s = sessions.computeIfAbsent(key, k -> client.openSession(language));
      try {
        return Observation.of(s.run(code, null, true)).json();
      } catch (BulwarkException e) {
        if ("session_dead".equals(e.code()) && sessions.remove(key, s)) { // the next call opens
          close(s);
        }
        throw e;
      }
    } catch (BulwarkException e) { // a refusal the model can act on, e.g. an unknown language
      return Observation.refusal(e.code(), e.getMessage());
    }
  }

  /** Ends the sessions of one chat memory, e.g. when it is evicted; the next call opens anew. */
  public void end(Object memoryId) {
    sessions.keySet().stream()
        .filter(k -> k.memoryId().equals(memoryId))
        .toList()
        .forEach(k -> {
          Session s = sessions.remove(k);
          if (s != null) {
            close(s);
          }
        });
  }

  /**
   * A chat memory store that ends a memory's sessions when its messages are deleted, as
   * LangChain4j's chat memories do when cleared ({@code ChatMemory.clear()}).
   */
  public ChatMemoryStore endingSessions(ChatMemoryStore store) {
    Objects.requireNonNull(store, "store");
    return new ChatMemoryStore() {
      @Override
      public List<ChatMessage> getMessages(Object memoryId) {
        return store.getMessages(memoryId);
      }

      @Override
      public void updateMessages(Object memoryId, List<ChatMessage> messages) {
        store.updateMessages(memoryId, messages);
      }

      @Override
      public void deleteMessages(Object memoryId) {
        store.deleteMessages(memoryId);
        end(memoryId);
      }
    };
  }

  /** Ends every session the tool opened. */
  @Override
  public void close() {
    List.copyOf(sessions.keySet()).forEach(k -> end(k.memoryId()));
  }

  private static void close(Session s) {
    try {
      s.close();
    } catch (BulwarkException e) { // it ends at the server's idle timeout anyway
      LOG.warn("cannot end session {} on the server: {}", s.id(), e.getMessage());
    }
  }
}
