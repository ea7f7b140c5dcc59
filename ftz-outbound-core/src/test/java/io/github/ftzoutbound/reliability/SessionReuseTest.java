package io.github.ftzoutbound.reliability;

import io.github.ftzoutbound.TestServices;
import io.github.ftzoutbound.api.EvaluationException;
import io.github.ftzoutbound.api.ExportDecisionService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Sessions are reused per thread (issue 14 step 3); a failed evaluation's session is not (engine/Sessions). */
class SessionReuseTest {
    /**
     * Through the engine: an evaluation that stops at the firing limit leaves nothing behind for the next
     * evaluation on the same thread, which decides exactly as a fresh service does.
     */
    @Test
    void afterALoopingEvaluationTheThreadDecidesAsBefore(@TempDir Path dir) throws Exception {
        Path rules = TestServices.copyBundledRules(dir);
        Files.writeString(rules.resolve("engine/loop-on-one-item.drl"), """
                package rules.engine
                import io.github.ftzoutbound.engine.facts.ExportItem;
                global io.github.ftzoutbound.engine.facts.Outcome outcome;
                rule "Test: loops on the item called loop"
                    @noClause("test: a request-dependent loop")
                    salience 300
                when
                    $item : ExportItem( id == "loop" )
                then
                    outcome.fired( drools );
                    update( $item );
                end
                """);
        ExportDecisionService service = ExportDecisionService.builder().rulesDirectory(rules)
                .allowUnvalidatedRules().build();
        String good = Files.readString(Path.of("src/test/resources/requests/ten-items-zhejiang.json"));
        String looping = """
                {"requestId":"L","evaluationDate":"2026-11-23","processor":{"ftz":"NONE","ciio":false},
                 "dataItems":[{"id":"loop","personalInformation":{"individuals":5}}]}""";
        String before = Json.canonical(service.evaluateJson(good), true);
        assertThrows(EvaluationException.class, () -> service.evaluateJson(looping));
        assertEquals(before, Json.canonical(service.evaluateJson(good), true));
        assertEquals(before, Json.canonical(ExportDecisionService.builder().rulesDirectory(rules)
                .allowUnvalidatedRules().build().evaluateJson(good), true));
    }
}
