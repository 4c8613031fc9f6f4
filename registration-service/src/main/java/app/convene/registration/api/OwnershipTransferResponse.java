package app.convene.registration.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.registration.service.OwnershipTransfers.Transfer;

/** What one call handed over, and what the leaver still owns. */
public record OwnershipTransferResponse(@Schema(required = true) String from, @Schema(required = true) String to,
        @Schema(description = "Meeting series handed over by this call") int series,
        @Schema(description = "Events and meetings handed over by this call (a series' occurrences included)")
        int events,
        @Schema(description = "Series and events the leaver still owns: call again while above 0") long remaining) {

    static OwnershipTransferResponse of(Transfer transfer) {
        return new OwnershipTransferResponse(transfer.from(), transfer.to(), transfer.series(), transfer.events(),
                transfer.remaining());
    }
}
