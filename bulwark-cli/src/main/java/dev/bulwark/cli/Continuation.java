package dev.bulwark.cli;

/**
 * Whether what was typed so far at {@code bulwark repl}'s prompt is a whole cell or needs more
 * lines, as Python's own prompt judges: an open bracket, string or trailing backslash continues
 * until it closes; in Python, a line ending with {@code :} opens a block that continues until a
 * blank line. A rough reading of the text (strings and comments skipped), never a parse: the
 * sandbox's interpreter judges the code itself.
 */
final class Continuation {
  private Continuation() {}

  /** Whether {@code typed} (lines joined with {@code \n}) needs another line. */
  static boolean needsMore(String typed, String language) {
    Scan scan = scan(typed, language);
    if (scan.openString || scan.depth > 0 || typed.stripTrailing().endsWith("\\")) {
      return true;
    }
    boolean python = language.equals("python");
    return python && scan.opensBlock && !lastLineBlank(typed);
  }

  private static boolean lastLineBlank(String typed) {
    int newline = typed.lastIndexOf('\n');
    return newline >= 0 && typed.substring(newline + 1).isBlank();
  }

  /** What a rough reading saw: brackets still open, a string still open, a block opened. */
  private record Scan(int depth, boolean openString, boolean opensBlock) {}

  private static Scan scan(String text, String language) {
    String comment = language.equals("javascript") ? "//" : "#";
    int depth = 0;
    boolean opensBlock = false;
    String quote = null; // the open string's delimiter: ', ", ''' or """ (and ` in JavaScript)
    for (String line : text.split("\n", -1)) {
      int lineStartDepth = depth;
      char lastCode = 0;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (quote != null) {
          if (c == '\\') {
            i++;
          } else if (line.startsWith(quote, i)) {
            i += quote.length() - 1;
            quote = null;
          }
          continue;
        }
        if (line.startsWith(comment, i)) {
          break;
        }
        if (c == '"' || c == '\'' || (c == '`' && language.equals("javascript"))) {
          String triple = String.valueOf(c).repeat(3);
          quote = line.startsWith(triple, i) ? triple : String.valueOf(c);
          i += quote.length() - 1;
        } else if ("([{".indexOf(c) >= 0) {
          depth++;
        } else if (")]}".indexOf(c) >= 0) {
          depth = Math.max(0, depth - 1);
        }
        if (!Character.isWhitespace(c)) {
          lastCode = c;
        }
      }
      if (quote != null && quote.length() == 1 && !quote.equals("`")) {
        quote = null; // a one-quote string ends with its line (else a syntax error to report)
      }
      opensBlock |= lastCode == ':' && lineStartDepth == 0 && depth == 0;
    }
    return new Scan(depth, quote != null, opensBlock);
  }
}
