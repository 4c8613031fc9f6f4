package app.convene.venue.api;

import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.venue.service.IssueLog;

@Schema(description = "Who raised the issue: a partner contact listed for the venue, or a name (exactly one)")
public record RaisedByRequest(
        @Schema(description = "A partner contact of the venue (see POST /api/venues/{venueId}/partner-contacts)")
        UUID partnerContactId,
        @Schema(description = "Whoever raised it, when not a listed contact", examples = "Bram, night security")
        @Size(max = 200) String name) {
    IssueLog.RaisedBy raisedBy() {
        return new IssueLog.RaisedBy(partnerContactId, name);
    }
}
