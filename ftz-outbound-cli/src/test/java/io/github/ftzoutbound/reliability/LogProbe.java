package io.github.ftzoutbound.reliability;

import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.cli.Main;
import io.github.ftzoutbound.model.InvalidRequestException;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run in its own JVM by {@link LogHygieneTest}, with slf4j-simple writing every logger at INFO and above to a
 * file: builds the service and pushes requests full of recognisable content through every entry point (Java, JSON,
 * {@code evaluate}, {@code evaluate-batch}), valid and invalid ones. Arguments: the canary token, a scratch directory.
 */
public final class LogProbe {
    private LogProbe() {
    }

    /** A request whose every free-text value and count carries the canary, so a logged value is recognisable. */
    static String request(String canary, String requestId, boolean valid) {
        return """
                {"requestId":"%2$s","evaluationDate":"2026-11-23",
                 "processor":{"name":"%1$s-PROCESSOR","ftz":"ZHEJIANG","zone":"NINGBO","ciio":false,
                   "sector":"CROSS_BORDER_ECOMMERCE",
                   "holdings":{"individuals":7654321,"sensitiveIndividuals":345678,"sensitiveAccountOrMedicalIndividuals":45678},
                   "exportedThisYear":{"individuals":1234567,"sensitiveIndividuals":23456}},
                 "scenario":"CROSS_BORDER_ECOMMERCE_PLATFORM","basis":"NONE","treaty":"%1$s-TREATY",
                 "recipient":{"name":"%1$s-RECIPIENT","country":"DE"},
                 "dataItems":[{"id":"%1$s-ITEM","name":"%1$s-ITEM-NAME","fields":["BUYER_ID_NUMBER"],
                               "personalInformation":{"individuals":3456789,"sensitiveIndividuals":56789}%3$s},
                              {"id":"%1$s-OTHER","name":"%1$s-OTHER-NAME","importantData":"SELF_IDENTIFIED",
                               "exportControlled":true}]}"""
                .formatted(canary, requestId, valid ? "" : ",\"cio\":\"" + canary + "-UNKNOWN\"");
    }

    public static void main(String[] args) throws Exception {
        String canary = args[0];
        Path dir = Path.of(args[1]);
        ExportDecisionService service = ExportDecisionService.bundled();
        service.evaluateJson(request(canary, "LOG-1", true));
        try {
            service.evaluateJson(request(canary, "LOG-2", false));
        } catch (InvalidRequestException expected) {
            // refused, as it should be
        }
        cli(request(canary, "LOG-3", true).getBytes(StandardCharsets.UTF_8), "evaluate", "-");
        cli(request(canary, "LOG-4", false).getBytes(StandardCharsets.UTF_8), "evaluate", "-");
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, request(canary, "LOG-5", true).replace("\n", "") + "\n"
                + request(canary, "LOG-6", false).replace("\n", "") + "\n{\"" + canary + "\":1}\n");
        cli(new byte[0], "evaluate-batch", in.toString(), dir.resolve("out.jsonl").toString());
        System.out.println("probe done");
    }

    private static void cli(byte[] stdin, String... args) {
        InputStream in = new ByteArrayInputStream(stdin);
        Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), in);
    }
}
