package io.github.ftzoutbound.engine;

import io.github.ftzoutbound.api.Citation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The citation catalog in a precompiled form the build writes beside it ({@link BundledIndex#main}), read at
 * start-up instead of parsing the 88 KB of YAML with SnakeYAML (about 0.05–0.1 s of a command line's start,
 * docs/performance.md, Cold start). The YAML stays the source the legal team edits and the file the rule-set
 * digest covers; this form is only a faster way to the same catalog:
 *
 * <ul>
 *   <li>it records the SHA-256 of the YAML text it was made from, and is used only for exactly that text: a
 *       catalog edited since the build, or a rules folder's own catalog, is parsed from its YAML;</li>
 *   <li>it is made by parsing and checking the YAML at build time, so a broken catalog fails the build;</li>
 *   <li>a form that cannot be read (truncated, another format version) is ignored with a warning, and the YAML is
 *       parsed: never a partial catalog.</li>
 * </ul>
 * Format (DataOutputStream): magic, format version, the source's SHA-256 (32 bytes), the number of clauses, then per
 * clause the instrument, six optional integers (article, paragraph, item, subItem, rule, category), optional label
 * and text; an optional value is a presence byte before it. Strings are a length and UTF-8 bytes.
 */
final class CatalogCache {
    static final String RESOURCE = "META-INF/ftz-outbound/catalog.bin";
    private static final int MAGIC = 0x46545a43; // "FTZC"
    private static final int FORMAT = 1;
    private static final Logger LOG = LoggerFactory.getLogger(CatalogCache.class);

    private CatalogCache() {
    }

    /** The precompiled form of a catalog parsed from {@code source}. */
    static byte[] write(SourceFile source, CitationCatalog catalog) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.write(sha256(source));
            out.writeInt(catalog.all().size());
            for (Citation c : catalog.all()) {
                string(out, c.instrument());
                for (Integer i : Arrays.asList(c.article(), c.paragraph(), c.item(), c.subItem(), c.rule(),
                        c.category())) {
                    out.writeBoolean(i != null);
                    if (i != null) {
                        out.writeInt(i);
                    }
                }
                optional(out, c.label());
                optional(out, c.text());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The catalog of {@code source} from the bundled precompiled form, or null when there is none for it. */
    static CitationCatalog read(SourceFile source) {
        byte[] form;
        try (InputStream in = CatalogCache.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return null;
            }
            form = in.readAllBytes();
        } catch (IOException e) {
            LOG.warn("{}: cannot be read ({}); parsing {} instead", RESOURCE, e.getMessage(), source.path());
            return null;
        }
        return read(form, source);
    }

    /** The catalog in {@code form} if it was made from {@code source}, else null. */
    static CitationCatalog read(byte[] form, SourceFile source) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(form))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
                LOG.warn("{}: not a catalog form this version reads; parsing {} instead", RESOURCE, source.path());
                return null;
            }
            byte[] made = new byte[32];
            in.readFully(made);
            if (!Arrays.equals(made, sha256(source))) {
                LOG.debug("{} was made from another catalog than {}: parsing the YAML", RESOURCE, source.path());
                return null;
            }
            int n = in.readInt();
            List<Citation> clauses = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                String instrument = string(in);
                Integer[] numbers = new Integer[6];
                for (int j = 0; j < numbers.length; j++) {
                    numbers[j] = in.readBoolean() ? in.readInt() : null;
                }
                String label = optional(in);
                String text = optional(in);
                clauses.add(new Citation(instrument, numbers[0], numbers[1], numbers[2], numbers[3], numbers[4],
                        numbers[5], null, null, label, text));
            }
            if (in.read() != -1) {
                LOG.warn("{}: trailing bytes; parsing {} instead", RESOURCE, source.path());
                return null;
            }
            return CitationCatalog.of(clauses);
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: damaged ({}); parsing {} instead", RESOURCE, e.toString(), source.path());
            return null;
        }
    }

    private static byte[] sha256(SourceFile source) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(source.content().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static void optional(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            string(out, s);
        }
    }

    private static String string(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("string length " + length + " past the end");
        }
        byte[] b = new byte[length];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static String optional(DataInputStream in) throws IOException {
        return in.readBoolean() ? string(in) : null;
    }
}
