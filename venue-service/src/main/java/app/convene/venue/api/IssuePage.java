package app.convene.venue.api;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record IssuePage(@Schema(required = true, description = "The issues, oldest first") List<IssueResponse> issues,
        @Schema(description = "Pass as `after` for the next page; null on the last page") UUID next) {
}
