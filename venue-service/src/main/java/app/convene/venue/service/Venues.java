package app.convene.venue.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.event.VenueEvents;
import app.convene.backbone.outbox.Outbox;
import app.convene.backbone.paging.Slice;
import app.convene.backbone.problem.ProblemException;
import app.convene.venue.domain.Booking;
import app.convene.venue.domain.EventReadiness;
import app.convene.venue.domain.PartnerContact;
import app.convene.venue.domain.Room;
import app.convene.venue.domain.Venue;
import app.convene.venue.persistence.BookingRepository;
import app.convene.venue.persistence.VenueRepository;

/** Venues, their rooms and their partners' contacts. */
@ApplicationScoped
public class Venues {
    @Inject
    VenueAccess access;
    @Inject
    Clock clock;
    @Inject
    VenueRepository repository;
    @Inject
    BookingRepository bookings;
    @Inject
    Readiness readiness;
    @Inject
    Outbox outbox;

    public record Address(String street, String postalCode, String city, String country) {
    }

    public record RoomTerms(String name, int seatedCapacity, int standingCapacity, int safeOccupancy,
            List<String> accessibilityFeatures, List<String> equipment) {
    }

    /** What a change of a room names; a field left null keeps its value, lists given replace the room's. */
    public record RoomChanges(String name, Integer seatedCapacity, Integer standingCapacity, Integer safeOccupancy,
            List<String> accessibilityFeatures, List<String> equipment) {
    }

    public record Contact(String name, String role, String email, String phone, String language,
            boolean noticesSubscribed) {
    }

    /** A venue of the caller's organisation; the same name in another organisation is no conflict. */
    @Transactional
    public Venue register(String name, Address address) {
        String organisation = access.organisation();
        if (repository.existsNamed(organisation, name, address.city())) {
            throw ProblemException.conflict("venue-exists", "a venue named '" + name + "' in " + address.city()
                    + " is already registered");
        }
        Venue venue = new Venue();
        venue.id = UUID.randomUUID();
        venue.organisation = organisation;
        venue.name = name;
        venue.street = address.street();
        venue.postalCode = address.postalCode();
        venue.city = address.city();
        venue.country = address.country();
        venue.createdAt = clock.instant();
        UniqueRows.insert(venue, "venue_name_unique", "already-exists", "a venue named '" + name + "' in "
                + address.city() + " is already registered");
        return venue;
    }

    @Transactional
    public Room addRoom(UUID venueId, RoomTerms terms) {
        Venue venue = venue(venueId);
        repository.lockForChange(venueId);
        Venue.getEntityManager().refresh(venue);
        refuseIfRetired(venue);
        requireSafeOccupancyWithin(terms.safeOccupancy(), terms.seatedCapacity(), terms.standingCapacity());
        String taken = "venue '" + venue.name + "' already has a room named '" + terms.name() + "'";
        if (repository.hasRoomNamed(venueId, terms.name())) {
            throw ProblemException.conflict("room-exists", taken);
        }
        Room room = new Room();
        room.id = UUID.randomUUID();
        room.organisation = venue.organisation;
        room.venueId = venueId;
        room.name = terms.name();
        room.seatedCapacity = terms.seatedCapacity();
        room.standingCapacity = terms.standingCapacity();
        room.safeOccupancy = terms.safeOccupancy();
        room.accessibilityFeatures = distinct(terms.accessibilityFeatures());
        room.equipment = distinct(terms.equipment());
        UniqueRows.insert(room, "room_name_unique", "already-exists", taken);
        return room;
    }

    /**
     * Changes a room: its name, capacities, safe occupancy (at most the larger capacity), accessibility features and
     * equipment. Each confirmed booking of the room whose event is not over is told (announced
     * {@code venue.booked-room-changed.v1}, in the same transaction) and its event's readiness and safety assessed
     * again. The venue is held exclusively meanwhile, then each such event (by id), then the room: the order a booking
     * takes them in.
     */
    @Transactional
    public Room changeRoom(UUID roomId, RoomChanges changes) {
        Room room = room(roomId);
        repository.lockForChange(room.venueId);
        List<EventReadiness> events = bookings.confirmedOfRoomFrom(roomId, clock.instant()).stream()
                .map(booking -> readiness.lock(booking.eventId)).toList();
        Bookings.refuseIfRetired(room, bookings.lockRoomForBooking(roomId));
        Room.getEntityManager().refresh(room);
        String name = changes.name() != null ? changes.name().strip() : room.name;
        int seated = changes.seatedCapacity() != null ? changes.seatedCapacity() : room.seatedCapacity;
        int standing = changes.standingCapacity() != null ? changes.standingCapacity() : room.standingCapacity;
        int safe = changes.safeOccupancy() != null ? changes.safeOccupancy() : room.safeOccupancy;
        requireSafeOccupancyWithin(safe, seated, standing);
        if (!name.equals(room.name) && repository.hasRoomNamed(room.venueId, name)) {
            throw ProblemException.conflict("room-exists", "venue " + room.venueId + " already has a room named '"
                    + name + "'");
        }
        boolean told = !name.equals(room.name) || safe != room.safeOccupancy;
        room.name = name;
        room.seatedCapacity = seated;
        room.standingCapacity = standing;
        room.safeOccupancy = safe;
        if (changes.accessibilityFeatures() != null) {
            room.accessibilityFeatures = distinct(changes.accessibilityFeatures());
        }
        if (changes.equipment() != null) {
            room.equipment = distinct(changes.equipment());
        }
        Room.getEntityManager().flush();
        tellBookings(events, Venue.findById(room.venueId), booked -> booked.id.equals(roomId), told, true);
        return room;
    }

    /**
     * Retires a room the organisation no longer uses: no longer listed with its venue, bookable, changed or chosen for
     * a moved booking; kept for the bookings and checklists that refer to it; its name free for another room of the
     * venue. Refused while it has a confirmed booking whose teardown is still ahead (move or cancel them first): the
     * answer says how many, when the first one's setup begins and where they are listed, not the bookings (some may
     * be of confidential events). The venue is held exclusively meanwhile, as for a room's change, so no booking of it
     * runs half-way through. Retiring a retired room answers it again.
     */
    @Transactional
    public Room retireRoom(UUID roomId) {
        Room room = room(roomId);
        repository.lockForChange(room.venueId);
        Room.getEntityManager().refresh(room);
        if (room.retiredAt != null) {
            return room;
        }
        Instant now = clock.instant();
        List<Booking> ahead = bookings.confirmedOfRoomFrom(roomId, now);
        if (!ahead.isEmpty()) {
            Instant first = ahead.stream().map(b -> b.setupStartsAt).min(Instant::compareTo).orElseThrow();
            throw ProblemException.conflict("room-has-bookings", "room '" + room.name + "' still has " + ahead.size()
                    + " confirmed booking(s) ahead, the first from " + first + " (GET /api/rooms/" + room.id
                    + "/bookings?from=" + now + " lists them); move them to another room (PATCH "
                    + "/api/bookings/{bookingId}) or cancel them first");
        }
        room.retiredAt = now;
        return room;
    }

    /**
     * Retires a venue the organisation no longer uses, with its rooms still in use: no longer listed, changed, given
     * rooms, partner contacts or closures, and none of its rooms bookable; kept, with its rooms, for the bookings,
     * checklists and closures that refer to them (answered by id with {@code retiredAt}); its name in its city free for
     * another venue. Refused while any of its rooms has a confirmed booking whose teardown is still ahead: the answer
     * names those rooms, how many bookings and when the first one's setup begins. The venue is held exclusively, as
     * for a room's retirement, so no booking of it runs half-way through. Retiring a retired venue answers it again.
     */
    @Transactional
    public Venue retireVenue(UUID venueId) {
        Venue venue = venue(venueId);
        repository.lockForChange(venueId);
        Venue.getEntityManager().refresh(venue);
        if (venue.retiredAt != null) {
            return venue;
        }
        Instant now = clock.instant();
        List<Booking> ahead = bookings.confirmedOfVenueFrom(venueId, now);
        if (!ahead.isEmpty()) {
            Instant first = ahead.stream().map(b -> b.setupStartsAt).min(Instant::compareTo).orElseThrow();
            String rooms = ahead.stream().map(b -> b.roomId).distinct().map(id -> Room.<Room>findById(id))
                    .map(r -> "'" + r.name + "' (GET /api/rooms/" + r.id + "/bookings?from=" + now + ")").sorted()
                    .collect(Collectors.joining(", "));
            throw ProblemException.conflict("venue-has-bookings", "venue '" + venue.name + "' still has "
                    + ahead.size() + " confirmed booking(s) ahead, the first from " + first + ", in room(s) " + rooms
                    + "; move them to another venue (PATCH /api/bookings/{bookingId}) or cancel them first");
        }
        repository.retireRooms(venueId, now);
        venue.retiredAt = now;
        return venue;
    }

    /** A retired venue is kept as it was: 409 venue-retired. */
    static void refuseIfRetired(Venue venue) {
        if (venue.retiredAt != null) {
            throw ProblemException.conflict("venue-retired", "venue '" + venue.name + "' was retired at "
                    + venue.retiredAt + " and is kept as it was");
        }
    }

    /**
     * Changes a venue's name and address (the address given replaces it whole). Another venue of the organisation
     * with that name in that city is a 409. A new name is announced ({@code venue.booked-room-changed.v1}) to each
     * confirmed booking of the venue's rooms whose event is not over; the venue is held exclusively, then those
     * events, as for a room's change.
     */
    @Transactional
    public Venue changeVenue(UUID venueId, String name, Address address) {
        Venue venue = venue(venueId);
        repository.lockForChange(venueId);
        Venue.getEntityManager().refresh(venue);
        refuseIfRetired(venue);
        String newName = name != null ? name : venue.name;
        String city = address != null ? address.city() : venue.city;
        String taken = "a venue named '" + newName + "' in " + city + " is already registered";
        if ((!newName.equals(venue.name) || !city.equals(venue.city))
                && repository.existsNamedOtherThan(venueId, venue.organisation, newName, city)) {
            throw ProblemException.conflict("venue-exists", taken);
        }
        boolean renamed = !newName.equals(venue.name);
        List<EventReadiness> events = renamed ? bookings.confirmedOfVenueFrom(venueId, clock.instant()).stream()
                .map(booking -> readiness.lock(booking.eventId)).toList() : List.of();
        venue.name = newName;
        if (address != null) {
            venue.street = address.street();
            venue.postalCode = address.postalCode();
            venue.city = address.city();
            venue.country = address.country();
        }
        UniqueRows.flush("venue_name_unique", "venue-exists", taken);
        tellBookings(events, venue, booked -> booked.venueId.equals(venueId), true, false);
        return venue;
    }

    /**
     * Tells each locked event whose confirmed booking holds a room {@code changed} concerns how that room and its venue
     * now are ({@code venue.booked-room-changed.v1}, when {@code announce}) and assesses the event again (when
     * {@code reassess}). Under the event's lock, a booking cancelled before the lock was taken is no longer the event's.
     */
    private void tellBookings(List<EventReadiness> events, Venue venue, Predicate<Room> changed, boolean announce,
            boolean reassess) {
        for (EventReadiness event : events) {
            Booking booking = bookings.confirmedFor(event.eventId).orElse(null);
            Room room = booking == null ? null : Room.findById(booking.roomId);
            if (room == null || !changed.test(room)) {
                continue;
            }
            if (announce) {
                outbox.append(VenueEvents.BOOKED_ROOM_CHANGED, VenueEvents.BOOKING_AGGREGATE, event.eventId,
                        new VenueEvents.BookedRoomChanged(event.eventId, booking.id, venue.id, venue.name, room.id,
                                room.name, room.safeOccupancy));
            }
            if (reassess) {
                readiness.reassess(event);
            }
        }
    }

    private static void requireSafeOccupancyWithin(int safeOccupancy, int seatedCapacity, int standingCapacity) {
        if (safeOccupancy > Math.max(seatedCapacity, standingCapacity)) {
            throw ProblemException.invalidField("safeOccupancy",
                    "must not exceed the larger of seatedCapacity and standingCapacity");
        }
    }

    @Transactional
    public PartnerContact addPartnerContact(UUID venueId, Contact contact) {
        Venue venue = venue(venueId);
        refuseIfRetired(venue);
        String taken = "a partner contact with e-mail " + contact.email() + " is already listed for this venue";
        if (repository.hasPartnerContactWithEmail(venueId, contact.email())) {
            throw ProblemException.conflict("partner-contact-exists", taken);
        }
        PartnerContact partner = new PartnerContact();
        partner.id = UUID.randomUUID();
        partner.organisation = venue.organisation;
        partner.venueId = venueId;
        partner.name = contact.name();
        partner.role = contact.role();
        partner.email = contact.email();
        partner.phone = contact.phone();
        partner.language = contact.language();
        partner.noticesSubscribed = contact.noticesSubscribed();
        UniqueRows.insert(partner, "partner_contact_email_unique", "partner-contact-exists", taken);
        return partner;
    }

    /** What a change of a partner contact names; a field left null keeps its value, an empty phone clears it. */
    public record ContactChanges(String name, String role, String email, String phone, String language,
            Boolean noticesSubscribed) {
    }

    /**
     * Changes a listed partner contact: name, role, address (not one another listed contact of the venue has), phone,
     * language and whether they want the venue's notices (false stops them from the next notice on).
     */
    @Transactional
    public PartnerContact changePartnerContact(UUID venueId, UUID contactId, ContactChanges changes) {
        PartnerContact contact = partnerContact(venueId, contactId);
        String taken = "a partner contact with e-mail " + changes.email() + " is already listed for this venue";
        if (changes.email() != null && !changes.email().equalsIgnoreCase(contact.email)
                && repository.hasPartnerContactWithEmail(venueId, changes.email())) {
            throw ProblemException.conflict("partner-contact-exists", taken);
        }
        if (changes.name() != null) {
            contact.name = changes.name();
        }
        if (changes.role() != null) {
            contact.role = changes.role();
        }
        if (changes.email() != null) {
            contact.email = changes.email();
        }
        if (changes.phone() != null) {
            contact.phone = changes.phone().isEmpty() ? null : changes.phone();
        }
        if (changes.language() != null) {
            contact.language = changes.language();
        }
        if (changes.noticesSubscribed() != null) {
            contact.noticesSubscribed = changes.noticesSubscribed();
        }
        UniqueRows.flush("partner_contact_email_unique", "partner-contact-exists", taken);
        return contact;
    }

    /**
     * Takes a partner contact off the venue's list: no longer listed, written to or chosen as who raised an issue; the
     * issues they raised keep their name. Their address may be listed again. Taking off one already taken off changes
     * nothing.
     */
    @Transactional
    public void removePartnerContact(UUID venueId, UUID contactId) {
        Venue venue = venue(venueId);
        PartnerContact contact = PartnerContact.findById(contactId);
        if (contact == null || !contact.venueId.equals(venue.id)) {
            throw VenueAccess.notFound("partner contact", contactId);
        }
        if (contact.removedAt == null) {
            contact.removedAt = clock.instant();
            contact.noticesSubscribed = false;
        }
    }

    /** A venue of the caller's organisation; another organisation's is not found. */
    public Venue venue(UUID venueId) {
        Venue venue = access.inCallersOrganisation(Venue.findById(venueId), "venue", venueId);
        return venue;
    }

    /** A partner contact of a venue of the caller's organisation; one of another venue or organisation is not found. */
    public PartnerContact partnerContact(UUID venueId, UUID contactId) {
        Venue venue = venue(venueId);
        PartnerContact contact = PartnerContact.findById(contactId);
        if (contact == null || !contact.venueId.equals(venue.id) || contact.removedAt != null) {
            throw VenueAccess.notFound("partner contact", contactId);
        }
        return contact;
    }

    /** A room of the caller's organisation; another organisation's is not found. */
    public Room room(UUID roomId) {
        Room room = access.inCallersOrganisation(Room.findById(roomId), "room", roomId);
        return room;
    }

    /** A venue with its rooms and partner contacts, each by name. */
    public record VenueDetails(Venue venue, List<Room> rooms, List<PartnerContact> partnerContacts) {
        public static VenueDetails of(Venue venue) {
            return new VenueDetails(venue, venue.rooms(), venue.partnerContacts());
        }
    }

    /**
     * The venues of the caller's organisation with their rooms and partner contacts: three queries however many
     * venues there are, not two more per venue.
     */
    /** Most venues in one page of the list. */
    public static final int MAX_PAGE = 500;

    /** A page of venues with their rooms and partner contacts, and the venue the next page starts after. */
    public record Page(List<VenueDetails> venues, UUID next) {
    }

    /**
     * A page of the organisation's venues by name and city, each with its rooms and partner contacts, only those whose
     * name or city contains {@code text} when it is given, after the venue {@code after} (the previous page's
     * {@code next}) when given.
     */
    public Page venues(String text, UUID after, int limit) {
        Venue cursor = null;
        if (after != null) {
            cursor = repository.ofOrganisation(access.organisation(), after);
            if (cursor == null) {
                throw ProblemException.invalidField("after",
                        "must be the id of a venue of your organisation, as the previous page's next gives it");
            }
        }
        Slice<Venue> page = Slice.of(repository.ofOrganisation(access.organisation(), text, cursor, limit + 1), limit);
        List<UUID> ids = page.rows().stream().map(v -> v.id).toList();
        Map<UUID, List<Room>> rooms = repository.roomsOf(ids);
        Map<UUID, List<PartnerContact>> contacts = repository.partnerContactsOf(ids);
        return new Page(page.rows().stream().map(v -> new VenueDetails(v, rooms.getOrDefault(v.id, List.of()),
                contacts.getOrDefault(v.id, List.of()))).toList(), page.next(v -> v.id));
    }

    private static String[] distinct(List<String> values) {
        return values == null ? new String[0] : values.stream().map(String::strip).distinct().toArray(String[]::new);
    }
}
