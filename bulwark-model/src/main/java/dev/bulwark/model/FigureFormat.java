package dev.bulwark.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How charts a program draws are captured as outputs: PNG by default, SVG on request. */
public enum FigureFormat {
  @JsonProperty("png")
  PNG("image/png"),
  @JsonProperty("svg")
  SVG("image/svg+xml");

  private final String mediaType;

  FigureFormat(String mediaType) {
    this.mediaType = mediaType;
  }

  /** The MIME type of a figure captured in this format. */
  public String mediaType() {
    return mediaType;
  }
}
