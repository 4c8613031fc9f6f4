package app.convene.registration.privacy.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import app.convene.backbone.event.PrivacyEvents;
import app.convene.backbone.outbox.Outbox;
import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.security.Caller;
import app.convene.registration.privacy.persistence.ErasureRepository;
import app.convene.registration.privacy.persistence.ErasureRepository.ErasureRow;
import app.convene.registration.privacy.persistence.ErasureRepository.ProgressRow;
import app.convene.registration.privacy.persistence.PersonalDataRepository;
import app.convene.registration.travel.persistence.TravelRepository;

/**
 * Erasure of a person from an organisation. registration-service anonymises its own rows in the erasure's
 * transaction and announces {@code privacy.person-erased.v1} (with the address's hash, never the address) in the
 * same transaction; budget, venue and notification services do their part when they hear it and announce
 * {@code <family>.erasure-completed.v1}, which marks their progress DONE here.
 */
@ApplicationScoped
public class Erasures {
    private static final Logger LOG = Logger.getLogger(Erasures.class);

    public static final String REGISTRATION = "registration-service";
    public static final String BUDGET = "budget-service";
    public static final String VENUE = "venue-service";
    public static final String NOTIFICATION = "notification-service";
    private static final List<String> OTHERS = List.of(BUDGET, VENUE, NOTIFICATION);

    @Inject
    Clock clock;
    @Inject
    Caller caller;
    @Inject
    Outbox outbox;
    @Inject
    ErasureRepository erasures;
    @Inject
    PersonalDataRepository personalData;
    @Inject
    TravelRepository travel;

    /** An erasure and each service's progress with it. */
    public record Erasure(UUID id, String organisation, String emailSha256, String requestedBy, Instant requestedAt,
            List<ProgressRow> progress) {
    }

    /**
     * Anonymises every registration and speaker entry of {@code email} in the caller's organisation, records the
     * erasure (by the address's hash) with registration-service's part DONE and the others PENDING, and announces
     * it: all in one transaction. Statuses, waiting-list order and every count stay; nothing else is announced.
     * Erasing an address again is harmless: a new erasure that finds nothing left to anonymise here.
     */
    @Transactional
    public Erasure erase(String email) {
        String organisation = caller.organisation();
        String hash = erasures.hashOf(email);
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        List<UUID> registrationIds = personalData.anonymiseRegistrations(organisation, hash);
        int speakers = personalData.anonymiseSpeakers(organisation, hash);
        int meetings = personalData.anonymiseMeetings(organisation, hash);
        travel.anonymise(registrationIds);
        personalData.anonymiseAnnouncements(organisation, hash);
        erasures.insert(new ErasureRow(id, organisation, hash, caller.subject(), now));
        erasures.insertDone(id, REGISTRATION, registrationIds.size() + speakers + meetings, now);
        OTHERS.forEach(service -> erasures.insertPending(id, service));
        outbox.append(PrivacyEvents.PERSON_ERASED, PrivacyEvents.AGGREGATE, id,
                new PrivacyEvents.PersonErased(id, organisation, hash, registrationIds, now));
        return get(id, organisation);
    }

    /** The caller's organisation's erasure; another organisation's is not found (404). */
    @Transactional
    public Erasure get(UUID id) {
        return get(id, caller.organisation());
    }

    /** Marks {@code service}'s part of the erasure DONE, as its erasure-completed event says. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void completed(String service, PrivacyEvents.ErasureCompleted completion) {
        if (!erasures.markDone(completion.erasureId(), completion.organisation(), service,
                completion.rowsAnonymised(), completion.completedAt())) {
            LOG.debugf("%s completed erasure %s, which is not pending here", service, completion.erasureId());
        }
    }

    private Erasure get(UUID id, String organisation) {
        ErasureRow row = erasures.find(id, organisation).orElseThrow(
                () -> ProblemException.notFound("erasure", id));
        return new Erasure(row.id(), row.organisation(), row.emailSha256(), row.requestedBy(), row.requestedAt(),
                erasures.progress(id));
    }
}
