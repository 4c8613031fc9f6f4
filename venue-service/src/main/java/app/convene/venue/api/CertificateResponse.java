package app.convene.venue.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import app.convene.backbone.money.Money;
import app.convene.venue.domain.Coverage;
import app.convene.venue.domain.InsuranceCertificate;

public record CertificateResponse(UUID id, UUID eventId, String insurer, String policyNumber, Coverage coverage,
        BigDecimal amount, String currency, Instant validFrom, Instant validTo, String documentReference,
        String registeredBy, Instant expiryAnnouncedAt) {
    static CertificateResponse from(InsuranceCertificate c) {
        return new CertificateResponse(c.id, c.eventId, c.insurer, c.policyNumber, c.coverage,
                Money.atScale(c.amount, c.currency), c.currency, c.validFrom, c.validTo, c.documentReference,
                c.registeredBy, c.expiryAnnouncedAt);
    }
}
