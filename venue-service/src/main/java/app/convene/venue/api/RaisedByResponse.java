package app.convene.venue.api;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record RaisedByResponse(UUID partnerContactId, @Schema(required = true) String name) {
}
