package app.convene.clients;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Node.js tools of this module (Spectral, tsc), installed from the committed package-lock.json into the module's
 * node_modules (ignored by git; installed again only when the lock file changes). Without node and npm the checks
 * that need them are skipped and say why, unless {@code -Dclients.node.require=true}.
 */
final class Node {
    static final String REQUIRE = "clients.node.require";
    static final Path MODULE = Documents.ROOT.resolve("clients/typescript");
    private static final Path STAMP = MODULE.resolve("node_modules/.convene-lock-sha256");
    private static boolean installed;
    private static boolean toldWhySkipped;

    private Node() {
    }

    /** The result of one command: its exit code and what it printed (output and errors together). */
    record Run(int exitCode, String output) {
    }

    /** Runs a tool of node_modules/.bin (installing them first if need be) in the module's folder. */
    static Run tool(String tool, String... arguments) {
        install();
        List<String> command = new ArrayList<>();
        command.add(MODULE.resolve("node_modules/.bin").resolve(tool).toString());
        command.addAll(List.of(arguments));
        return run(command, 300);
    }

    private static synchronized void install() {
        if (installed) {
            return;
        }
        // The tools are node scripts: without node they could not start even when node_modules is there.
        Run node = run(List.of("node", "--version"), 60);
        Assertions.assertEquals(0, node.exitCode(), "node --version failed:\n" + node.output());
        String lock = sha256(MODULE.resolve("package-lock.json"));
        try {
            if (!Files.isRegularFile(STAMP) || !Files.readString(STAMP).equals(lock)) {
                Run ci = run(List.of("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"), 600);
                Assertions.assertEquals(0, ci.exitCode(), "npm ci failed:\n" + ci.output());
                Files.writeString(STAMP, lock);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        installed = true;
    }

    private static synchronized Run run(List<String> command, int timeoutSeconds) {
        try {
            Process process = new ProcessBuilder(command).directory(MODULE.toFile()).redirectErrorStream(true)
                    .start();
            byte[] output = process.getInputStream().readAllBytes();
            Assertions.assertTrue(process.waitFor(timeoutSeconds, TimeUnit.SECONDS),
                    String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
            return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            String message = "%s: node 18+ and npm are needed for the Spectral and tsc checks of the OpenAPI "
                    + "documents and the TypeScript client (Debian/Ubuntu: apt-get install nodejs npm). (%s)";
            message = message.formatted(command.get(0), e.getMessage());
            if (Boolean.getBoolean(REQUIRE)) {
                return Assertions.fail(message + " -D" + REQUIRE + "=true makes this a failure.");
            }
            if (!toldWhySkipped) {
                // Said once in the build's output, not only in the test reports.
                System.out.println("[WARNING] Spectral and tsc checks of clients/typescript SKIPPED: " + message);
                toldWhySkipped = true;
            }
            Assumptions.abort("not checked: " + message);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
