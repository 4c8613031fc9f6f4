package app.convene.backbone.problem;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the problem answers every API operation can give (malformed input, missing or insufficient token,
 * unacceptable media types, a body too large, the database unavailable, unexpected failure), so the OpenAPI
 * document lists every error a client may meet.
 * Operation-specific answers (404, 409, 422) are declared on the resource methods.
 */
public class ProblemResponsesFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
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
                add(responses, "406", "The Accept header asks for a representation this API does not produce");
                if (hasBody) {
                    add(responses, "413", "The body is larger than the service accepts (1 MB); it was not read");
                    add(responses, "415", "The body is not application/json");
                }
                boolean idempotent = hasParameters && operation.getParameters().stream()
                        .anyMatch(p -> "Idempotency-Key".equalsIgnoreCase(p.getName()));
                if (idempotent) {
                    add(responses, "422", "The Idempotency-Key was first used with a different request");
                }
                add(responses, "500", "Unexpected failure; nothing was changed");
                add(responses, "503", "The database is unavailable for the moment (down, restarting or out of connections); nothing was changed, retry after the Retry-After seconds");
            }
        }
    }

    private static void add(APIResponses responses, String status, String description) {
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem")));
        if (responses.hasAPIResponse(status)) {
            // e.g. the 401/403 added for secured operations: keep the description, say what the body is.
            var existing = responses.getAPIResponse(status);
            if (existing.getContent() == null || existing.getContent().getMediaTypes() == null
                    || existing.getContent().getMediaTypes().isEmpty()) {
                existing.setContent(content);
                existing.setDescription(existing.getDescription() + ": " + description);
            }
            return;
        }
        responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description).content(content));
    }
}
