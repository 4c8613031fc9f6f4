package app.convene.notification.delivery.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.convene.notification.delivery.domain.Audience;
import app.convene.notification.delivery.domain.Channel;
import app.convene.notification.delivery.domain.Recipient;

/** The recipients on the events' distribution lists; one taken off a list stays, inactive. */
@ApplicationScoped
public class RecipientRepository {
    /** The event's active recipients, by audience, oldest first within one. */
    public List<Recipient> activeFor(UUID eventId) {
        return Recipient.list("eventId = ?1 and active = true order by audience, createdAt", eventId);
    }

    /** The event's active recipients in any of {@code audiences}, oldest first. */
    public List<Recipient> activeIn(UUID eventId, Collection<Audience> audiences) {
        return Recipient.list("eventId = ?1 and active = true and audience in ?2 order by createdAt", eventId,
                audiences);
    }

    /** True when the address (compared without case) is already active on the event's list of that audience. */
    public boolean isOnList(UUID eventId, Audience audience, Channel channel, String lowerCaseAddress) {
        return Recipient.count("eventId = ?1 and audience = ?2 and channel = ?3 and lower(address) = ?4 and active = true",
                eventId, audience, channel, lowerCaseAddress) > 0;
    }

    /**
     * Whether a delivery to the recipient may be sent now. A closed circuit lets every one through; a half-open one
     * (its cool-down over) lets exactly one through as the trial, and stays open until {@code trialUntil} while it
     * runs; an open one none. Atomic, so concurrent claims agree.
     */
    public boolean takeTurn(UUID recipientId, Instant now, int threshold, Instant trialUntil) {
        return Recipient.getEntityManager().createNativeQuery("""
                update recipient set circuit_open_until =
                    case when consecutive_failures >= :n then cast(:trial as timestamptz) else circuit_open_until end
                where id = :r and (circuit_open_until is null or circuit_open_until <= :now)""")
                .setParameter("n", threshold).setParameter("trial", trialUntil).setParameter("r", recipientId)
                .setParameter("now", now).executeUpdate() > 0;
    }

    /** A delivery reached the recipient: the circuit closes. */
    public void recordSuccess(UUID recipientId) {
        Recipient.getEntityManager().createNativeQuery("""
                update recipient set consecutive_failures = 0, circuit_open_until = null where id = :r""")
                .setParameter("r", recipientId).executeUpdate();
    }

    /** A delivery failed: one more in a row; at {@code threshold} (or a failed trial) the circuit opens until then. */
    public void recordFailure(UUID recipientId, int threshold, Instant openUntil) {
        Recipient.getEntityManager().createNativeQuery("""
                update recipient set consecutive_failures = consecutive_failures + 1,
                    circuit_open_until = case when consecutive_failures + 1 >= :n then cast(:until as timestamptz)
                                              else null end
                where id = :r""")
                .setParameter("n", threshold).setParameter("until", openUntil).setParameter("r", recipientId)
                .executeUpdate();
    }

    /**
     * Webhook recipients whose secret is still stored in clear (written before secrets were encrypted). Asked once
     * at start, in SQL: a query language statement here would load Hibernate's query parser into every start.
     */
    @SuppressWarnings("unchecked")
    public List<Recipient> withSecretInClear() {
        return Recipient.getEntityManager()
                .createNativeQuery("select * from recipient where webhook_secret like 'whsec\\_%'", Recipient.class)
                .getResultList();
    }
}
