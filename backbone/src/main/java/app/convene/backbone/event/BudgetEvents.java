package app.convene.backbone.event;

import java.util.UUID;

/** What budget-service announces on {@code budget.events}; the record key is the event id. */
public final class BudgetEvents {
    public static final String FAMILY = "budget";
    public static final String AGGREGATE = "budget";

    public static final EventType<BudgetCreated> CREATED = new EventType<>(FAMILY, "created", 1, BudgetCreated.class);

    private BudgetEvents() {
    }

    /** A draft budget now exists for the event. */
    public record BudgetCreated(UUID eventId, String status) {
    }
}
