package app.convene.backbone.revalidation;

import java.util.Map;

import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Documents the conditional reads: every GET whose responses name a 304 ({@link Revalidated#NOT_MODIFIED}) gets the
 * {@code If-None-Match} header parameter, and its 200 and 304 the {@code ETag} header.
 */
@OpenApiFilter
public class RevalidatedOperations implements OASFilter {
    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            Operation read = path.getGET();
            if (read == null || read.getResponses() == null || !read.getResponses().hasAPIResponse("304")) {
                continue;
            }
            boolean named = read.getParameters() != null && read.getParameters().stream()
                    .anyMatch(p -> HttpHeaders.IF_NONE_MATCH.equalsIgnoreCase(p.getName()));
            if (!named) {
                read.addParameter(OASFactory.createParameter().name(HttpHeaders.IF_NONE_MATCH)
                        .in(Parameter.In.HEADER).required(false)
                        .description("The ETag of the answer the caller already has: answered 304 without a body "
                                + "while it is still current")
                        .schema(OASFactory.createSchema().addType(SchemaType.STRING)));
            }
            for (Map.Entry<String, APIResponse> answer : read.getResponses().getAPIResponses().entrySet()) {
                if (answer.getKey().equals("200") || answer.getKey().equals("304")) {
                    answer.getValue().addHeader(HttpHeaders.ETAG, tag());
                }
            }
        }
    }

    private static Header tag() {
        return OASFactory.createHeader()
                .description("A tag of what the answer says; send it as If-None-Match to be told 304 while "
                        + "it is still current")
                .schema(OASFactory.createSchema().addType(SchemaType.STRING));
    }
}
