package com.ardesk.kit.web;

import com.ardesk.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The paging step and the cursor contract every list shares (docs/api.md#paging). */
class KeysetTest {
    record Row(Instant at, UUID id) {
    }

    static final Keyset CALLS = Keyset.of("calls", 2);
    static final Keyset PLANS = Keyset.of("plans", 2);

    static final List<Row> ROWS = IntStream.range(0, 7)
            .mapToObj(i -> new Row(Instant.parse("2026-03-0" + (7 - i) + "T10:00:00.123456Z"), new UUID(0, i))).toList();

    /** Reads the rows after the position in (at desc, id asc) order, as a list's query would. */
    static List<Row> query(Keyset.Request page) {
        return ROWS.stream().filter(r -> page.after() == null || r.at().isBefore(page.after().instant(0))
                        || r.at().equals(page.after().instant(0)) && r.id().compareTo(page.after().uuid(1)) > 0)
                .limit(page.fetch()).toList();
    }

    static Page<UUID> page(Keyset keyset, Integer limit, String cursor, Object... filters) {
        Keyset.Request page = keyset.request(limit, cursor, filters);
        return page.page(query(page), r -> List.of(r.at(), r.id()), Row::id);
    }

    static String nextCursor() {
        return page(CALLS, 2, null, "P100").nextCursor();
    }

    static ProblemException refusal(Runnable request) {
        try {
            request.run();
        } catch (ProblemException e) {
            return e;
        }
        throw new AssertionError("not refused");
    }

    static void refusedWith(String cursor, String reason) {
        ProblemException e = refusal(() -> page(CALLS, 2, cursor, "P100"));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("cursor");
            assertThat(error.message()).contains(reason);
        });
    }

    @Test
    void pagingThroughYieldsEveryRowOnceInOrder() {
        List<UUID> seen = new java.util.ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<UUID> page = page(CALLS, 3, cursor, "P100");
            seen.addAll(page.items());
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(ROWS.stream().map(Row::id).toList());
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void aFullLastPageHasNoNextCursor() {
        assertThat(page(CALLS, 7, null).nextCursor()).isNull();
        assertThat(page(CALLS, 6, null).nextCursor()).isNotNull();
    }

    @Test
    void limitIsOneTo500DefaultFifty() {
        assertThat(CALLS.request(null, null).limit()).isEqualTo(50);
        assertThat(CALLS.request(500, null).fetch()).isEqualTo(501);
        for (int bad : new int[] {0, -1, 501}) {
            assertThat(refusal(() -> CALLS.request(bad, null)).errors().get(0).field()).isEqualTo("limit");
        }
    }

    @Test
    void aBlankCursorIsTheFirstPage() {
        assertThat(CALLS.request(2, " ").after()).isNull();
    }

    @Test
    void garbageAndTruncatedCursorsAreRefused() {
        String cursor = nextCursor();
        for (String bad : List.of("AAAA", "!!!!", "x", "%%%", cursor.substring(0, cursor.length() - 2),
                cursor.substring(0, 10), cursor + "AA")) {
            refusedWith(bad, "is not a cursor this API issued");
        }
    }

    @Test
    void anAlteredCursorIsRefused() {
        byte[] raw = Base64.getUrlDecoder().decode(nextCursor());
        raw[raw.length - 12] ^= 1;
        refusedWith(Base64.getUrlEncoder().withoutPadding().encodeToString(raw), "is not a cursor this API issued");
    }

    @Test
    void aCursorOfAnotherVersionIsRefusedSayingSo() {
        byte[] raw = Base64.getUrlDecoder().decode(nextCursor());
        raw[0] = Cursors.VERSION + 1;
        refusedWith(Base64.getUrlEncoder().withoutPadding().encodeToString(raw), "another version");
        // the format before versions: the keys and a CRC, joined by U+001F
        refusedWith(Base64.getUrlEncoder().withoutPadding().encodeToString(
                "2026-03-01T10:00:00Z\u001f6a5b\u001f1x2y3z".getBytes(StandardCharsets.UTF_8)), "another version");
    }

    @Test
    void aCursorOfAnotherListIsRefused() {
        String plans = page(PLANS, 2, null, "P100").nextCursor();
        refusedWith(plans, "belongs to another list");
    }

    @Test
    void aCursorOfOtherFiltersIsRefused() {
        String cursor = nextCursor();
        assertThat(page(CALLS, 2, cursor, "P100").items()).hasSize(2);
        ProblemException e = refusal(() -> page(CALLS, 2, cursor, "P200"));
        assertThat(e.errors().get(0).message()).contains("other filters");
        // a filter's value split differently is another filter
        String split = page(CALLS, 2, null, "ab", "c").nextCursor();
        assertThat(refusal(() -> page(CALLS, 2, split, "a", "bc")).errors().get(0).message()).contains("other filters");
        assertThat(refusal(() -> page(CALLS, 2, split, "ab", "c", null)).errors().get(0).message()).contains("other filters");
    }

    /** The position a cursor of these key values reads back. */
    static Keyset.Position position(Object... keys) {
        Keyset keyset = Keyset.of("any", keys.length);
        String cursor = keyset.request(1, null).page(List.of(1, 2), i -> List.of(keys), i -> i).nextCursor();
        return keyset.request(1, cursor).after();
    }

    @Test
    void keyValuesReadBackByType() {
        Keyset.Position position = position(Instant.parse("2026-01-01T00:00:00.5Z"), LocalDate.of(2026, 1, 2),
                new BigDecimal("12.50"), 7, new UUID(1, 2), "name \u001f with separators");
        assertThat(position.instant(0)).isEqualTo(Instant.parse("2026-01-01T00:00:00.5Z"));
        assertThat(position.date(1)).isEqualTo(LocalDate.of(2026, 1, 2));
        assertThat(position.decimal(2)).isEqualByComparingTo("12.50");
        assertThat(position.integer(3)).isEqualTo(7);
        assertThat(position.uuid(4)).isEqualTo(new UUID(1, 2));
        assertThat(position.text(5)).isEqualTo("name \u001f with separators");
    }

    @Test
    void aKeyValueTheListDoesNotWriteIsRefusedNotPassedOn() {
        List<Runnable> reads = List.of(() -> position("x").instant(0), () -> position("+10000-01-01T00:00:00Z").instant(0),
                () -> position("2026-13-01").date(0), () -> position("-0001-01-01").date(0),
                () -> position("1-2-3-4-5").uuid(0), () -> position("1e400").decimal(0),
                () -> position("0.000000000001").decimal(0), () -> position("99999999999999999999999").decimal(0),
                () -> position("99999999999").integer(0), () -> position("a\0b").text(0));
        for (Runnable read : reads) {
            assertThat(refusal(read).errors().get(0).field()).isEqualTo("cursor");
        }
    }

    @Test
    void aCursorOfAnotherKeyCountIsRefused() {
        String cursor = nextCursor();
        assertThatThrownBy(() -> Keyset.of("calls", 3).request(2, cursor, "P100"))
                .isInstanceOf(ProblemException.class).hasMessageContaining("does not fit this list's order");
    }
}
