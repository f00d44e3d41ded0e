package dev.bulwark.policy;

/**
 * One rule of the catalogue.
 *
 * @param id stable identifier, {@code <language>.<family>[.<detail>]}; policies set modes by id or
 *     by any dotted prefix of it
 * @param language {@code python}, {@code javascript}, {@code bash} or {@code any}
 * @param severity {@code low}, {@code medium}, {@code high} or {@code critical}
 * @param title what the rule looks for, one line
 * @param remediation the default advice to the agent; a hit may give a more precise one
 */
public record RuleInfo(
    String id, String language, String severity, String title, String remediation) {}
