package app.convene.budget.service;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.security.Caller;
import app.convene.budget.config.BudgetConfig;
import app.convene.backbone.money.Money;
import app.convene.budget.domain.BudgetFigures;
import app.convene.budget.domain.DepartmentAllowance;
import app.convene.budget.domain.EventBudget;
import app.convene.budget.domain.ReportingPeriod;
import app.convene.budget.persistence.AllowanceRepository;
import app.convene.budget.persistence.BudgetRepository;

/**
 * Department allowances per period, and the roll-up of every event budget of a department against its allowance,
 * both per organisation: the caller's allowances, and of its budgets only those the caller may see (finance sees
 * confidential events' budgets too). An event counts in the period its start falls in (the event's local date).
 * Each budget's totals are converted into the allowance's currency at the organisation's rate and rounded, then
 * summed.
 */
@ApplicationScoped
public class RollUps {
    @Inject
    Clock clock;
    @Inject
    ExchangeRates rates;
    @Inject
    Forecasts forecasts;
    @Inject
    BudgetConfig config;
    @Inject
    Caller caller;
    @Inject
    AllowanceRepository allowances;
    @Inject
    BudgetRepository budgetRepository;

    public record AllowanceSet(DepartmentAllowance allowance, boolean created) {
    }

    /** One department's budgets of the period, in {@code currency}. Allowance-related figures null without one. */
    public record DepartmentFigures(String department, String currency, BigDecimal allowance, int budgets,
            int approvedBudgets, BigDecimal approvedTotal, BigDecimal forecastTotal, BigDecimal actualTotal,
            BigDecimal remaining, String overUnder) {
    }

    public record RollUp(ReportingPeriod period, List<DepartmentFigures> departments) {
    }

    public static ReportingPeriod period(String field, String text) {
        if (text == null || text.isBlank()) {
            throw ProblemException.invalidField(field, "is required; " + ReportingPeriod.RULE);
        }
        ReportingPeriod period = ReportingPeriod.parseOrNull(text);
        if (period == null) {
            throw ProblemException.invalidField(field, ReportingPeriod.RULE);
        }
        return period;
    }

    /**
     * Sets (or replaces) the caller's organisation's allowance; one statement, so concurrent settings of the same one
     * cannot clash.
     */
    @Transactional
    public AllowanceSet setAllowance(String department, String periodText, BigDecimal amount, String currencyCode) {
        String actor = caller.subject();
        if (department == null || department.isBlank() || department.length() > 100) {
            throw ProblemException.invalidField("department", "must be 1 to 100 characters, not blank");
        }
        ReportingPeriod period = period("period", periodText);
        Currency currency = Money.currency("currency", currencyCode);
        Money.requireMinorUnit("amount", amount, currency);
        Instant now = clock.instant();
        boolean created = allowances.upsert(caller.organisation(), department, period.key(), amount,
                currency.getCurrencyCode(), now, actor);
        return new AllowanceSet(new DepartmentAllowance(department, period.key(), Money.round(amount, currency),
                currency.getCurrencyCode(), now, actor), created);
    }

    /**
     * Every department of the caller's organisation with an allowance for the period or a budget (one the caller
     * may see) of an event starting in it. Departments without an allowance are reported in
     * {@code fallbackCurrency} (the default currency when null).
     */
    @Transactional
    public RollUp rollUp(String periodText, String fallbackCurrency) {
        String organisation = caller.organisation();
        ReportingPeriod period = period("period", periodText);
        Currency fallback = Money.currency("currency",
                fallbackCurrency == null ? config.defaultCurrency() : fallbackCurrency);
        Map<String, DepartmentAllowance> allowancesOfPeriod = new TreeMap<>();
        for (DepartmentAllowance allowance : allowances.ofPeriod(organisation, period.key())) {
            allowancesOfPeriod.put(allowance.department(), allowance);
        }
        // Local start dates differ from UTC ones by less than a day either way: read a day more on each side.
        List<EventBudget> candidates = budgetRepository.visibleWithDepartmentStartingBetween(organisation,
                period.start().minusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                period.end().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        Map<String, List<EventBudget>> byDepartment = new TreeMap<>();
        allowancesOfPeriod.keySet().forEach(d -> byDepartment.put(d, new ArrayList<>()));
        for (EventBudget budget : candidates) {
            if (period.contains(localStartDate(budget))) {
                byDepartment.computeIfAbsent(budget.department, d -> new ArrayList<>()).add(budget);
            }
        }
        List<DepartmentFigures> departments = new ArrayList<>();
        Map<String, Map<String, BigDecimal>> ratesInto = new TreeMap<>();
        byDepartment.forEach((department, budgets) -> departments.add(
                figures(organisation, department, allowancesOfPeriod.get(department), budgets, fallback, ratesInto)));
        return new RollUp(period, departments);
    }

    private DepartmentFigures figures(String organisation, String department, DepartmentAllowance allowance,
            List<EventBudget> budgets, Currency fallback, Map<String, Map<String, BigDecimal>> ratesInto) {
        Currency currency = allowance == null ? fallback : Currency.getInstance(allowance.currency());
        String code = currency.getCurrencyCode();
        BigDecimal approved = Money.zero(currency);
        BigDecimal forecast = approved;
        BigDecimal actual = approved;
        int approvedBudgets = 0;
        for (EventBudget budget : budgets) {
            BigDecimal rate = rateInto(budget, code, department,
                    ratesInto.computeIfAbsent(code, c -> rates.into(organisation, c)));
            BudgetFigures.Totals totals = forecasts.figures(budget).totals();
            forecast = forecast.add(Money.times(totals.forecast(), rate, currency));
            actual = actual.add(Money.times(totals.actual(), rate, currency));
            if (budget.approvedTotal != null) {
                approvedBudgets++;
                approved = approved.add(Money.times(budget.roundedApprovedTotal(), rate, currency));
            }
        }
        BigDecimal amount = allowance == null ? null : Money.round(allowance.amount(), currency);
        BigDecimal remaining = amount == null ? null : amount.subtract(forecast);
        String overUnder = remaining == null ? null : remaining.signum() < 0 ? "OVER" : "UNDER";
        return new DepartmentFigures(department, code, amount, budgets.size(), approvedBudgets, approved, forecast,
                actual, remaining, overUnder);
    }

    private static BigDecimal rateInto(EventBudget budget, String currency, String department,
            Map<String, BigDecimal> ratesIntoCurrency) {
        if (budget.currency.equals(currency)) {
            return BigDecimal.ONE;
        }
        BigDecimal rate = ratesIntoCurrency.get(budget.currency);
        if (rate == null) {
            throw new ProblemException(409, "exchange-rate-missing", "Exchange rate missing", "no exchange rate from "
                    + budget.currency + " to " + currency + " was given: department " + department + " is rolled up "
                    + "in " + currency + " and the budget of event " + budget.eventId + " is in " + budget.currency
                    + "; set one with PUT /api/exchange-rates/" + budget.currency + "/" + currency);
        }
        return rate;
    }

    /** The day the event starts where it takes place (UTC when its time zone is unknown). */
    static LocalDate localStartDate(EventBudget budget) {
        ZoneId zone = ZoneOffset.UTC;
        if (budget.timeZone != null) {
            try {
                zone = ZoneId.of(budget.timeZone);
            } catch (DateTimeException e) {
                zone = ZoneOffset.UTC;
            }
        }
        return budget.startsAt.atZone(zone).toLocalDate();
    }
}
