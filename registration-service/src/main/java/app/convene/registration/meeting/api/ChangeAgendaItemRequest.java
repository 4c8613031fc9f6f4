package app.convene.registration.meeting.api;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.registration.meeting.domain.AgendaItem;
import app.convene.registration.meeting.service.Agendas.ItemTerms;

/** A change of an agenda item: only the fields present change. */
public record ChangeAgendaItemRequest(
        @Size(min = 1, max = 300) String title,
        @Size(max = 200) @Schema(description = "null clears it") String presenter,
        @Min(1) @Max(1440) Integer timeBoxMinutes,
        AgendaItem.Kind kind,
        @Size(max = 20) List<@NotBlank @Size(max = 2000) String> attachments) {
    ItemTerms toTerms() {
        return new ItemTerms(title, presenter, timeBoxMinutes, kind, attachments);
    }
}
