package app.convene.registration.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record SpeakerRequest(@NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 200) String name) {
}
