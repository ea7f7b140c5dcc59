package io.github.ftzoutbound.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * Which rules decided: the rule-set version (set by the legal team in {@code rules/ruleset.properties}), the
 * SHA-256 digest over every loaded file that shapes a decision (DRL, {@code ruleset.properties}, list files, the
 * citation catalog), and the files themselves.
 */
@JsonPropertyOrder({"version", "digest", "files"})
public record RulesetInfo(String version, String digest, List<String> files) {
    public RulesetInfo {
        files = files == null ? List.of() : List.copyOf(files);
    }
}
