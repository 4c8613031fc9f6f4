package app.convene.venue.persistence;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rows belonging to some parents (a venue's rooms, a checklist's items), read for all the parents in one query
 * and grouped by parent, each group in the query's order; a parent without rows has no entry.
 */
final class ChildRows {
    private ChildRows() {
    }

    static <T> Map<UUID, List<T>> byParent(List<UUID> parentIds, Function<List<UUID>, List<T>> read,
            Function<T, UUID> parent) {
        return parentIds.isEmpty() ? Map.of() : read.apply(parentIds).stream().collect(Collectors.groupingBy(parent));
    }
}
