package app.convene.venue.api;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.venue.domain.Coverage;
import app.convene.venue.service.InsuranceCertificates;

public record CertificateRequest(
        @NotBlank @Size(max = 200) String insurer,
        @NotBlank @Size(max = 100) String policyNumber,
        @NotNull Coverage coverage,
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 15, fraction = 3)
        @Schema(examples = "2000000.00") BigDecimal amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code, e.g. EUR")
        String currency,
        @NotNull Instant validFrom,
        @NotNull Instant validTo,
        @Schema(description = "Where the certificate document is kept, e.g. a document-store URI")
        @NotBlank @Size(max = 500) String documentReference) {
    InsuranceCertificates.CertificateTerms terms() {
        return new InsuranceCertificates.CertificateTerms(insurer.strip(), policyNumber.strip(), coverage, amount,
                currency, validFrom, validTo, documentReference.strip());
    }
}
