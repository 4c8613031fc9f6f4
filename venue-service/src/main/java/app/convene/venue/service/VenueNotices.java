package app.convene.venue.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.event.VenueEvents;
import app.convene.backbone.outbox.Outbox;
import app.convene.venue.domain.Booking;
import app.convene.venue.domain.PartnerContact;
import app.convene.venue.domain.Room;
import app.convene.venue.domain.Venue;
import app.convene.venue.domain.VenueClosure;

/**
 * Tells the venue's subscribed partner contacts (through notification-service, each in their language) of what
 * happens at the venue, in the change's transaction: a booking confirmed or cancelled, a closure and its
 * withdrawal. Nothing is announced when no one subscribed.
 */
@ApplicationScoped
public class VenueNotices {
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void bookingConfirmed(Booking booking) {
        announce(booking, "BOOKING_CONFIRMED", null);
    }

    /** The booking moved within the venue (another room of it, or other times). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void bookingMoved(Booking booking) {
        announce(booking, "BOOKING_MOVED", null);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void bookingCancelled(Booking booking, String reason) {
        announce(booking, "BOOKING_CANCELLED", reason);
    }

    /** The venue, or one room of it, closes for a period. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void closed(Venue venue, VenueClosure closure, String roomName) {
        announce(venue, closure, "CLOSURE", roomName);
    }

    /** A closure is withdrawn: the venue, or the room, reopens for that period. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void closureWithdrawn(Venue venue, VenueClosure closure, String roomName) {
        announce(venue, closure, "CLOSURE_WITHDRAWN", roomName);
    }

    private void announce(Venue venue, VenueClosure closure, String kind, String roomName) {
        List<PartnerContact> subscribed = subscribed(venue.id);
        if (subscribed.isEmpty()) {
            return;
        }
        outbox.append(VenueEvents.VENUE_NOTICE, VenueEvents.NOTICE_AGGREGATE, venue.id,
                new VenueEvents.VenueNotice(UUID.randomUUID(), venue.id, venue.name, venue.organisation, kind, null,
                        null, roomName, closure.startsAt, closure.endsAt, closure.reason, contacts(subscribed),
                        clock.instant(), closure.id));
    }

    private static List<PartnerContact> subscribed(UUID venueId) {
        return PartnerContact.list("venueId = ?1 and noticesSubscribed = true and removedAt is null order by email",
                venueId);
    }

    private static List<VenueEvents.PartnerContact> contacts(List<PartnerContact> subscribed) {
        return subscribed.stream().map(c -> new VenueEvents.PartnerContact(c.id, c.name, c.email, c.language))
                .toList();
    }

    private void announce(Booking booking, String kind, String reason) {
        Room room = Room.findById(booking.roomId);
        List<PartnerContact> subscribed = subscribed(room.venueId);
        if (subscribed.isEmpty()) {
            return;
        }
        Venue venue = Venue.findById(room.venueId);
        outbox.append(VenueEvents.VENUE_NOTICE, VenueEvents.NOTICE_AGGREGATE, venue.id,
                new VenueEvents.VenueNotice(UUID.randomUUID(), venue.id, venue.name, booking.organisation, kind,
                        booking.eventId, booking.id, room.name, booking.startsAt, booking.endsAt, reason,
                        subscribed.stream().map(c -> new VenueEvents.PartnerContact(c.id, c.name, c.email,
                                c.language)).toList(),
                        clock.instant()));
    }
}
