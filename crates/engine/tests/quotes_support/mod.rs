//! Shared by the quotation test files: an article built from invented plain text.

use dispatches_engine::{corpus, Article, ArticleMeta, Date};

/// `text` as a plain-text article (first block the headline), with empty metadata.
pub fn article(text: &str) -> Article {
    let meta = ArticleMeta {
        outlet: String::new(),
        headline: String::new(),
        byline: String::new(),
        dateline: String::new(),
        published: Date::new(1970, 1, 1).unwrap(),
        published_raw: String::new(),
        url: String::new(),
        language: String::new(),
    };
    corpus::build_article("t".into(), "t.txt".into(), meta, text.to_string())
}
