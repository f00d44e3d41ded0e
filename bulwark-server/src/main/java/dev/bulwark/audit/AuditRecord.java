package dev.bulwark.audit;

import tools.jackson.databind.JsonNode;

/**
 * One execution as the audit log keeps it. Fields after {@code acceptedAt} are null while it runs.
 *
 * @param queueMs how long it waited for one of the machine's slots, as the server measured it
 * @param network every connection the egress proxy was asked for: host, port, bytes, reason
 * @param code the source, only when the tenant retains content
 * @param result the full result (output included), only when the tenant retains content
 * @param sessionId the session it was a cell of; null for a one-shot execution
 */
public record AuditRecord(
    String id,
    String tenant,
    String keyId,
    String client,
    String language,
    String runtimeVersion,
    String codeSha256,
    String policy,
    JsonNode limits,
    String acceptedAt,
    Long queueMs,
    String finishedAt,
    String status,
    String reason,
    Integer exitCode,
    Long wallMs,
    Long cpuMs,
    Long peakMemoryBytes,
    JsonNode findings,
    JsonNode network,
    String code,
    JsonNode result,
    String sessionId) {}
