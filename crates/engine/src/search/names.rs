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

/// Whether a query's name words ([`name_words`]) are worth reading whole reports for, when a
/// result card lacks the quotations of a speaker they name (see `shards::Library::search`): a
/// lone two-letter prefix ("cl") names dozens of people (Clinton, Clark, Clayton…), and
/// fetching the text of most hits on that keystroke would double its cost for quotations
/// nobody has asked for yet; the hits still list those the cards hold. From a third letter,
/// or after a whole word, it is.
pub fn worth_reading_whole(words: &[String]) -> bool {
    words.len() > 1 || words.first().is_some_and(|w| w.chars().count() >= 3)
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
    fn a_lone_two_letter_prefix_is_not_worth_whole_reports() {
        assert!(!worth_reading_whole(&name_words("cl")));
        assert!(!worth_reading_whole(&name_words("")));
        assert!(worth_reading_whole(&name_words("cli")));
        assert!(worth_reading_whole(&name_words("hillary cl")));
        assert!(worth_reading_whole(&name_words("Égeland")));
    }
}
