package dev.bulwark.agent;

import dev.bulwark.model.ExecutionResult;
import dev.bulwark.model.FileInfo;
import dev.bulwark.model.FileListing;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandboxes of one agent run: a session per language the model uses, opened on its first cell
 * with the task's files uploaded into it, so that each cell builds on the ones before; closed at
 * the end. Each cell's figures are named in the order they were drawn ({@code figure-1.png}...) and
 * the files it made or changed are found by listing the workspace after it. A language without
 * sessions (or a caller who may open none now) runs its cells one-shot, and the model is told.
 *
 * <p>Not thread-safe: one run's loop uses it.
 */
final class Conversation implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Conversation.class);

  /**
   * Entries listed at most per workspace, so that a program's 100,000 files cannot stall a step.
   */
  static final int MAX_LISTED = 2_000;

  /** The most bytes of one file saved at the end. */
  static final int MAX_SAVED_BYTES = 64 << 20;

  /** A figure, with the name it is saved and mentioned under. */
  record Figure(String name, Image image) {}

  /**
   * One cell's result and what it made.
   *
   * @param note why it ran one-shot, or null when it ran in a session
   * @param files the workspace files it made or changed
   */
  record Cell(ExecutionResult result, String note, List<Figure> figures, List<String> files) {}

  private final CodeRunner runner;
  private final Map<String, byte[]> inputs;
  private final Map<String, CodeSession> sessions = new LinkedHashMap<>();
  private final Map<String, String> unavailable = new LinkedHashMap<>();
  private final Map<String, Map<String, FileInfo>> seen = new LinkedHashMap<>();
  private final List<Figure> figures = new ArrayList<>();

  Conversation(CodeRunner runner, Map<String, byte[]> inputs) {
    this.runner = runner;
    this.inputs = Map.copyOf(inputs);
  }

  /** Runs a cell in the language's session, opened (with the task's files) on first use. */
  Cell run(String language, String code) {
    CodeSession s = session(language);
    if (s == null) {
      ExecutionResult r = runner.run(language, code, "");
      return new Cell(r, unavailable.get(language), name(r), List.of());
    }
    ExecutionResult r;
    try {
      r = s.run(code);
    } catch (CodeRunner.Refused e) {
      if ("session_dead".equals(e.code())) { // the next cell starts a fresh session
        sessions.remove(language);
        s.close();
        throw new CodeRunner.Refused(
            e.code(), e.getMessage() + "; the next call starts a fresh session, without its state");
      }
      throw e;
    }
    return new Cell(r, null, name(r), changed(s));
  }

  private List<Figure> name(ExecutionResult r) {
    List<Figure> made = new ArrayList<>();
    for (Image i : Image.of(r.outputs())) {
      made.add(new Figure("figure-" + (figures.size() + made.size() + 1) + "." + i.extension(), i));
    }
    figures.addAll(made);
    return made;
  }

  private CodeSession session(String language) {
    if (unavailable.containsKey(language)) {
      return null;
    }
    CodeSession s = sessions.get(language);
    if (s != null) {
      return s;
    }
    try {
      s = runner.openSession(language, null);
    } catch (IllegalArgumentException | CodeRunner.Refused e) {
      unavailable.put(language, "no session (" + e.getMessage() + "): state is not kept");
      return null;
    }
    sessions.put(language, s);
    try {
      inputs.forEach(s::upload);
    } catch (RuntimeException e) {
      s.close();
      sessions.remove(language);
      throw e;
    }
    seen.put(language, snapshot(s));
    return s;
  }

  /**
   * The files made or changed since the last look, and remembers this one; none when the session
   * cannot be listed (it ended with the cell: the next call says so).
   */
  private List<String> changed(CodeSession s) {
    Map<String, FileInfo> now;
    try {
      now = snapshot(s);
    } catch (CodeRunner.Refused e) {
      LOG.warn("cannot list the workspace of session {}: {}", s.id(), e.getMessage());
      return List.of();
    }
    Map<String, FileInfo> before = seen.put(s.language(), now);
    return now.values().stream()
        .filter(f -> !Objects.equals(before == null ? null : before.get(f.path()), f))
        .map(FileInfo::path)
        .toList();
  }

  /** The workspace's regular files (not escaped names), by path, breadth first. */
  private static Map<String, FileInfo> snapshot(CodeSession s) {
    Map<String, FileInfo> files = new LinkedHashMap<>();
    Deque<String> dirs = new ArrayDeque<>(List.of(""));
    int listed = 0;
    while (!dirs.isEmpty() && listed < MAX_LISTED) {
      FileListing listing = s.list(dirs.poll());
      for (FileInfo f : listing.entries()) {
        listed++;
        if (f.escaped()) {
          continue;
        }
        switch (f.kind()) {
          case FILE -> files.put(f.path(), f);
          case DIRECTORY -> dirs.add(f.path());
          case SYMLINK, OTHER -> {}
        }
      }
    }
    return files;
  }

  /**
   * Hands the figures and the files made to {@code sink}; a file over the cap, or the files of a
   * session that has ended, are skipped and logged.
   */
  void collect(Agent.FileSink sink) {
    figures.forEach(f -> sink.save(f.name(), f.image().bytes()));
    for (CodeSession s : sessions.values()) {
      try {
        for (FileInfo f : snapshot(s).values()) {
          save(s, f.path(), sink);
        }
      } catch (CodeRunner.Refused e) {
        LOG.warn("the files of session {} are not saved: {}", s.id(), e.getMessage());
      }
    }
  }

  /** Saves one file unless it is an input as it was given. */
  private void save(CodeSession s, String path, Agent.FileSink sink) {
    byte[] content;
    try {
      content = s.read(path, MAX_SAVED_BYTES);
    } catch (CodeRunner.Refused e) {
      if (!"file_too_large".equals(e.code())) {
        throw e;
      }
      LOG.warn("{} is not saved: {}", path, e.getMessage());
      return;
    }
    byte[] given = inputs.get(path);
    if (given == null || !Arrays.equals(given, content)) {
      sink.save(path, content);
    }
  }

  /** Ends every session it opened. */
  @Override
  public void close() {
    sessions.values().forEach(CodeSession::close);
    sessions.clear();
  }
}
