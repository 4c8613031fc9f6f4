package app.convene.clients;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Spectral's recommended OpenAPI rules ({@code spectral:oas}, through the module's .spectral.yaml) find no error in
 * any service's document. Warnings are printed; the README lists those that remain.
 */
class SpectralLintTest {
    @ParameterizedTest
    @EnumSource(Documents.class)
    void theDocumentBreaksNoRecommendedRule(Documents document) {
        document.read();
        Node.Run lint = Node.tool("spectral", "lint", "--ruleset", ".spectral.yaml", "--fail-severity", "error",
                document.file().toString());
        System.out.println("Spectral, " + document.module + ":\n" + lint.output());
        assertThat(lint.exitCode()).as("spectral lint of %s:%n%s", document.module, lint.output()).isZero();
    }
}
