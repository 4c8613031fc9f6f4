package app.convene.budget.service;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.security.Caller;
import app.convene.budget.domain.JournalMarker;
import app.convene.budget.persistence.JournalMarkerRepository;
import app.convene.budget.persistence.LedgerRepository;

/**
 * The exported-up-to marker of each organisation's journal. Finance exports the journal (the file names the newest
 * ledger entry it holds in {@code Journal-Up-To}), books it, and moves the marker there; the next export "since the
 * marker" then holds only the entries recorded after. The marker only moves forward, so a late or repeated move
 * cannot make entries be exported twice; a full export of a period ignores it.
 */
@ApplicationScoped
public class JournalMarkers {
    @Inject
    Clock clock;
    @Inject
    Caller caller;
    @Inject
    JournalMarkerRepository repository;
    @Inject
    LedgerRepository ledger;

    /** The caller's organisation's marker. */
    @Transactional
    public JournalMarker get() {
        return repository.find(caller.organisation());
    }

    /** Where the organisation's marker stands; 0 when it was never set. */
    @Transactional
    public long upTo(String organisation) {
        return repository.find(organisation).upToLedgerId();
    }

    /**
     * Moves the caller's organisation's marker forward to {@code upTo}; a 400 past the newest ledger entry, a 409
     * when the marker already stands further.
     */
    @Transactional
    public JournalMarker moveTo(Long upTo) {
        if (upTo == null || upTo < 0) {
            throw ProblemException.invalidField("upTo", "is required: the Journal-Up-To of the export booked (0 or "
                    + "more)");
        }
        long newest = ledger.newestId();
        if (upTo > newest) {
            throw ProblemException.invalidField("upTo", "must not pass the newest ledger entry (" + newest + "): "
                    + "use the Journal-Up-To of an export");
        }
        String organisation = caller.organisation();
        if (!repository.moveForward(organisation, upTo, clock.instant(), caller.subject())) {
            JournalMarker current = repository.find(organisation);
            throw ProblemException.conflict("marker-behind", "the journal is marked exported up to "
                    + current.upToLedgerId() + " already, past " + upTo + "; the marker only moves forward (export "
                    + "a period in full to export it again)");
        }
        return repository.find(organisation);
    }
}
