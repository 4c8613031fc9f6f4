package app.convene.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;

import app.convene.clients.Documents.Operation;

/**
 * What an integrator generating a client from a service's document relies on: every operation has a stable,
 * verb-first operationId (the method names of the generated clients) that no other operation of the service
 * shares, a tag the document describes (the generated API classes), and security that names a declared scheme.
 */
class OpenApiContractTest {
    /** lowerCamelCase, starting with a verb: a lowercase word followed by capitalised ones (registerAttendee). */
    private static final Pattern OPERATION_ID = Pattern.compile("[a-z]+(?:[A-Z][a-z0-9]*)*");
    /** First words an operationId may start with: verbs of the domain. A new one is added here on purpose. */
    private static final Set<String> VERBS = Set.of("accept", "acknowledge", "add", "approve", "assign", "book",
            "cancel", "change", "check", "close", "commit", "configure", "confirm", "copy", "correct", "create",
            "decline", "delete",
            "describe", "discard", "download", "end", "erase", "export", "extend", "generate", "get", "give",
            "import", "instantiate", "lift", "list", "mark", "move", "notify", "open", "propose", "publish", "raise",
            "record", "redrive", "register", "reject", "remind", "remove", "renew", "reopen", "reorder", "replace", "report",
            "request", "resend", "retire", "retry", "revoke", "rotate", "schedule", "search", "send", "set", "show", "sign",
            "start", "submit", "test", "transfer", "undo", "unsubscribe", "update", "verify", "withdraw", "write");

    @ParameterizedTest
    @EnumSource(Documents.class)
    void everyOperationHasAVerbFirstOperationIdNoOtherOperationShares(Documents document) {
        List<String> missing = new ArrayList<>();
        List<String> malformed = new ArrayList<>();
        Map<String, List<Operation>> byId = new HashMap<>();
        for (Operation operation : document.operations()) {
            String id = operation.node().path("operationId").asText("");
            if (id.isEmpty()) {
                missing.add(operation.toString());
                continue;
            }
            byId.computeIfAbsent(id, key -> new ArrayList<>()).add(operation);
            String verb = id.split("(?=[A-Z])")[0];
            if (!OPERATION_ID.matcher(id).matches() || !VERBS.contains(verb)) {
                malformed.add(operation + ": " + id);
            }
        }
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(document.operations()).as("%s's operations", document.module).isNotEmpty();
        soft.assertThat(missing).as("operations of %s without @Operation(operationId = ...)", document.module)
                .isEmpty();
        soft.assertThat(malformed).as("operationIds of %s that are not lowerCamelCase starting with a known verb "
                + "(see VERBS)", document.module).isEmpty();
        soft.assertThat(byId.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey() + " " + e.getValue()).toList())
                .as("operationIds %s gives more than one operation", document.module).isEmpty();
        soft.assertAll();
    }

    @ParameterizedTest
    @EnumSource(Documents.class)
    void everyOperationHasATagTheDocumentDescribes(Documents document) {
        JsonNode root = document.read();
        Set<String> described = new HashSet<>();
        List<String> undescribed = new ArrayList<>();
        for (JsonNode tag : root.path("tags")) {
            if (tag.path("description").asText("").isBlank()) {
                undescribed.add(tag.path("name").asText());
            } else {
                described.add(tag.path("name").asText());
            }
        }
        List<String> untagged = new ArrayList<>();
        for (Operation operation : document.operations()) {
            JsonNode tags = operation.node().path("tags");
            if (tags.isEmpty()) {
                untagged.add(operation.toString());
            }
            for (JsonNode tag : tags) {
                if (!described.contains(tag.asText())) {
                    untagged.add(operation + ": tag '" + tag.asText() + "' is not described");
                }
            }
        }
        assertThat(undescribed).as("tags of %s without a description (@Tag(description) or the service's "
                + "META-INF/openapi.yaml)", document.module).isEmpty();
        assertThat(untagged).as("operations of %s without a described tag", document.module).isEmpty();
    }

    /**
     * Every POST is safe to retry: it declares the Idempotency-Key header and the 422 of a key reused with another
     * request, or it is idempotent by nature and says so ({@code x-idempotent: true}: the personal links clicked from
     * mail, which cannot send a header). A new POST without either fails here.
     */
    @ParameterizedTest
    @EnumSource(Documents.class)
    void everyPostTakesAnIdempotencyKeyOrIsIdempotentByNature(Documents document) {
        List<String> without = new ArrayList<>();
        for (Operation operation : document.operations()) {
            if (!operation.method().equals("post") || operation.node().path("x-idempotent").asBoolean(false)) {
                continue;
            }
            boolean declared = false;
            for (JsonNode parameter : operation.node().path("parameters")) {
                declared |= "Idempotency-Key".equals(parameter.path("name").asText())
                        && "header".equals(parameter.path("in").asText());
            }
            if (!declared || !operation.node().path("responses").has("422")) {
                without.add(operation.toString());
            }
        }
        assertThat(without).as("POSTs of %s without the Idempotency-Key header (@HeaderParam(IdempotentRequests"
                + ".HEADER) through IdempotentRequests.execute) or its 422", document.module).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Documents.class)
    void everySecurityRequirementNamesADeclaredScheme(Documents document) {
        JsonNode schemes = document.read().path("components").path("securitySchemes");
        List<String> unknown = new ArrayList<>();
        for (Operation operation : document.operations()) {
            for (JsonNode requirement : operation.node().path("security")) {
                requirement.fieldNames().forEachRemaining(name -> {
                    if (!schemes.has(name)) {
                        unknown.add(operation + ": " + name);
                    }
                });
            }
        }
        assertThat(unknown).as("security requirements of %s naming no scheme of components.securitySchemes",
                document.module).isEmpty();
    }
}
