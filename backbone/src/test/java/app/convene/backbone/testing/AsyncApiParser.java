package app.convene.backbone.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Validates a document with the AsyncAPI Initiative's own parser ({@code @asyncapi/parser}, on Node.js), where this
 * machine has it: {@code node} on the PATH and the parser installed under {@link #directory()} (CI installs it; see
 * README, AsyncAPI). Without either the check is skipped and says why.
 */
public final class AsyncApiParser {
    private static final String SCRIPT = """
            import { Parser } from '@asyncapi/parser';
            import { readFileSync } from 'node:fs';
            const diagnostics = await new Parser().validate(readFileSync(process.argv[2], 'utf8'));
            let errors = 0;
            for (const d of diagnostics) {
              if (d.severity === 0) errors++;
              console.log(`severity ${d.severity} ${d.code} at ${d.path.join('.')}: ${d.message}`);
            }
            console.log(`errors: ${errors}`);
            process.exit(errors ? 1 : 0);
            """;

    /** Where the parser is installed: {@code ASYNCAPI_PARSER_DIR}, else {@code ~/.cache/convene/asyncapi-parser}. */
    public static Path directory() {
        String configured = System.getenv("ASYNCAPI_PARSER_DIR");
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "convene", "asyncapi-parser");
    }

    private AsyncApiParser() {
    }

    /** Fails, with the parser's diagnostics, unless it finds no error in the document; skipped without the parser. */
    public static void validate(Path document) throws IOException, InterruptedException {
        Path parser = directory();
        Path module = parser.resolve("node_modules").resolve("@asyncapi").resolve("parser");
        Assumptions.assumeTrue(Files.isDirectory(module), "Skipped: no @asyncapi/parser under " + parser
                + " (npm install --prefix " + parser + " @asyncapi/parser@3, or set ASYNCAPI_PARSER_DIR)");
        Assumptions.assumeTrue(nodeRuns(), "Skipped: no node on the PATH to run @asyncapi/parser");
        Path script = parser.resolve("convene-validate.mjs");
        Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);
        Process process = new ProcessBuilder("node", script.toString(), document.toAbsolutePath().toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("@asyncapi/parser did not finish within 2 minutes");
        }
        if (process.exitValue() != 0 || !output.contains("errors: 0")) {
            throw new AssertionError("@asyncapi/parser finds errors in " + document + ":\n" + output);
        }
    }

    private static boolean nodeRuns() {
        try {
            Process process = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
