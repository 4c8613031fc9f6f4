package app.convene.venue.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.convene.venue.domain.Checklist;
import app.convene.venue.domain.ChecklistItem;
import app.convene.venue.domain.CorrectiveAction;
import app.convene.venue.persistence.ChecklistRepository;

/**
 * A checklist with its items (by position) and each item's most recent corrective action, read together for a
 * list or an assessment, so nothing is read again per item.
 */
public record ChecklistDetails(Checklist checklist, List<ChecklistItem> items,
        Map<UUID, CorrectiveAction> latestActions) {

    /** The checklists with their items and each item's latest action: two queries more, however many items. */
    public static List<ChecklistDetails> read(ChecklistRepository repository, List<Checklist> checklists) {
        Map<UUID, List<ChecklistItem>> items = repository.itemsOf(checklists.stream().map(c -> c.id).toList());
        Map<UUID, CorrectiveAction> latestActions = repository.latestActionsOf(
                items.values().stream().flatMap(List::stream).map(item -> item.id).toList());
        return checklists.stream().map(c -> new ChecklistDetails(c, items.getOrDefault(c.id, List.of()),
                latestActions)).toList();
    }

    /** The item's most recent corrective action, if it ever failed. */
    public Optional<CorrectiveAction> latestAction(ChecklistItem item) {
        return Optional.ofNullable(latestActions.get(item.id));
    }

    /** Why the item still blocks sign-off, or empty when it does not. */
    public Optional<String> blocking(ChecklistItem item) {
        return item.blocking(latestAction(item));
    }

    /** Why each blocking item of the checklist blocks sign-off, in the items' order. */
    public List<String> blocking() {
        return items.stream().map(this::blocking).flatMap(Optional::stream).toList();
    }
}
