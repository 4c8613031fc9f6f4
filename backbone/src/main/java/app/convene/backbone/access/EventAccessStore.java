package app.convene.backbone.access;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.convene.backbone.event.EventAccess;

/**
 * Each service's copy of who may see and change each event (table {@code event_access}). registration-service writes
 * it when the event is scheduled or its access changes; the other services write it from the events that announce
 * it, so they decide access locally, without calling registration-service.
 */
@ApplicationScoped
public class EventAccessStore {
    private static final TypeReference<List<String>> SUBJECTS = new TypeReference<>() {
    };
    private static final TypeReference<List<EventAccess.Delegate>> DELEGATES = new TypeReference<>() {
    };

    @Inject
    EntityManager entityManager;
    @Inject
    ObjectMapper objectMapper;

    /** Records the event's access as announced; a record without access (from before it existed) changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void save(UUID eventId, EventAccess access) {
        if (access == null) {
            return;
        }
        entityManager.createNativeQuery("""
                insert into event_access (event_id, organisation, owner, confidential, co_organizers, delegates,
                                          members, updated_at)
                values (:eventId, :organisation, :owner, :confidential, cast(:coOrganizers as jsonb),
                        cast(:delegates as jsonb), array(select jsonb_array_elements_text(cast(:members as jsonb))),
                        :now)
                on conflict (event_id) do update set organisation = excluded.organisation, owner = excluded.owner,
                    confidential = excluded.confidential, co_organizers = excluded.co_organizers,
                    delegates = excluded.delegates, members = excluded.members, updated_at = excluded.updated_at
                """)
                .setParameter("eventId", eventId)
                .setParameter("organisation", access.organisation())
                .setParameter("owner", access.owner())
                .setParameter("confidential", access.confidential())
                .setParameter("coOrganizers", write(access.coOrganizers()))
                .setParameter("delegates", write(access.delegates()))
                .setParameter("members", write(access.members()))
                .setParameter("now", Instant.now())
                .executeUpdate();
    }

    public Optional<EventAccess> find(UUID eventId) {
        return Optional.ofNullable(ofEvents(List.of(eventId)).get(eventId));
    }

    /**
     * The access of many events (e.g. a page of a list) in one read; events without a record are absent. It is read
     * over the transaction's connection directly: every request and announcement that concerns an event reads it, and
     * the table is written only by statements that run at once (no entity of it waits to be flushed).
     */
    public Map<UUID, EventAccess> ofEvents(List<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return Map.of();
        }
        UUID[] ids = eventIds.toArray(UUID[]::new);
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select event_id, organisation, owner, confidential, cast(co_organizers as text),
                           cast(delegates as text)
                    from event_access where event_id = any(?)""")) {
                select.setArray(1, connection.createArrayOf("uuid", ids));
                Map<UUID, EventAccess> access = new HashMap<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        UUID eventId = rows.getObject(1, UUID.class);
                        access.put(eventId, new EventAccess(rows.getString(2), rows.getString(3),
                                rows.getBoolean(4), read(eventId, rows.getString(5), SUBJECTS),
                                read(eventId, rows.getString(6), DELEGATES)));
                    }
                }
                return access;
            }
        });
    }

    private <T> T read(UUID eventId, String json, TypeReference<T> type) {
        try {
            return objectMapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event_access of " + eventId + " is unreadable", e);
        }
    }

    private String write(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
