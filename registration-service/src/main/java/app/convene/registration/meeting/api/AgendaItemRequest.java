package app.convene.registration.meeting.api;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.registration.meeting.domain.AgendaItem;
import app.convene.registration.meeting.service.Agendas.ItemTerms;

/** A new agenda item, added at the end. */
public record AgendaItemRequest(
        @NotBlank @Size(max = 300) @Schema(examples = "Q3 budget approval") String title,
        @Size(max = 200) @Schema(examples = "CFO") String presenter,
        @Min(1) @Max(1440) @Schema(description = "Minutes given to the item", examples = "20") Integer timeBoxMinutes,
        @Schema(description = "INFORMATION, DISCUSSION (default) or DECISION") AgendaItem.Kind kind,
        @Size(max = 20) @Schema(description = "References to documents (addresses), not the documents")
        List<@NotBlank @Size(max = 2000) String> attachments) {
    ItemTerms toTerms() {
        return new ItemTerms(title, presenter, timeBoxMinutes, kind, attachments);
    }
}
