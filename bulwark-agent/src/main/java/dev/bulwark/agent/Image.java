package dev.bulwark.agent;

import dev.bulwark.model.Output;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An image a program showed (a chart), as a multimodal model or an MCP client takes it: its MIME
 * type and its bytes in base64.
 *
 * @param mimeType {@code image/png}, {@code image/jpeg}, {@code image/gif} or {@code image/svg+xml}
 * @param base64 the image's bytes (an SVG's UTF-8 text) in base64
 */
public record Image(String mimeType, String base64) {
  /** The types shown as images, each with the extension of its file. */
  private static final Map<String, String> EXTENSIONS =
      Map.of("image/png", "png", "image/jpeg", "jpg", "image/gif", "gif", "image/svg+xml", "svg");

  /** At most this many images of one result are passed on, as {@code Observation} shows outputs. */
  static final int MAX = 20;

  public Image {
    Objects.requireNonNull(base64, "base64");
    if (!EXTENSIONS.containsKey(mimeType)) {
      throw new IllegalArgumentException("not an image type: " + mimeType);
    }
  }

  /**
   * The images among rich outputs, in order, one per output (its first image type): outputs carry
   * PNG, JPEG and GIF in base64 already and SVG as text.
   */
  public static List<Image> of(List<Output> outputs) {
    List<Image> images = new ArrayList<>();
    for (Output out : outputs) {
      for (Map.Entry<String, Object> e : out.data().entrySet()) {
        if (EXTENSIONS.containsKey(e.getKey()) && e.getValue() instanceof String data) {
          images.add(
              new Image(
                  e.getKey(),
                  e.getKey().equals("image/svg+xml")
                      ? Base64.getEncoder().encodeToString(data.getBytes(StandardCharsets.UTF_8))
                      : data.strip()));
          break;
        }
      }
      if (images.size() == MAX) {
        break;
      }
    }
    return images;
  }

  /** The image type of a file by its name, or null when it is not one. */
  public static String typeOf(String fileName) {
    int dot = fileName.lastIndexOf('.');
    String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    return switch (ext) {
      case "png" -> "image/png";
      case "jpg", "jpeg" -> "image/jpeg";
      case "gif" -> "image/gif";
      case "svg" -> "image/svg+xml";
      default -> null;
    };
  }

  /** The extension of a file that holds it, without the dot. */
  public String extension() {
    return EXTENSIONS.get(mimeType);
  }

  /** Its bytes. */
  public byte[] bytes() {
    return Base64.getMimeDecoder().decode(base64);
  }
}
