package app.convene.notification.partner.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.security.Caller;
import app.convene.notification.partner.domain.PartnerMailEntry;
import app.convene.notification.partner.persistence.PartnerMailRepository;

/**
 * What was written to a venue's partner contacts and how its sending went, for staff of the venue's organisation. A
 * venue is known here once a partner fact of it was heard (a notice or an issue update); another organisation's venue,
 * or one never heard of, is not found.
 */
@ApplicationScoped
public class PartnerMailLog {
    public static final int MAX_PAGE = 500;

    @Inject
    PartnerMailRepository repository;
    @Inject
    Caller caller;

    public record Page(List<PartnerMailEntry> deliveries, UUID next) {
    }

    public Page ofVenue(UUID venueId, UUID before, int limit) {
        String organisation = caller.organisation();
        if (!repository.knowsVenue(venueId, organisation)) {
            throw new ProblemException(404, "not-found", "Not found", "no partner mail of venue " + venueId
                    + " in your organisation (a venue is known here once a notice or an issue of it was announced)");
        }
        List<PartnerMailEntry> entries = repository.logOfVenue(venueId, organisation, before, limit);
        return new Page(entries, entries.size() == limit ? entries.get(entries.size() - 1).id() : null);
    }
}
