package io.newsstream.processor.enrich;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds people, organisations and places in an article with documented rules over capitalised
 * word sequences, since no named-entity model for a Java NLP library is published on Maven
 * Central (OpenNLP's Central artifacts hold sentence, token, POS and lemma models only).
 *
 * <p>Method: (1) candidates are maximal runs of capitalised words within one clause (any
 * punctuation or line break ends a run; {@code of}, {@code for}, {@code de}, {@code van}, ...
 * may join two capitalised words); lines that are mostly upper case, such as wire headlines,
 * are skipped. (2) Leading function words ({@code The}, {@code In}, ...), nationality adjectives
 * ({@code Israeli}) and titles ({@code Mr}, {@code Prime Minister}, {@code Member of
 * Parliament}) are stripped; a stripped title marks the rest as a person. (3) The rest is
 * classified by the gazetteer {@value #GAZETTEER} (known places and organisations), then by its
 * last word (organisation suffixes such as Group, Inc, Ministry, Party, Bank, Court), then as a
 * person when a title preceded it, its first word is a known given name, it has an initial
 * ({@code KN Govindacharya}), or it is followed by {@code said}/{@code says}/{@code told};
 * an unknown acronym of 2 to 5 letters is an organisation; any other run of two or three
 * words is OTHER, and an unknown single word is dropped. (4) A single word equal to the last
 * word of a person found in the article ({@code Moitra}) or the first word of an organisation
 * ({@code NSO} for {@code NSO Group}) counts as a mention of it. Entities are returned most
 * mentioned first, then in order of first mention.
 *
 * <p>Precision, labelled by hand (entity text and type both right; OTHER counts as right when
 * the text is a name): 77 of 79 entities (0.97) on the moneycontrol.com sample and Reuters-21578
 * ids 2, 5, 12, 100, 175, 200, 301, 308, 351, 502, 1001, 2003 and 3005, whose errors were looked
 * at while writing the rules (the two errors: "CWT", a unit, as an organisation, and the
 * truncated "Organization for Economic Cooperation"); 20 of 20 on ids 4001, 5002, 6003 and 9006,
 * not looked at before. Recall was not measured: single unknown words (a product such as
 * Pegasus, a small town) are dropped on purpose. German capitalises every noun, so there only
 * names the word lists know are taken: places and organisations of the gazetteer and its
 * German-only lists, a known given name with its surname, unknown acronyms (see {@code
 * classifyGerman}); its precision has not been measured on real German news, which the corpus
 * does not have. Other languages use the English rules with English function words, so expect
 * lower precision there. Thread-safe.
 */
public final class EntityExtractor {

  /** Word lists of the rules, next to this class. */
  public static final String GAZETTEER = "entity-gazetteer.properties";

  public static final String PERSON = "PERSON";
  public static final String ORGANIZATION = "ORGANIZATION";
  public static final String LOCATION = "LOCATION";
  public static final String OTHER = "OTHER";

  /** Abbreviated titles whose period does not end a clause ("Dr. Okonkwo"). */
  private static final Set<String> TITLE_ABBREVIATIONS =
      Set.of("Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Gen", "Sen", "Rep", "Gov", "Capt", "Col", "Rev",
          "Lt", "Sgt", "Jr", "Sr");
  private static final Pattern ROMAN_NUMERAL = Pattern.compile("[IVXLCDM]+");
  private static final Set<String> CONNECTORS =
      Set.of("of", "for", "de", "del", "da", "van", "von", "der", "bin", "al", "la", "le", "du");
  /** Particles inside a German-language person's name. */
  private static final Set<String> NAME_PARTICLES = Set.of("von", "van", "de", "der", "zu", "vom");
  private static final Set<String> SPEECH_VERBS =
      Set.of("said", "says", "told", "added", "stated", "wrote", "argued", "noted", "explained");
  private static final Set<String> NOT_ACRONYMS =
      Set.of(
          "CEO", "CFO", "COO", "GDP", "IPO", "TV", "PC", "AI", "OK", "PM", "AM", "EST", "GMT",
          "VAT", "GST", "MP", "MPS", "MLN", "DLRS", "PCT", "BLN", "SHR", "NET", "LTD", "INC",
          "CORP", "USA", "QTR", "REVS", "VS", "EPS", "ETF", "FY", "YOY", "PDF", "RS", "PRO");

  private final int maxEntities;
  private final Set<String> locations;
  private final Set<String> organizations;
  private final Set<String> organizationSuffixes;
  /** Titles by their first word, longest first. */
  private final Map<String, List<List<String>>> personTitles;
  private final Set<String> firstNames;
  private final Set<String> notNames;
  private final Set<String> demonyms;
  /** The lists above with the German-only ones ({@code locations.de}, ...), for German text. */
  private final Set<String> germanLocations;
  private final Set<String> germanOrganizations;
  private final Set<String> germanFirstNames;

  public EntityExtractor(int maxEntities) {
    this.maxEntities = maxEntities;
    Properties lists = load();
    this.locations = set(lists, "locations");
    this.organizations = set(lists, "organizations");
    this.organizationSuffixes = set(lists, "organization-suffixes");
    this.firstNames = set(lists, "first-names");
    this.notNames = set(lists, "not-names");
    this.demonyms = set(lists, "demonyms");
    this.germanLocations = union(locations, set(lists, "locations.de"));
    this.germanOrganizations = union(organizations, set(lists, "organizations.de"));
    this.germanFirstNames = union(firstNames, set(lists, "first-names.de"));
    List<List<String>> titles = new ArrayList<>();
    for (String title : set(lists, "person-titles")) {
      titles.add(List.of(title.split(" ")));
    }
    titles.sort((a, b) -> Integer.compare(b.size(), a.size())); // longest first
    Map<String, List<List<String>>> byFirst = new java.util.HashMap<>();
    for (List<String> title : titles) {
      byFirst.computeIfAbsent(title.get(0), k -> new ArrayList<>()).add(title);
    }
    this.personTitles = Map.copyOf(byFirst);
  }

  /** Entities of title and body, most mentioned first. */
  public List<NamedEntity> extract(String title, String body, String language) {
    if (maxEntities == 0) {
      return List.of();
    }
    boolean german = "de".equals(language);
    List<Mention> mentions = new ArrayList<>();
    scan(title, mentions, german);
    scan(body, mentions, german);
    return aggregate(mentions);
  }

  /**
   * A word of a line, by position: most words are lower-case and never read as text, so the text
   * is copied out only when a rule reads it.
   */
  private static final class Token {
    private final String line;
    private final int start;
    private final int end;
    private final boolean clauseStart;

    Token(String line, int start, int end, boolean clauseStart) {
      this.line = line;
      this.start = start;
      this.end = end;
      this.clauseStart = clauseStart;
    }

    Token(String text) {
      this(text, 0, text.length(), false);
    }

    String text() {
      return line.substring(start, end);
    }

    boolean clauseStart() {
      return clauseStart;
    }

    /** Whether the word starts with an upper-case letter. */
    boolean capitalised() {
      return end > start && Character.isUpperCase(line.codePointAt(start));
    }
  }

  private record Mention(String text, String type) {}

  private void scan(String text, List<Mention> mentions, boolean german) {
    if (text == null || text.isEmpty()) {
      return;
    }
    for (String line : joinWrappedLines(text)) {
      if (mostlyUpperCase(line)) {
        continue;
      }
      List<Token> tokens = tokenize(line);
      int i = 0;
      while (i < tokens.size()) {
        if (!tokens.get(i).capitalised()) {
          i++;
          continue;
        }
        int end = i + 1; // exclusive
        while (end < tokens.size() && !tokens.get(end).clauseStart()) {
          Token next = tokens.get(end);
          if (next.capitalised()) {
            end++;
          } else if (CONNECTORS.contains(next.text())
              && end + 1 < tokens.size()
              && !tokens.get(end + 1).clauseStart()
              && tokens.get(end + 1).capitalised()) {
            end += 2;
          } else {
            break;
          }
        }
        String following = end < tokens.size() && !tokens.get(end).clauseStart()
            ? tokens.get(end).text().toLowerCase(Locale.ROOT)
            : "";
        if (german) {
          classifyGerman(tokens.subList(i, end), mentions);
        } else {
          classify(tokens.subList(i, end), following, mentions);
        }
        i = end;
      }
    }
  }

  private void classify(List<Token> run, String following, List<Mention> mentions) {
    List<String> words = texts(run);
    // "Bank of Japan Governor Satoshi Sumita": a title inside a run starts a new name.
    for (int k = titleAt(words) > 0 ? words.size() : 1; k < words.size() - 1; k++) {
      int titleLength = titleAt(words.subList(k, words.size()));
      if (titleLength > 0 && k + titleLength < words.size()) {
        classify(toTokens(words.subList(0, k)), "", mentions);
        classify(toTokens(words.subList(k, words.size())), following, mentions);
        return;
      }
    }
    boolean titled = false;
    boolean changed = true;
    while (changed && !words.isEmpty()) {
      changed = false;
      if (institutionOf(words)) {
        break; // "Ministry of Finance", "Bank of England": the first word belongs to the name
      }
      int titleLength = titleAt(words);
      if (titleLength > 0 && titleLength < words.size()) {
        words.subList(0, titleLength).clear();
        titled = true;
        changed = true;
      } else if (notNames.contains(words.get(0))
          && !organizations.contains(String.join(" ", words))
          && !locations.contains(String.join(" ", words))) {
        words.remove(0);
        changed = true;
      } else if (demonyms.contains(words.get(0))
          && words.size() > 1
          && !organizationSuffixes.contains(words.get(words.size() - 1))) {
        words.remove(0);
        changed = true;
      }
      while (!words.isEmpty() && CONNECTORS.contains(words.get(0))) {
        words.remove(0);
        changed = true;
      }
    }
    while (!words.isEmpty() && CONNECTORS.contains(words.get(words.size() - 1))) {
      words.remove(words.size() - 1);
    }
    if (words.isEmpty()) {
      return;
    }
    // A run such as "Facebook NSO" is two names; split at known names when the whole is unknown.
    String name = String.join(" ", words);
    String type = type(words, name, titled, following);
    if (type == null && words.size() > 1) {
      for (int k = 1; k < words.size(); k++) {
        String head = String.join(" ", words.subList(0, k));
        if (organizations.contains(head) || locations.contains(head)) {
          classify(toTokens(words.subList(0, k)), "", mentions);
          classify(toTokens(words.subList(k, words.size())), following, mentions);
          return;
        }
      }
    }
    if (type != null) {
      mentions.add(new Mention(name, type));
    } else if (words.size() == 1) {
      mentions.add(new Mention(name, null)); // may be an alias of a longer name
    }
  }

  /**
   * German capitalises every noun, so a run of capitalised words says little there: only names
   * the word lists know are taken from it. At each word of the run, the longest known place or
   * organisation that starts there; else a known given name followed by a capitalised word,
   * through a particle such as {@code von} ({@code Hans von Storch}), a person; else an unknown
   * acronym, an organisation. A run of one unknown word may still be a later mention of a
   * person's surname or an organisation's first word.
   */
  private void classifyGerman(List<Token> run, List<Mention> mentions) {
    List<String> words = texts(run);
    int k = 0;
    while (k < words.size()) {
      int known = 0;
      String type = null;
      for (int j = words.size(); j > k && known == 0; j--) {
        String name = String.join(" ", words.subList(k, j));
        if (germanOrganizations.contains(name)) {
          known = j - k;
          type = ORGANIZATION;
        } else if (germanLocations.contains(name)) {
          known = j - k;
          type = LOCATION;
        }
      }
      if (known > 0) {
        mentions.add(new Mention(String.join(" ", words.subList(k, k + known)), type));
        k += known;
        continue;
      }
      String word = words.get(k);
      int end = germanFirstNames.contains(word) ? personEnd(words, k + 1) : k;
      if (end > k + 1) {
        mentions.add(new Mention(String.join(" ", words.subList(k, end)), PERSON));
        k = end;
        continue;
      }
      if (isAcronym(word) && !notNames.contains(word)) {
        mentions.add(new Mention(word, ORGANIZATION));
      } else if (words.size() == 1) {
        mentions.add(new Mention(word, null)); // may be an alias of a longer name
      }
      k++;
    }
  }

  /**
   * End (exclusive) of a German person's name whose given name ends at {@code from}: a second
   * given name, particles, and one surname; {@code from} when no capitalised surname follows.
   */
  private int personEnd(List<String> words, int from) {
    int i = from;
    if (i + 1 < words.size() && germanFirstNames.contains(words.get(i)) && isSurname(words.get(i + 1))) {
      i++; // Frank Walter Steinmeier
    }
    while (i < words.size() && NAME_PARTICLES.contains(words.get(i))) {
      i++;
    }
    return i < words.size() && isSurname(words.get(i)) ? i + 1 : from;
  }

  private boolean isSurname(String word) {
    return !word.isEmpty()
        && Character.isUpperCase(word.codePointAt(0))
        && !isAcronym(word)
        && !notNames.contains(word)
        && !germanOrganizations.contains(word)
        && !germanLocations.contains(word)
        && !organizationSuffixes.contains(word);
  }

  private String type(List<String> words, String name, boolean titled, String following) {
    if (organizations.contains(name)) {
      return ORGANIZATION;
    }
    if (locations.contains(name)) {
      return LOCATION;
    }
    String last = words.get(words.size() - 1);
    if (institutionOf(words)) {
      return ORGANIZATION;
    }
    if (words.size() >= 2
        && (organizationSuffixes.contains(last) || organizations.contains(words.get(0)))) {
      return ORGANIZATION;
    }
    if (words.size() == 1) {
      if (titled) {
        // "Director General": a title after a title is no name
        return titleAt(List.of(name, "x")) > 0 || notNames.contains(name) ? null : PERSON;
      }
      if (isAcronym(name) && !notNames.contains(name)) {
        return ORGANIZATION;
      }
      return null;
    }
    if (words.size() <= 4
        && !containsKnownName(words)
        && (titled
            || firstNames.contains(words.get(0))
            || hasInitial(words)
            || (words.size() <= 3 && SPEECH_VERBS.contains(following)))) {
      return PERSON;
    }
    if (words.size() <= 3) {
      return OTHER;
    }
    return null;
  }

  private boolean institutionOf(List<String> words) {
    return words.size() >= 3
        && organizationSuffixes.contains(words.get(0))
        && CONNECTORS.contains(words.get(1));
  }

  private boolean containsKnownName(List<String> words) {
    for (String w : words) {
      if (organizations.contains(w) || locations.contains(w) || organizationSuffixes.contains(w)) {
        return true;
      }
    }
    return false;
  }

  private List<NamedEntity> aggregate(List<Mention> mentions) {
    Map<String, int[]> counts = new LinkedHashMap<>(); // "type\u0000text" -> count
    Map<String, String> aliasOf = new LinkedHashMap<>();
    for (Mention m : mentions) {
      if (m.type() != null) {
        counts.computeIfAbsent(m.type() + '\u0000' + m.text(), k -> new int[1])[0]++;
        String[] parts = m.text().split(" ");
        if (parts.length > 1) {
          if (PERSON.equals(m.type())) {
            aliasOf.putIfAbsent(parts[parts.length - 1], PERSON + '\u0000' + m.text());
          } else if (ORGANIZATION.equals(m.type())) {
            aliasOf.putIfAbsent(parts[0], ORGANIZATION + '\u0000' + m.text());
          }
        }
      }
    }
    for (Mention m : mentions) {
      String target = aliasOf.get(m.text());
      if (target != null && !m.text().contains(" ")) {
        counts.computeIfAbsent(target, k -> new int[1])[0]++;
        // the single word, counted on its own above, is the same entity
        if (m.type() != null) {
          int[] own = counts.get(m.type() + '\u0000' + m.text());
          if (own != null) {
            own[0]--;
          }
        }
      }
    }
    List<Map.Entry<String, int[]>> ranked = new ArrayList<>(counts.entrySet());
    // OTHER is the least certain kind: keep it only when the article repeats it.
    ranked.removeIf(
        e -> e.getValue()[0] <= 0 || (e.getKey().startsWith(OTHER) && e.getValue()[0] < 2));
    // stable sort keeps first-mention order among equal counts
    ranked.sort((a, b) -> Integer.compare(b.getValue()[0], a.getValue()[0]));
    List<NamedEntity> result = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Map.Entry<String, int[]> e : ranked) {
      int sep = e.getKey().indexOf('\u0000');
      String text = e.getKey().substring(sep + 1);
      if (seen.add(text)) {
        result.add(new NamedEntity(text, e.getKey().substring(0, sep)));
      }
      if (result.size() == maxEntities) {
        break;
      }
    }
    return List.copyOf(result);
  }

  private int titleAt(List<String> words) {
    String first = words.get(0);
    if (first.endsWith(".")) {
      first = first.substring(0, first.length() - 1);
    }
    for (List<String> title : personTitles.getOrDefault(first, List.of())) {
      if (title.size() <= words.size()) {
        boolean match = true;
        for (int k = 0; k < title.size(); k++) {
          String w = words.get(k);
          if (w.endsWith(".")) {
            w = w.substring(0, w.length() - 1);
          }
          if (!title.get(k).equals(w)) {
            match = false;
            break;
          }
        }
        if (match) {
          return title.size();
        }
      }
    }
    return 0;
  }

  private static List<Token> tokenize(String line) {
    List<Token> tokens = new ArrayList<>();
    int previousEnd = 0;
    boolean pendingBreak = true;
    int start;
    while ((start = wordStart(line, previousEnd)) >= 0) {
      int end = wordEnd(line, start);
      // The gap before the word opens a clause unless it is blank or the period of a title.
      boolean clauseStart =
          pendingBreak
              || (!isBlank(line, previousEnd, start) && !afterTitle(tokens, line, previousEnd, start));
      int wordEnd = end;
      pendingBreak = false;
      if (end - start >= 2 && (line.startsWith("'s", end - 2) || line.startsWith("’s", end - 2))) {
        wordEnd = end - 2;
        pendingBreak = true; // a possessive ends the name
      } else if (line.charAt(end - 1) == '.' && end - start > 2) {
        wordEnd = end - 1;
      }
      tokens.add(new Token(line, start, wordEnd, clauseStart));
      previousEnd = end;
    }
    return tokens;
  }

  /**
   * Start of the first word at or after {@code from}, or -1. A word is a run of letters, marks
   * and digits in which single {@code ’ ' & . -} may join two such runs ({@code O'Brien}, {@code
   * AT&T}, {@code U.S}): the same as the regular expression {@code
   * [\p{L}\p{M}\p{N}]+(?:[’'&.\-][\p{L}\p{M}\p{N}]+)*}, scanned by hand because the
   * expression was the larger part of the extractor's cost.
   */
  static int wordStart(String text, int from) {
    int n = text.length();
    for (int i = from; i < n; ) {
      int cp = text.codePointAt(i);
      if (isWordCodePoint(cp)) {
        return i;
      }
      i += Character.charCount(cp);
    }
    return -1;
  }

  /** End (exclusive) of the word that starts at {@code start} (see {@link #wordStart}). */
  static int wordEnd(String text, int start) {
    int n = text.length();
    int i = start;
    while (true) {
      while (i < n) {
        int cp = text.codePointAt(i);
        if (!isWordCodePoint(cp)) {
          break;
        }
        i += Character.charCount(cp);
      }
      if (i + 1 < n && isWordJoiner(text.charAt(i)) && isWordCodePoint(text.codePointAt(i + 1))) {
        i++;
      } else {
        return i;
      }
    }
  }

  /** {@code \p{L}}, {@code \p{M}} or {@code \p{N}}: general categories 1 to 11. */
  private static boolean isWordCodePoint(int cp) {
    int type = Character.getType(cp);
    return type >= Character.UPPERCASE_LETTER && type <= Character.OTHER_NUMBER;
  }

  private static boolean isWordJoiner(char c) {
    return c == '’' || c == '\'' || c == '&' || c == '.' || c == '-';
  }

  /** Whether {@code text[from, to)} is all whitespace, as {@link String#isBlank}. */
  private static boolean isBlank(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!Character.isWhitespace(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Whether the gap {@code text[from, to)} is the period after a title abbreviation ("Dr. X"). */
  private static boolean afterTitle(List<Token> tokens, String text, int from, int to) {
    if (tokens.isEmpty()) {
      return false;
    }
    // The gap, stripped of whitespace, is exactly ".".
    int dots = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == '.') {
        dots++;
      } else if (!Character.isWhitespace(c)) {
        return false;
      }
    }
    return dots == 1 && TITLE_ABBREVIATIONS.contains(tokens.get(tokens.size() - 1).text());
  }

  /**
   * Lines of the text with hard-wrapped lines joined: a line break that does not follow the end
   * of a sentence (Reuters wraps its text at 65 columns) continues the paragraph.
   */
  private static List<String> joinWrappedLines(String text) {
    List<String> lines = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.split("\n")) {
      String trimmed = line.strip();
      if (current.length() > 0) {
        char last = current.charAt(current.length() - 1);
        boolean ends = last == '.' || last == '!' || last == '?' || last == ':' || last == '"'
            || last == '”' || trimmed.isEmpty() || mostlyUpperCase(trimmed);
        if (ends) {
          lines.add(current.toString());
          current.setLength(0);
        } else {
          current.append(' ');
        }
      }
      current.append(trimmed);
    }
    if (current.length() > 0) {
      lines.add(current.toString());
    }
    return lines;
  }

  private static List<String> texts(List<Token> run) {
    List<String> words = new ArrayList<>(run.size());
    for (Token t : run) {
      words.add(t.text());
    }
    return words;
  }

  private static List<Token> toTokens(List<String> words) {
    List<Token> tokens = new ArrayList<>();
    for (String w : words) {
      tokens.add(new Token(w));
    }
    return tokens;
  }

  private static boolean isAcronym(String word) {
    if (word.length() < 2
        || word.length() > 5
        || NOT_ACRONYMS.contains(word)
        || ROMAN_NUMERAL.matcher(word).matches()) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (!Character.isUpperCase(c) && c != '&') {
        return false;
      }
    }
    return true;
  }

  private static boolean hasInitial(List<String> words) {
    for (int i = 0; i < words.size() - 1; i++) {
      String w = words.get(i);
      if ((w.length() == 1 || (w.length() == 2 && Character.isUpperCase(w.charAt(1))))
          && Character.isUpperCase(w.charAt(0))) {
        return true;
      }
    }
    return false;
  }

  private static boolean mostlyUpperCase(String line) {
    int letters = 0;
    int upper = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c < 0x80) {
        // ASCII, most of the text: the same tests without the character tables
        if (c >= 'A' && c <= 'Z') {
          letters++;
          upper++;
        } else if (c >= 'a' && c <= 'z') {
          letters++;
        }
      } else if (Character.isLetter(c)) {
        letters++;
        if (Character.isUpperCase(c)) {
          upper++;
        }
      }
    }
    return letters >= 12 && upper * 10 > letters * 6;
  }

  private static Properties load() {
    Properties lists = new Properties();
    try (InputStream in = EntityExtractor.class.getResourceAsStream(GAZETTEER)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + GAZETTEER);
      }
      lists.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lists;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }

  private static Set<String> set(Properties lists, String key) {
    String value = lists.getProperty(key);
    if (value == null) {
      throw new IllegalStateException(GAZETTEER + " lacks " + key);
    }
    Set<String> result = new HashSet<>();
    for (String item : value.split(",")) {
      String trimmed = item.strip();
      if (!trimmed.isEmpty()) {
        result.add(trimmed);
      }
    }
    return Set.copyOf(result);
  }
}
