package app.convene.budget.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record WithdrawalRequest(
        @NotBlank @Size(max = 400)
        @Schema(description = "Why the line no longer counts; kept on the line and in its ledger entry",
                examples = "The partner pays the dinner") String reason) {
}
