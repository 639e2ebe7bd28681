package io.newsstream.ingest.validate;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;
import java.time.LocalDate;

/**
 * The limits of the ingest contract, under {@value #PREFIX}. Defaults are the ones the API
 * documents; every one can be changed by configuration.
 */
@ConfigurationProperties(ValidationConfiguration.PREFIX)
public class ValidationConfiguration {

  public static final String PREFIX = "newsstream.ingest.validation";

  /** Maximum length of {@code url}, in characters. Default 2048. */
  private int maxUrlLength = 2048;

  /** Maximum length of {@code title}, in characters (Unicode code points). Default 1000. */
  private int maxTitleLength = 1000;

  /** Maximum length of {@code body}, in characters (Unicode code points). Default 1,000,000. */
  private int maxBodyLength = 1_000_000;

  /** Maximum length of {@code author} and {@code source}. Default 1000. */
  private int maxNameLength = 1000;

  /** How far in the future {@code publishedAt} may lie (clock skew, time zones). Default 24h. */
  private Duration maxFutureSkew = Duration.ofHours(24);

  /**
   * The earliest {@code publishedAt} accepted, from the start of that day in UTC. An earlier one
   * is a placeholder ({@code 0001-01-01}) or a typo rather than a publication date, and would be
   * stored as such. Default 1800-01-01, well before any corpus we take (Reuters-21578: 1987).
   */
  private LocalDate earliestPublishedAt = LocalDate.of(1800, 1, 1);

  /** Maximum number of {@code attributes} pairs. Default 50. */
  private int maxAttributes = 50;

  /** Maximum length of one attribute key. Default 256. */
  private int maxAttributeKeyLength = 256;

  /** Maximum length of one attribute value. Default 4096. */
  private int maxAttributeValueLength = 4096;

  /** Maximum length of a client id ({@code id} field or {@code Idempotency-Key}). Default 200. */
  private int maxIdLength = 200;

  /**
   * Reject fields the contract does not know, naming them (catches scraper typos such as
   * {@code tittle}). When false they are ignored. Default true.
   */
  private boolean rejectUnknownFields = true;

  public int getMaxUrlLength() {
    return maxUrlLength;
  }

  public void setMaxUrlLength(int maxUrlLength) {
    this.maxUrlLength = positive("max-url-length", maxUrlLength);
  }

  public int getMaxTitleLength() {
    return maxTitleLength;
  }

  public void setMaxTitleLength(int maxTitleLength) {
    this.maxTitleLength = positive("max-title-length", maxTitleLength);
  }

  public int getMaxBodyLength() {
    return maxBodyLength;
  }

  public void setMaxBodyLength(int maxBodyLength) {
    this.maxBodyLength = positive("max-body-length", maxBodyLength);
  }

  public int getMaxNameLength() {
    return maxNameLength;
  }

  public void setMaxNameLength(int maxNameLength) {
    this.maxNameLength = positive("max-name-length", maxNameLength);
  }

  public Duration getMaxFutureSkew() {
    return maxFutureSkew;
  }

  public void setMaxFutureSkew(Duration maxFutureSkew) {
    if (maxFutureSkew == null || maxFutureSkew.isNegative()) {
      throw new IllegalArgumentException(PREFIX + ".max-future-skew must be zero or positive");
    }
    this.maxFutureSkew = maxFutureSkew;
  }

  public LocalDate getEarliestPublishedAt() {
    return earliestPublishedAt;
  }

  public void setEarliestPublishedAt(LocalDate earliestPublishedAt) {
    if (earliestPublishedAt == null) {
      throw new IllegalArgumentException(PREFIX + ".earliest-published-at must be a date such as 1800-01-01");
    }
    this.earliestPublishedAt = earliestPublishedAt;
  }

  public int getMaxAttributes() {
    return maxAttributes;
  }

  public void setMaxAttributes(int maxAttributes) {
    if (maxAttributes < 0) {
      throw new IllegalArgumentException(PREFIX + ".max-attributes must be zero or positive");
    }
    this.maxAttributes = maxAttributes;
  }

  public int getMaxAttributeKeyLength() {
    return maxAttributeKeyLength;
  }

  public void setMaxAttributeKeyLength(int maxAttributeKeyLength) {
    this.maxAttributeKeyLength = positive("max-attribute-key-length", maxAttributeKeyLength);
  }

  public int getMaxAttributeValueLength() {
    return maxAttributeValueLength;
  }

  public void setMaxAttributeValueLength(int maxAttributeValueLength) {
    this.maxAttributeValueLength = positive("max-attribute-value-length", maxAttributeValueLength);
  }

  public int getMaxIdLength() {
    return maxIdLength;
  }

  public void setMaxIdLength(int maxIdLength) {
    this.maxIdLength = positive("max-id-length", maxIdLength);
  }

  public boolean isRejectUnknownFields() {
    return rejectUnknownFields;
  }

  public void setRejectUnknownFields(boolean rejectUnknownFields) {
    this.rejectUnknownFields = rejectUnknownFields;
  }

  private static int positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(PREFIX + "." + name + " must be positive, was " + value);
    }
    return value;
  }
}
