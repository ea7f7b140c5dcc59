package io.github.ftzoutbound.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * Which rules decided: the rule-set version (set by the legal team in {@code rules/ruleset.properties}), the
 * SHA-256 digest over every loaded file that shapes a decision (DRL, {@code ruleset.properties}, list files, the
 * citation catalog), and the files themselves. A lean record (record format 2) names no files.
 */
@JsonPropertyOrder({"version", "digest", "files"})
public record RulesetInfo(String version, String digest,
                          @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> files) {
    public RulesetInfo {
        files = files == null ? List.of() : List.copyOf(files);
    }
}
