package io.github.ftzoutbound;

import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.model.DataItem;
import io.github.ftzoutbound.model.ExportRequest;
import io.github.ftzoutbound.model.Ftz;
import io.github.ftzoutbound.model.Holdings;
import io.github.ftzoutbound.model.Pathway;
import io.github.ftzoutbound.model.PersonCounts;
import io.github.ftzoutbound.model.Processor;
import io.github.ftzoutbound.model.Recipient;
import io.github.ftzoutbound.model.RequestReader;
import io.github.ftzoutbound.model.Zone;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's Java builder example, compiled and run. The lines between the BEGIN and END markers below must be
 * the README's snippet (marked {@code <!-- compiled by ReadmeJavaExampleTest -->}) word for word, indentation
 * aside: {@link #theReadmeShowsExactlyThisCode} fails otherwise.
 */
class ReadmeJavaExampleTest {
    private static final Path THIS_FILE = Path.of("../ftz-outbound-core/src/test/java/io/github/ftzoutbound/ReadmeJavaExampleTest.java");

    @Test
    void theExampleBuildsTheContractRequestAndDecidesIt() {
        ExportDecisionService service = TestServices.bundled();
        // BEGIN README
        ExportRequest request = ExportRequest.builder()
                .requestId("REQ-2026-0042")
                .evaluationDate(LocalDate.of(2026, 11, 23))
                .processor(Processor.builder(Ftz.JIANGSU)
                        .name("Suzhou Example Auto Parts Co., Ltd.")
                        .zone(Zone.SUZHOU)
                        .sector("CROSS_BORDER_ECOMMERCE")
                        .holdings(Holdings.builder().individuals(2_500_000).sensitiveIndividuals(40_000).build())
                        .exportedThisYear(PersonCounts.individuals(60_000))
                        .build())
                .scenario("CROSS_BORDER_ECOMMERCE_PLATFORM")
                .recipient(Recipient.of("Example GmbH", "DE"))
                .personalInformationTotals(PersonCounts.individuals(45_000))
                .dataItem(DataItem.builder("orders")
                        .name("Order records with buyer contact details")
                        .category(35)
                        .fields("BUYER_NAME", "BUYER_PHONE", "SHIPPING_ADDRESS")
                        .personalInformation(PersonCounts.individuals(45_000))
                        .build())
                .build();

        ExportDecision decision = service.evaluate(request);   // STANDARD_CONTRACT_OR_CERTIFICATION
        // END README
        assertEquals(Pathway.STANDARD_CONTRACT_OR_CERTIFICATION, decision.pathway());
        // The same request as the contract's example JSON in the README.
        assertEquals(RequestReader.read(readmeBlock("json", "the contract's example request")), request);
    }

    @Test
    void theReadmeShowsExactlyThisCode() throws IOException {
        String source = Files.readString(THIS_FILE, StandardCharsets.UTF_8);
        String here = source.substring(source.indexOf("// BEGIN README\n") + "// BEGIN README\n".length(),
                source.indexOf("        // END README"));
        assertEquals(normalize(here), normalize(readmeBlock("java", "compiled by ReadmeJavaExampleTest")),
                "README.md's builder example and this test differ: copy one to the other");
    }

    /** The fenced block of this language that follows the HTML comment {@code <!-- marker -->} in README.md. */
    static String readmeBlock(String language, String marker) {
        try {
            String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("<!-- " + Pattern.quote(marker) + " -->\\s*```" + language
                    + "\\n(.*?)```", Pattern.DOTALL).matcher(readme);
            assertTrue(m.find(), "README.md has no ```" + language + " block after <!-- " + marker + " -->");
            return m.group(1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lines without their common indentation and without trailing blanks. */
    private static String normalize(String block) {
        List<String> lines = block.stripTrailing().lines().map(String::stripTrailing).toList();
        int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
                .min().orElse(0);
        return String.join("\n", lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList());
    }
}
