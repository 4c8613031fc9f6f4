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
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;

import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.revalidation.ChangeLocks;
import app.convene.backbone.revalidation.EntityTags;
import app.convene.backbone.security.Caller;
import app.convene.budget.config.BudgetConfig;
import app.convene.backbone.money.Money;
import app.convene.budget.domain.BudgetFigures;
import app.convene.budget.domain.Department;
import app.convene.budget.domain.DepartmentAllowance;
import app.convene.budget.domain.EventBudget;
import app.convene.budget.domain.ReportingPeriod;
import app.convene.budget.persistence.AllowanceRepository;
import app.convene.budget.persistence.BudgetRepository;
import app.convene.budget.persistence.DepartmentRepository;

/**
 * Department allowances per period, and the roll-up of every event budget of a department against its allowance,
 * both per organisation: the caller's allowances, and of its budgets only those the caller may see (finance sees
 * confidential events' budgets too). An event counts in the period its start falls in (the event's local date).
 * Each budget's totals are converted into the allowance's currency at the organisation's rate and rounded, then
 * summed. An allowance and a department's placement each have a strong tag of what they are ({@link #tag}); a
 * setting that names the tag it was made from ({@code If-Match}) is refused (412) when it is no longer current.
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
    @Inject
    DepartmentRepository departments;
    @Inject
    EntityManager entityManager;
    @Inject
    ObjectMapper json;

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
     * Sets (or replaces) the caller's organisation's allowance. A setting with {@code ifMatch} is made only when it
     * names the allowance as it stands (412 otherwise, and when none is set yet); the check and the setting hold that
     * allowance (set or not) for the transaction, so of settings made from the same read only one passes.
     */
    @Transactional
    public AllowanceSet setAllowance(String department, String periodText, BigDecimal amount, String currencyCode,
            String ifMatch) {
        String actor = caller.subject();
        if (department == null || department.isBlank() || department.length() > 100) {
            throw ProblemException.invalidField("department", "must be 1 to 100 characters, not blank");
        }
        ReportingPeriod period = period("period", periodText);
        Currency currency = Money.currency("currency", currencyCode);
        Money.requireMinorUnit("amount", amount, currency);
        String organisation = caller.organisation();
        // There may be no row to lock yet: hold the allowance by name while it is checked and set.
        ChangeLocks.hold(entityManager, "department-allowance:" + department + ":" + period.key(), organisation);
        EntityTags.requireCurrent(ifMatch,
                () -> current(organisation, department, period.key()).map(this::tag).orElse(null));
        Instant now = clock.instant();
        boolean created = allowances.upsert(organisation, department, period.key(), amount,
                currency.getCurrencyCode(), now, actor);
        return new AllowanceSet(new DepartmentAllowance(department, period.key(), Money.round(amount, currency),
                currency.getCurrencyCode(), now, actor), created);
    }

    /** The caller's organisation's allowance of a department for a period; none set is a 404. */
    public DepartmentAllowance allowance(String department, String periodText) {
        ReportingPeriod period = period("period", periodText);
        return current(caller.organisation(), department, period.key())
                .orElseThrow(() -> ProblemException.notFound("allowance of department " + department + " for",
                        period.key()));
    }

    /** The strong tag of an allowance as read: changes with its amount, currency, and whoever set it when. */
    public String tag(DepartmentAllowance allowance) {
        return EntityTags.of(json, allowance);
    }

    /** The strong tag of a department's placement as read: changes with its parent, and whoever placed it when. */
    public String tag(Department department) {
        return EntityTags.of(json, department);
    }

    private Optional<DepartmentAllowance> current(String organisation, String department, String period) {
        return allowances.ofPeriod(organisation, period).stream()
                .filter(allowance -> allowance.department().equals(department)).findFirst()
                .map(a -> new DepartmentAllowance(a.department(), a.period(),
                        Money.round(a.amount(), Currency.getInstance(a.currency())), a.currency(), a.setAt(),
                        a.setBy()));
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
        Map<String, List<EventBudget>> byDepartment = budgetsByDepartment(organisation, period);
        allowancesOfPeriod.keySet().forEach(d -> byDepartment.putIfAbsent(d, new ArrayList<>()));
        List<DepartmentFigures> departments = new ArrayList<>();
        Map<String, Map<String, BigDecimal>> ratesInto = new TreeMap<>();
        Forecasts.Summaries summaries = forecasts.summaries(organisation,
                byDepartment.values().stream().flatMap(List::stream).toList());
        byDepartment.forEach((department, budgets) -> departments.add(figures(organisation, department,
                allowancesOfPeriod.get(department), budgets, fallback, ratesInto, summaries)));
        return new RollUp(period, departments);
    }

    /** The budgets (those the caller may see) of events starting in the period, by their department. */
    private Map<String, List<EventBudget>> budgetsByDepartment(String organisation, ReportingPeriod period) {
        // Local start dates differ from UTC ones by less than a day either way: read a day more on each side.
        List<EventBudget> candidates = budgetRepository.visibleWithDepartmentStartingBetween(organisation,
                period.start().minusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                period.end().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        Map<String, List<EventBudget>> byDepartment = new TreeMap<>();
        for (EventBudget budget : candidates) {
            if (period.contains(localStartDate(budget))) {
                byDepartment.computeIfAbsent(budget.department, d -> new ArrayList<>()).add(budget);
            }
        }
        return byDepartment;
    }

    public record DepartmentPlaced(Department department, boolean created) {
    }

    /** Where a department of the caller's organisation is placed in its tree; one never placed is a 404. */
    public Department department(String name) {
        return placement(caller.organisation(), name).orElseThrow(() -> ProblemException.notFound("department", name));
    }

    private Optional<Department> placement(String organisation, String name) {
        return departments.ofOrganisation(organisation).stream()
                .filter(department -> department.name().equals(name)).findFirst();
    }

    /**
     * Places a department of the caller's organisation under {@code parent} (at the top, under the company, when
     * null); a parent not known yet is added at the top. A 409 when the parent is the department itself or below it:
     * the tree never has a cycle, since changes to an organisation's tree are made one at a time. With
     * {@code ifMatch}, made only when it names the department's placement as it stands (412 otherwise, and when it
     * was never placed), checked while the tree is held.
     */
    @Transactional
    public DepartmentPlaced place(String name, String parent, String ifMatch) {
        requireDepartmentName("department", name);
        if (parent != null) {
            requireDepartmentName("parent", parent);
        }
        String organisation = caller.organisation();
        String actor = caller.subject();
        Instant now = clock.instant();
        departments.lockTree(organisation);
        EntityTags.requireCurrent(ifMatch, () -> placement(organisation, name).map(this::tag).orElse(null));
        if (parent != null) {
            if (parent.equals(name)) {
                throw ProblemException.conflict("department-cycle", "department " + name + " cannot be its own "
                        + "parent");
            }
            departments.addIfAbsent(organisation, parent, now, actor);
            List<String> up = departments.pathUp(organisation, parent);
            if (up.contains(name)) {
                throw ProblemException.conflict("department-cycle", "placing " + name + " under " + parent
                        + " would make a cycle: " + parent + " is below " + name + " ("
                        + String.join(" → ", up.subList(0, up.indexOf(name) + 1)) + ")");
            }
        }
        boolean created = departments.place(organisation, name, parent, now, actor);
        return new DepartmentPlaced(new Department(name, parent, now, actor), created);
    }

    private static void requireDepartmentName(String field, String name) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw ProblemException.invalidField(field, "must be 1 to 100 characters, not blank");
        }
    }

    /** Budgets and their estimate, committed, forecast and actual totals, in one currency. */
    public record Figures(int budgets, BigDecimal estimate, BigDecimal committed, BigDecimal forecast,
            BigDecimal actual) {
        static Figures zero(Currency currency) {
            BigDecimal zero = Money.zero(currency);
            return new Figures(0, zero, zero, zero, zero);
        }

        Figures plus(Figures other) {
            return new Figures(budgets + other.budgets, estimate.add(other.estimate),
                    committed.add(other.committed), forecast.add(other.forecast), actual.add(other.actual));
        }
    }

    /**
     * A department in the roll-up tree: its own budgets' figures, and the total with every department below it. Its
     * allowance (converted into the roll-up's currency) is compared with that total.
     */
    public record DepartmentNode(String department, String parent, BigDecimal allowance, Figures own,
            Figures total, BigDecimal remaining, String overUnder, List<DepartmentNode> children) {
    }

    public record RollUpTree(ReportingPeriod period, String currency, Figures company,
            List<DepartmentNode> departments) {
    }

    /**
     * The caller's organisation's departments as a tree for the period, all in one currency ({@code currency}, or
     * the default currency): each department's own budgets (those the caller may see, of events starting in the
     * period), its total with its sub-departments', and the company total over the top departments. Every
     * department of the tree appears, and every department named by a budget or an allowance (at the top when it
     * was never placed).
     */
    @Transactional
    public RollUpTree tree(String periodText, String currencyCode) {
        String organisation = caller.organisation();
        ReportingPeriod period = period("period", periodText);
        Currency currency = Money.currency("currency",
                currencyCode == null ? config.defaultCurrency() : currencyCode);
        String code = currency.getCurrencyCode();
        Map<String, List<EventBudget>> byDepartment = budgetsByDepartment(organisation, period);
        Map<String, DepartmentAllowance> allowancesOfPeriod = new TreeMap<>();
        for (DepartmentAllowance allowance : allowances.ofPeriod(organisation, period.key())) {
            allowancesOfPeriod.put(allowance.department(), allowance);
        }
        Map<String, String> parents = new TreeMap<>();
        for (Department department : departments.ofOrganisation(organisation)) {
            parents.put(department.name(), department.parent());
        }
        byDepartment.keySet().forEach(d -> parents.putIfAbsent(d, null));
        allowancesOfPeriod.keySet().forEach(d -> parents.putIfAbsent(d, null));
        Map<String, BigDecimal> ratesInto = rates.into(organisation, code);
        Map<String, List<String>> children = new TreeMap<>();
        parents.forEach((name, parent) -> children.computeIfAbsent(parent == null ? "" : parent,
                p -> new ArrayList<>()).add(name));
        List<DepartmentNode> top = new ArrayList<>();
        Figures company = Figures.zero(currency);
        Forecasts.Summaries summaries = forecasts.summaries(organisation,
                byDepartment.values().stream().flatMap(List::stream).toList());
        for (String name : children.getOrDefault("", List.of())) {
            DepartmentNode node = node(name, null, children, byDepartment, allowancesOfPeriod, currency,
                    ratesInto, summaries);
            top.add(node);
            company = company.plus(node.total());
        }
        return new RollUpTree(period, code, company, top);
    }

    private DepartmentNode node(String name, String parent, Map<String, List<String>> children,
            Map<String, List<EventBudget>> byDepartment, Map<String, DepartmentAllowance> allowancesOfPeriod,
            Currency currency, Map<String, BigDecimal> ratesInto, Forecasts.Summaries summaries) {
        String code = currency.getCurrencyCode();
        Figures own = Figures.zero(currency);
        for (EventBudget budget : byDepartment.getOrDefault(name, List.of())) {
            BigDecimal rate = rateInto(budget, code, name, ratesInto);
            BudgetFigures.Totals totals = summaries.of(budget).totals();
            own = own.plus(new Figures(1, Money.times(totals.estimate(), rate, currency),
                    Money.times(totals.committed(), rate, currency), Money.times(totals.forecast(), rate, currency),
                    Money.times(totals.actual(), rate, currency)));
        }
        Figures total = own;
        List<DepartmentNode> below = new ArrayList<>();
        for (String child : children.getOrDefault(name, List.of())) {
            DepartmentNode node = node(child, name, children, byDepartment, allowancesOfPeriod, currency, ratesInto,
                    summaries);
            below.add(node);
            total = total.plus(node.total());
        }
        DepartmentAllowance allowance = allowancesOfPeriod.get(name);
        BigDecimal amount = null;
        if (allowance != null) {
            BigDecimal rate = BigDecimal.ONE;
            if (!allowance.currency().equals(code)) {
                rate = ratesInto.get(allowance.currency());
                if (rate == null) {
                    throw new ProblemException(409, "exchange-rate-missing", "Exchange rate missing", "no exchange "
                            + "rate from " + allowance.currency() + " to " + code + " was given: the allowance of "
                            + "department " + name + " is in " + allowance.currency() + " and the roll-up in "
                            + code + "; set one with PUT /api/exchange-rates/" + allowance.currency() + "/" + code);
                }
            }
            amount = Money.times(allowance.amount(), rate, currency);
        }
        BigDecimal remaining = amount == null ? null : amount.subtract(total.forecast());
        String overUnder = remaining == null ? null : remaining.signum() < 0 ? "OVER" : "UNDER";
        return new DepartmentNode(name, parent, amount, own, total, remaining, overUnder, below);
    }

    private DepartmentFigures figures(String organisation, String department, DepartmentAllowance allowance,
            List<EventBudget> budgets, Currency fallback, Map<String, Map<String, BigDecimal>> ratesInto,
            Forecasts.Summaries summaries) {
        Currency currency = allowance == null ? fallback : Currency.getInstance(allowance.currency());
        String code = currency.getCurrencyCode();
        BigDecimal approved = Money.zero(currency);
        BigDecimal forecast = approved;
        BigDecimal actual = approved;
        int approvedBudgets = 0;
        for (EventBudget budget : budgets) {
            BigDecimal rate = rateInto(budget, code, department,
                    ratesInto.computeIfAbsent(code, c -> rates.into(organisation, c)));
            BudgetFigures.Totals totals = summaries.of(budget).totals();
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
