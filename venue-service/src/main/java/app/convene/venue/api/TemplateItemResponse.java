package app.convene.venue.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record TemplateItemResponse(int position, @Schema(required = true) String description, boolean mandatory,
        int dueHoursBeforeStart) {
}
