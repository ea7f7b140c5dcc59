package io.github.ftzoutbound;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a Java application inherits when it depends on ftz-outbound-core alone (issue 15): Drools (executable model,
 * no compiler), Jackson, SnakeYAML and slf4j, nothing else. Reads the run-time class path that the
 * maven-dependency-plugin lists into target/runtime-dependencies.txt before the tests (core's pom), and fails when a
 * non-optional compile or runtime dependency is outside src/test/resources/allowed-runtime-dependencies.txt, or is
 * one of the jars core must never bring whatever the allow-list says (databases, the command line, the ECJ compiler,
 * spreadsheets, HTTP).
 */
class CoreDependenciesTest {
    private static final Path LISTED = Path.of("target/runtime-dependencies.txt");
    private static final List<String> NEVER = List.of("com.h2database:", "org.postgresql:", "info.picocli:",
            "org.eclipse.jdt:ecj", "org.drools:drools-ecj", "org.apache.poi:", "com.zaxxer:", "org.flywaydb:",
            "io.javalin:", "org.slf4j:slf4j-simple", "de.siegmar:", "org.apache.commons:commons-csv");

    /** group:artifact of every non-optional run-time dependency of core. */
    static List<String> inherited(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            String t = line.strip();
            String[] coords = t.split("\\s+")[0].split(":");
            if (coords.length < 5 || t.contains("(optional)")) {
                continue;
            }
            String scope = coords[coords.length - 1];
            if (scope.equals("compile") || scope.equals("runtime")) {
                out.add(coords[0] + ":" + coords[1]);
            }
        }
        return out;
    }

    static boolean allowed(String ga, List<String> allowList) {
        for (String a : allowList) {
            if (a.equals(ga) || (a.endsWith(":*") && ga.startsWith(a.substring(0, a.length() - 1)))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void coreBringsOnlyTheAllowedLibraries() throws IOException {
        assertTrue(Files.exists(LISTED), LISTED + " is written by the maven-dependency-plugin in core's build:"
                + " run the tests through Maven");
        List<String> deps = inherited(Files.readAllLines(LISTED, StandardCharsets.UTF_8));
        assertTrue(deps.contains("org.drools:drools-core"), "the listing names Drools: " + deps);
        List<String> allowList = Files.readAllLines(Path.of("src/test/resources/allowed-runtime-dependencies.txt"))
                .stream().map(String::strip).filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
        List<String> outside = deps.stream().filter(d -> !allowed(d, allowList)).toList();
        assertEquals(List.of(), outside, "core gained run-time dependencies outside its allowed set");
        List<String> banned = deps.stream().filter(d -> NEVER.stream().anyMatch(d::startsWith)).toList();
        assertEquals(List.of(), banned, "core must never bring these to a library user");
    }

    @Test
    void theCheckCatchesAForbiddenJar() {
        List<String> listing = List.of("The following files have been resolved:",
                "   org.drools:drools-core:jar:10.2.0:compile -- module org.drools.core",
                "   com.h2database:h2:jar:2.3.232:compile -- module com.h2database",
                "   org.drools:drools-mvel:jar:10.2.0:compile (optional) -- module org.drools.mvel",
                "   org.junit.jupiter:junit-jupiter:jar:5.14.1:test");
        List<String> deps = inherited(listing);
        assertEquals(List.of("org.drools:drools-core", "com.h2database:h2"), deps);
        List<String> allowList = List.of("org.drools:*");
        assertTrue(allowed("org.drools:drools-core", allowList));
        assertFalse(allowed("com.h2database:h2", allowList));
        assertTrue(NEVER.stream().anyMatch("com.h2database:h2"::startsWith));
    }
}
