package app.convene.budget.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.budget.service.RollUps;

@Schema(description = "Your organisation's departments as a tree for a period, every amount in `currency`")
public record RollUpTreeResponse(@Schema(required = true) String period,
        @Schema(required = true, description = "First day of the period") LocalDate from,
        @Schema(required = true, description = "Last day of the period") LocalDate to,
        @Schema(required = true) String currency,
        @Schema(required = true, description = "The company total: the sum of the top departments' totals")
        Figures company,
        @Schema(required = true, description = "The top departments, each with its sub-departments")
        List<Node> departments) {

    @Schema(description = "Budgets of events starting in the period and their totals, converted into the roll-up's "
            + "currency at your organisation's rates (a committed line at its locked rate into its budget's currency)")
    public record Figures(@Schema(required = true) int budgets, @Schema(required = true) BigDecimal estimate,
            @Schema(required = true) BigDecimal committed, @Schema(required = true) BigDecimal forecast,
            @Schema(required = true) BigDecimal actual) {
        static Figures of(RollUps.Figures f) {
            return new Figures(f.budgets(), f.estimate(), f.committed(), f.forecast(), f.actual());
        }
    }

    @Schema(description = "A department: its own budgets, and its total with every department below it")
    public record Node(@Schema(required = true) String department,
            @Schema(description = "null at the top") String parent,
            @Schema(description = "The department's allowance for the period, converted; null without one")
            BigDecimal allowance,
            @Schema(required = true, description = "The department's own budgets") Figures own,
            @Schema(required = true, description = "Its own and every sub-department's budgets") Figures total,
            @Schema(description = "allowance − total forecast; null without an allowance") BigDecimal remaining,
            @Schema(description = "OVER when the total forecast exceeds the allowance, else UNDER; null without one")
            String overUnder,
            @Schema(required = true) List<Node> children) {
        static Node of(RollUps.DepartmentNode n) {
            return new Node(n.department(), n.parent(), n.allowance(), Figures.of(n.own()), Figures.of(n.total()),
                    n.remaining(), n.overUnder(), n.children().stream().map(Node::of).toList());
        }
    }

    static RollUpTreeResponse of(RollUps.RollUpTree tree) {
        return new RollUpTreeResponse(tree.period().key(), tree.period().start(), tree.period().last(),
                tree.currency(), Figures.of(tree.company()), tree.departments().stream().map(Node::of).toList());
    }
}
