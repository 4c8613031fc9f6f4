package app.convene.registration.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Everything {@code from} owns in the caller's organisation passes to {@code to}. */
public record OwnershipTransferRequest(
        @NotBlank @Email @Size(max = 254) @Schema(description = "Who leaves", examples = "erik.leaving@example.com")
        String from,
        @NotBlank @Email @Size(max = 254) @Schema(description = "Who takes over", examples = "ada.successor@example.com")
        String to) {
}
