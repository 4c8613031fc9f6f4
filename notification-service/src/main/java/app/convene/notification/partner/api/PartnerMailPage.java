package app.convene.notification.partner.api;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.notification.partner.service.PartnerMailLog;

public record PartnerMailPage(@Schema(required = true) List<PartnerMailDeliveryResponse> deliveries,
        @Schema(description = "Pass as 'before' for older mail; null on the last page") UUID next) {
    static PartnerMailPage from(PartnerMailLog.Page page) {
        return new PartnerMailPage(page.deliveries().stream().map(PartnerMailDeliveryResponse::from).toList(),
                page.next());
    }
}
