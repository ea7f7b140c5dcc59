package io.github.ftzoutbound.engine;

import io.github.ftzoutbound.api.Citation;
import io.github.ftzoutbound.api.RuleSetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The citation catalog's precompiled form (issue 14, step 6) is a faster way to the very catalog the YAML holds,
 * never another one: same clauses, labels and texts; used only for the YAML it was made from; ignored, not
 * trusted, when damaged.
 */
class CatalogCacheTest {
    private static final String YAML = """
            - instrument: CBDF
              article: 8
              label: 第八条
              text: 关键信息基础设施运营者以外的数据处理者……
            - instrument: PIPL
              article: 38
              paragraph: 3
              label: 第三十八条第三款
              noText: paraphrase only
            """;

    @Test
    void theBuildsFormHoldsExactlyTheBundledYamlsCatalog() {
        SourceFile source = CitationCatalog.bundledSource();
        CitationCatalog cached = CatalogCache.read(source);
        assertNotNull(cached, "the build (process-classes) writes " + CatalogCache.RESOURCE);
        List<Citation> fromYaml = new ArrayList<>(CitationCatalog.parseYaml(source).all());
        assertTrue(fromYaml.size() > 100, "catalog size " + fromYaml.size());
        assertEquals(fromYaml, new ArrayList<>(cached.all()));
    }

    @Test
    void roundTripsEveryFieldIncludingAbsentOnes() {
        SourceFile source = new SourceFile("citations/catalog.yaml", YAML);
        CitationCatalog yaml = CitationCatalog.parseYaml(source);
        byte[] form = CatalogCache.write(source, yaml);
        CitationCatalog read = CatalogCache.read(form, source);
        assertNotNull(read);
        assertEquals(new ArrayList<>(yaml.all()), new ArrayList<>(read.all()));
        Citation pipl = read.find(new Citation("PIPL", 38, 3, null, null, null, null, null, null, null, null))
                .orElseThrow();
        assertEquals("第三十八条第三款", pipl.label());
        assertNull(pipl.text());
        assertNull(pipl.item());
    }

    @Test
    void aCatalogEditedSinceTheBuildIsParsedFromItsYaml() {
        SourceFile built = new SourceFile("citations/catalog.yaml", YAML);
        byte[] form = CatalogCache.write(built, CitationCatalog.parseYaml(built));
        SourceFile edited = new SourceFile("citations/catalog.yaml", YAML.replace("第八条", "第八条（改）"));
        assertNull(CatalogCache.read(form, edited));
        // The bundled form is for the bundled YAML only: an edited copy (a rules folder's own catalog) is parsed.
        SourceFile bundledEdited = new SourceFile(CitationCatalog.RESOURCE,
                CitationCatalog.bundledSource().content() + "\n- instrument: TEST\n  article: 1\n  label: t\n  text: t\n");
        assertTrue(CitationCatalog.parse(bundledEdited).find(
                new Citation("TEST", 1, null, null, null, null, null, null, null, null, null)).isPresent());
        // and a broken one still fails closed
        SourceFile broken = new SourceFile(CitationCatalog.RESOURCE, CitationCatalog.bundledSource().content()
                + "\n- instrument: TEST\n  article: 1\n  label: t\n");
        assertThrows(RuleSetException.class, () -> CitationCatalog.parse(broken));
    }

    @Test
    void aDamagedFormIsIgnoredNeverReadInPart() {
        SourceFile source = new SourceFile("citations/catalog.yaml", YAML);
        byte[] form = CatalogCache.write(source, CitationCatalog.parseYaml(source));
        for (int cut = 0; cut < form.length; cut += 7) {
            assertNull(CatalogCache.read(Arrays.copyOf(form, cut), source), "cut at " + cut);
        }
        byte[] longer = Arrays.copyOf(form, form.length + 1);
        assertNull(CatalogCache.read(longer, source), "trailing byte");
        byte[] otherFormat = form.clone();
        otherFormat[7] = 9;
        assertNull(CatalogCache.read(otherFormat, source), "format version");
        byte[] hugeLength = form.clone();
        // the first string's length, after magic, format, hash and count: 4 + 4 + 32 + 4 bytes
        hugeLength[44] = 0x7f;
        assertNull(CatalogCache.read(hugeLength, source), "string length past the end");
    }

    @Test
    void aBrokenCatalogFailsTheBuildThatPrecompilesIt(@TempDir Path tmp) throws Exception {
        Files.createDirectories(tmp.resolve("citations"));
        Files.writeString(tmp.resolve(CitationCatalog.RESOURCE), YAML + "- instrument: X\n  article: 1\n");
        assertThrows(RuleSetException.class, () -> BundledIndex.main(new String[] {tmp.toString()}));
        assertTrue(Files.notExists(tmp.resolve(CatalogCache.RESOURCE)));
        Files.writeString(tmp.resolve(CitationCatalog.RESOURCE), YAML);
        BundledIndex.main(new String[] {tmp.toString()});
        SourceFile source = new SourceFile(CitationCatalog.RESOURCE, YAML);
        assertEquals(new ArrayList<>(CitationCatalog.parseYaml(source).all()),
                new ArrayList<>(CatalogCache.read(Files.readAllBytes(tmp.resolve(CatalogCache.RESOURCE)), source).all()));
    }
}
