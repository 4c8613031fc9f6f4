package app.convene.backbone.revalidation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * A read that clients poll (a calendar application its feed, a dashboard its figures): its 200 carries a weak
 * {@code ETag} taken from what the answer says, and a request whose {@code If-None-Match} names that tag is answered
 * {@code 304 Not Modified} without a body (RFC 9110, 13.1.2). Document the 304 on the operation with
 * {@link #NOT_MODIFIED}; the {@code If-None-Match} parameter and the {@code ETag} header are added to the OpenAPI
 * document from that. Only for answers of bounded size: the tag needs the whole body before the first byte is sent,
 * so a list that may run to megabytes (a year's schedule with its clashes, an export) is written as it is read and
 * not tagged.
 */
@NameBinding
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface Revalidated {
    /** The description of the operation's 304. */
    String NOT_MODIFIED = "Not modified: the answer is still the one the If-None-Match tag names; no body";

    /**
     * Top-level fields of a JSON answer left out of its tag: the moment the answer was worked out, which differs on
     * every read of what is otherwise the same answer.
     */
    String[] ignoring() default {};
}
