package dev.bulwark;

import java.nio.charset.StandardCharsets;

/**
 * The one grammar of a path in a sandbox's workspace, as callers name files (a session's files, a
 * one-shot run's input files and artifact patterns): relative, {@code /}-separated, without {@code
 * ..}, {@code .} or empty parts, printable (no control character), well-formed Unicode, at most
 * {@value #MAX_BYTES} bytes and {@value #MAX_DEPTH} parts, each part at most 255 bytes. The sandbox
 * checks again on its side; the host checks first so that a refusal is clear and cheap. Stateless.
 */
public final class WorkspacePath {
  /** The longest path, in UTF-8 bytes. */
  public static final int MAX_BYTES = 4096;

  /** The deepest path, in parts. */
  public static final int MAX_DEPTH = 64;

  private WorkspacePath() {}

  /**
   * The path when it follows the grammar.
   *
   * @param field what the caller calls it, for the message ({@code path}, {@code files})
   * @throws IllegalArgumentException naming the field and what is wrong
   */
  public static String check(String field, String path) {
    String problem = problem(path);
    if (problem != null) {
      throw new IllegalArgumentException(field + ": " + problem + ": " + printable(path));
    }
    return path;
  }

  /**
   * A glob pattern of the same grammar, where a part may hold {@code *} and {@code ?} and {@code
   * **} alone stands for any number of directories.
   *
   * @throws IllegalArgumentException naming the field and what is wrong
   */
  public static String checkPattern(String field, String pattern) {
    String problem = problem(pattern);
    if (problem != null) {
      throw new IllegalArgumentException(field + ": " + problem + ": " + printable(pattern));
    }
    return pattern;
  }

  /** What is wrong with the path, or null. */
  static String problem(String path) {
    if (path == null || path.isEmpty()) {
      return "a path is required";
    }
    if (path.startsWith("/")) {
      return "the path must be relative to the workspace";
    }
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (Character.isISOControl(c)) {
        return "the path holds a control character";
      }
      if (Character.isSurrogate(c)
          && !(Character.isHighSurrogate(c)
              && i + 1 < path.length()
              && Character.isLowSurrogate(path.charAt(++i)))) {
        return "the path is not well-formed Unicode";
      }
    }
    if (path.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      return "the path is longer than " + MAX_BYTES + " bytes";
    }
    String[] parts = path.split("/", -1);
    if (parts.length > MAX_DEPTH) {
      return "the path is deeper than " + MAX_DEPTH + " parts";
    }
    for (String part : parts) {
      if (part.isEmpty() || part.equals(".") || part.equals("..")) {
        return "the path has an empty, '.' or '..' part";
      }
      if (part.getBytes(StandardCharsets.UTF_8).length > 255) {
        return "a part of the path is longer than 255 bytes";
      }
    }
    return null;
  }

  /** The path as a message may show it: control characters escaped, cut at 200 characters. */
  static String printable(String path) {
    if (path == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder();
    path.codePoints()
        .limit(200)
        .forEach(c -> {
          if (Character.isISOControl(c)) {
            out.append(String.format("\\x%02x", c));
          } else {
            out.appendCodePoint(c);
          }
        });
    return out.toString();
  }
}
