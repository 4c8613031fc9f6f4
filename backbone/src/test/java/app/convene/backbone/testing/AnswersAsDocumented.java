package app.convene.backbone.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Every answer a test gets through REST Assured is checked against the service's own OpenAPI document: its status is
 * one the operation documents, and a JSON body matches the documented schema (JSON Schema 2020-12, as OpenAPI 3.1
 * says), nulls included. A test whose answer breaks the document fails, naming the operation and what differs, so a
 * client generated from the document, or a proxy validating against it, never meets an answer the document denies.
 * A module's tests get it with {@code @QuarkusTestResource(AnswersAsDocumented.class)}, the packaged stack's with
 * {@link #checkEveryAnswer()} and {@link #documentOf}; requests to paths the document
 * does not describe ({@code /q/...}, unknown paths a test tries on purpose) are not checked.
 */
public class AnswersAsDocumented implements QuarkusTestResourceLifecycleManager, Filter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static volatile boolean registered;
    /** Where a port's document is when the service serves it elsewhere (a packaged one: its management port). */
    private static final Map<Integer, URI> DOCUMENT_AT = new ConcurrentHashMap<>();

    /** The document of each port the tests talk to, read once. */
    private final Map<Integer, Document> documents = new ConcurrentHashMap<>();

    @Override
    public Map<String, String> start() {
        checkEveryAnswer();
        return Map.of();
    }

    /**
     * From now on, every answer REST Assured gets is checked, outside Quarkus tests too: the packaged stack's tests
     * call it once their services are ready.
     */
    public static void checkEveryAnswer() {
        synchronized (AnswersAsDocumented.class) {
            if (!registered) {
                RestAssured.filters(new AnswersAsDocumented());
                registered = true;
            }
        }
    }

    /** The answers of the service on {@code port} are checked against the document at {@code document}. */
    public static void documentOf(int port, URI document) {
        DOCUMENT_AT.put(port, document);
    }

    @Override
    public void stop() {
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext context) {
        Response response = context.next(request, responseSpec);
        URI uri = URI.create(request.getURI());
        if (uri.getPath() == null || !uri.getPath().startsWith("/api/")) {
            return response;
        }
        Document document = documents.computeIfAbsent(uri.getPort(), port -> Document.read(uri));
        if (document == null) {
            return response;
        }
        List<String> broken = document.check(request.getMethod(), uri.getPath(), response);
        if (!broken.isEmpty()) {
            String path = uri.getPath().length() > 200 ? uri.getPath().substring(0, 200) + "…" : uri.getPath();
            throw new AssertionError(request.getMethod() + " " + path + " answered " + response.statusCode()
                    + " against its OpenAPI document:\n  " + String.join("\n  ", broken) + "\nbody: "
                    + abbreviate(response.asString()));
        }
        return response;
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 600 ? body.substring(0, 600) + "…" : body;
    }

    /** One service's document: its operations by path template, and the schemas of their answers. */
    private static final class Document {
        private final ObjectNode definitions;
        private final JsonNode sharedResponses;
        private final List<Template> templates;
        private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

        private Document(JsonNode document) {
            // The answers' schemas refer to #/components/schemas/...: the same as #/$defs/... of a JSON Schema.
            String text = document.path("components").path("schemas").toString().replace("#/components/schemas/",
                    "#/$defs/");
            try {
                definitions = (ObjectNode) JSON.readTree(text);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            sharedResponses = document.path("components").path("responses");
            List<Template> found = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
            while (paths.hasNext()) {
                Map.Entry<String, JsonNode> path = paths.next();
                found.add(new Template(path.getKey(), path.getValue()));
            }
            // literal segments win over parameters: /minutes/revisions before /minutes/{revision}
            found.sort(Comparator.comparingInt(Template::parameters));
            templates = found;
        }

        static Document read(URI uri) {
            try {
                URI document = DOCUMENT_AT.getOrDefault(uri.getPort(), new URI(uri.getScheme(), null, uri.getHost(),
                        uri.getPort(), "/q/openapi", "format=json", null));
                HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(document)
                        .timeout(Duration.ofSeconds(10)).header("Accept", "application/json").build(),
                        HttpResponse.BodyHandlers.ofString());
                return answer.statusCode() == 200 ? new Document(JSON.readTree(answer.body())) : null;
            } catch (Exception e) {
                return null;
            }
        }

        List<String> check(String method, String path, Response response) {
            Template template = templates.stream().filter(t -> t.pattern.matcher(path).matches()).findFirst()
                    .orElse(null);
            if (template == null) {
                return List.of();
            }
            JsonNode operation = template.item.path(method.toLowerCase());
            if (!METHODS.contains(method.toLowerCase()) || operation.isMissingNode()) {
                return List.of();
            }
            String status = String.valueOf(response.statusCode());
            JsonNode answer = operation.path("responses").path(status);
            if (answer.isMissingNode()) {
                answer = operation.path("responses").path("default");
            }
            String where = method + " " + template.path;
            if (answer.isMissingNode()) {
                return List.of("status " + status + " is not documented for " + where);
            }
            if (answer.has("$ref")) {
                String ref = answer.path("$ref").asText();
                answer = sharedResponses.path(ref.substring(ref.lastIndexOf('/') + 1));
                if (answer.isMissingNode()) {
                    return List.of("status " + status + " of " + where + " refers to " + ref + ", which is not there");
                }
            }
            String body = response.asString();
            String type = response.contentType() == null ? "" : response.contentType().split(";")[0].trim();
            if (body == null || body.isEmpty() || !(type.equals("application/json") || type.endsWith("+json"))) {
                return List.of();
            }
            JsonNode content = answer.path("content");
            JsonNode media = content.path(type);
            if (media.isMissingNode() && content.size() > 0) {
                return List.of("content type " + type + " is not documented for " + status + " of " + where
                        + " (documented: " + fieldNames(content) + ")");
            }
            if (media.path("schema").isMissingNode()) {
                return List.of();
            }
            String key = where + " " + status + " " + type;
            JsonSchema schema = schemas.computeIfAbsent(key, k -> compile(media.path("schema")));
            JsonNode value;
            try {
                value = JSON.readTree(body);
            } catch (Exception e) {
                return List.of("the body is not JSON, though " + type);
            }
            Set<ValidationMessage> messages = schema.validate(value);
            return messages.stream().map(ValidationMessage::getMessage).distinct().sorted().limit(10)
                    .collect(Collectors.toList());
        }

        private JsonSchema compile(JsonNode schema) {
            ObjectNode root;
            try {
                root = (ObjectNode) JSON.readTree(schema.toString().replace("#/components/schemas/", "#/$defs/"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            root.set("$defs", definitions);
            return SCHEMAS.getSchema(root);
        }

        private static String fieldNames(JsonNode node) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            return String.join(", ", names);
        }
    }

    private record Template(String path, JsonNode item, Pattern pattern, int parameters) {
        Template(String path, JsonNode item) {
            this(path, item, Pattern.compile("^" + path.replaceAll("\\{[^/}]+}", "[^/]+").replace(".", "\\.") + "/?$"),
                    (int) path.chars().filter(c -> c == '{').count());
        }
    }
}
