package app.convene.registration.privacy.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import app.convene.backbone.event.PrivacyEvents;
import app.convene.backbone.event.PrivacyEvents.EventAttendeesAnonymised;
import app.convene.backbone.outbox.Outbox;
import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.security.Caller;
import app.convene.registration.privacy.domain.RetentionPolicy;
import app.convene.registration.privacy.persistence.RetentionRepository;
import app.convene.registration.travel.persistence.TravelRepository;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * An organisation's retention policy, and the sweep that applies it: once an event ended longer ago than the
 * policy's months, its registrations and speakers are anonymised in place (counts and statuses stay) and
 * privacy.event-attendees-anonymised.v1 tells the other services to do the same with their copies. Each event is
 * anonymised in a transaction of its own, under its row lock, together with its announcement.
 */
@ApplicationScoped
public class RetentionPolicies {
    private static final Logger LOG = Logger.getLogger(RetentionPolicies.class);
    private static final int BATCH = 50;

    @Inject
    RetentionRepository repository;
    @Inject
    TravelRepository travel;
    @Inject
    Outbox outbox;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    public RetentionPolicy policy() {
        return repository.find(caller.organisation()).orElseThrow(this::noPolicy);
    }

    @Transactional
    public RetentionPolicy set(int anonymiseAfterMonths, Consumer<Optional<RetentionPolicy>> precondition) {
        repository.lock(caller.organisation());
        precondition.accept(repository.find(caller.organisation()));
        RetentionPolicy policy = new RetentionPolicy(caller.organisation(), anonymiseAfterMonths, caller.subject(),
                clock.instant());
        repository.save(policy);
        return policy;
    }

    @Transactional
    public void remove(Consumer<Optional<RetentionPolicy>> precondition) {
        repository.lock(caller.organisation());
        precondition.accept(repository.find(caller.organisation()));
        if (!repository.delete(caller.organisation())) {
            throw noPolicy();
        }
    }

    private ProblemException noPolicy() {
        return ProblemException.notFound("a retention policy of organisation", caller.organisation());
    }

    @Scheduled(every = "${registration.retention.sweep-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweepRegularly() {
        sweep(clock.instant());
    }

    /** Anonymises every event that is due at {@code now}; returns how many events were anonymised. */
    public int sweep(Instant now) {
        int anonymised = 0;
        while (true) {
            var due = QuarkusTransaction.requiringNew().call(() -> repository.eventsDue(now, BATCH));
            int before = anonymised;
            for (UUID eventId : due) {
                if (QuarkusTransaction.requiringNew().call(() -> anonymise(eventId, now))) {
                    anonymised++;
                }
            }
            if (due.size() < BATCH || anonymised == before) {
                return anonymised;
            }
        }
    }

    private boolean anonymise(UUID eventId, Instant now) {
        String organisation = repository.lockDue(eventId, now);
        if (organisation == null) {
            return false;
        }
        int registrations = repository.anonymiseEvent(eventId, clock.instant());
        travel.anonymiseEvent(eventId);
        outbox.append(PrivacyEvents.EVENT_ATTENDEES_ANONYMISED, "event", eventId,
                new EventAttendeesAnonymised(eventId, organisation, registrations, clock.instant()));
        LOG.infof("Retention: anonymised %d registrations of event %s (organisation %s)", registrations, eventId,
                organisation);
        return true;
    }
}
