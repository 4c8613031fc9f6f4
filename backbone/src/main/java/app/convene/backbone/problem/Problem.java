package app.convene.backbone.problem;

import java.net.URI;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem detail; {@code errors} lists the failing fields of a validation problem. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(required = true, description = "URI identifying the problem type",
                examples = "https://convene.app/problems/validation")
        URI type,
        @Schema(required = true, description = "Short summary of the problem type") String title,
        @Schema(description = "HTTP status code") int status,
        @Schema(description = "What went wrong in this occurrence") String detail,
        @Schema(description = "The request path") URI instance,
        @Schema(description = "For validation problems: each failing field and the rule it broke")
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://convene.app/problems/";

    @Schema(name = "FieldError")
    public record FieldError(@Schema(description = "Path of the field, e.g. attendee.email") String field,
            @Schema(description = "The rule it broke") String message) {
    }
}
