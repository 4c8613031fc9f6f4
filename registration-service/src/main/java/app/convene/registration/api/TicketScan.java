package app.convene.registration.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the door scanned from an attendee's ticket. */
public record TicketScan(
        @NotNull @Pattern(regexp = "[0-9A-Fa-f]{32}", message = "must be the 32 hexadecimal digits of a ticket code")
        @Schema(description = "The registration's ticketCode, as its QR code holds it",
                examples = "3F2A9C0B7D5E4A1B8C6D2E0F1A3B5C7D") String ticketCode) {
}
