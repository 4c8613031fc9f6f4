package app.convene.notification.partner.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import app.convene.notification.partner.persistence.PartnerMailRepository;
import app.convene.notification.privacy.persistence.PersonalDataRepository;
import io.quarkus.scheduler.Scheduled;

/**
 * Partner mail belongs to no event, so the organisations' retention of event attendees does not reach it: once
 * sent (or given up) longer ago than {@code partner-mail.keep-for} (default a year), it is blanked by an hourly sweep.
 */
@ApplicationScoped
public class PartnerMailRetention {
    @Inject
    PartnerMailRepository repository;
    @Inject
    Clock clock;
    @ConfigProperty(name = "partner-mail.keep-for", defaultValue = "P365D")
    Duration keepFor;

    @Scheduled(every = "${partner-mail.sweep-every:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        anonymiseWrittenBefore(clock.instant().minus(keepFor));
    }

    /** Blanks the partner mail written before {@code cutoff} that is no longer on its way; how many. */
    @Transactional
    public int anonymiseWrittenBefore(Instant cutoff) {
        return repository.anonymiseWrittenBefore(cutoff, PersonalDataRepository.ERASED_TEXT);
    }

    /** How long partner mail is kept. */
    public Duration keepFor() {
        return keepFor;
    }
}
