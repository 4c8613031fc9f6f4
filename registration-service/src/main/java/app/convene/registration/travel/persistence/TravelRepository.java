package app.convene.registration.travel.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import app.convene.registration.domain.RegistrationStatus;
import app.convene.registration.travel.domain.TravelArrangement;

/** Reads and writes travel arrangements ({@code travel_arrangement}) and the figures last announced per event. */
@ApplicationScoped
public class TravelRepository {
    @Inject
    EntityManager entityManager;

    public Optional<TravelArrangement> find(UUID registrationId) {
        return Optional.ofNullable(TravelArrangement.findById(registrationId));
    }

    /** Removes the registration's arrangement (its place went to another person); whether there was one. */
    public boolean delete(UUID registrationId) {
        return entityManager.createNativeQuery("delete from travel_arrangement where registration_id = :id")
                .setParameter("id", registrationId).executeUpdate() > 0;
    }

    /** The arrangements that count in the event's figures: those of its confirmed registrations. */
    public List<TravelArrangement> ofConfirmed(UUID eventId) {
        return entityManager.createQuery("""
                select t from TravelArrangement t, Registration r
                where r.id = t.registrationId and t.eventId = :eventId and r.status = :confirmed""",
                TravelArrangement.class).setParameter("eventId", eventId)
                .setParameter("confirmed", RegistrationStatus.CONFIRMED).getResultList();
    }

    /** The figures last announced for the event (their signature); empty when none were. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> lastAnnounced(UUID eventId) {
        List<?> rows = entityManager.createNativeQuery(
                "select figures from travel_needs_announcement where event_id = :eventId")
                .setParameter("eventId", eventId).getResultList();
        return rows.stream().map(String.class::cast).findFirst();
    }

    /** Records new figures as announced and answers their sequence: 1 for the event's first, then one more each. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long recordAnnounced(UUID eventId, String figures, Instant at) {
        return ((Number) entityManager.createNativeQuery("""
                insert into travel_needs_announcement (event_id, sequence, figures, announced_at)
                values (:eventId, 1, :figures, :at)
                on conflict (event_id) do update set sequence = travel_needs_announcement.sequence + 1,
                    figures = excluded.figures, announced_at = excluded.announced_at
                returning sequence""").setParameter("eventId", eventId).setParameter("figures", figures)
                .setParameter("at", at).getSingleResult()).longValue();
    }

    /**
     * Clears the free-text needs (accessibility, dietary note) of these registrations' arrangements, whose attendee
     * was erased; the structured figures stay, so every count stays as it was.
     */
    public int anonymise(List<UUID> registrationIds) {
        if (registrationIds.isEmpty()) {
            return 0;
        }
        return entityManager.createNativeQuery("""
                update travel_arrangement set accessibility_needs = case when accessibility_needs is null then null
                    else 'erased' end, dietary_note = null
                where registration_id in (:ids)""").setParameter("ids", registrationIds).executeUpdate();
    }

    /** As {@link #anonymise(List)}, for every arrangement of the event. */
    public int anonymiseEvent(UUID eventId) {
        return entityManager.createNativeQuery("""
                update travel_arrangement set accessibility_needs = case when accessibility_needs is null then null
                    else 'erased' end, dietary_note = null
                where event_id = :eventId""").setParameter("eventId", eventId).executeUpdate();
    }
}
