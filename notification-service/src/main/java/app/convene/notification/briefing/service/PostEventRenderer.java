package app.convene.notification.briefing.service;

import java.util.List;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.convene.notification.briefing.domain.BriefingFacts;
import app.convene.notification.briefing.domain.PostEventFacts;
import app.convene.notification.briefing.domain.ReaderFormat;
import app.convene.notification.briefing.domain.ReadinessCheck;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;

/**
 * Renders the post-event briefing (its own templates, text and HTML with inline SVG charts) in the reader's
 * language: turnout, actual against estimate per category, inspection outcomes, open actions and feedback.
 */
@ApplicationScoped
public class PostEventRenderer {
    /** How many of the newest headcount points the text lists (the chart draws them all). */
    static final int TEXT_HEADCOUNT_POINTS = 10;

    @Inject
    @Location("post-event.html")
    Template html;
    @Inject
    @Location("post-event.txt")
    Template text;
    @Inject
    @Location("briefing-subject.txt")
    Template subject;
    @Inject
    PostEventAssembler assembler;

    /** What the post-event templates see, every date and amount formatted for the reader. */
    @TemplateData
    public record PostEventView(String lang, PostEventFacts.Turnout turnout, boolean showBudget,
            String estimateTotal, String forecastTotal, String actualTotal, String actualMinusEstimate,
            String costPerAttendeePresent, List<CategoryRow> categories, List<InspectionRow> inspections,
            List<ActionRow> openActions, int feedbackCount, String averageRating, List<RatingRow> ratings,
            List<String> comments, List<HeadcountRow> headcount) {
    }

    @TemplateData
    public record CategoryRow(String category, String estimate, String forecast, String actual, String difference) {
    }

    @TemplateData
    public record InspectionRow(String checklist, String category, int inspections, String lastInspectedAt,
            int passed, int failed, int notApplicable) {
    }

    @TemplateData
    public record ActionRow(String item, String checklist, String owner, String dueAt) {
    }

    @TemplateData
    public record RatingRow(int rating, int count) {
    }

    @TemplateData
    public record HeadcountRow(String at, int confirmed, int waitlisted) {
    }

    /** The post-event facts for {@code facts} (without the budget when facts have none). */
    public PostEventFacts facts(BriefingFacts facts) {
        return assembler.assemble(facts);
    }

    /** Renders the post-event briefing; {@code briefing} is the pre-formatted view every briefing shares. */
    public Rendered render(BriefingRenderer.BriefingView briefing, BriefingFacts facts, ReaderFormat format) {
        PostEventFacts post = assembler.assemble(facts);
        List<ReadinessCheck> checks = PostEventAssembler.checks(facts, post);
        PostEventView view = view(post, format);
        Charts.LineChart headcount = Charts.headcount(post.headcountHistory(), format);
        Charts.BarChart budget = Charts.budget(post.budget(), format);
        Charts.TrafficLight light = Charts.trafficLight(checks);
        return new Rendered(render(subject, briefing, view, headcount, budget, light, format).strip(),
                render(text, briefing, view, headcount, budget, light, format),
                render(html, briefing, view, headcount, budget, light, format), post);
    }

    /** The three charts of a briefing: headcount over time, budget by category (when shown), the traffic light. */
    public record BriefingCharts(Charts.LineChart headcount, Charts.BarChart budget, Charts.TrafficLight light) {
    }

    /** The charts every briefing shows, drawn from the same facts as the post-event briefing's. */
    public BriefingCharts charts(BriefingFacts facts, ReaderFormat format) {
        PostEventFacts post = assembler.assemble(facts);
        return new BriefingCharts(Charts.headcount(post.headcountHistory(), format),
                Charts.budget(post.budget(), format), Charts.trafficLight(PostEventAssembler.checks(facts, post)));
    }

    static PostEventView view(PostEventFacts post, ReaderFormat format) {
        PostEventFacts.BudgetActuals b = post.budget();
        String currency = b == null ? null : b.currency();
        List<CategoryRow> categories = b == null ? List.of() : b.categories().stream()
                .map(c -> new CategoryRow(c.category(), format.money(c.estimate(), currency),
                        format.money(c.forecast(), currency), format.money(c.actual(), currency),
                        format.money(c.actualMinusEstimate(), currency)))
                .toList();
        List<PostEventFacts.HeadcountPoint> history = post.headcountHistory();
        List<HeadcountRow> headcount = history.subList(Math.max(0, history.size() - TEXT_HEADCOUNT_POINTS),
                history.size()).stream().map(h -> new HeadcountRow(format.dateTime(h.at()), h.confirmed(),
                        h.waitlisted())).toList();
        PostEventFacts.FeedbackDistribution f = post.feedback();
        return new PostEventView(format.locale().getLanguage(), post.turnout(), b != null,
                b == null ? null : format.money(b.estimateTotal(), currency),
                b == null ? null : format.money(b.forecastTotal(), currency),
                b == null ? null : format.money(b.actualTotal(), currency),
                b == null ? null : format.money(b.actualMinusEstimate(), currency),
                b == null ? null : format.money(b.costPerAttendeePresent(), currency), categories,
                post.inspections().stream().map(i -> new InspectionRow(i.checklistName(), i.category(),
                        i.inspections(), format.dateTime(i.lastInspectedAt()), i.passed(), i.failed(),
                        i.notApplicable())).toList(),
                post.openActions().stream().map(a -> new ActionRow(a.item(), a.checklistName(), a.owner(),
                        format.dateTime(a.dueAt()))).toList(),
                f.count(), format.decimal(f.averageRating()),
                IntStream.rangeClosed(1, 5).mapToObj(r -> new RatingRow(r, f.ratings().get(r - 1))).toList(),
                f.comments(), headcount);
    }

    private static String render(Template template, BriefingRenderer.BriefingView briefing, PostEventView view,
            Charts.LineChart headcount, Charts.BarChart budget, Charts.TrafficLight light, ReaderFormat format) {
        return template.instance().data("b", briefing).data("p", view).data("headcountChart", headcount)
                .data("budgetChart", budget).data("trafficLight", light).setLocale(format.locale()).render();
    }
}
