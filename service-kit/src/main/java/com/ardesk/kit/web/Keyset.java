package com.ardesk.kit.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Keyset paging of one list (no OFFSET: page 500 costs what page 1 costs, and rows inserted
 * meanwhile do not shift pages; docs/api.md#paging). A list declares its name and how many sort
 * keys make its order total, once:
 * <pre>{@code
 * private static final Keyset PAGES = Keyset.of("promises", 2);  // expectedOn, promiseId
 *
 * Keyset.Request page = PAGES.request(limit, cursor, status, claimId, dueBefore, practiceId);
 * if (page.after() != null) { ... "and (expected_on, promise_id) > (?, ?)" with page.after().date(0), .uuid(1) }
 * ... fetch page.fetch() rows in the list's order ...
 * return page.page(rows, p -> List.of(p.expectedOn, p.promiseId), PromiseView::of);
 * }</pre>
 * The filters given to {@link #request} are every query parameter that changes which rows the list
 * holds or their order; a cursor only works with the filters it was issued for (see {@link Cursors}).
 */
public final class Keyset {
    private final String list;
    private final int keys;

    private Keyset(String list, int keys) {
        this.list = list;
        this.keys = keys;
    }

    /** The paging of the list called {@code list} (unique within its service) ordered by {@code keys} sort keys. */
    public static Keyset of(String list, int keys) {
        return new Keyset(list, keys);
    }

    /**
     * Reads a request's {@code limit} and {@code cursor}; a 400 on {@code limit} outside 1–500 and
     * on {@code cursor} for one this list did not issue for these {@code filters}.
     */
    public Request request(Integer limit, String cursor, Object... filters) {
        int size = Cursors.limit(limit);
        byte[] tag = Cursors.filterTag(filters);
        Position after = cursor == null || cursor.isBlank() ? null
                : new Position(Cursors.decode(cursor, list, tag, keys));
        return new Request(size, after, tag);
    }

    /** One request's page size and start position. */
    public final class Request {
        private final int limit;
        private final Position after;
        private final byte[] filterTag;

        private Request(int limit, Position after, byte[] filterTag) {
            this.limit = limit;
            this.after = after;
            this.filterTag = filterTag;
        }

        public int limit() {
            return limit;
        }

        /** Rows to fetch: one more than the page holds, so a next page is known to exist without a count. */
        public int fetch() {
            return limit + 1;
        }

        /** Where the page starts (rows strictly after this position in the list's order), or null for the first page. */
        public Position after() {
            return after;
        }

        /**
         * The page of up to {@code fetch()} rows read in the list's order: the first {@code limit}
         * rows as views, and a next cursor from the last of them when there was one more.
         *
         * @param key the row's sort key values in the list's order (Instant, LocalDate, UUID, BigDecimal, Integer or String)
         */
        public <R, V> Page<V> page(List<R> fetched, Function<R, List<?>> key, Function<R, V> view) {
            return pageViews(fetched, key, rows -> rows.stream().map(view).toList());
        }

        /** As {@link #page}, for views made for the whole page at once (one query for all rows, not one per row). */
        public <R, V> Page<V> pageViews(List<R> fetched, Function<R, List<?>> key, Function<List<R>, List<V>> views) {
            boolean more = fetched.size() > limit;
            List<R> rows = more ? fetched.subList(0, limit) : fetched;
            String next = more ? Cursors.encode(list, filterTag,
                    key.apply(rows.get(limit - 1)).stream().map(Keyset::text).toList()) : null;
            return new Page<>(List.copyOf(views.apply(rows)), next);
        }
    }

    private static String text(Object key) {
        return key instanceof BigDecimal d ? d.toPlainString() : key.toString();
    }

    /**
     * A cursor's sort key values, read by type. A value that is not what this list writes there is a
     * 400 on {@code cursor}: the checksum already refuses altered cursors, these checks keep a forged
     * one from reaching the database with a value it cannot take.
     */
    public static final class Position {
        private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
        private static final Instant AFTER_LAST = LocalDate.of(10_000, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
        /** Beyond any amount the services store (numeric(14,2) and the like), and far within PostgreSQL's numeric. */
        private static final BigDecimal LARGEST = new BigDecimal("1e20");

        private final List<String> keys;

        Position(List<String> keys) {
            this.keys = keys;
        }

        public Instant instant(int i) {
            try {
                Instant value = Instant.parse(keys.get(i));
                if (!value.isBefore(FIRST) && value.isBefore(AFTER_LAST)) {
                    return value;
                }
            } catch (DateTimeParseException e) {
                // refused below
            }
            throw invalid();
        }

        public LocalDate date(int i) {
            try {
                LocalDate value = LocalDate.parse(keys.get(i));
                if (value.getYear() >= 1 && value.getYear() <= 9999) {
                    return value;
                }
            } catch (DateTimeParseException e) {
                // refused below
            }
            throw invalid();
        }

        public UUID uuid(int i) {
            try {
                UUID value = UUID.fromString(keys.get(i));
                // UUID.fromString also takes short forms such as 1-2-3-4-5
                if (value.toString().equals(keys.get(i))) {
                    return value;
                }
            } catch (IllegalArgumentException e) {
                // refused below
            }
            throw invalid();
        }

        public BigDecimal decimal(int i) {
            try {
                BigDecimal value = new BigDecimal(keys.get(i));
                if (value.abs().compareTo(LARGEST) < 0 && value.scale() >= 0 && value.scale() <= 10) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            throw invalid();
        }

        public int integer(int i) {
            try {
                return Integer.parseInt(keys.get(i));
            } catch (NumberFormatException e) {
                throw invalid();
            }
        }

        public String text(int i) {
            if (keys.get(i).indexOf('\0') >= 0) {
                throw invalid();
            }
            return keys.get(i);
        }

        private static RuntimeException invalid() {
            return Cursors.refused("holds a value this list does not write there: it was not issued by this API");
        }
    }
}
