package io.jenkins.plugins.securedeploy.engine.scan;

import io.jenkins.plugins.securedeploy.engine.scan.registry.ScannerRegistry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every parser given every other format's corpus reports, clean or not, must refuse them (an exception or an ERROR
 * result), never read them as "N findings" or "0 findings": {@code --format X} on another tool's report is an error.
 */
class CrossFormatTest {
    @TestFactory
    Stream<DynamicNode> everyParserRefusesEveryOtherFormatsReports() {
        return ScannerRegistry.standard().all().stream().map(parser -> DynamicContainer.dynamicContainer(
                "--format " + parser.id(), ReportCorpus.all().stream()
                        .filter(c -> !c.descriptor().id().equals(parser.id()))
                        .map(c -> DynamicTest.dynamicTest(c.name(), () -> refuses(parser, c)))));
    }

    private static void refuses(ScannerDescriptor parser, ReportCorpus.Case c) {
        String name = c.report().getFileName().toString();
        try {
            ScanResult r = parser.createParser().parse(new ByteArrayInputStream(c.bytes()), name);
            if (!r.isError()) {
                fail("--format %s read the %s report %s as %s with %d findings", parser.id(), c.descriptor().id(),
                        name, r.status(), r.findings().size());
            }
        } catch (InvalidInputException expected) {
            assertThat(expected.problems()).isNotEmpty()
                    .allSatisfy(p -> assertThat(p.location().file()).isEqualTo(name));
        }
    }
}
