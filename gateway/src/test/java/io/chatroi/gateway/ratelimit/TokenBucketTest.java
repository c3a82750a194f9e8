package io.chatroi.gateway.ratelimit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aFullBucketServesItsBurstThenRefillsAtTheRate() {
        TokenBucket bucket = new TokenBucket(2, 3, 0);
        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).isEqualTo(1);
        assertThat(bucket.tryTake(SECOND / 2)).isZero();
        assertThat(bucket.tryTake(SECOND / 2)).isEqualTo(1);
        assertThat(bucket.tryTake(10 * SECOND)).isZero();
        assertThat(bucket.tryTake(10 * SECOND)).isZero();
        assertThat(bucket.tryTake(10 * SECOND)).isZero();
        assertThat(bucket.tryTake(10 * SECOND)).isEqualTo(1);
    }

    @Test
    void retryAfterIsTheWholeSecondsUntilTheNextToken() {
        TokenBucket slow = new TokenBucket(0.2, 1, 0);
        assertThat(slow.tryTake(0)).isZero();
        assertThat(slow.tryTake(0)).isEqualTo(5);
        assertThat(slow.tryTake(4 * SECOND)).isEqualTo(1);
        assertThat(slow.tryTake(5 * SECOND)).isZero();
    }
}
