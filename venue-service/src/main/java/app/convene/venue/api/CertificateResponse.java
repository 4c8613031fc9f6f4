package app.convene.venue.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.backbone.money.Money;
import app.convene.venue.domain.Coverage;
import app.convene.venue.domain.InsuranceCertificate;

public record CertificateResponse(@Schema(required = true) UUID id, @Schema(required = true) UUID eventId,
        @Schema(required = true) String insurer, @Schema(required = true) String policyNumber,
        @Schema(required = true) Coverage coverage, @Schema(required = true) BigDecimal amount,
        @Schema(required = true) String currency, @Schema(required = true) Instant validFrom,
        @Schema(required = true) Instant validTo, @Schema(required = true) String documentReference,
        @Schema(required = true) String registeredBy, Instant expiryAnnouncedAt,
        @Schema(description = "When it was withdrawn; a withdrawn certificate no longer counts") Instant withdrawnAt,
        @Schema(description = "Who withdrew it") String withdrawnBy) {
    static CertificateResponse from(InsuranceCertificate c) {
        return new CertificateResponse(c.id, c.eventId, c.insurer, c.policyNumber, c.coverage,
                Money.atScale(c.amount, c.currency), c.currency, c.validFrom, c.validTo, c.documentReference,
                c.registeredBy, c.expiryAnnouncedAt, c.withdrawnAt, c.withdrawnBy);
    }
}
