package dev.bulwark.client;

import java.util.List;

/**
 * A runtime the server offers.
 *
 * @param name its canonical name, e.g. {@code python}
 * @param version its exact version
 * @param aliases other names a request may use
 * @param extensions file extensions that select it
 * @param packages the modules a program can import, as the runtime lists them inside a sandbox
 */
public record RuntimeDescription(
    String name,
    String version,
    List<String> aliases,
    List<String> extensions,
    List<String> packages) {}
