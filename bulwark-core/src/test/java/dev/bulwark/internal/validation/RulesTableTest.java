package dev.bulwark.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.policy.Policies;
import dev.bulwark.policy.Policy;
import dev.bulwark.policy.RuleCatalog;
import dev.bulwark.policy.RuleInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** docs/validation.md's table of rules is the catalogue's, so that it cannot go stale. */
class RulesTableTest {
  private static final Path DOC = Path.of("..", "docs", "validation.md");

  @Test
  void theDocsListEveryRuleWithItsCatalogueEntryAndItsModes() throws Exception {
    List<String> lines = Files.readAllLines(DOC);
    int header = lines.indexOf("| rule | language | severity | looks for | standard | strict |");
    assertThat(header).as("the rules table's header").isNotNegative();
    List<String> rows =
        lines.subList(header + 2, lines.size()).stream()
            .takeWhile(l -> l.startsWith("| `"))
            .toList();
    Policy standard = Policies.standard();
    Policy strict = Policies.builtIn("strict");
    List<String> table = table(standard, strict);
    List<String> missing = table.stream().filter(row -> !rows.contains(row)).toList();
    Files.writeString(
        Path.of("target", "rules-table.md"),
        String.join("\n", table) + "\n"); // the table to paste when it fails
    assertThat(missing).as("rows the table lacks or has wrong").isEmpty();
    assertThat(rows).as("rows of rules that do not exist").hasSize(RuleCatalog.all().size());
  }

  private static List<String> table(Policy standard, Policy strict) {
    return RuleCatalog.all().stream()
        .map(rule ->
            "| `%s` | %s | %s | %s | %s | %s |"
                .formatted(
                    rule.id(),
                    rule.language(),
                    rule.severity(),
                    rule.title().replace("|", "\\|"),
                    mode(standard, rule),
                    mode(strict, rule)))
        .toList();
  }

  private static String mode(Policy policy, RuleInfo rule) {
    return policy.mode(rule.id()).name().toLowerCase(Locale.ROOT);
  }
}
