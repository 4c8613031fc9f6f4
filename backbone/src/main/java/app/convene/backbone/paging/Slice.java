package app.convene.backbone.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a keyset-paged read: its rows and whether another page follows. The read asks for one row more than
 * the page holds; that row, when it comes, only tells that the list goes on.
 */
public record Slice<T>(List<T> rows, boolean more) {
    public static <T> Slice<T> of(List<T> read, int limit) {
        List<T> rows = new ArrayList<>(read);
        boolean more = rows.size() > limit;
        if (more) {
            rows.subList(limit, rows.size()).clear();
        }
        return new Slice<>(rows, more);
    }

    /** The last row of the page (where the next page starts after). */
    public T last() {
        return rows.get(rows.size() - 1);
    }

    /** Where the next page starts: {@code position} of the page's last row, or null on the last page. */
    public <P> P next(Function<T, P> position) {
        return more ? position.apply(last()) : null;
    }
}
