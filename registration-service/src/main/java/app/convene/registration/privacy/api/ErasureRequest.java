package app.convene.registration.privacy.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record ErasureRequest(
        @Schema(description = "The e-mail address of the person to erase from the caller's organisation")
        @NotBlank @Email @Size(max = 254) String email) {
}
