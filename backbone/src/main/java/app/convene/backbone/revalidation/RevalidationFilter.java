package app.convene.backbone.revalidation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Gives a {@link Revalidated} read's 200 its {@code ETag} and answers 304 when the request's {@code If-None-Match}
 * names it. The tag is a digest of the body the caller would get (a JSON answer is written here once, and that body
 * is sent), so two callers who see different things get different tags, and any change shows as a new tag. In an
 * iCalendar body the {@code DTSTAMP} lines, the moment the feed was written, are left out of the digest, and so are
 * the JSON fields a read names in {@link Revalidated#ignoring()}: the tag is weak, for a representation that says the
 * same.
 */
@Provider
@Revalidated
public class RevalidationFilter implements ContainerResponseFilter {
    private static final MediaType CALENDAR = new MediaType("text", "calendar");
    /** An iCalendar content line DTSTAMP (never folded: its value is a short UTC time). */
    private static final Pattern STAMP_LINES = Pattern.compile("(?m)^DTSTAMP[:;][^\\r\\n]*\\r?\\n");

    @Inject
    ObjectMapper json;
    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
        boolean read = HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod());
        if (!read || response.getStatus() != Response.Status.OK.getStatusCode() || !response.hasEntity()) {
            return;
        }
        Object entity = response.getEntity();
        MediaType type = response.getMediaType();
        boolean inJson = type == null || type.isCompatible(MediaType.APPLICATION_JSON_TYPE);
        byte[] body;
        if (entity instanceof String text) {
            body = text.getBytes(StandardCharsets.UTF_8);
        } else if (entity instanceof byte[] bytes) {
            body = bytes;
        } else if (inJson) {
            body = json.writeValueAsBytes(entity);
            response.setEntity(body, response.getEntityAnnotations(), MediaType.APPLICATION_JSON_TYPE);
        } else {
            return;
        }
        byte[] said = body;
        String[] ignoring = ignoring();
        if (entity instanceof String text && type != null && type.isCompatible(CALENDAR)) {
            said = STAMP_LINES.matcher(text).replaceAll("").getBytes(StandardCharsets.UTF_8);
        } else if (inJson && ignoring.length > 0 && json.readTree(body) instanceof ObjectNode fields) {
            fields.remove(List.of(ignoring));
            said = json.writeValueAsBytes(fields);
        }
        String tag = "W/\"" + digest(said) + "\"";
        response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        if (response.getHeaderString(HttpHeaders.CACHE_CONTROL) == null) {
            // a cache may keep it, for this caller only, and asks each time whether it is still current
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "private, no-cache");
        }
        if (names(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag)) {
            response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
            response.setEntity(null);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
            response.getHeaders().remove("Content-Disposition");
        }
    }

    private String[] ignoring() {
        Revalidated revalidated = resource.getResourceMethod().getAnnotation(Revalidated.class);
        if (revalidated == null) {
            revalidated = resource.getResourceClass().getAnnotation(Revalidated.class);
        }
        return revalidated == null ? new String[0] : revalidated.ignoring();
    }

    /**
     * Whether an If-None-Match value names the tag: "*", or a list of tags compared weakly (the opaque part only), as
     * RFC 9110 (13.1.2) has it; {@code Request.evaluatePreconditions} compares them strongly (W/"x" is not "x").
     */
    static boolean names(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        String opaque = opaque(tag);
        for (String named : ifNoneMatch.split(",")) {
            String candidate = named.trim();
            if (candidate.equals("*") || opaque(candidate).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    /** The SHA-256 of what the answer says, its first 128 bits in URL-safe base64. */
    static String digest(byte[] said) {
        try {
            byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(said);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(sha256, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
