package io.github.ftzoutbound.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The OpenAPI 3.1 document and the JSON Schemas it references ({@code /schemas/request.schema.json},
 * {@code /schemas/decision.schema.json}). The schemas are copies of {@code docs/schemas/}; a test keeps them equal
 * and validates example requests and decisions against them.
 */
final class OpenApi {
    static final Set<String> SCHEMAS = Set.of("request.schema.json", "decision.schema.json");
    private static final String DOCUMENT = resource("openapi.json");

    private OpenApi() {
    }

    static String document() {
        return DOCUMENT;
    }

    /** The schema of that name, or null when there is none. */
    static String schema(String name) {
        return SCHEMAS.contains(name) ? resource("schemas/" + name) : null;
    }

    static String resource(String name) {
        try (InputStream in = OpenApi.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
