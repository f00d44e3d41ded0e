/**
 * Bulwark's engine. Exports its API ({@code dev.bulwark}: the engine, its configuration, the
 * execution listener, the request rule; {@code dev.bulwark.policy}: policies, the rule catalogue
 * and a validation's answer) and the sandbox backend SPI ({@code dev.bulwark.spi}). Everything
 * else, the validation engine included, is {@code dev.bulwark.internal}, and no other module may
 * use it.
 *
 * <p>The engine calls libseccomp through the foreign-function API: run it with {@code
 * --enable-native-access=dev.bulwark.core} on the module path, {@code ALL-UNNAMED} on the class
 * path (as the {@code bulwark} command does).
 */
module dev.bulwark.core {
  requires transitive dev.bulwark.model;
  requires tools.jackson.dataformat.yaml;
  requires org.slf4j;
  requires org.bouncycastle.pkix;
  requires org.bouncycastle.provider;

  exports dev.bulwark;
  exports dev.bulwark.spi;
  exports dev.bulwark.policy;

  // The runners' summaries are read into the validation engine's records.
  opens dev.bulwark.internal.validation to
      tools.jackson.databind;
}
