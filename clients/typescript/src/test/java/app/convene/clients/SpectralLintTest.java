package app.convene.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Spectral's recommended OpenAPI rules ({@code spectral:oas}, through the module's .spectral.yaml) find no error in
 * any service's document. Warnings are printed; the README lists those that remain. Spectral runs once, over the
 * four documents.
 */
class SpectralLintTest {
    private static final String[] SEVERITIES = { "error", "warning", "info", "hint" };
    private static JsonNode results;

    @ParameterizedTest
    @EnumSource(Documents.class)
    void theDocumentBreaksNoRecommendedRule(Documents document) {
        List<String> errors = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (JsonNode result : results()) {
            if (!Path.of(result.path("source").asText()).equals(document.file())) {
                continue;
            }
            int severity = result.path("severity").asInt();
            String line = "%s %s: %s (at %s, line %d)".formatted(SEVERITIES[severity], result.path("code").asText(),
                    result.path("message").asText(), String.join(".", paths(result.path("path"))),
                    result.path("range").path("start").path("line").asInt() + 1);
            (severity == 0 ? errors : others).add(line);
        }
        System.out.printf("Spectral, %s: %d errors, %d warnings and hints%n", document.module, errors.size(),
                others.size());
        others.forEach(line -> System.out.println("  " + line));
        assertThat(errors).as("Spectral's errors in %s", document.file()).isEmpty();
    }

    private static synchronized JsonNode results() {
        if (results == null) {
            Path output = Node.MODULE.resolve("target/spectral.json");
            List<String> arguments = new ArrayList<>(List.of("lint", "--ruleset", ".spectral.yaml", "--format", "json",
                    "--output", output.toString()));
            for (Documents document : Documents.values()) {
                document.read();
                arguments.add(document.file().toString());
            }
            try {
                Files.deleteIfExists(output);
                Node.Run lint = Node.tool("spectral", arguments.toArray(String[]::new));
                // 0: nothing at error level, 1: errors (listed per document); anything else: Spectral failed.
                assertThat(lint.exitCode()).as("spectral lint:%n%s", lint.output()).isBetween(0, 1);
                results = new ObjectMapper().readTree(output.toFile());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return results;
    }

    private static List<String> paths(JsonNode path) {
        List<String> parts = new ArrayList<>();
        path.forEach(part -> parts.add(part.asText()));
        return parts;
    }
}
