package io.chatroi.contacts.classification;

import io.chatroi.contacts.tier.IntentTier;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TextClassifierTest {

    private final TextClassifier classifier = new TextClassifier(List.of(
            new TriggerRule(RuleKind.INTENT, "high", "how much"), new TriggerRule(RuleKind.INTENT, "high", "price"),
            new TriggerRule(RuleKind.INTENT, "high", "多少钱"), new TriggerRule(RuleKind.INTENT, "high", "有现货吗"),
            new TriggerRule(RuleKind.INTENT, "medium", "warranty"), new TriggerRule(RuleKind.INTENT, "medium", "规格"),
            new TriggerRule(RuleKind.INTENT, "potential", "ok"), new TriggerRule(RuleKind.INTENT, "potential", "谢谢"),
            new TriggerRule(RuleKind.INTENT, "none", "not now"), new TriggerRule(RuleKind.INTENT, "none", "暂时不需要"),
            new TriggerRule(RuleKind.INTEREST, "discount", "discount"),
            new TriggerRule(RuleKind.INTEREST, "discount", "有优惠吗"),
            new TriggerRule(RuleKind.INTEREST, "new-product", "新款"),
            new TriggerRule(RuleKind.OPT_OUT, "stop", "stop"), new TriggerRule(RuleKind.OPT_OUT, "stop", "unsubscribe"),
            new TriggerRule(RuleKind.OPT_OUT, "stop", "退订")));

    @Test
    void englishTriggersMatchWholeWordsCaseInsensitively() {
        assertThat(classifier.classify("How MUCH is the 40ft container price?").intent()).isEqualTo(IntentTier.HIGH);
        assertThat(classifier.classify("What is the warranty?").intent()).isEqualTo(IntentTier.MEDIUM);
        assertThat(classifier.classify("ok").intent()).isEqualTo(IntentTier.POTENTIAL);
        assertThat(classifier.classify("I want to book a call").intent()).as("'ok' inside 'book'").isNull();
        assertThat(classifier.classify("Not now, maybe next year").intent()).isEqualTo(IntentTier.NONE);
    }

    @Test
    void chineseTriggersMatchInsideSentences() {
        assertThat(classifier.classify("这个多少钱？").intent()).isEqualTo(IntentTier.HIGH);
        assertThat(classifier.classify("请问有现货吗").intent()).isEqualTo(IntentTier.HIGH);
        assertThat(classifier.classify("这款的规格是什么").intent()).isEqualTo(IntentTier.MEDIUM);
        assertThat(classifier.classify("谢谢").intent()).isEqualTo(IntentTier.POTENTIAL);
        assertThat(classifier.classify("暂时不需要").intent()).isEqualTo(IntentTier.NONE);
        assertThat(classifier.classify("有优惠吗？有新款吗").interests()).containsExactlyInAnyOrder("discount", "new-product");
    }

    @Test
    void theStrongestSignalOfAMessageWins() {
        Classification mixed = classifier.classify("Thanks, ok. What's the warranty and how much with a discount?");
        assertThat(mixed.intent()).isEqualTo(IntentTier.HIGH);
        assertThat(mixed.interests()).containsExactly("discount");
    }

    @Test
    void optOutNeedsTheWholeMessageToBeTheWord() {
        assertThat(classifier.classify("STOP").optOut()).isTrue();
        assertThat(classifier.classify("  Stop! ").optOut()).isTrue();
        assertThat(classifier.classify("unsubscribe").optOut()).isTrue();
        assertThat(classifier.classify("退订").optOut()).isTrue();
        assertThat(classifier.classify("don't stop sending me offers").optOut()).isFalse();
        assertThat(classifier.classify("").optOut()).isFalse();
    }
}
