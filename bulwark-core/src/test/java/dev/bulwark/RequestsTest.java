package dev.bulwark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.model.ExecutionRequest;
import dev.bulwark.model.LimitOverrides;
import dev.bulwark.model.Limits;
import dev.bulwark.policy.Mode;
import dev.bulwark.policy.Policies;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The one rule that turns a caller's request into the engine's job, under a ceiling. */
class RequestsTest {
  private static final Requests.Ceiling TENANT =
      Requests.Ceiling.of(Policies.standard(), "default");

  @Test
  void aRequestBecomesTheJobItAsksFor() {
    ExecutionRequest asked =
        ExecutionRequest.of("python", "print(input())")
            .withStdin("héllo")
            .withProfile("strict")
            .withTimeout(Duration.ofSeconds(2));
    Job job = Requests.resolve(asked, TENANT);
    assertThat(job.language()).isEqualTo("python");
    assertThat(job.code()).isEqualTo("print(input())");
    assertThat(job.stdin()).isEqualTo("héllo".getBytes(StandardCharsets.UTF_8));
    assertThat(job.limits()).isEqualTo(Profiles.STRICT.withWallTimeout(Duration.ofSeconds(2)));
    assertThat(job.policy()).isEqualTo(Policies.standard());
    assertThat(Requests.resolve(ExecutionRequest.of("bash", "true"), TENANT).limits())
        .as("no profile named: the ceiling's default")
        .isEqualTo(Profiles.DEFAULT);
  }

  @Test
  void everyOverrideIsApplied() {
    LimitOverrides all =
        new LimitOverrides(
            Duration.ofSeconds(5),
            Duration.ofSeconds(4),
            64L << 20,
            0.5,
            32,
            1L << 20,
            8L << 20,
            64,
            4096L);
    Limits l = Requests.limits("lambda", all, TENANT);
    assertThat(LimitOverrides.of(l)).isEqualTo(all);
  }

  @Test
  void aBadValueNamesItsField() {
    assertThatThrownBy(() -> Requests.limits(null, LimitOverrides.NONE.withMemory(1024L), TENANT))
        .isInstanceOfSatisfying(
            Requests.InvalidField.class,
            e -> {
              assertThat(e.field()).isEqualTo("limits.memory");
              assertThat(e.reason()).contains("at least 16m");
              assertThat(e.code()).isEqualTo("invalid_field");
            });
    assertThatThrownBy(() -> Requests.limits("huge", LimitOverrides.NONE, TENANT))
        .isInstanceOfSatisfying(
            Requests.InvalidField.class,
            e -> {
              assertThat(e.field()).isEqualTo("profile");
              assertThat(e.reason()).contains("default, lambda, strict");
            });
  }

  @Test
  void limitsBeyondTheMaximumAreRefusedButTheOperatorsOwnMayLoosenTheProfile() {
    LimitOverrides more = LimitOverrides.NONE.withMemory(64L << 30);
    assertThatThrownBy(() -> Requests.limits(null, more, TENANT))
        .isInstanceOfSatisfying(
            Requests.LimitsNotAllowed.class,
            e -> {
              assertThat(e.maximumProfile()).isEqualTo("default");
              assertThat(e.code()).isEqualTo("limits_not_allowed");
            });
    assertThatThrownBy(() ->
            Requests.limits(
                "default", LimitOverrides.NONE, Requests.Ceiling.of(Policies.standard(), "lambda")))
        .as("a profile above the maximum")
        .isInstanceOf(Requests.LimitsNotAllowed.class);
    Requests.Ceiling operator = Requests.Ceiling.unbounded(Policies.builtIn("strict"));
    assertThat(Requests.limits(null, more, operator))
        .isEqualTo(Profiles.STRICT.withMemoryBytes(64L << 30));
  }

  @Test
  void aRequestedPolicyTightensTheCeilingsAndNeverLoosensIt() {
    assertThat(Requests.policy("strict", TENANT).mode("py.process")).isEqualTo(Mode.DENY);
    assertThat(TENANT.policy().mode("py.process")).isEqualTo(Mode.FLAG);
    Requests.Ceiling strict = Requests.Ceiling.of(Policies.builtIn("strict"), "strict");
    assertThat(Requests.policy("audit", strict).mode("py.process")).isEqualTo(Mode.DENY);
    assertThat(Requests.policy(null, strict)).isEqualTo(strict.policy());
    assertThatThrownBy(() -> Requests.policy("/etc/x.yaml", TENANT))
        .isInstanceOfSatisfying(
            Requests.InvalidField.class, e -> assertThat(e.field()).isEqualTo("policy"));
  }

  @Test
  void aSourceOverTheCapIsRefusedCountedInBytesOfUtf8() {
    assertThat(TENANT.maxSourceBytes()).isEqualTo(1L << 20);
    String atTheCap = "#" + "x".repeat((1 << 20) - 1);
    assertThat(Requests.resolve(ExecutionRequest.of("python", atTheCap), TENANT).code())
        .isEqualTo(atTheCap);
    assertThatThrownBy(
            () -> Requests.resolve(ExecutionRequest.of("python", atTheCap + "x"), TENANT))
        .isInstanceOfSatisfying(
            Requests.SourceTooLarge.class,
            e -> {
              assertThat(e.maxBytes()).isEqualTo(1L << 20);
              assertThat(e.code()).isEqualTo("source_too_large");
              assertThat(e).hasMessage("the code exceeds the source cap of 1m");
            });
    Requests.Ceiling small = TENANT.withMaxSourceBytes(8);
    assertThatThrownBy(() ->
            Requests.resolve(ExecutionRequest.of("python", "'\u00e9\u00e9\u00e9\u00e9"), small))
        .as("four two-byte characters and a quote: nine bytes")
        .isInstanceOf(Requests.SourceTooLarge.class);
    assertThat(Requests.resolve(ExecutionRequest.of("python", "'\u00e9\u00e9\u00e9"), small).code())
        .as("seven bytes")
        .isEqualTo("'\u00e9\u00e9\u00e9");
    assertThatThrownBy(() ->
            Requests.resolve(ExecutionRequest.of("python", "\ud83d\ude00\ud83d\ude00x"), small))
        .as("two four-byte characters and one more byte")
        .isInstanceOf(Requests.SourceTooLarge.class);
    assertThat(
            Requests.resolve(ExecutionRequest.of("python", "\ud83d\ude00\ud83d\ude00"), small)
                .code())
        .hasSize(4);
    assertThatThrownBy(() -> TENANT.withMaxSourceBytes(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
