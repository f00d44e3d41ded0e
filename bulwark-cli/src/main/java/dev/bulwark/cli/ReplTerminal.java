package dev.bulwark.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.keymap.KeyMap;
import org.jline.reader.Binding;
import org.jline.reader.EOFError;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.NonBlockingReader;

/**
 * {@code bulwark repl} at a terminal: JLine's line editing, a history kept across runs, a cell of
 * several lines edited as one ({@link Continuation} decides when it is whole), Ctrl-C and Ctrl-D.
 */
final class ReplTerminal {
  private ReplTerminal() {}

  /**
   * Reads cells until Ctrl-D and runs each. Ctrl-C at the prompt clears the line; while a cell runs
   * it interrupts the cell.
   */
  static void loop(ReplSession session, ReplCommand.Cells cells) throws IOException {
    try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
      // Ctrl-C is a key here, never SIGINT: the sandbox's processes share this process's group,
      // and a signal from the terminal would reach them too and end the session.
      Attributes attributes = terminal.getAttributes();
      attributes.setLocalFlag(Attributes.LocalFlag.ISIG, false);
      terminal.setAttributes(attributes);
      if (terminal.getWidth() <= 0) { // a pseudo-terminal nobody sized (script, expect)
        terminal.setSize(new Size(80, 24));
      }
      LineReader reader =
          LineReaderBuilder.builder()
              .terminal(terminal)
              .appName("bulwark")
              .parser(new CellParser(session.language()))
              .variable(LineReader.SECONDARY_PROMPT_PATTERN, "... ")
              .variable(LineReader.HISTORY_FILE, history())
              .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true) // '!' is code, not history
              .build();
      KeyMap<Binding> keys = reader.getKeyMaps().get(LineReader.MAIN);
      keys.bind(new Reference(LineReader.SELF_INSERT), "\t"); // indents: nothing to complete
      reader.getWidgets().put(CLEAR, () -> clear(reader));
      keys.bind(new Reference(CLEAR), KeyMap.ctrl('C'));
      while (true) {
        String code;
        try {
          code = reader.readLine(">>> ");
        } catch (UserInterruptException clear) {
          continue;
        } catch (EndOfFileException end) {
          return;
        }
        if (!code.isBlank()) {
          String typedAhead = whileWatchingCtrlC(terminal, session, cells, code.stripTrailing());
          reader.runMacro(typedAhead); // what was typed meanwhile goes to the next prompt
        }
      }
    }
  }

  private static final String CLEAR = "bulwark-clear-line";

  /** Ctrl-C at the prompt: the line (or the cell typed so far) is dropped, a new prompt shown. */
  private static boolean clear(LineReader reader) {
    reader.getBuffer().clear();
    reader.callWidget(LineReader.ACCEPT_LINE);
    return true;
  }

  /**
   * Runs a cell with the terminal in raw mode, reading keys meanwhile: Ctrl-C interrupts the cell;
   * the other keys are returned, for the next prompt.
   */
  private static String whileWatchingCtrlC(
      Terminal terminal, ReplSession session, ReplCommand.Cells cells, String code)
      throws IOException {
    Attributes before = terminal.enterRawMode();
    AtomicBoolean done = new AtomicBoolean();
    StringBuffer typed = new StringBuffer();
    Thread watcher =
        Thread.ofVirtual()
            .start(() -> {
              try {
                while (!done.get()) {
                  int key = terminal.reader().read(100);
                  if (key == CTRL_C) {
                    session.interrupt();
                  } else if (key >= 0) {
                    typed.append((char) key);
                  } else if (key == NonBlockingReader.EOF) {
                    return;
                  }
                }
              } catch (IOException e) {
                // the terminal went away: the cell ends on its own, and the prompt reads the end
              }
            });
    try {
      cells.run(code);
    } finally {
      done.set(true);
      try {
        watcher.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      terminal.setAttributes(before);
    }
    return typed.toString();
  }

  private static final int CTRL_C = 3;

  /** Where the history is kept: $XDG_STATE_HOME/bulwark (~/.local/state/bulwark). */
  private static Path history() {
    String state = System.getenv("XDG_STATE_HOME");
    Path base =
        state != null && !state.isBlank()
            ? Path.of(state)
            : Path.of(System.getProperty("user.home"), ".local", "state");
    return base.resolve("bulwark").resolve("repl_history");
  }

  /** JLine's parser, asking for another line while the cell is not whole. */
  private static final class CellParser implements Parser {
    private final DefaultParser words = new DefaultParser();
    private final String language;

    CellParser(String language) {
      this.language = language;
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
      if (context == ParseContext.ACCEPT_LINE && Continuation.needsMore(line, language)) {
        throw new EOFError(-1, -1, "the cell goes on", "more");
      }
      return words.parse(line, cursor, ParseContext.COMPLETE);
    }
  }
}
