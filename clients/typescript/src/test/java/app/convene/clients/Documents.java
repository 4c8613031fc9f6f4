package app.convene.clients;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The services' OpenAPI documents as their builds wrote them ({@code quarkus.smallrye-openapi.store-schema-directory},
 * set once in the backbone's configuration): the same document a running service serves at {@code /q/openapi}.
 */
enum Documents {
    REGISTRATION("registration-service"),
    BUDGET("budget-service"),
    VENUE("venue-service"),
    NOTIFICATION("notification-service");

    static final Path ROOT = Path.of(System.getProperty("repository.root", "../..")).toAbsolutePath().normalize();
    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    private static final ObjectMapper JSON = new ObjectMapper();

    final String module;

    Documents(String module) {
        this.module = module;
    }

    Path file() {
        return ROOT.resolve(module).resolve("target/openapi/openapi.json");
    }

    JsonNode read() {
        Path file = file();
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: the service's build writes it when it packages "
                    + "(run this module with -am, e.g. ./mvnw verify -pl clients/typescript -am)");
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One operation of a document, named as a reader of the document would: "POST /api/events". */
    record Operation(String method, String path, JsonNode node) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        JsonNode paths = read().path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> p = paths.fields(); p.hasNext();) {
            Map.Entry<String, JsonNode> path = p.next();
            for (Iterator<Map.Entry<String, JsonNode>> m = path.getValue().fields(); m.hasNext();) {
                Map.Entry<String, JsonNode> method = m.next();
                if (METHODS.contains(method.getKey())) {
                    operations.add(new Operation(method.getKey(), path.getKey(), method.getValue()));
                }
            }
        }
        return operations;
    }
}
