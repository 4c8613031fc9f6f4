package app.convene.venue.api;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.venue.domain.ChecklistCategory;
import app.convene.venue.domain.ChecklistTemplate;
import app.convene.venue.service.Checklists;

public record TemplateResponse(@Schema(required = true) UUID id, @Schema(required = true) String name,
        @Schema(required = true) ChecklistCategory category,
        @Schema(required = true) List<TemplateItemResponse> items) {
    static TemplateResponse from(ChecklistTemplate t) {
        return from(Checklists.TemplateWithItems.of(t));
    }

    static TemplateResponse from(Checklists.TemplateWithItems template) {
        ChecklistTemplate t = template.template();
        return new TemplateResponse(t.id, t.name, t.category, template.items().stream()
                .map(i -> new TemplateItemResponse(i.position, i.description, i.mandatory, i.dueHoursBeforeStart))
                .toList());
    }
}
