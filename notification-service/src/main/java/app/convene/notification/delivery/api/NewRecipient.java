package app.convene.notification.delivery.api;

import java.net.URI;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.backbone.problem.ProblemException;
import app.convene.notification.api.Descriptions;
import app.convene.notification.delivery.domain.Audience;
import app.convene.notification.delivery.domain.Channel;

public record NewRecipient(
        @Schema(description = "ORGANIZERS, FACILITY, FINANCE or LEADS (department leads and directors)")
        @NotNull Audience audience,
        @NotBlank @Size(max = 200) @Pattern(regexp = "[^\\x00]*", message = "must not contain NUL") String name,
        @Schema(description = "EMAIL or WEBHOOK") @NotNull Channel channel,
        @Schema(description = "An e-mail address, or an http(s) URL for a webhook")
        @NotBlank @Size(max = 500) @Pattern(regexp = "[^\\x00\\s]*", message = "must not contain spaces or NUL") String address,
        @Schema(description = "en, sv, nl or ro; en when absent")
        @Pattern(regexp = Descriptions.LANGUAGE, message = Descriptions.LANGUAGE_RULE) String language) {

    /** The address must be what its channel sends to: an e-mail address, or an http(s) URL; a 400 otherwise. */
    void requireAddressFitsChannel() {
        requireAddressFits(channel, address);
    }

    /** As {@link #requireAddressFitsChannel()}, for an address and its channel. */
    static void requireAddressFits(Channel channel, String address) {
        if (channel == Channel.EMAIL && !address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw ProblemException.invalidField("address", "must be an e-mail address for channel EMAIL");
        }
        if (channel == Channel.WEBHOOK) {
            try {
                URI uri = URI.create(address);
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField("address", "must be an http or https URL for channel WEBHOOK");
            }
        }
    }
}
