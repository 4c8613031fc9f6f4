package app.convene.backbone.problem;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import app.convene.backbone.idempotency.IdempotentRequests;

/**
 * Documents the problem answers every API operation can give (malformed input, missing or insufficient token,
 * unacceptable media types, a body too large, the database unavailable, unexpected failure), so the OpenAPI
 * document lists every error a client may meet.
 * Operation-specific answers (403, 404, 409, 422) are declared on the resource methods with their description
 * only: every error answer (4xx, 5xx) is given the problem+json body here, once for all services. The
 * {@code Idempotency-Key} header is described here too, with the retention from configuration.
 */
public class ProblemResponsesFilter implements OASFilter {
    /** Descriptions the framework gives the 400/401/403 it adds for secured operations; ours is appended to them. */
    private static final Set<String> GENERIC = Set.of("Not Authorized", "Not Allowed", "Bad Request");
    /** The HTTP server refuses such a request itself, with an empty body. */
    private static final String URI_TOO_LONG = "The request line (the path and query) is longer than the HTTP server "
            + "reads (4 KB); refused before the service, without a body";
    /** The answers every operation gives alike, by their name in components.responses. */
    private static final Map<String, String> SHARED = Map.of(
            "NotAcceptable", "The Accept header asks for a representation this API does not produce",
            "PayloadTooLarge", "The body is larger than the service accepts (1 MB); it was not read",
            "UnsupportedMediaType", "The body is not application/json",
            "UriTooLong", URI_TOO_LONG,
            "IdempotencyKeyReused", "The Idempotency-Key was first used with a different request",
            "TooManyWrites", tooMany("writes"),
            "TooManyExports", tooMany("exports"),
            "InternalError", "Unexpected failure; nothing was changed",
            "ServiceUnavailable", "The database is unavailable for the moment (down, restarting or out of "
                    + "connections: database-unavailable), or the request met a concurrent change of the same records "
                    + "and was rolled back (concurrent-change), or this instance of the service is stopping "
                    + "(service-stopping); nothing was changed, retry after the Retry-After seconds");

    /** The exports the rate limits count (the paths as the document names them, with {parameters}). */
    private static final String EXPORT_PATHS = ".*(\\.csv|\\.ics|/journal|/exports/\\{[^/]+\\}/file)";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        // The answers every operation gives alike are described once, in components.responses, and referred to.
        Components components = openAPI.getComponents();
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().getOperations().entrySet()) {
                Operation operation = entry.getValue();
                APIResponses responses = operation.getResponses();
                if (responses == null) {
                    responses = OASFactory.createAPIResponses();
                    operation.setResponses(responses);
                }
                boolean hasBody = operation.getRequestBody() != null;
                boolean hasParameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
                if (hasBody || hasParameters) {
                    add(responses, "400", hasBody
                            ? "The body is malformed JSON, has unknown properties or breaks a field rule"
                            : "A parameter breaks a rule");
                }
                add(responses, "401", "No valid bearer token, or the token names no organisation (claim 'org')");
                if (path.getKey().contains("{")) {
                    add(responses, "404", "No such object in your organisation, or one you may not see");
                }
                add(responses, "403", "The token's role does not allow this operation");
                refer(components, responses, "406", "NotAcceptable");
                if (hasBody) {
                    refer(components, responses, "413", "PayloadTooLarge");
                    refer(components, responses, "415", "UnsupportedMediaType");
                }
                boolean idempotent = false;
                if (hasParameters) {
                    for (Parameter parameter : operation.getParameters()) {
                        if (IdempotentRequests.HEADER.equalsIgnoreCase(parameter.getName())) {
                            idempotent = true;
                            if (parameter.getDescription() == null || parameter.getDescription().isBlank()) {
                                parameter.setDescription(idempotencyDescription());
                            }
                        }
                    }
                }
                if (idempotent) {
                    refer(components, responses, "422", "IdempotencyKeyReused");
                }
                PathItem.HttpMethod method = entry.getKey();
                boolean write = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
                        || method == PathItem.HttpMethod.PATCH || method == PathItem.HttpMethod.DELETE;
                boolean export = method == PathItem.HttpMethod.GET && path.getKey().matches(EXPORT_PATHS);
                if (write || export) {
                    refer(components, responses, "429", write ? "TooManyWrites" : "TooManyExports");
                }
                refer(components, responses, "414", "UriTooLong");
                refer(components, responses, "500", "InternalError");
                refer(components, responses, "503", "ServiceUnavailable");
                for (Map.Entry<String, APIResponse> response : responses.getAPIResponses().entrySet()) {
                    char kind = response.getKey().charAt(0);
                    if ((kind == '4' || kind == '5') && !hasContent(response.getValue())
                            && response.getValue().getRef() == null) {
                        response.getValue().setContent(problemContent());
                    }
                }
            }
        }
    }

    /** "Makes the request safe to retry; kept 48 hours", from {@code backbone.idempotency.retention}. */
    static String idempotencyDescription() {
        Duration retention = ConfigProvider.getConfig()
                .getOptionalValue("backbone.idempotency.retention", Duration.class).orElse(Duration.ofHours(48));
        String kept = retention.toMinutes() % 60 == 0 ? retention.toHours() + " hours" : retention.toMinutes() + " minutes";
        return "Makes the request safe to retry: the same key with the same request replays the first answer; "
                + "kept " + kept;
    }

    private static boolean hasContent(APIResponse response) {
        return response.getContent() != null && response.getContent().getMediaTypes() != null
                && !response.getContent().getMediaTypes().isEmpty();
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem")));
    }

    private static String tooMany(String what) {
        return "Too many " + what + " by you or your organisation in a short time (backbone.rate-limit); retry "
                + "after the Retry-After seconds";
    }

    /**
     * The operation's answer with this status is the shared one, unless the operation describes its own. The shared
     * answer is added to components.responses when first referred to, with the problem body unless the server gives
     * none.
     */
    private static void refer(Components components, APIResponses responses, String status, String name) {
        if (responses.hasAPIResponse(status)) {
            return;
        }
        if (components.getResponses() == null || !components.getResponses().containsKey(name)) {
            APIResponse answer = OASFactory.createAPIResponse().description(SHARED.get(name));
            if (!URI_TOO_LONG.equals(SHARED.get(name))) {
                answer.setContent(problemContent());
            }
            components.addResponse(name, answer);
        }
        responses.addAPIResponse(status, OASFactory.createAPIResponse().ref(name));
    }

    private static void add(APIResponses responses, String status, String description) {
        if (responses.hasAPIResponse(status)) {
            // The 401/403 the framework adds for secured operations: keep its word, say what it means here.
            APIResponse existing = responses.getAPIResponse(status);
            if (!hasContent(existing) && GENERIC.contains(existing.getDescription())) {
                existing.setDescription(existing.getDescription() + ": " + description);
            }
            return;
        }
        responses.addAPIResponse(status,
                OASFactory.createAPIResponse().description(description).content(problemContent()));
    }
}
