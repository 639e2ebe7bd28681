package io.newsstream.processor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PrefixLookupTest {

  @Test
  void shouldFindTheKeyThatEqualsTheFirstCharactersOfTheText() {
    // given
    PrefixLookup<String> lookup =
        new PrefixLookup<>(Map.of("elect", "ELECT", "election", "ELECTION", "e", "E"));

    // when / then
    assertThat(lookup.get("elections", 1)).isEqualTo("E");
    assertThat(lookup.get("elections", 5)).isEqualTo("ELECT");
    assertThat(lookup.get("elections", 8)).isEqualTo("ELECTION");
    assertThat(lookup.get("elections", 9)).isNull();
    assertThat(lookup.get("elections", 6)).isNull();
    assertThat(lookup.get("electric", 5)).isEqualTo("ELECT");
    assertThat(lookup.get("select", 5)).isNull();
    assertThat(lookup.get("elections", 0)).isNull();
  }

  @Test
  void shouldTellApartKeysWithTheSameHashCode() {
    // given: "Aa" and "BB" share String.hashCode, as do "AaAa", "AaBB", "BBAa" and "BBBB"
    PrefixLookup<Integer> lookup = new PrefixLookup<>(Map.of("Aa", 1, "BB", 2, "AaBB", 3, "", 4));

    // when / then
    assertThat(lookup.get("Aa!", 2)).isEqualTo(1);
    assertThat(lookup.get("BB!", 2)).isEqualTo(2);
    assertThat(lookup.get("AaBB", 4)).isEqualTo(3);
    assertThat(lookup.get("BBAa", 4)).isNull();
    assertThat(lookup.get("BBBB", 4)).isNull();
    assertThat(lookup.get("xyz", 0)).isEqualTo(4);
  }

  @Test
  void shouldAgreeWithTheMapLookingUpEverySubstring() {
    // given: random keys over a small alphabet, so that many prefixes are keys
    Random random = new Random(11);
    Map<String, Integer> map = new HashMap<>();
    for (int i = 0; i < 300; i++) {
      map.put(randomWord(random), i);
    }
    PrefixLookup<Integer> lookup = new PrefixLookup<>(map);

    for (int t = 0; t < 2_000; t++) {
      String text = randomWord(random) + randomWord(random);
      for (int length = 0; length <= text.length(); length++) {
        // when / then
        assertThat(lookup.get(text, length)).isEqualTo(map.get(text.substring(0, length)));
      }
    }
  }

  @Test
  void shouldFindTheSameWithAHashExtendedCharacterByCharacter() {
    // given
    PrefixLookup<String> lookup =
        new PrefixLookup<>(Map.of("ele", "ELE", "elect", "ELECT", "election", "ELECTION"));
    String word = "elections";

    // when: every prefix length from 3, extending the hash of the previous one
    int hash = PrefixLookup.hash(word, 3);
    List<String> found = new java.util.ArrayList<>();
    for (int length = 3; length <= word.length(); length++) {
      if (length > 3) {
        hash = PrefixLookup.extend(hash, word.charAt(length - 1));
      }
      found.add(lookup.get(word, length, hash));
    }

    // then
    assertThat(found).containsExactly("ELE", null, "ELECT", null, null, "ELECTION", null);
  }

  @Test
  void shouldFindNothingInAnEmptyLookup() {
    assertThat(new PrefixLookup<List<String>>(Map.of()).get("word", 2)).isNull();
  }

  private static String randomWord(Random random) {
    StringBuilder sb = new StringBuilder();
    for (int k = 1 + random.nextInt(4); k > 0; k--) {
      sb.append("abé中".charAt(random.nextInt(4)));
    }
    return sb.toString();
  }
}
