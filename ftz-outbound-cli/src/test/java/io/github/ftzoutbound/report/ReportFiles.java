package io.github.ftzoutbound.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Reads a report folder back as the page's script does: the data files decoded (base64, gzip, JSON). */
public final class ReportFiles {
    private static final Pattern CALL = Pattern.compile("^FTZ\\.(rows|chunk\\(\\d+,)\\(?\"([A-Za-z0-9+/=]*)\"\\);\\n$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportFiles() {
    }

    /** The JSON text inside a data file; fails unless the file is exactly one script call with base64 in it. */
    public static String json(Path dataFile) {
        try {
            String js = Files.readString(dataFile, StandardCharsets.US_ASCII);
            Matcher m = CALL.matcher(js);
            if (!m.matches()) {
                throw new AssertionError(dataFile + " is not FTZ.rows(\"…\") or FTZ.chunk(n,\"…\")");
            }
            byte[] gz = Base64.getDecoder().decode(m.group(2));
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode rows(Path report) throws IOException {
        return JSON.readTree(json(report.resolve("data/rows.js")));
    }

    public static List<JsonNode> chunks(Path report) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(report.resolve("data"))) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith("chunk-")).sorted().toList()) {
                out.add(JSON.readTree(json(p)));
            }
        }
        return out;
    }

    /** Every file of the report, decoded: index.html as it is, the data files as their JSON. */
    public static String everything(Path report) throws IOException {
        StringBuilder sb = new StringBuilder(Files.readString(report.resolve("index.html")));
        try (Stream<Path> s = Files.list(report.resolve("data"))) {
            for (Path p : s.sorted().toList()) {
                sb.append('\n').append(json(p));
            }
        }
        return sb.toString();
    }

    public static long size(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
