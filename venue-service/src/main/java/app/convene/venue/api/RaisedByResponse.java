package app.convene.venue.api;

import java.util.UUID;

public record RaisedByResponse(UUID partnerContactId, String name) {
}
