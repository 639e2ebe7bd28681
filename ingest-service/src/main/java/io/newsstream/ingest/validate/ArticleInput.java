package io.newsstream.ingest.validate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An article as the client sent it, before validation: every field a string exactly as read
 * (or null when absent), plus the problems the reader already found while parsing (a field of
 * the wrong JSON type, an unknown field, a missing markdown header line). Mutable, used by one
 * thread while one item is read.
 */
public final class ArticleInput {

  private String id;
  private String url;
  private String title;
  private String body;
  private String publishedAt;
  private String author;
  private String source;
  private String language;
  private Map<String, String> attributes = new LinkedHashMap<>();
  private final List<Violation> parseViolations = new ArrayList<>();

  public String id() {
    return id;
  }

  public ArticleInput id(String value) {
    this.id = value;
    return this;
  }

  public String url() {
    return url;
  }

  public ArticleInput url(String value) {
    this.url = value;
    return this;
  }

  public String title() {
    return title;
  }

  public ArticleInput title(String value) {
    this.title = value;
    return this;
  }

  public String body() {
    return body;
  }

  public ArticleInput body(String value) {
    this.body = value;
    return this;
  }

  public String publishedAt() {
    return publishedAt;
  }

  public ArticleInput publishedAt(String value) {
    this.publishedAt = value;
    return this;
  }

  public String author() {
    return author;
  }

  public ArticleInput author(String value) {
    this.author = value;
    return this;
  }

  public String source() {
    return source;
  }

  public ArticleInput source(String value) {
    this.source = value;
    return this;
  }

  public String language() {
    return language;
  }

  public ArticleInput language(String value) {
    this.language = value;
    return this;
  }

  public Map<String, String> attributes() {
    return attributes;
  }

  public ArticleInput attributes(Map<String, String> value) {
    this.attributes = value == null ? new LinkedHashMap<>() : value;
    return this;
  }

  /** Problems found while reading, before any rule was applied. */
  public List<Violation> parseViolations() {
    return parseViolations;
  }

  public ArticleInput addViolation(Violation violation) {
    parseViolations.add(violation);
    return this;
  }
}
