package app.convene.backbone.revalidation;

import java.util.List;
import java.util.function.Supplier;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.convene.backbone.problem.Problem;
import app.convene.backbone.problem.ProblemException;

/**
 * Strong entity tags for what several people change in turn (a draft of minutes, a budget line), so that a change made from what someone
 * read fails when another change came first, instead of silently replacing it (RFC 9110, 13.1.1). The tag is a digest
 * of the stored state as JSON, not of the answer's bytes, so it is the same whatever the content coding, and it
 * changes with every change of that state, whoever or whatever made it.
 */
public final class EntityTags {
    /** The description of the {@code If-Match} header of a write. */
    public static final String IF_MATCH = "The ETag of what the caller read: the change is refused with 412 when "
            + "it is no longer current. Without it, the change is made whatever changed meanwhile.";
    /** The description of the {@code If-None-Match} header of a read with a strong tag. */
    public static final String IF_NONE_MATCH = "The ETag of what the caller already has: answered 304 without a body "
            + "while it is still current";
    /** The description of the 412 a write answers. */
    public static final String PRECONDITION_FAILED = "If-Match names a state that is no longer current (someone "
            + "changed it meanwhile); read it again, with its new ETag";

    private EntityTags() {
    }

    /** The strong tag of a state: its JSON's SHA-256, the first 128 bits in URL-safe base64, quoted. */
    public static String of(ObjectMapper json, Object state) {
        try {
            return "\"" + RevalidationFilter.digest(json.writeValueAsBytes(state)) + "\"";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a state that cannot be written as JSON: " + state.getClass(), e);
        }
    }

    /**
     * Refuses a change whose {@code If-Match} does not name the current state ({@code current}, or null when there is
     * none yet): 412, naming the header and the current tag. Tags are compared strongly: a weak tag never matches;
     * {@code *} matches any current state. Without the header, nothing is checked.
     */
    public static void requireCurrent(String ifMatch, String current) {
        requireCurrent(ifMatch, () -> current);
    }

    /**
     * As {@link #requireCurrent(String, String)}, the current state's tag worked out only when there is an
     * {@code If-Match} to compare it with: a change made without one reads and writes out nothing more for it.
     */
    public static void requireCurrent(String ifMatch, Supplier<String> currentTag) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        String current = currentTag.get();
        if (matches(ifMatch, current)) {
            return;
        }
        String message = current == null ? "names a state, but there is none yet"
                : "must name the current state " + current;
        throw new ProblemException(412, "precondition-failed", "Changed meanwhile",
                HttpHeaders.IF_MATCH + ": " + message + "; read it again and make the change from that",
                List.of(new Problem.FieldError(HttpHeaders.IF_MATCH, message)));
    }

    /**
     * The answer to a read of something with a strong tag: 304 without a body when {@code If-None-Match} names it,
     * else 200 with the body; both with the tag, and kept by a cache for this caller only, asked each time whether
     * it is still current. The body is only made when it is sent.
     */
    public static Response read(String ifNoneMatch, String tag, Supplier<?> body) {
        Response.ResponseBuilder answer = unchanged(ifNoneMatch, tag) ? Response.notModified()
                : Response.ok(body.get());
        return answer.header(HttpHeaders.ETAG, tag).header(HttpHeaders.CACHE_CONTROL, "private, no-cache").build();
    }

    /** Whether an If-None-Match value names the tag, compared weakly (RFC 9110, 13.1.2). */
    public static boolean unchanged(String ifNoneMatch, String tag) {
        return RevalidationFilter.names(ifNoneMatch, tag);
    }

    private static boolean matches(String ifMatch, String current) {
        if (current == null) {
            return false;
        }
        for (String named : ifMatch.split(",")) {
            String candidate = named.trim();
            if (candidate.equals("*") || candidate.equals(current)) {
                return true;
            }
        }
        return false;
    }
}
