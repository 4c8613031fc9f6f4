package app.convene.budget.api;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.budget.service.LineItems;

public record LinePage(
        @Schema(required = true, description = "The lines that count, in the order they were added")
        List<LineResponse> lines,
        @Schema(description = "Pass as `after` for the next page; null on the last page") UUID next) {

    static LinePage of(LineItems.LinePage page, int limit) {
        List<LineResponse> lines = new ArrayList<>(page.lines().size());
        for (int i = 0; i < page.lines().size(); i++) {
            lines.add(LineResponse.of(page.lines().get(i), page.figures().get(i)));
        }
        return new LinePage(lines, lines.size() < limit ? null : lines.get(lines.size() - 1).id());
    }
}
