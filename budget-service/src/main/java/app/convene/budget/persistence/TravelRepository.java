package app.convene.budget.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.convene.budget.domain.TravelNeeds;
import app.convene.budget.domain.TravelRates;

/** Reads and writes the travel rates of budgets ({@code travel_rates}) and the travel figures announced for them. */
@ApplicationScoped
public class TravelRepository {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager entityManager;

    public TravelRates rates(UUID eventId) {
        return TravelRates.findById(eventId);
    }

    public TravelNeeds needs(UUID eventId) {
        return TravelNeeds.findById(eventId);
    }

    /**
     * Keeps announced figures unless newer ones are held, in one statement; true when they were kept (a first or
     * higher {@code sequence}), false for a late or replayed announcement.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean keepIfNewer(UUID eventId, long sequence, int roomNights,
            java.util.Map<String, Integer> travellersByMode, Instant at) {
        String modes;
        try {
            modes = JSON.writeValueAsString(travellersByMode);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        int kept = entityManager.createNativeQuery("""
                insert into travel_needs (event_id, sequence, room_nights, travellers_by_mode, received_at)
                values (:eventId, :sequence, :roomNights, cast(:modes as jsonb), :at)
                on conflict (event_id) do update set sequence = excluded.sequence,
                    room_nights = excluded.room_nights, travellers_by_mode = excluded.travellers_by_mode,
                    received_at = excluded.received_at
                where travel_needs.sequence < excluded.sequence""").setParameter("eventId", eventId)
                .setParameter("sequence", sequence).setParameter("roomNights", roomNights)
                .setParameter("modes", modes).setParameter("at", at).executeUpdate();
        if (kept > 0) {
            TravelNeeds held = TravelNeeds.findById(eventId);
            if (held != null) {
                entityManager.refresh(held);
            }
        }
        return kept > 0;
    }
}
