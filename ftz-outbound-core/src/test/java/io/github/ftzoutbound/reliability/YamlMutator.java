package io.github.ftzoutbound.reliability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Mutations of negative-list files, and the classic YAML attacks that must always be refused. */
final class YamlMutator {
    /** Built only if a YAML tag instantiated a type: the fuzz test asserts that never happens. */
    public static final class Canary {
        private static volatile boolean instantiated;

        public Canary() {
            instantiated = true;
        }

        public Canary(String anything) {
            instantiated = true;
        }

        static boolean instantiated() {
            return instantiated;
        }
    }

    static final String CANARY_TAG = "!!" + Canary.class.getName();

    private YamlMutator() {
    }

    static final String GOOD = """
            id: FUZZ-1
            ftz: ZHEJIANG
            status: OFFICIAL
            title: fuzz
            version: "1"
            effectiveFrom: 2026-01-01
            sectors: [S]
            entries:
              - id: FUZZ-1-1
                dataClass: PERSONAL_INFORMATION
                fields: [F]
                threshold: { individualsAtLeast: 100 }
                pathway: SECURITY_ASSESSMENT
            """;

    /** Attacks every list loader must refuse outright. */
    static List<String> classics() {
        List<String> out = new ArrayList<>();
        // Billion laughs: nine levels of nine aliases each.
        StringBuilder laughs = new StringBuilder("a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (int i = 1; i <= 9; i++) {
            laughs.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                laughs.append(j == 0 ? "" : ",").append("*a").append(i - 1);
            }
            laughs.append("]\n");
        }
        out.add(laughs.toString());
        out.add(GOOD.replace("sectors: [S]", "sectors: &s [S, *s]"));
        out.add(GOOD.replace("sectors: [S]", "sectors: &s [S]\nscenarios: *s"));
        out.add(GOOD.replace("  - id: FUZZ-1-1\n", "  - &e\n    id: FUZZ-1-1\n") + "  - <<: *e\n    id: FUZZ-1-2\n");
        out.add(GOOD.replace("title: fuzz", "title: " + CANARY_TAG + " {}"));
        out.add(GOOD.replace("title: fuzz", "title: " + CANARY_TAG + " [x]"));
        out.add(GOOD.replace("title: fuzz", "title: " + CANARY_TAG + " x"));
        out.add(CANARY_TAG + " {}\n");
        out.add("!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1/\"]]]]\n");
        out.add(GOOD.replace("sectors: [S]", "sectors: " + "[".repeat(100) + "S" + "]".repeat(100)));
        out.add(GOOD.replace("title: fuzz", "title: " + "x".repeat(1024 * 1024 + 1)));
        out.add(GOOD + GOOD.substring(0, GOOD.indexOf('\n') + 1)); // duplicate key id
        out.add(GOOD + "---\n" + GOOD);
        out.add("");
        out.add("---\n");
        out.add("~\n");
        out.add("[1, 2]\n");
        out.add(GOOD.replace("ftz: ZHEJIANG", "ftz: !<tag:evil.example,2026:x> ZHEJIANG"));
        out.add(GOOD.replace("version: \"1\"", "version: \"1\"\nunknownKey: 1"));
        return out;
    }

    static final String[] TOKENS = {"&a ", "*a", "!!", "!!python/object/apply:os.system ", "!<tag:x> ", "{", "}", "[",
            "]", ": ", "- ", "'", "\"", "#", "\t", "%YAML 1.1\n", "---\n", "...\n", "<<: *a\n", "? ", "|", ">", "\u0000",
            "\uFEFF", "\n", "  ", CANARY_TAG + " {}", "&b [*b]"};
    static final String[] VALUES = {CANARY_TAG + " {}", CANARY_TAG + " x", "&x [1]", "*x", "~", "null", "[" .repeat(40),
            "x".repeat(5000), "2025-13-45", "99999999999999999999999", "-1", "0", "0x10", "1_000", ".inf", "yes", "on",
            "[]", "{}", "\"\"", "!!str 5", "!!int 2026-01-01", "!!binary aGVsbG8=", "!!timestamp 2026-01-01",
            "{ individualsAtLeast: 1, sensitiveIndividualsAtLeast: 1 }", "[S, S]", "SECURITY_ASSESSMENT", "EXEMPT",
            "IMPORTANT_DATA", "2027-01-01", "2020-01-01", "'quoted'", "|\n  block\n"};

    static String mutate(String seed, Random random) {
        List<String> lines = new ArrayList<>(Arrays.asList(seed.split("\n", -1)));
        int steps = 1 + random.nextInt(3);
        for (int s = 0; s < steps; s++) {
            int at = random.nextInt(lines.size());
            switch (random.nextInt(8)) {
                case 0 -> lines.remove(at);
                case 1 -> lines.add(at, lines.get(at));
                case 2 -> {
                    int other = random.nextInt(lines.size());
                    String x = lines.get(at);
                    lines.set(at, lines.get(other));
                    lines.set(other, x);
                }
                case 3 -> lines.set(at, (random.nextBoolean() ? " " : "   ") + lines.get(at));
                case 4 -> {
                    String line = lines.get(at);
                    int pos = random.nextInt(line.length() + 1);
                    lines.set(at, line.substring(0, pos) + TOKENS[random.nextInt(TOKENS.length)] + line.substring(pos));
                }
                case 5, 6 -> {
                    String line = lines.get(at);
                    int colon = line.indexOf(": ");
                    if (colon > 0) {
                        lines.set(at, line.substring(0, colon + 2) + VALUES[random.nextInt(VALUES.length)]);
                    }
                }
                default -> lines.add(at, random.nextBoolean() ? "unknownKey: 1" : "  - id: DUP\n    dataClass: IMPORTANT_DATA");
            }
            if (lines.isEmpty()) {
                lines.add("");
            }
        }
        return String.join("\n", lines);
    }
}
