package io.newsstream.processor.enrich;

/** A short excerpt of the moneycontrol.com sample article, with its page furniture. */
final class SampleArticle {

  static final String URL =
      "https://www.moneycontrol.com/news/business/startup/"
          + "whatsapp-breach-nso-meet-police-commissioners-to-sell-spyware-says-tmcs-mahua-moitra-4609641.html";

  static final String TITLE =
      "WhatsApp breach: NSO meet police commissioners to sell spyware, says TMC's Mahua Moitra";

  static final String BODY =
      "Trinamool Congress’ Member of Parliament Mahua Moitra plans to “wait and watch” for a few"
          + " days before knocking on the doors of courts over the WhatsApp privacy breach.A member"
          + " of the parliamentary standing committee on information technology, Moitra said the"
          + " NSO Group had been meeting police commissioners to sell its spyware.\n"
          + "Pegasus is the spyware designed by Israeli surveillance firm NSO Group that was"
          + " installed in phones exploiting WhatsApp’s video-calling facility.\n"
          + "WhatsApp has sued NSO in the US for allegedly helping governments hack phones of at"
          + " least 1,400 users across the world, including 121 in India. NSO denies the charges.\n"
          + "\n        Close\n      \n"
          + "In India, former RSS ideologue KN Govindacharya has moved the Supreme Court seeking a"
          + " police case against WhatsApp, its owner Facebook, and NSO for violating the privacy"
          + " of citizens.\n"
          + "A former JP Morgan investment banker, Moitra returned to India in 2009 and joined the"
          + " Youth Congress. She then moved to the Trinamool Congress and was elected to the West"
          + " Bengal assembly in 2016. She successfully contested the 2019 Lok Sabha election and"
          + " represents Krishnanagar in Parliament.Special Thursday Expiry on 10th 7th NovEarly"
          + " Closure to The Great Diwali Discount. Last Chance to get Moneycontrol PRO for a year"
          + " @ Rs. 289/- only Coupon code: DIWALI";

  private SampleArticle() {}

  static ArticleInput input() {
    return new ArticleInput(URL, TITLE, BODY, null);
  }
}
