package io.chatroi.common.paging;

import io.chatroi.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorTest {

    @Test
    void roundTripsKeysWithAnyCharacters() {
        String cursor = Cursor.encode("2026-11-22T10:00:00Z", "a|b,c 张三");
        assertThat(cursor).doesNotContain("=", "+", "/");
        assertThat(Cursor.decode(cursor, 2)).containsExactly("2026-11-22T10:00:00Z", "a|b,c 张三");
    }

    @Test
    void rejectsForeignOrTamperedCursorsAsBadAfterParameter() {
        assertThatThrownBy(() -> Cursor.decode("%%%", 2))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).errors().get(0).field()).isEqualTo("after"));
        assertThatThrownBy(() -> Cursor.decode(Cursor.encode("only-one"), 2)).isInstanceOf(ProblemException.class);
    }

    @Test
    void limitDefaultsAndBounds() {
        assertThat(PageLimit.of(null)).isEqualTo(50);
        assertThat(PageLimit.of(500)).isEqualTo(500);
        assertThatThrownBy(() -> PageLimit.of(0)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> PageLimit.of(501)).isInstanceOf(ProblemException.class);
    }
}
