package app.convene.notification.delivery.persistence;

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
}
