package io.github.klingjava.contract.report;

/**
 * One line of the matrix: operation x case x target, and what happened.
 *
 * @param run the Maven execution ({@code full} or {@code smoke})
 * @param section the kind of test
 * @param operation the spec's operationId (or a short subject)
 * @param name the example name, constraint id or error example
 * @param target where it ran: {@code mock/docker}, {@code mock/process}, {@code live/<vendor>}, {@code spec}
 * @param status the outcome
 * @param detail the reason (skips, deviations, failures); one line, never a secret
 * @param key the catalog key this row covers (named example or constraint), or ""
 */
public record Row(String run, Section section, String operation, String name, String target,
    Status status, String detail, String key) {
}
