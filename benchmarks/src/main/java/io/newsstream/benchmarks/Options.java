package io.newsstream.benchmarks;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Command-line options of the harnesses: {@code --name value}, {@code --name=value} or a bare
 * {@code --flag}. Each harness declares the names it knows with their defaults and documentation
 * in its usage text; an unknown name is refused, so a typo never silently runs the defaults.
 */
final class Options {

  private final Map<String, String> values;

  private Options(Map<String, String> values) {
    this.values = values;
  }

  /**
   * Parses {@code args}.
   *
   * @param known option names without the leading dashes
   * @param flags the subset of {@code known} that take no value
   */
  static Options parse(String[] args, Set<String> known, Set<String> flags) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument: " + arg);
      }
      String name = arg.substring(2);
      String value = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      if (!known.contains(name)) {
        throw new IllegalArgumentException("unknown option: --" + name);
      }
      if (flags.contains(name)) {
        String flag = value == null ? "true" : value.toLowerCase(Locale.ROOT);
        if (!flag.equals("true") && !flag.equals("false")) {
          throw new IllegalArgumentException("--" + name + " is a flag: give it alone, or as --" + name + "=true or =false, not " + value);
        }
        values.put(name, flag);
        continue;
      }
      if (value == null) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("--" + name + " needs a value");
        }
        value = args[++i];
      }
      values.put(name, value);
    }
    return new Options(values);
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  boolean flag(String name) {
    return Boolean.parseBoolean(values.getOrDefault(name, "false").toLowerCase(Locale.ROOT));
  }

  String string(String name, String defaultValue) {
    return values.getOrDefault(name, defaultValue);
  }

  Path path(String name, Path defaultValue) {
    String value = values.get(name);
    return value == null ? defaultValue : Path.of(value);
  }

  int positiveInt(String name, int defaultValue) {
    String value = values.get(name);
    if (value == null) {
      return defaultValue;
    }
    try {
      int parsed = Integer.parseInt(value.replace("_", ""));
      if (parsed <= 0) {
        throw new IllegalArgumentException("--" + name + " must be positive, was " + value);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a number, was " + value, e);
    }
  }

  /** An integer from {@code min} to {@code max}, or {@code defaultValue} when not given. */
  /** A size as {@link #bytes} reads it: a number of bytes, or of KB, MB or GB. */
  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(KB|MB|GB)?", Pattern.CASE_INSENSITIVE);

  /**
   * A size in bytes, as the processor reads its own (`256MB`, `1GB`, `512KB` or a plain number of
   * bytes); {@code defaultValue} when absent.
   */
  long bytes(String name, long defaultValue) {
    String value = values.get(name);
    if (value == null) {
      return defaultValue;
    }
    Matcher matcher = SIZE.matcher(value.trim());
    if (!matcher.matches()) {
      throw new IllegalArgumentException("--" + name + " must be a size such as 256MB, 1GB or a number of bytes, was " + value);
    }
    long number = Long.parseLong(matcher.group(1));
    String unit = matcher.group(2) == null ? "" : matcher.group(2).toUpperCase(Locale.ROOT);
    return switch (unit) {
      case "KB" -> number << 10;
      case "MB" -> number << 20;
      case "GB" -> number << 30;
      default -> number;
    };
  }

  int intWithin(String name, int defaultValue, int min, int max) {
    String value = values.get(name);
    if (value == null) {
      return defaultValue;
    }
    int parsed;
    try {
      parsed = Integer.parseInt(value.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a number, was " + value, e);
    }
    if (parsed < min || parsed > max) {
      throw new IllegalArgumentException(
          "--" + name + " must be " + (max == Integer.MAX_VALUE ? min + " or more" : "from " + min + " to " + max) + ", was " + value);
    }
    return parsed;
  }

  /** The repository root: {@code --repo-root}, else system property newsstream.repo.root, else ".". */
  static Path repoRoot(Options options) {
    return options.path("repo-root", Path.of(System.getProperty("newsstream.repo.root", ".")))
        .toAbsolutePath()
        .normalize();
  }
}
