package io.newsstream.ingest.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/**
 * The JSON article of {@code POST /v1/articles} and of each batch item, as documented in the
 * OpenAPI description. Requests are not bound to this type: they are read field by field by
 * {@link io.newsstream.ingest.validate.JsonArticleReader} so every problem names its field.
 */
@Schema(name = "Article", description = "An article as a scraper submits it. Unknown fields are rejected by default.")
public record ArticleRequest(
    @Schema(description = "Batch items only: client id, echoed back and used as eventId.", maxLength = 200,
        nullable = true)
    String id,
    @Schema(description = "Absolute http(s) URL of the article.", maxLength = 2048, requiredMode = Schema.RequiredMode.REQUIRED,
        example = "https://www.moneycontrol.com/news/business/startup/whatsapp-breach-4609641.html")
    String url,
    @Schema(description = "Headline, 1 to 1,000 characters.", minLength = 1, maxLength = 1000,
        requiredMode = Schema.RequiredMode.REQUIRED)
    String title,
    @Schema(description = "Article text, 1 to 1,000,000 characters. Control characters other than newline and tab"
        + " are rejected.", minLength = 1, maxLength = 1_000_000, requiredMode = Schema.RequiredMode.REQUIRED)
    String body,
    @Schema(description = "ISO-8601 date-time with offset, or a date; at most 24 h in the future and not before"
        + " 1800-01-01. Null or absent when not known; an empty string is refused.", nullable = true, minLength = 1,
        example = "2019-11-06T00:00:00+00:00")
    String publishedAt,
    @Schema(description = "Byline.", nullable = true, maxLength = 1000)
    String author,
    @Schema(description = "Outlet name.", nullable = true, maxLength = 1000, example = "Moneycontrol")
    String source,
    @Schema(description = "ISO 639-1 language code.", nullable = true, example = "en", pattern = "^[a-zA-Z]{2}$")
    String language,
    @Schema(description = "Up to 50 free-form string pairs, carried through unchanged.", nullable = true)
    Map<String, String> attributes) {}
