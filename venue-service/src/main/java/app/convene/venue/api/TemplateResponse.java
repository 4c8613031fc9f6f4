package app.convene.venue.api;

import java.util.List;
import java.util.UUID;

import app.convene.venue.domain.ChecklistCategory;
import app.convene.venue.domain.ChecklistTemplate;

public record TemplateResponse(UUID id, String name, ChecklistCategory category, List<TemplateItemResponse> items) {
    static TemplateResponse from(ChecklistTemplate t) {
        return new TemplateResponse(t.id, t.name, t.category, t.items().stream()
                .map(i -> new TemplateItemResponse(i.position, i.description, i.mandatory, i.dueHoursBeforeStart))
                .toList());
    }
}
