package app.convene.backbone.problem;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A path holding a control character (e.g. {@code %00}) or a query parameter holding NUL names nothing this API
 * has; refused with a 400 before it reaches a resource (PostgreSQL cannot even compare text holding NUL).
 */
public class ControlCharacters {

    @ServerRequestFilter(preMatching = true)
    public Response refuse(UriInfo uri) {
        if (hasControlCharacter(uri.getPath())) {
            return badRequest("the path must not contain control characters such as NUL");
        }
        for (Map.Entry<String, List<String>> parameter : uri.getQueryParameters().entrySet()) {
            boolean nul = parameter.getKey().indexOf('\u0000') >= 0
                    || parameter.getValue().stream().anyMatch(value -> value != null && value.indexOf('\u0000') >= 0);
            if (nul) {
                String name = parameter.getKey().replace("\u0000", "");
                return badRequest("query parameter " + name + " must not contain the NUL character");
            }
        }
        return null;
    }

    private static boolean hasControlCharacter(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    private static Response badRequest(String detail) {
        // No instance: the path itself is what cannot be echoed.
        return Response.status(400).type(Problem.MEDIA_TYPE)
                .entity(new Problem(ProblemMappers.type("bad-request"), "Bad Request", 400, detail, null, null))
                .build();
    }
}
