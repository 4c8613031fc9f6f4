package app.convene.venue.domain;

/** Belongs to one organisation (token claim {@code org}); another organisation never sees it. */
public interface OfOrganisation {
    String organisation();
}
