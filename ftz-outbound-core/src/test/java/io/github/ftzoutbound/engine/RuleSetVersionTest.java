package io.github.ftzoutbound.engine;

import io.github.ftzoutbound.TestServices;
import io.github.ftzoutbound.api.RulesetInfo;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The rule-set version names one rule set. docs/ruleset-digests.txt records, for every version ever released,
 * the digest of the bundled rules, lists and catalog; this test fails when the bundled files change and
 * {@code rules/ruleset.properties} still names a version recorded with another digest, so that two decisions
 * with the same version always came from the same rules. Workflow: docs/rule-authoring.md, section 6.
 */
class RuleSetVersionTest {
    static final Path DIGESTS = Path.of("../docs/ruleset-digests.txt");

    @Test
    void theBundledRuleSetsDigestIsTheOneRecordedForItsVersion() throws IOException {
        RulesetInfo ruleset = TestServices.bundled().ruleset();
        Map<String, String> recorded = read(Files.readAllLines(DIGESTS, StandardCharsets.UTF_8));
        String problem = problem(ruleset, recorded);
        if (problem != null) {
            fail(problem);
        }
    }

    @Test
    void aChangedDigestUnderTheSameVersionIsRefusedAndANewVersionMustBeRecorded() {
        String a = "sha256:" + "a".repeat(64);
        String b = "sha256:" + "b".repeat(64);
        Map<String, String> recorded = Map.of("2026.11.23-1", a);
        assertEquals(null, problem(new RulesetInfo("2026.11.23-1", a, List.of()), recorded));
        String changed = problem(new RulesetInfo("2026.11.23-1", b, List.of()), recorded);
        assertTrue(changed != null && changed.contains("raise version"), changed);
        String unrecorded = problem(new RulesetInfo("2026.12.01-1", b, List.of()), recorded);
        assertTrue(unrecorded != null && unrecorded.contains("../scripts/record-ruleset-digest.sh"), unrecorded);
    }

    /** Why this rule set's version and digest disagree with the record, or null when they agree. */
    static String problem(RulesetInfo ruleset, Map<String, String> recorded) {
        String digest = recorded.get(ruleset.version());
        if (digest == null) {
            return "rule-set version " + ruleset.version() + " is not in " + DIGESTS + ": record it with "
                    + "../scripts/record-ruleset-digest.sh (digest " + ruleset.digest() + ")";
        }
        if (!digest.equals(ruleset.digest())) {
            return "the bundled rules, lists or catalog changed (digest " + ruleset.digest() + ") but the rule-set "
                    + "version " + ruleset.version() + " did not (recorded with " + digest + "): raise version in "
                    + "../ftz-outbound-core/src/main/resources/rules/ruleset.properties, then run scripts/record-ruleset-digest.sh";
        }
        return null;
    }

    @Test
    void theFileMapsEachVersionToOneDigestAndEachDigestToOneVersion() {
        assertThrowsIllegal(List.of("v1 sha256:" + "a".repeat(64), "v1 sha256:" + "b".repeat(64)));
        assertThrowsIllegal(List.of("v1 sha256:" + "a".repeat(64), "v2 sha256:" + "a".repeat(64)));
        assertThrowsIllegal(List.of("v1 sha256:abc"));
        assertEquals(Map.of("v1", "sha256:" + "a".repeat(64)),
                read(List.of("# comment", "", "v1 sha256:" + "a".repeat(64))));
    }

    private static void assertThrowsIllegal(List<String> lines) {
        try {
            read(lines);
        } catch (IllegalArgumentException expected) {
            assertNotNull(expected.getMessage());
            return;
        }
        fail("accepted " + lines);
    }

    /** Lines "VERSION sha256:HEX"; # starts a comment. */
    static Map<String, String> read(List<String> lines) {
        Map<String, String> byVersion = new HashMap<>();
        Set<String> digests = new HashSet<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (f.length != 2 || !f[1].matches("sha256:[0-9a-f]{64}")) {
                throw new IllegalArgumentException("not VERSION sha256:HEX: " + line);
            }
            if (byVersion.put(f[0], f[1]) != null) {
                throw new IllegalArgumentException("version " + f[0] + " recorded twice");
            }
            if (!digests.add(f[1])) {
                throw new IllegalArgumentException("digest " + f[1] + " recorded for two versions");
            }
        }
        return byVersion;
    }
}
