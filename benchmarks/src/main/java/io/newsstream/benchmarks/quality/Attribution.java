package io.newsstream.benchmarks.quality;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What consumers have in place of each article of a run: the article itself when it was emitted,
 * else the article its drop report names, followed until an emitted one. A drop is attributed
 * right when it names the article consumers have for its original, which is the original itself
 * unless the original was dropped too.
 */
final class Attribution {

  private final Set<String> emitted = new HashSet<>();
  private final Map<String, String> duplicateOf = new HashMap<>();

  void emitted(String articleId) {
    emitted.add(articleId);
  }

  void dropped(String articleId, String original) {
    duplicateOf.put(articleId, original);
  }

  boolean wasEmitted(String articleId) {
    return emitted.contains(articleId);
  }

  /**
   * The emitted article that stands for {@code articleId}: itself, or the end of the chain of
   * drop reports from it; null when the chain ends in an article that was neither emitted nor
   * reported, or goes round.
   */
  String standIn(String articleId) {
    String id = articleId;
    for (int step = 0; step <= duplicateOf.size(); step++) {
      if (id == null || emitted.contains(id)) {
        return id;
      }
      id = duplicateOf.get(id);
    }
    return null;
  }
}
