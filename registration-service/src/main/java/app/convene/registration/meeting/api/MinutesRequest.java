package app.convene.registration.meeting.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.registration.meeting.domain.Minutes;

/** The draft minutes: who chairs (and approves), and per agenda item the notes, decisions and action items. */
public record MinutesRequest(
        @NotBlank @Email @Size(max = 254) @Schema(description = "The chair, who approves the minutes",
                examples = "chair@example.com") String chair,
        @NotNull @Size(max = 100) List<@NotNull @Valid Entry> entries) {

    /** One agenda item's minutes (agendaItemId null: any other business). */
    public record Entry(UUID agendaItemId, @Size(max = 20000) String notes,
            @Size(max = 50) List<@NotNull @Valid Decision> decisions,
            @Size(max = 50) List<@NotNull @Valid ActionToTake> actionItems) {
    }

    /** A decision; votes where they were counted. */
    public record Decision(@NotBlank @Size(max = 2000) String text,
            @NotNull @Pattern(regexp = "CARRIED|REJECTED|DEFERRED|NOTED",
                    message = "must be one of CARRIED, REJECTED, DEFERRED, NOTED") String outcome,
            @PositiveOrZero @Max(100_000) Integer votesFor, @PositiveOrZero @Max(100_000) Integer votesAgainst,
            @PositiveOrZero @Max(100_000) Integer abstentions) {
    }

    /** An action item; give the id it was answered with to keep it across drafts and corrections. */
    public record ActionToTake(UUID id, @NotBlank @Size(max = 300) String title,
            @NotBlank @Email @Size(max = 254) String owner, @NotNull LocalDate dueDate) {
    }

    List<Minutes.Entry> toEntries() {
        return entries.stream().map(e -> new Minutes.Entry(e.agendaItemId(), e.notes(),
                e.decisions() == null ? List.of() : e.decisions().stream().map(d -> new Minutes.DecisionTaken(
                        d.text(), d.outcome(), d.votesFor(), d.votesAgainst(), d.abstentions())).toList(),
                e.actionItems() == null ? List.of() : e.actionItems().stream().map(a -> new Minutes.ActionToTake(
                        a.id(), a.title(), a.owner(), a.dueDate())).toList())).toList();
    }
}
