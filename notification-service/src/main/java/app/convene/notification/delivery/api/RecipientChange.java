package app.convene.notification.delivery.api;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.notification.api.Descriptions;

/** A change of a recipient on a list: only the fields present change; its audience and channel stay. */
public record RecipientChange(
        @Size(min = 1, max = 200) @Pattern(regexp = "[^\\x00]*\\S[^\\x00]*", message = "must not be blank or contain NUL")
        String name,
        @Schema(description = "An e-mail address (channel EMAIL), or an http(s) URL (channel WEBHOOK: its secret stays)")
        @Size(min = 1, max = 500) @Pattern(regexp = "[^\\x00\\s]+", message = "must not contain spaces or NUL")
        String address,
        @Schema(description = "en, sv, nl or ro")
        @Pattern(regexp = Descriptions.LANGUAGE, message = Descriptions.LANGUAGE_RULE) String language) {
}
