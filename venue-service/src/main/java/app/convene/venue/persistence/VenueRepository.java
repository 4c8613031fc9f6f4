package app.convene.venue.persistence;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.convene.venue.domain.PartnerContact;
import app.convene.venue.domain.Room;
import app.convene.venue.domain.Venue;

/** Reads the organisations' venues with their rooms and partner contacts ({@code venue}, {@code room}, ...). */
@ApplicationScoped
public class VenueRepository {
    /** Whether the organisation has a venue of that name in that city. */
    public boolean existsNamed(String organisation, String name, String city) {
        return Venue.count("organisation = ?1 and name = ?2 and city = ?3", organisation, name, city) > 0;
    }

    /** The organisation's venues, by name and city. */
    public List<Venue> ofOrganisation(String organisation) {
        return Venue.list("organisation = ?1 order by name, city", organisation);
    }

    /** The rooms of these venues, each venue's by name. */
    public Map<UUID, List<Room>> roomsOf(List<UUID> venueIds) {
        return ChildRows.byParent(venueIds, ids -> Room.list("venueId in ?1 order by name", ids), r -> r.venueId);
    }

    /** The partner contacts of these venues, each venue's by name. */
    public Map<UUID, List<PartnerContact>> partnerContactsOf(List<UUID> venueIds) {
        return ChildRows.byParent(venueIds, ids -> PartnerContact.list("venueId in ?1 order by name", ids),
                c -> c.venueId);
    }

    /** Whether the venue has a room of that name. */
    public boolean hasRoomNamed(UUID venueId, String name) {
        return Room.count("venueId = ?1 and name = ?2", venueId, name) > 0;
    }

    /** Whether the venue lists a partner contact with that e-mail address, in any case. */
    public boolean hasPartnerContactWithEmail(UUID venueId, String email) {
        return PartnerContact.count("venueId = ?1 and lower(email) = lower(?2)", venueId, email) > 0;
    }
}
