//! Normalising a quotation's words: the same words printed by two outlets compare equal
//! whatever their case, punctuation, quote marks, apostrophes, accents and spacing.

use crate::model::Span;
use crate::search::normalize::{fold, is_apostrophe};
use std::collections::HashMap;

/// A quotation as normalised words: each word's id in the [`Vocabulary`] and its byte span in
/// the article text (so a changed word can be marked where the outlet printed it).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct QuoteWords {
    pub ids: Vec<u32>,
    pub spans: Vec<Span>,
}

impl QuoteWords {
    pub fn len(&self) -> usize {
        self.ids.len()
    }
}

/// Every distinct folded word gets one id, so comparing words is comparing integers.
#[derive(Default)]
pub(super) struct Vocabulary {
    ids: HashMap<String, u32>,
}

impl Vocabulary {
    fn id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.ids.len() as u32;
        self.ids.insert(word.to_string(), id);
        id
    }

    /// The words of `text[span]`. A word is a run of letters and digits; an apostrophe
    /// between two letters belongs to the word and is dropped (`don’t` = `don't` = `dont`);
    /// hyphens, dashes, dots and every other mark separate words, so `so-called` and
    /// `so called` agree. Letters are lower-cased and stripped of accents as search folds them.
    pub fn words(&mut self, text: &str, span: Span) -> QuoteWords {
        let mut out = QuoteWords::default();
        let Some(quoted) = text.get(span.range()) else {
            return out;
        };
        let base = span.start as usize;
        let mut start: Option<usize> = None;
        let mut chars = quoted.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let joins = is_apostrophe(c) && start.is_some() && chars.peek().is_some_and(|&(_, d)| d.is_alphanumeric());
            if c.is_alphanumeric() || joins {
                start.get_or_insert(i);
                continue;
            }
            if let Some(s) = start.take() {
                self.push(&mut out, quoted, base, s, i);
            }
        }
        if let Some(s) = start {
            self.push(&mut out, quoted, base, s, quoted.len());
        }
        out
    }

    /// Adds the word `quoted[start..end]` (two words for a contraction, both spanning it).
    fn push(&mut self, out: &mut QuoteWords, quoted: &str, base: usize, start: usize, end: usize) {
        let raw = &quoted[start..end];
        let (first, second) = match expanded(raw) {
            Some((first, second)) => (first, Some(second)),
            None => (fold(raw), None),
        };
        for word in std::iter::once(first.as_str()).chain(second).filter(|w| !w.is_empty()) {
            out.ids.push(self.id(word));
            out.spans.push(Span::new(base + start, base + end));
        }
    }
}

/// A contraction as its two words, so printings that spell it out or not agree: `we’re` =
/// `we are`, `don't` = `do not`, `can't` = `cannot` = `can not`, `won't` = `will not`, `I'll`,
/// `I've`, `I'm`. `'s` and `'d` are left alone (is or has, had or would: a guess could make
/// two different sentences alike).
fn expanded(raw: &str) -> Option<(String, &'static str)> {
    if raw.eq_ignore_ascii_case("cannot") {
        return Some(("can".into(), "not"));
    }
    let cut = raw.char_indices().filter(|&(_, c)| is_apostrophe(c)).next_back()?.0;
    let (stem, suffix) = (fold(&raw[..cut]), fold(&raw[cut..]));
    let second = match suffix.as_str() {
        "re" => "are",
        "ve" => "have",
        "ll" => "will",
        "m" => "am",
        "t" if stem.ends_with('n') => {
            let first = match stem.as_str() {
                "won" => "will".to_string(),
                "can" => "can".to_string(),
                "shan" => "shall".to_string(),
                other => other[..other.len() - 1].to_string(),
            };
            return (!first.is_empty()).then_some((first, "not"));
        }
        _ => return None,
    };
    (!stem.is_empty()).then_some((stem, second))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(vocab: &mut Vocabulary, text: &str) -> QuoteWords {
        vocab.words(text, Span::new(0, text.len()))
    }

    #[test]
    fn case_punctuation_quote_marks_apostrophes_and_spacing_do_not_count() {
        let mut v = Vocabulary::default();
        let a = words(&mut v, "We don’t  negotiate — with ‘terrorists’, period.");
        let b = words(&mut v, "we don't negotiate with 'Terrorists' Period");
        assert_eq!(a.ids, b.ids);
        assert_eq!(a.len(), 7);
        let c = words(&mut v, "Café So-called");
        let d = words(&mut v, "cafe so called");
        assert_eq!(c.ids, d.ids);
    }

    #[test]
    fn contractions_are_their_two_words() {
        let mut v = Vocabulary::default();
        let a = words(&mut v, "We’re sure they can't, and we won't: I'm told you'll see we don't, cannot");
        let b = words(&mut v, "we are sure they can not and we will not I am told you will see we do not can not");
        assert_eq!(a.ids, b.ids);
        // 's and 'd stay one word, and a contraction's two words both span it.
        let c = words(&mut v, "it's he'd");
        assert_eq!(c.len(), 2);
        let text = "they don’t";
        let d = v.words(text, Span::new(0, text.len()));
        assert_eq!(d.spans.iter().map(|s| &text[s.range()]).collect::<Vec<_>>(), ["they", "don’t", "don’t"]);
        // An apostrophe with nothing before it is no contraction.
        assert_eq!(words(&mut v, "’t").len(), 1);
    }

    #[test]
    fn spans_point_at_the_words_in_the_text() {
        let mut v = Vocabulary::default();
        let text = "He said: “Año  nuevo, it’s.”";
        let start = text.find('A').unwrap();
        let w = v.words(text, Span::new(start, text.len()));
        let printed: Vec<&str> = w.spans.iter().map(|s| &text[s.range()]).collect();
        assert_eq!(printed, ["Año", "nuevo", "it’s"]);
    }

    #[test]
    fn a_span_off_char_boundaries_or_out_of_range_gives_no_words() {
        let mut v = Vocabulary::default();
        assert_eq!(v.words("é", Span::new(1, 2)).len(), 0);
        assert_eq!(v.words("abc", Span::new(2, 9)).len(), 0);
    }
}
