package app.convene.venue.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import app.convene.backbone.event.VenueEvents;
import app.convene.backbone.money.Money;
import app.convene.backbone.outbox.Outbox;
import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.security.Roles;
import app.convene.venue.config.InsuranceConfig;
import app.convene.venue.domain.Coverage;
import app.convene.venue.domain.InsuranceCertificate;
import app.convene.venue.persistence.InsuranceCertificateRepository;
import io.quarkus.scheduler.Scheduled;

/** Insurance certificates of events, and the warning announced some days before one expires. */
@ApplicationScoped
public class InsuranceCertificates {
    private static final Logger LOG = Logger.getLogger(InsuranceCertificates.class);
    private static final int EXPIRY_BATCH = 100;

    @Inject
    Readiness readiness;
    @Inject
    Outbox outbox;
    @Inject
    VenueAccess access;
    @Inject
    Clock clock;
    @Inject
    InsuranceConfig config;
    @Inject
    InsuranceCertificateRepository repository;

    public record CertificateTerms(String insurer, String policyNumber, Coverage coverage, BigDecimal amount,
            String currency, Instant validFrom, Instant validTo, String documentReference) {
    }

    /** Facility only (the resource checks the role), for an event it may see. */
    @Transactional
    public InsuranceCertificate register(UUID eventId, CertificateTerms terms, String registeredBy) {
        access.change(eventId, "event", eventId, Roles.FACILITY);
        if (!terms.validTo().isAfter(terms.validFrom())) {
            throw ProblemException.invalidField("validTo", "must be after validFrom");
        }
        BigDecimal amount = Money.checked("amount", "currency", terms.amount(), terms.currency());
        InsuranceCertificate certificate = new InsuranceCertificate();
        certificate.id = UUID.randomUUID();
        certificate.eventId = eventId;
        certificate.insurer = terms.insurer();
        certificate.policyNumber = terms.policyNumber();
        certificate.coverage = terms.coverage();
        certificate.amount = amount;
        certificate.currency = terms.currency();
        certificate.validFrom = terms.validFrom();
        certificate.validTo = terms.validTo();
        certificate.documentReference = terms.documentReference();
        certificate.registeredBy = registeredBy;
        certificate.registeredAt = clock.instant();
        UniqueRows.insert(certificate, "certificate-exists", "policy " + terms.policyNumber() + " of "
                + terms.insurer() + " for " + terms.coverage() + " is already registered for event " + eventId);
        readiness.reassess(eventId);
        return certificate;
    }

    public List<InsuranceCertificate> certificates(UUID eventId) {
        access.read(eventId, "event", eventId);
        return repository.ofEvent(eventId);
    }

    /** One certificate of an event the caller may see; one of another event is not found. */
    public InsuranceCertificate certificate(UUID eventId, UUID certificateId) {
        access.read(eventId, "event", eventId);
        InsuranceCertificate certificate = InsuranceCertificate.findById(certificateId);
        if (certificate == null || !certificate.eventId.equals(eventId)) {
            throw VenueAccess.notFound("insurance certificate", certificateId);
        }
        return certificate;
    }

    /**
     * Withdraws a certificate (facility only, the resource checks the role): it is kept, no longer counts for the
     * event's readiness and is not warned about; the same policy may be registered again. The event's readiness is
     * reassessed. Withdrawing it again changes nothing.
     */
    @Transactional
    public InsuranceCertificate withdraw(UUID eventId, UUID certificateId, String withdrawnBy) {
        access.change(eventId, "event", eventId, Roles.FACILITY);
        InsuranceCertificate certificate = InsuranceCertificate.findById(certificateId);
        if (certificate == null || !certificate.eventId.equals(eventId)) {
            throw VenueAccess.notFound("insurance certificate", certificateId);
        }
        readiness.lock(eventId);
        repository.lockForUpdate(certificate);
        if (certificate.withdrawnAt != null) {
            return certificate;
        }
        certificate.withdrawnAt = clock.instant();
        certificate.withdrawnBy = withdrawnBy;
        certificate.persistAndFlush();
        readiness.reassess(eventId);
        return certificate;
    }

    @Scheduled(every = "${venue.insurance.expiry-check-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "1s", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void checkExpiries() {
        int announced;
        do {
            announced = announceExpiring();
        } while (announced == EXPIRY_BATCH);
    }

    /**
     * Announces, once each, the certificates that expire within the warning period. Rows are claimed with
     * {@code for update skip locked}, so two replicas never announce the same certificate.
     */
    @Transactional
    public int announceExpiring() {
        Instant now = clock.instant();
        Instant horizon = now.plus(Duration.ofDays(config.expiryWarningDays()));
        List<UUID> due = repository.claimExpiring(now, horizon, EXPIRY_BATCH);
        for (UUID id : due) {
            InsuranceCertificate certificate = InsuranceCertificate.findById(id);
            long daysLeft = Duration.between(now, certificate.validTo).toDays();
            outbox.append(VenueEvents.INSURANCE_CERTIFICATE_EXPIRING, VenueEvents.INSURANCE_AGGREGATE,
                    certificate.eventId, new VenueEvents.InsuranceCertificateExpiring(certificate.eventId,
                            certificate.id, certificate.insurer, certificate.policyNumber,
                            certificate.coverage.name(), certificate.validTo, daysLeft));
            certificate.expiryAnnouncedAt = now;
            LOG.infof("certificate %s of event %s expires in %d days", certificate.id, certificate.eventId, daysLeft);
        }
        return due.size();
    }
}
