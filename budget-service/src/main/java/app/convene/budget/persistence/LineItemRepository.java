package app.convene.budget.persistence;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import app.convene.budget.domain.BudgetFigures;
import app.convene.budget.domain.CategoryFigures;
import app.convene.budget.domain.LineCategory;
import app.convene.budget.domain.LineItem;
import app.convene.budget.domain.LineKind;

/** Reads the line items of budgets ({@code line_item}). */
@ApplicationScoped
public class LineItemRepository {
    @Inject
    EntityManager entityManager;

    /** The budget's lines that count (not withdrawn), in the order they were added. */
    public List<LineItem> ofBudget(UUID eventId) {
        return LineItem.list("eventId = ?1 and withdrawnAt is null order by createdAt, id", eventId);
    }

    /** The budget's withdrawn lines, in the order they were withdrawn. */
    public List<LineItem> withdrawnOf(UUID eventId) {
        return LineItem.list("eventId = ?1 and withdrawnAt is not null order by withdrawnAt, id", eventId);
    }

    /** How many of the budget's lines were withdrawn. */
    public long withdrawnCountOf(UUID eventId) {
        return LineItem.count("eventId = ?1 and withdrawnAt is not null", eventId);
    }

    public long countOfBudget(UUID eventId) {
        return LineItem.count("eventId", eventId);
    }

    /** The budget's line another service owns under {@code externalRef}; null when there is none. */
    public LineItem byExternalRef(UUID eventId, String externalRef) {
        return LineItem.find("eventId = ?1 and externalRef = ?2", eventId, externalRef).firstResult();
    }

    /**
     * What the budget arithmetic needs of each line, in the order they were added, read as a light projection (no
     * entities to dirty-check).
     */
    public List<BudgetFigures.LineInput> figureInputs(UUID eventId) {
        List<Object[]> rows = entityManager.createQuery("""
                select l.id, l.kind, l.currency, l.unitAmount, l.committedAmount, l.lockedRate, l.actualAmount
                from LineItem l where l.eventId = :eventId and l.withdrawnAt is null
                order by l.createdAt, l.id""", Object[].class)
                .setParameter("eventId", eventId).getResultList();
        List<BudgetFigures.LineInput> lines = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            lines.add(new BudgetFigures.LineInput((UUID) row[0], (LineKind) row[1], (String) row[2],
                    (BigDecimal) row[3], (BigDecimal) row[4], (BigDecimal) row[5], (BigDecimal) row[6]));
        }
        return lines;
    }

    /**
     * One page of the budget's lines that count, in the order they were added (as {@link #ofBudget}): at most
     * {@code limit} after the line {@code after} (null: from the first).
     */
    /** The budget's lines that count and that it keeps itself (not withdrawn, no other service's), oldest first. */
    public List<LineItem> keptLinesOf(UUID eventId) {
        return entityManager.createQuery("""
                from LineItem l where l.eventId = :eventId and l.withdrawnAt is null and l.externalRef is null
                order by l.createdAt, l.id""", LineItem.class).setParameter("eventId", eventId).getResultList();
    }

    public List<LineItem> pageOfBudget(UUID eventId, LineItem after, int limit) {
        if (after == null) {
            return entityManager.createQuery("""
                    from LineItem l where l.eventId = :eventId and l.withdrawnAt is null
                    order by l.createdAt, l.id""", LineItem.class)
                    .setParameter("eventId", eventId).setMaxResults(limit).getResultList();
        }
        return entityManager.createQuery("""
                from LineItem l where l.eventId = :eventId and l.withdrawnAt is null
                  and (l.createdAt > :afterAt or (l.createdAt = :afterAt and l.id > :afterId))
                order by l.createdAt, l.id""", LineItem.class)
                .setParameter("eventId", eventId).setParameter("afterAt", after.createdAt)
                .setParameter("afterId", after.id).setMaxResults(limit).getResultList();
    }

    /** The sums of one category's lines' rounded figures, in the budget currency, and how many lines it has. */
    public record CategorySums(LineCategory category, long lines, BigDecimal estimate, BigDecimal committed,
            BigDecimal actual, BigDecimal forecast) implements CategoryFigures.LineItemSums {
    }

    /**
     * The figures of the budget's lines that count, summed per category by the database in one pass: each line's
     * figures computed and rounded exactly as {@link BudgetFigures#line} does (half-even to the line's, then the
     * budget's currency), then added up, so the sums equal the sums of the lines' figures. Categories without lines
     * are left out.
     *
     * @param rates the current rates into the budget currency by currency (the budget's own needs none)
     * @throws BudgetFigures.MissingRateException when a line converted at the current rate has none
     */
    public List<CategorySums> sumsByCategory(UUID eventId, Currency budgetCurrency, BigDecimal headcountBasis,
            Map<String, BigDecimal> rates) {
        // Lines added or changed in this transaction count: they are written before the database sums them.
        entityManager.flush();
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            String[] codes = new String[CURRENCIES.size()];
            Integer[] places = new Integer[codes.length];
            BigDecimal[] units = new BigDecimal[codes.length];
            BigDecimal[] current = new BigDecimal[codes.length];
            for (int i = 0; i < codes.length; i++) {
                Currency currency = CURRENCIES.get(i);
                codes[i] = currency.getCurrencyCode();
                places[i] = currency.getDefaultFractionDigits();
                units[i] = BigDecimal.ONE.movePointLeft(places[i]);
                current[i] = currency.equals(budgetCurrency) ? BigDecimal.ONE : rates.get(codes[i]);
            }
            Array codeArray = connection.createArrayOf("text", codes);
            Array placeArray = connection.createArrayOf("integer", places);
            Array unitArray = connection.createArrayOf("numeric", units);
            Array rateArray = connection.createArrayOf("numeric", current);
            try (PreparedStatement select = connection.prepareStatement(SUMS_BY_CATEGORY)) {
                int budgetPlaces = budgetCurrency.getDefaultFractionDigits();
                select.setArray(1, codeArray);
                select.setArray(2, placeArray);
                select.setArray(3, unitArray);
                select.setArray(4, rateArray);
                select.setBigDecimal(5, headcountBasis);
                select.setInt(6, budgetPlaces);
                select.setBigDecimal(7, BigDecimal.ONE.movePointLeft(budgetPlaces));
                select.setString(8, budgetCurrency.getCurrencyCode());
                select.setObject(9, eventId);
                select.setObject(10, eventId);
                List<CategorySums> sums = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        if (rows.getString(7) != null) {
                            throw new BudgetFigures.MissingRateException(rows.getString(7),
                                    budgetCurrency.getCurrencyCode());
                        }
                        sums.add(new CategorySums(LineCategory.valueOf(rows.getString(1)), rows.getLong(2),
                                rows.getBigDecimal(3).setScale(budgetPlaces),
                                rows.getBigDecimal(4).setScale(budgetPlaces),
                                rows.getBigDecimal(5).setScale(budgetPlaces),
                                rows.getBigDecimal(6).setScale(budgetPlaces)));
                    }
                }
                return sums;
            } finally {
                codeArray.free();
                placeArray.free();
                unitArray.free();
                rateArray.free();
            }
        });
    }

    /**
     * One budget's sums by category, or the currency of a line converted at the current rate that has none (then
     * its sums are incomplete and not to be used).
     */
    public record BudgetSums(List<CategorySums> sums, String missingRate) {
        /** The sums; a missing rate as the exception the one-budget sums throw. */
        public List<CategorySums> categories(Currency budgetCurrency) {
            if (missingRate != null) {
                throw new BudgetFigures.MissingRateException(missingRate, budgetCurrency.getCurrencyCode());
            }
            return sums;
        }
    }

    /** A budget whose lines {@link #sumsByCategory(List, Map)} sums: its event, currency and headcount basis. */
    public record SummedBudget(UUID eventId, Currency currency, BigDecimal headcountBasis) {
    }

    /**
     * As {@link #sumsByCategory(UUID, Currency, BigDecimal, Map)}, for many budgets in one statement (a roll-up of a
     * period's budgets), by event; a budget without lines that count has no entry.
     *
     * @param rates by budget currency, the current rates into it by currency
     */
    public Map<UUID, BudgetSums> sumsByCategory(List<SummedBudget> budgets,
            Map<String, Map<String, BigDecimal>> rates) {
        if (budgets.isEmpty()) {
            return Map.of();
        }
        // Lines added or changed in this transaction count: they are written before the database sums them.
        entityManager.flush();
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            List<String> into = budgets.stream().map(b -> b.currency().getCurrencyCode()).distinct().toList();
            int rows = CURRENCIES.size() * into.size();
            String[] codes = new String[rows];
            Integer[] places = new Integer[rows];
            BigDecimal[] units = new BigDecimal[rows];
            String[] intoCodes = new String[rows];
            BigDecimal[] current = new BigDecimal[rows];
            int row = 0;
            for (String quote : into) {
                Map<String, BigDecimal> ratesInto = rates.getOrDefault(quote, Map.of());
                for (Currency currency : CURRENCIES) {
                    codes[row] = currency.getCurrencyCode();
                    places[row] = currency.getDefaultFractionDigits();
                    units[row] = BigDecimal.ONE.movePointLeft(places[row]);
                    intoCodes[row] = quote;
                    current[row] = codes[row].equals(quote) ? BigDecimal.ONE : ratesInto.get(codes[row]);
                    row++;
                }
            }
            UUID[] events = new UUID[budgets.size()];
            BigDecimal[] bases = new BigDecimal[budgets.size()];
            Integer[] budgetPlaces = new Integer[budgets.size()];
            BigDecimal[] budgetUnits = new BigDecimal[budgets.size()];
            String[] budgetCodes = new String[budgets.size()];
            Map<UUID, Integer> scales = new HashMap<>();
            for (int i = 0; i < budgets.size(); i++) {
                SummedBudget budget = budgets.get(i);
                events[i] = budget.eventId();
                bases[i] = budget.headcountBasis();
                budgetPlaces[i] = budget.currency().getDefaultFractionDigits();
                budgetUnits[i] = BigDecimal.ONE.movePointLeft(budgetPlaces[i]);
                budgetCodes[i] = budget.currency().getCurrencyCode();
                scales.put(budget.eventId(), budgetPlaces[i]);
            }
            List<Array> arrays = List.of(connection.createArrayOf("text", codes),
                    connection.createArrayOf("integer", places), connection.createArrayOf("numeric", units),
                    connection.createArrayOf("text", intoCodes), connection.createArrayOf("numeric", current),
                    connection.createArrayOf("uuid", events), connection.createArrayOf("numeric", bases),
                    connection.createArrayOf("integer", budgetPlaces),
                    connection.createArrayOf("numeric", budgetUnits), connection.createArrayOf("text", budgetCodes));
            try (PreparedStatement select = connection.prepareStatement(SUMS_BY_CATEGORY_OF_BUDGETS)) {
                for (int i = 0; i < arrays.size(); i++) {
                    select.setArray(i + 1, arrays.get(i));
                }
                Map<UUID, List<CategorySums>> sums = new HashMap<>();
                Map<UUID, String> missing = new HashMap<>();
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        UUID eventId = result.getObject(1, UUID.class);
                        if (result.getString(8) != null) {
                            missing.putIfAbsent(eventId, result.getString(8));
                        }
                        int scale = scales.get(eventId);
                        sums.computeIfAbsent(eventId, e -> new ArrayList<>()).add(new CategorySums(
                                LineCategory.valueOf(result.getString(2)), result.getLong(3),
                                result.getBigDecimal(4).setScale(scale), result.getBigDecimal(5).setScale(scale),
                                result.getBigDecimal(6).setScale(scale), result.getBigDecimal(7).setScale(scale)));
                    }
                }
                Map<UUID, BudgetSums> byBudget = new HashMap<>();
                sums.forEach((eventId, categories) -> byBudget.put(eventId,
                        new BudgetSums(categories, missing.get(eventId))));
                return byBudget;
            } finally {
                for (Array array : arrays) {
                    array.free();
                }
            }
        });
    }

    /** Every currency Java knows, whose minor units the aggregate rounds each line's own amounts to. */
    private static final List<Currency> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .filter(c -> c.getDefaultFractionDigits() >= 0)
            .sorted(java.util.Comparator.comparing(Currency::getCurrencyCode)).toList();

    /**
     * Per line: the estimate in its own currency (the fixed amount, or the cost per attendee × the headcount basis,
     * rounded to the line's currency), converted at the locked rate, else the current one; committed and actual at
     * that rate; the forecast the most of the three. Each stage is materialised, so that every rounding takes a plain
     * column or product and is inlined (a rounding of a rounding is not, and would be a function call per line).
     * A line whose current rate is needed but missing names its currency (missing_rate).
     * <p>
     * Most lines are in the budget's own currency, at a rate of 1: for them conversion changes nothing, and each figure
     * is rounded once, in one pass with no join ({@code own}); only the other lines take the stages above.
     * <p>
     * Parameters: the currencies' codes, minor units (places and unit) and current rates; the headcount basis, the
     * budget currency's places, unit and code; the event, twice.
     */
    private static final String SUMS_BY_CATEGORY = """
            with currency (code, places, unit, rate) as (
                select * from unnest(cast(? as text[]), cast(? as integer[]), cast(? as numeric[]),
                                     cast(? as numeric[]))
            ), budget (basis, places, unit, code) as (
                select cast(? as numeric), cast(? as integer), cast(? as numeric), cast(? as text)
            ), line as materialized (
                select l.category, l.committed_amount, l.actual_amount, coalesce(l.locked_rate, c.rate) as rate,
                       c.places <= b.places as exact,
                       case when l.locked_rate is null and c.rate is null then c.code end as missing_rate,
                       round_half_even(case when l.kind = 'PER_ATTENDEE' then l.unit_amount * b.basis
                                            else l.unit_amount end, c.places, c.unit) as estimate_in_line
                from line_item l
                join currency c on c.code = rtrim(l.currency)
                cross join budget b
                where l.event_id = ? and l.withdrawn_at is null
                  and not (rtrim(l.currency) = b.code and coalesce(l.locked_rate, 1) = 1)
            ), figures as materialized (
                select l.category, l.missing_rate,
                       -- at a rate of 1 into as many decimals or more, the estimate is already rounded
                       case when l.rate = 1 and l.exact then l.estimate_in_line
                            else round_half_even(l.estimate_in_line * l.rate, b.places, b.unit) end as estimate,
                       case when l.committed_amount is null then 0
                            else round_half_even(l.committed_amount * l.rate, b.places, b.unit) end as committed,
                       case when l.actual_amount = 0 then 0
                            else round_half_even(l.actual_amount * l.rate, b.places, b.unit) end as actual
                from line l cross join budget b
            ), own as (
                select l.category, cast(null as text) as missing_rate,
                       round_half_even(case when l.kind = 'PER_ATTENDEE' then l.unit_amount * b.basis
                                            else l.unit_amount end, b.places, b.unit) as estimate,
                       case when l.committed_amount is null then 0
                            else round_half_even(l.committed_amount, b.places, b.unit) end as committed,
                       case when l.actual_amount = 0 then 0
                            else round_half_even(l.actual_amount, b.places, b.unit) end as actual
                from line_item l cross join budget b
                where l.event_id = ? and l.withdrawn_at is null
                  and rtrim(l.currency) = b.code and coalesce(l.locked_rate, 1) = 1
            ), every_line as (
                select * from figures union all select * from own
            )
            select category, count(*), sum(estimate), sum(committed), sum(actual),
                   sum(greatest(estimate, committed, actual)), min(missing_rate)
            from every_line group by category""";

    /**
     * {@link #SUMS_BY_CATEGORY} for many budgets: each budget's own basis, currency and rates into it; each budget's
     * lines read through its own index lookup ("offset 0" keeps the planner from turning the lookups into one scan
     * of every budget's lines), once.
     */
    private static final String SUMS_BY_CATEGORY_OF_BUDGETS = """
            with currency (code, places, unit, into_code, rate) as (
                select * from unnest(cast(? as text[]), cast(? as integer[]), cast(? as numeric[]),
                                     cast(? as text[]), cast(? as numeric[]))
            ), budget (event_id, basis, places, unit, code) as (
                select * from unnest(cast(? as uuid[]), cast(? as numeric[]), cast(? as integer[]),
                                     cast(? as numeric[]), cast(? as text[]))
            ), counted as materialized (
                select b.event_id, b.basis, b.places as budget_places, b.unit as budget_unit, b.code as budget_code,
                       l.category, l.kind, rtrim(l.currency) as currency, l.unit_amount, l.committed_amount,
                       l.actual_amount, l.locked_rate
                from budget b cross join lateral (
                    select * from line_item l where l.event_id = b.event_id and l.withdrawn_at is null offset 0) l
            ), line as materialized (
                select l.event_id, l.category, l.committed_amount, l.actual_amount, l.budget_places,
                       l.budget_unit, coalesce(l.locked_rate, c.rate) as rate, c.places <= l.budget_places as exact,
                       case when l.locked_rate is null and c.rate is null then c.code end as missing_rate,
                       round_half_even(case when l.kind = 'PER_ATTENDEE' then l.unit_amount * l.basis
                                            else l.unit_amount end, c.places, c.unit) as estimate_in_line
                from counted l
                join currency c on c.code = l.currency and c.into_code = l.budget_code
                where not (l.currency = l.budget_code and coalesce(l.locked_rate, 1) = 1)
            ), figures as materialized (
                select l.event_id, l.category, l.missing_rate,
                       case when l.rate = 1 and l.exact then l.estimate_in_line
                            else round_half_even(l.estimate_in_line * l.rate, l.budget_places, l.budget_unit)
                       end as estimate,
                       case when l.committed_amount is null then 0
                            else round_half_even(l.committed_amount * l.rate, l.budget_places, l.budget_unit)
                       end as committed,
                       case when l.actual_amount = 0 then 0
                            else round_half_even(l.actual_amount * l.rate, l.budget_places, l.budget_unit)
                       end as actual
                from line l
            ), own as (
                select l.event_id, l.category, cast(null as text) as missing_rate,
                       round_half_even(case when l.kind = 'PER_ATTENDEE' then l.unit_amount * l.basis
                                            else l.unit_amount end, l.budget_places, l.budget_unit) as estimate,
                       case when l.committed_amount is null then 0
                            else round_half_even(l.committed_amount, l.budget_places, l.budget_unit) end as committed,
                       case when l.actual_amount = 0 then 0
                            else round_half_even(l.actual_amount, l.budget_places, l.budget_unit) end as actual
                from counted l
                where l.currency = l.budget_code and coalesce(l.locked_rate, 1) = 1
            ), every_line as (
                select * from figures union all select * from own
            )
            select event_id, category, count(*), sum(estimate), sum(committed), sum(actual),
                   sum(greatest(estimate, committed, actual)), min(missing_rate)
            from every_line group by event_id, category""";
}
