//! Which speakers a query names: the page lists their quotations under results and shows
//! them as people cards, and the sharded search fetches a hit's whole article when its card
//! lacks the named speaker's quotations. One rule for all three.

use super::normalize::fold;

/// The words of a query that can name a speaker: folded; quoted or excluded words and `OR`
/// left out; eight at most.
pub fn name_words(query: &str) -> Vec<String> {
    query.split_whitespace().filter(|w| !w.starts_with('-') && *w != "OR").map(fold).filter(|w| !w.is_empty()).take(8).collect()
}

/// A name's folded words, as [`names`] compares them.
pub fn folded_name(name: &str) -> Vec<String> {
    name.split(|c: char| c.is_whitespace() || c == '-').map(fold).filter(|w| !w.is_empty()).collect()
}

/// Whether a name (its [`folded_name`]) contains every query word of [`name_words`]
/// (accent- and case-insensitive; the last word may be a prefix of two letters or more).
pub fn names(folded: &[String], words: &[String]) -> bool {
    !words.is_empty()
        && words.iter().enumerate().all(|(i, w)| folded.iter().any(|n| if i + 1 == words.len() { n.starts_with(w.as_str()) && w.len() >= 2 } else { n == w }))
}

/// [`name_words`] as a search reads the query: a single letter still being typed (no space
/// after it) is not a word yet (see `search::query`: "Egeland c" searches "Egeland"), so it
/// names nobody in full — not the "C." of "Michael C. Burgess".
pub fn name_words_read(query: &str) -> Vec<String> {
    let mut words = name_words(query);
    if !query.ends_with(char::is_whitespace) && words.last().is_some_and(|w| w.chars().count() < super::MIN_PREFIX_CHARS) {
        words.pop();
    }
    words
}

/// Whether a name (its [`folded_name`]) contains every query word of [`name_words_read`] as a
/// whole word: what makes a result whose card lacks that speaker's quotations read its whole
/// report (see `shards::Library::search`), so the hit can list them. A word still being
/// typed names too many people to fetch reports for — "cl" names Clinton, Clark, Clayton…,
/// and at 100,000 reports "cli" fetched 4.3 MB of them on one keystroke — so until it is
/// complete the hits list the quotations their cards hold ([`names`]), and the rest come
/// with the whole word.
pub fn names_in_full(folded: &[String], words: &[String]) -> bool {
    !words.is_empty() && words.iter().all(|w| folded.iter().any(|n| n == w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_names_the_speaker_the_last_as_a_prefix() {
        let egeland = folded_name("Jan Egeland");
        assert!(names(&egeland, &name_words("egeland")));
        assert!(names(&egeland, &name_words("Jan Egel")));
        assert!(names(&egeland, &name_words("ÉGELAND")));
        assert!(!names(&egeland, &name_words("egel jan")), "only the last word is a prefix");
        assert!(!names(&egeland, &name_words("e")), "a one-letter prefix names nobody");
        assert!(!names(&egeland, &name_words("-egeland")));
        assert!(!names(&egeland, &name_words("")));
        assert!(names(&folded_name("Jean-Marc Ayrault"), &name_words("marc")));
    }

    #[test]
    fn only_whole_words_are_worth_whole_reports() {
        let clinton = folded_name("Hillary Clinton");
        for typing in ["cl", "cli", "clint", "hillary cl", ""] {
            assert!(!names_in_full(&clinton, &name_words(typing)), "{typing:?}");
        }
        assert!(names(&clinton, &name_words("cli")), "the hits still list what their cards hold");
        assert!(names_in_full(&clinton, &name_words("Clinton")));
        assert!(names_in_full(&clinton, &name_words("hillary CLINTON")));
        assert!(names_in_full(&folded_name("Jan Egeland"), &name_words("Égeland")));
        assert!(!names_in_full(&clinton, &name_words("clinton hillary x")));
        let burgess = folded_name("Michael C. Burgess");
        assert!(!names_in_full(&burgess, &name_words_read("c")), "a letter being typed is no word yet");
        assert!(names_in_full(&burgess, &name_words_read("burgess c")), "read as `burgess`");
        assert!(names_in_full(&burgess, &name_words_read("burgess c ")), "a finished one is");
        assert_eq!(name_words_read("Egeland c"), vec!["egeland".to_string()]);
    }
}
