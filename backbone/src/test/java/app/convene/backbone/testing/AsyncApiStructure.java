package app.convene.backbone.testing;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The structure of an AsyncAPI 3.0.0 document: its required fields, the actions of its operations, and that every
 * {@code $ref} in it points at something in the document. Not a full validation (see README, AsyncAPI, for the
 * official parser's check), but enough that a broken reference or a missing field fails the build.
 */
public final class AsyncApiStructure {
    private static final Set<String> ACTIONS = Set.of("send", "receive");

    private AsyncApiStructure() {
    }

    /** Fails, naming every problem, unless the YAML is a well-formed AsyncAPI 3.0.0 document. */
    public static void check(String yaml) {
        JsonNode document = AsyncApiDocument.parse(yaml);
        List<String> problems = new ArrayList<>();
        if (!"3.0.0".equals(document.path("asyncapi").asText())) {
            problems.add("asyncapi must be 3.0.0, is " + document.path("asyncapi"));
        }
        for (String field : List.of("title", "version")) {
            if (document.path("info").path(field).asText("").isBlank()) {
                problems.add("info." + field + " is required");
            }
        }
        for (String section : List.of("channels", "operations", "components")) {
            if (!document.path(section).isObject()) {
                problems.add(section + " must be an object");
            }
        }
        for (Map.Entry<String, JsonNode> channel : fields(document.path("channels"))) {
            if (!channel.getKey().matches("[A-Za-z0-9_\\-]+")) {
                problems.add("channel id " + channel.getKey() + " has characters AsyncAPI does not allow");
            }
            if (channel.getValue().path("address").asText("").isBlank()) {
                problems.add("channel " + channel.getKey() + " has no address");
            }
        }
        for (Map.Entry<String, JsonNode> operation : fields(document.path("operations"))) {
            String action = operation.getValue().path("action").asText();
            if (!ACTIONS.contains(action)) {
                problems.add("operation " + operation.getKey() + " has action '" + action + "', not send or receive");
            }
            String channel = operation.getValue().path("channel").path("$ref").asText("");
            if (!channel.startsWith("#/channels/")) {
                problems.add("operation " + operation.getKey() + " does not name its channel");
            }
            for (JsonNode message : operation.getValue().path("messages")) {
                String ref = message.path("$ref").asText("");
                if (!ref.startsWith(channel + "/messages/")) {
                    problems.add("operation " + operation.getKey() + " sends or receives " + ref
                            + ", which is not a message of its channel " + channel);
                }
            }
        }
        for (Map.Entry<String, JsonNode> message : fields(document.path("components").path("messages"))) {
            if (!message.getValue().has("payload")) {
                problems.add("message " + message.getKey() + " has no payload");
            }
        }
        references(document, document, "", problems);
        if (!problems.isEmpty()) {
            throw new AssertionError("The AsyncAPI document is not well formed:\n  " + String.join("\n  ", problems));
        }
    }

    /**
     * The names of the event messages of the document's operations with the given action, on event topics
     * ({@code <family>.events}); dead-letter messages are not event types and are left out.
     */
    public static SortedSet<String> messageNames(String yaml, String action) {
        JsonNode document = AsyncApiDocument.parse(yaml);
        SortedSet<String> names = new TreeSet<>();
        for (Map.Entry<String, JsonNode> operation : fields(document.path("operations"))) {
            if (!action.equals(operation.getValue().path("action").asText())) {
                continue;
            }
            JsonNode channel = resolve(document, operation.getValue().path("channel").path("$ref").asText());
            if (channel == null || !channel.path("address").asText().endsWith(".events")) {
                continue;
            }
            for (JsonNode reference : operation.getValue().path("messages")) {
                JsonNode message = resolve(document, reference.path("$ref").asText());
                if (message != null && message.has("$ref")) {
                    message = resolve(document, message.path("$ref").asText());
                }
                if (message != null) {
                    names.add(message.path("name").asText());
                }
            }
        }
        return names;
    }

    private static void references(JsonNode document, JsonNode node, String at, List<String> problems) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : fields(node)) {
                if (field.getKey().equals("$ref") && resolve(document, field.getValue().asText()) == null) {
                    problems.add(at + ": $ref " + field.getValue().asText() + " points at nothing");
                }
                references(document, field.getValue(), at + "/" + field.getKey(), problems);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                references(document, node.get(i), at + "/" + i, problems);
            }
        }
    }

    private static JsonNode resolve(JsonNode document, String reference) {
        if (!reference.startsWith("#/")) {
            return null;
        }
        JsonNode target = document.at(reference.substring(1));
        return target.isMissingNode() ? null : target;
    }

    private static List<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> iterator = node.fields();
        iterator.forEachRemaining(fields::add);
        return fields;
    }
}
