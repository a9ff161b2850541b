package dev.scaletoolkit.emulator.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.scaletoolkit.model.jackson.ScaleJson;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The agreement formulas on hand-made answers whose scores can be worked out on paper. */
class AgreementTest {
    private static JsonNode json(String text) {
        return ScaleJson.mapper().readTree(text.replace('\'', '"'));
    }

    private static String box(String label, double left, double top, double width, double height) {
        return "{'type': 'box', 'label': '" + label + "', 'left': " + left + ", 'top': " + top + ", 'width': " + width
                + ", 'height': " + height + "}";
    }

    private static JsonNode boxes(String... shapes) {
        return json("{'annotations': [" + String.join(", ", shapes) + "]}");
    }

    private static double shapes(JsonNode... answers) {
        return Agreement.score(Agreement.Kind.SHAPES, List.of(answers));
    }

    @Test
    void identicalBoxesAgreeFullyAndHalfABoxIsAnIouOfOneHalf() {
        JsonNode car = boxes(box("car", 10, 20, 100, 50));
        assertThat(shapes(car, car)).isEqualTo(1.0);
        assertThat(shapes(car, boxes(box("car", 10, 20, 50, 50)))).isCloseTo(0.5, within(1e-9));
        // Same place, other label: no match.
        assertThat(shapes(car, boxes(box("bicycle", 10, 20, 100, 50)))).isZero();
        // Overlap of a quarter: 25 / (100 + 100 - 25).
        assertThat(Agreement.iou(json(box("a", 0, 0, 10, 10)), json(box("a", 5, 5, 10, 10))))
                .isCloseTo(25.0 / 175, within(1e-9));
    }

    @Test
    void emptyAnswersAgreeWithEachOtherAndNotWithABox() {
        JsonNode empty = boxes();
        assertThat(shapes(empty, empty)).isEqualTo(1.0);
        assertThat(shapes(empty, boxes(box("car", 0, 0, 10, 10)))).isZero();
        assertThat(Agreement.score(Agreement.Kind.SPANS, List.of(json("{'annotations': []}"), json("{}"))))
                .isEqualTo(1.0);
    }

    @Test
    void anUnmatchedBoxCountsZero() {
        JsonNode two = boxes(box("car", 0, 0, 100, 100), box("car", 300, 0, 100, 100));
        JsonNode one = boxes(box("car", 0, 0, 100, 100));
        // One perfect match, one box nobody else drew: (1 + 0) / 2.
        assertThat(shapes(two, one)).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void matchingIsOptimalNotGreedy() {
        // Boxes of height 10 on one row, so IoU is the overlap of intervals. a1-b1 is the best single pair (9/11),
        // but taking it leaves a2-b2 (3/17); the best matching pairs a1-b2 and a2-b1 (7/13 each).
        JsonNode a = boxes(box("car", 0, 0, 10, 10), box("car", 4, 0, 10, 10));
        JsonNode b = boxes(box("car", 1, 0, 10, 10), box("car", -3, 0, 10, 10));
        double greedy = (9.0 / 11 + 3.0 / 17) / 2;
        double optimal = (7.0 / 13 + 7.0 / 13) / 2;
        assertThat(optimal).isGreaterThan(greedy);
        assertThat(shapes(a, b)).isCloseTo(optimal, within(1e-9));
    }

    @Test
    void threeLabelersAverageTheirThreePairs() {
        JsonNode ada = boxes(box("car", 0, 0, 200, 100));
        JsonNode bob = boxes(box("car", 0, 0, 200, 100));
        JsonNode cy = boxes(box("car", 0, 0, 100, 100));
        // Pairs: ada-bob 1, ada-cy 0.5, bob-cy 0.5.
        assertThat(shapes(ada, bob, cy)).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(Agreement.mostAgreeing(Agreement.Kind.SHAPES, List.of(cy, ada, bob)))
                .isEqualTo(1);
    }

    @Test
    void categoriesScoreTheShareOfIdenticalAnswers() {
        JsonNode car = json("{'category': 'car'}");
        JsonNode bike = json("{'category': 'bicycle'}");
        JsonNode bus = json("{'category': 'bus'}");
        assertThat(Agreement.score(Agreement.Kind.CATEGORIES, List.of(car, car, bike)))
                .isCloseTo(2.0 / 3, within(1e-9));
        assertThat(Agreement.score(Agreement.Kind.CATEGORIES, List.of(car, bike, bus)))
                .isCloseTo(1.0 / 3, within(1e-9));
        assertThat(Agreement.score(Agreement.Kind.CATEGORIES, List.of(bike, bike)))
                .isEqualTo(1.0);
        // The majority answer wins; with no majority, the first one.
        assertThat(Agreement.mostAgreeing(Agreement.Kind.CATEGORIES, List.of(bike, car, car)))
                .isEqualTo(1);
        assertThat(Agreement.mostAgreeing(Agreement.Kind.CATEGORIES, List.of(bus, car, bike)))
                .isZero();
    }

    @Test
    void namedEntitiesScoreSpanLevelF1() {
        JsonNode two = json("{'annotations': [{'start': 0, 'end': 5, 'label': 'PER', 'text': 'Alice'},"
                + " {'start': 15, 'end': 21, 'label': 'LOC', 'text': 'Berlin'}]}");
        JsonNode one = json("{'annotations': [{'start': 0, 'end': 5, 'label': 'PER', 'text': 'Alice'}]}");
        JsonNode wrongLabel = json("{'annotations': [{'start': 0, 'end': 5, 'label': 'ORG', 'text': 'Alice'}]}");
        assertThat(Agreement.score(Agreement.Kind.SPANS, List.of(two, one))).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(Agreement.score(Agreement.Kind.SPANS, List.of(one, wrongLabel)))
                .isZero();
        // Three labelers: (2/3 + 0 + 0) / 3.
        assertThat(Agreement.score(Agreement.Kind.SPANS, List.of(two, one, wrongLabel)))
                .isCloseTo(2.0 / 9, within(1e-9));
    }

    @Test
    void otherTypesNeedTheExactSameResponse() {
        JsonNode a = json("{'fields': {'name': 'Ada', 'age': 36}}");
        JsonNode sameOtherOrder = json("{'fields': {'age': 36, 'name': 'Ada'}}");
        JsonNode other = json("{'fields': {'name': 'Ada', 'age': 37}}");
        assertThat(Agreement.score(Agreement.Kind.EXACT, List.of(a, sameOtherOrder, other)))
                .isCloseTo(2.0 / 3, within(1e-9));
        assertThat(Agreement.kindOf("textcollection")).isEqualTo(Agreement.Kind.EXACT);
        assertThat(Agreement.kindOf("imageannotation")).isEqualTo(Agreement.Kind.SHAPES);
        assertThat(Agreement.kindOf("namedentityrecognition")).isEqualTo(Agreement.Kind.SPANS);
    }

    @Test
    void oneAnswerAgreesWithItself() {
        assertThat(shapes(boxes(box("car", 0, 0, 1, 1)))).isEqualTo(1.0);
    }

    @Test
    void aMergeKeepsTheBoxesAMajorityDrewAtTheirMeanPosition() {
        JsonNode ada = boxes(box("car", 0, 0, 100, 100), box("bicycle", 200, 0, 50, 50));
        JsonNode bob = boxes(box("car", 4, 0, 100, 100));
        JsonNode cy = boxes(box("car", 2, 6, 100, 100), box("bicycle", 400, 400, 10, 10));
        JsonNode merged = Agreement.mergeShapes(List.of(ada, bob, cy));
        assertThat(merged.path("annotations")).hasSize(1);
        JsonNode car = merged.path("annotations").get(0);
        assertThat(car.path("label").asString()).isEqualTo("car");
        assertThat(car.path("left").asDouble()).isEqualTo(2.0);
        assertThat(car.path("top").asDouble()).isEqualTo(2.0);
        assertThat(car.path("width").asDouble()).isEqualTo(100.0);
    }
}
