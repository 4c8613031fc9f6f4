package app.convene.notification.briefing.api;

import java.math.BigDecimal;

public record Budget(String status, String currency, BigDecimal approvedTotal, BigDecimal forecastTotal,
        BigDecimal actualTotal) {
}
