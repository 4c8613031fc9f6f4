package app.convene.registration.persistence;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.convene.backbone.event.EventAccess;

/**
 * Reads the access of many events at once from {@code event_access} (the backbone's {@code EventAccessStore} reads
 * and writes one event's).
 */
@ApplicationScoped
public class EventAccessRepository {
    private static final TypeReference<List<String>> SUBJECTS = new TypeReference<>() {
    };
    private static final TypeReference<List<EventAccess.Delegate>> DELEGATES = new TypeReference<>() {
    };

    @Inject
    EntityManager entityManager;
    @Inject
    ObjectMapper objectMapper;

    /** The access of a page of events, in one read. */
    public Map<UUID, EventAccess> ofEvents(List<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select event_id, organisation, owner, confidential, cast(co_organizers as text), cast(delegates as text)
                from event_access where event_id in (:ids)
                """).setParameter("ids", eventIds).getResultList();
        try {
            Map<UUID, EventAccess> access = new HashMap<>();
            for (Object[] row : rows) {
                access.put((UUID) row[0], new EventAccess((String) row[1], (String) row[2], (Boolean) row[3],
                        objectMapper.readValue((String) row[4], SUBJECTS),
                        objectMapper.readValue((String) row[5], DELEGATES)));
            }
            return access;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event_access is unreadable", e);
        }
    }
}
