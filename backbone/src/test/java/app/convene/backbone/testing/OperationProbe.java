package app.convene.backbone.testing;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Calls every operation of the service's own OpenAPI document as someone who must not reach a given object (a
 * caller of another organisation, an attendee) and reports each answer that is a success or that shows any of the
 * object's data.
 * <ul>
 * <li>An operation with path parameters is called on the object (its parameters filled from {@link #path}); it must
 * not answer 2xx, and its body must not contain any of the {@link #secret secrets}.</li>
 * <li>A GET without path parameters (a list) may succeed but must not show any secret.</li>
 * <li>Another operation without path parameters creates something of the caller's own; it is called only when the
 * test gives it a body (e.g. a booking of the other organisation's room), and then must not succeed either.</li>
 * </ul>
 * Mutating operations are sent the body the test gives for them (valid, so the call reaches the access rule), else
 * {@code {}}, and a fresh {@code Idempotency-Key}.
 * <p>
 * The operator's API ({@code /api/operations/...}, the service's dead letters) is left out: it belongs to no
 * organisation, and every role but {@code operator} is refused it, which its own tests show.
 */
public final class OperationProbe {
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final String OPERATIONS = "/api/operations/";

    private final Map<String, String> pathValues = new LinkedHashMap<>();
    private final Map<String, String> bodies = new LinkedHashMap<>();
    private final Map<String, String> queries = new LinkedHashMap<>();
    private final Map<String, String> skipped = new LinkedHashMap<>();
    private final List<String> secrets = new ArrayList<>();

    public static OperationProbe create() {
        return new OperationProbe();
    }

    /** The value of path parameter {@code name} (the object of the first organisation). */
    public OperationProbe path(String name, Object value) {
        pathValues.put(name, String.valueOf(value));
        return this;
    }

    /** The body sent to {@code operation}, written {@code "PUT /api/events/{eventId}/budget"}. */
    public OperationProbe body(String operation, String json) {
        bodies.put(operation, json);
        return this;
    }

    /** A query string sent to {@code operation}, e.g. {@code from=2027-01-01&to=2027-12-31}. */
    public OperationProbe query(String operation, String query) {
        queries.put(operation, query);
        return this;
    }

    /** Text that is the object's data and must never appear in an answer (a title, an e-mail address, an id). */
    public OperationProbe secret(String... values) {
        secrets.addAll(List.of(values));
        return this;
    }

    /** Leaves an operation out, saying why (e.g. reached only with a link token, not a bearer token). */
    public OperationProbe skip(String operation, String why) {
        skipped.put(operation, why);
        return this;
    }

    /** The outcome: every call made, and every answer that broke the rule. */
    public record Report(List<String> calls, List<String> failures) {
        public Report assertNothingReached() {
            if (!failures.isEmpty()) {
                throw new AssertionError(failures.size() + " of " + calls.size() + " operations reached the object:\n  "
                        + String.join("\n  ", failures));
            }
            return this;
        }
    }

    /** Calls every operation with {@code bearer} (the whole header value, {@code "Bearer ..."}). */
    public Report run(String bearer) {
        JsonNode paths;
        try {
            paths = new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi?format=json")
                    .then().statusCode(200).extract().asString()).path("paths");
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the OpenAPI document is unreadable", e);
        }
        List<String> calls = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            String template = path.getKey();
            if (!template.startsWith("/api/") || template.startsWith(OPERATIONS)) {
                continue;
            }
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext();) {
                String method = methods.next().toUpperCase();
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                String operation = method + " " + template;
                if (skipped.containsKey(operation)) {
                    continue;
                }
                boolean onObject = template.contains("{");
                if (!onObject && !method.equals("GET") && !bodies.containsKey(operation)) {
                    continue;
                }
                String concrete = fill(template, operation);
                RequestSpecification request = given().header("Authorization", bearer)
                        .header("Idempotency-Key", UUID.randomUUID().toString()).accept("*/*")
                        .urlEncodingEnabled(false);
                if (!method.equals("GET") && !method.equals("DELETE")) {
                    request.contentType("application/json").body(bodies.getOrDefault(operation, "{}"));
                }
                String query = queries.get(operation);
                Response response = request.request(method, concrete + (query == null ? "" : "?" + query));
                int status = response.statusCode();
                String body = response.asString();
                calls.add(operation + " -> " + status);
                if ((onObject || !method.equals("GET")) && status >= 200 && status < 300) {
                    failures.add(operation + " answered " + status + ": " + abbreviate(body));
                }
                for (String secret : secrets) {
                    // an answer that repeats the caller's own URL (a problem's instance) tells it nothing new
                    if (body != null && body.contains(secret) && !concrete.contains(secret)) {
                        failures.add(operation + " (" + status + ") showed '" + secret + "': " + abbreviate(body));
                    }
                }
            }
        }
        for (String operation : skipped.keySet()) {
            calls.add(operation + " skipped: " + skipped.get(operation));
        }
        return new Report(calls, failures);
    }

    private String fill(String template, String operation) {
        Matcher matcher = PARAMETER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value = pathValues.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("no value for path parameter {" + matcher.group(1) + "} of " + operation
                        + ": give one with path(...) or skip(...) the operation");
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
